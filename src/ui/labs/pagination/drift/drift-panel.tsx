import { CollectionColumn } from './collection-column.tsx';
import { DriftControls } from './drift-controls.tsx';
import { useEffect } from 'react';
import { pageSandbox } from '../../../panels/scenario-player/page-sandbox.ts';
import {
  act,
  resetDemo,
  session,
  useDriftStore,
  useDriftVersion,
  useSandboxActive,
} from './drift-store.ts';
import { MutatorBar } from './mutator-bar.tsx';
import { ScenarioList } from './scenario-list.tsx';
import { useAutoWalk } from './use-auto-walk.ts';
import { WalkerColumn } from './walker-column.tsx';

/**
 * The drift lab: three walkers side by side over one list of products, newest first, while the
 * mutator changes the list under them. Every step is a real request: see the log below.
 */
export function DriftPanel() {
  const version = useDriftVersion();
  const error = useDriftStore((state) => state.error);
  const tooBig = useDriftStore((state) => state.tooBig);
  const config = useDriftStore((state) => state.config);
  const sandboxed = useSandboxActive();
  useAutoWalk();
  // Leaving the lab ends the demo: the user's data, settings and clock come back.
  useEffect(
    () => () => {
      useDriftStore.setState({ auto: false });
      void pageSandbox.leave();
    },
    [],
  );
  const rowsById = new Map([...session.truth.values()].map((row) => [row.id, row]));

  return (
    <div className="pg-drift">
      <section className="card" aria-labelledby="pg-drift-title">
        <h2 id="pg-drift-title" className="visually-hidden">
          Drift: the list changes while you page through it
        </h2>
        <DriftControls />
        <MutatorBar />
        {sandboxed && (
          <div className="pg-sandbox" role="status" data-testid="sandbox-banner">
            <p>
              The demo runs on its own data and a paused clock. Yours are saved, and come back when
              you leave this lab.
            </p>
            <button type="button" onClick={() => void act(() => pageSandbox.leave())}>
              Put my data back now
            </button>
          </div>
        )}
        {error && (
          <p className="inline-error" role="alert">
            {error}
            {tooBig && (
              <button
                type="button"
                onClick={() =>
                  void act(() => resetDemo(config, { replace: true }).then(() => session.step()))
                }
              >
                Replace my data for the demo
              </button>
            )}
          </p>
        )}
        {session.tallies.length === 0 ? (
          <p className="pg-muted">
            Press <b>Step</b> to start. The demo saves your data and clock, then puts the chosen
            number of products in their place and pauses the virtual clock at a fixed instant, so
            the same seed and actions always give the same result; yours come back when you leave
            the lab. The walkers read the products newest first; new rows land at the head.
          </p>
        ) : (
          <div className="pg-columns">
            {session.tallies.map((tally) => (
              <WalkerColumn key={tally.kind} tally={tally} rowsById={rowsById} version={version} />
            ))}
            <CollectionColumn view={session} />
          </div>
        )}
        {session.log.length > 0 && (
          <ul className="pg-log" aria-label="What happened" aria-live="polite">
            {session.log.slice(-4).map((line, index) => (
              <li key={`${session.log.length}-${index}`}>{line}</li>
            ))}
          </ul>
        )}
      </section>
      <ScenarioList />
    </div>
  );
}

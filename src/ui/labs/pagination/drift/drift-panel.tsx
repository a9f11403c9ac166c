import { CollectionColumn } from './collection-column.tsx';
import { DriftControls } from './drift-controls.tsx';
import { session, useDriftStore, useDriftVersion } from './drift-store.ts';
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
  useAutoWalk();
  const rowsById = new Map([...session.truth.values()].map((row) => [row.id, row]));

  return (
    <div className="pg-drift">
      <section className="card" aria-labelledby="pg-drift-title">
        <h2 id="pg-drift-title" className="visually-hidden">
          Drift: the list changes while you page through it
        </h2>
        <DriftControls />
        <MutatorBar />
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        {session.tallies.length === 0 ? (
          <p className="pg-muted">
            Press <b>Step</b> to start. The demo resets the data (as the header’s Reset does) with
            the chosen number of products, pauses the virtual clock at a fixed instant and snapshots
            the list, so the same seed and actions always give the same result. The walkers read the
            products newest first; new rows land at the head.
          </p>
        ) : (
          <div className="pg-columns">
            {session.tallies.map((tally) => (
              <WalkerColumn key={tally.kind} tally={tally} rowsById={rowsById} version={version} />
            ))}
            <CollectionColumn session={session} />
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

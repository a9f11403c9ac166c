import { useEffect } from 'react';
import { cachingStepper, type CachingView } from '../../../scenarios/caching/frames.ts';
import { CACHING_SCENARIOS } from '../../../scenarios/caching/scenarios.ts';
import type { CachingStep } from '../../../scenarios/caching/steps.ts';
import type { Scenario } from '../../../scenarios/scenario.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';
import type { PlayerAdapter } from '../../panels/scenario-player/player.ts';
import { ScenarioPlayer } from '../../panels/scenario-player/scenario-player.tsx';
import { pageTransport } from '../../shared/page-transport.ts';

let runs = 0;

function makeAdapter(scenario: Scenario<CachingStep>): PlayerAdapter<CachingStep, CachingView> {
  const stepper = cachingStepper(`p${Math.random().toString(36).slice(2, 7)}${++runs}`);
  return {
    scenario,
    initial: stepper.initial,
    // Settings, the clock and a product change: all come back when it ends or the lab closes.
    begin: () => pageSandbox.enter({ settings: true, data: true }),
    run: (step, _, context) => stepper.run(step, context),
    end: () => pageSandbox.leave(),
  };
}

/** The lab's four claims in the shared player; each step shows the requests and who answered. */
export function ScenariosPanel() {
  useEffect(() => () => void pageSandbox.leave(), []);
  return (
    <ScenarioPlayer
      lab="caching"
      scenarios={CACHING_SCENARIOS}
      makeAdapter={makeAdapter}
      transport={pageTransport}
      renderView={(view) => <StepView view={view} />}
      note="Two clients, Alice (A) and Bob (B), each with a private cache, and a CDN between them and the API. The settings, the clock and the product are put back when a scenario ends or you leave the lab."
    />
  );
}

const WHO = { a: 'Alice', b: 'Bob' } as const;

function StepView({ view }: { view: CachingView }) {
  if (view.exchanges.length === 0) return <p className="cl-note">No request yet.</p>;
  const recent = view.exchanges.slice(-6);
  const firstFresh = view.exchanges.length - view.fresh;
  return (
    <div className="cl-step-view" data-testid="caching-view">
      {Object.keys(view.copies).length > 0 && (
        <div className="cl-copies">
          {(
            Object.entries(view.copies) as [
              keyof typeof WHO,
              NonNullable<CachingView['copies']['a']>,
            ][]
          ).map(([client, copy]) => (
            <p key={client} data-testid={`copy-${client}`}>
              <b>{WHO[client]}</b> holds “{copy.name}”, {copy.price_cents} ¢{' '}
              <code className="cl-muted">{copy.etag}</code>
            </p>
          ))}
        </div>
      )}
      <table className="data-table cl-exchanges">
        <thead>
          <tr>
            <th scope="col">who</th>
            <th scope="col">request</th>
            <th scope="col">their cache</th>
            <th scope="col">CDN</th>
            <th scope="col">API</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((exchange, index) => {
            const number = view.exchanges.length - recent.length + index;
            return (
              <tr
                key={number}
                className={number >= firstFresh ? 'cl-new' : undefined}
                title={exchange.why}
              >
                <th scope="row">{WHO[exchange.client]}</th>
                <td>
                  {exchange.method} {exchange.path.includes('?') ? 'page' : 'product'}
                  {exchange.precondition && <span className="badge">If-Match</span>}
                </td>
                <td>{exchange.private}</td>
                <td>{exchange.shared ?? '—'}</td>
                <td>
                  {exchange.apiStatus === undefined
                    ? 'not asked'
                    : `${exchange.apiStatus} · ${exchange.apiBytes} B`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

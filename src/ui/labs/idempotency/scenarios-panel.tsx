import { useEffect } from 'react';
import {
  idempotencyInterpreter,
  type IdempotencyView,
} from '../../../scenarios/idempotency/interpreter.ts';
import { IDEMPOTENCY_SCENARIOS } from '../../../scenarios/idempotency/scenarios.ts';
import type { IdempotencyStep } from '../../../scenarios/idempotency/steps.ts';
import type { Scenario } from '../../../scenarios/scenario.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';
import type { PlayerAdapter } from '../../panels/scenario-player/player.ts';
import { ScenarioPlayer } from '../../panels/scenario-player/scenario-player.tsx';
import { pageTransport } from '../../shared/page-transport.ts';

function makeAdapter(
  scenario: Scenario<IdempotencyStep>,
): PlayerAdapter<IdempotencyStep, IdempotencyView> {
  const interpret = idempotencyInterpreter();
  return {
    scenario,
    initial: { answers: [] },
    // A scenario may change the retention and the clock: both come back when it ends.
    begin: () => pageSandbox.enter({ settings: true }),
    run: (step, _, context) => interpret(step, context),
    end: () => pageSandbox.leave(),
  };
}

/** The double charge, the double click and the expiring key, in the shared player. */
export function ScenariosPanel() {
  useEffect(() => () => void pageSandbox.leave(), []);
  return (
    <ScenarioPlayer
      lab="idempotency"
      scenarios={IDEMPOTENCY_SCENARIOS}
      makeAdapter={makeAdapter}
      transport={pageTransport}
      renderView={(view) => <StoreView view={view} />}
      note="Each orders from a product of its own (a new “Lab kettle”), so your data gains a product and its orders; Reset puts the seed back. Settings and the clock are put back when it ends."
    />
  );
}

/** The store's change after the step: orders made for the product, and its stock. */
function StoreView({ view }: { view: IdempotencyView }) {
  if (view.stock === undefined) return <p className="idem-note">No product yet.</p>;
  const doubled = (view.orders ?? 0) > 1;
  return (
    <div className="idem-store" data-testid="idem-store">
      <p>
        Orders for the product:{' '}
        <strong data-testid="idem-orders" className={doubled ? 'idem-bad' : undefined}>
          {view.orders}
        </strong>{' '}
        · stock <strong data-testid="idem-stock">{view.stock}</strong> of {view.startStock}
      </p>
      {view.answers.length > 0 && (
        <ol className="idem-answers">
          {view.answers.map((answer, index) => (
            <li key={index}>
              {answer.label}:{' '}
              <strong>{answer.status === 0 ? 'lost (network error)' : answer.status}</strong>
              {answer.replayed && ' · Idempotent-Replayed: true'}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

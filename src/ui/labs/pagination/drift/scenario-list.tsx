import { DriftSession } from '../../../../scenarios/pagination/drift-session.ts';
import { driftStepper, type DriftView } from '../../../../scenarios/pagination/frames.ts';
import { PAGINATION_SCENARIOS } from '../../../../scenarios/pagination/scenarios.ts';
import type { DriftStep } from '../../../../scenarios/pagination/steps.ts';
import type { Scenario } from '../../../../scenarios/scenario.ts';
import { pageSandbox } from '../../../panels/scenario-player/page-sandbox.ts';
import type { PlayerAdapter } from '../../../panels/scenario-player/player.ts';
import { ScenarioPlayer } from '../../../panels/scenario-player/scenario-player.tsx';
import { pageTransport } from '../../../shared/page-transport.ts';
import { CollectionColumn } from './collection-column.tsx';
import { WalkerColumn } from './walker-column.tsx';
import './drift.css';

/** Each scenario walks its own session: the interactive demo above is not touched. */
function makeAdapter(scenario: Scenario<DriftStep>): PlayerAdapter<DriftStep, DriftView> {
  const stepper = driftStepper(new DriftSession(pageTransport));
  return {
    scenario,
    initial: stepper.initial,
    // The reset step replaces the data: the user's comes back when the scenario ends.
    begin: () => pageSandbox.enter({ data: true }),
    run: (step, _, context) => stepper.run(step, context),
    end: () => pageSandbox.leave(),
  };
}

/** The lab's three scenarios in the shared player, the walkers replaying with the steps. */
export function ScenarioList() {
  return (
    <ScenarioPlayer
      lab="pagination"
      scenarios={PAGINATION_SCENARIOS}
      makeAdapter={makeAdapter}
      transport={pageTransport}
      renderView={(view, cursor) => <DriftStage view={view} cursor={cursor} />}
      note="Each runs on demo data of its own; your data and clock come back when it ends."
    />
  );
}

function DriftStage({ view, cursor }: { view: DriftView; cursor: number }) {
  if (view.tallies.length === 0) return <p className="pg-muted">No page read yet.</p>;
  const rowsById = new Map([...view.truth.values()].map((row) => [row.id, row]));
  return (
    <div className="pg-columns pg-stage">
      {view.tallies.map((tally) => (
        <WalkerColumn key={tally.kind} tally={tally} rowsById={rowsById} version={cursor} />
      ))}
      <CollectionColumn view={view} />
    </div>
  );
}

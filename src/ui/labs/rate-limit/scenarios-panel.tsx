import { useEffect } from 'react';
import { onAnyEngineEvent } from '../../bridge/engine-events.ts';
import { ALGORITHMS } from '../../../api/middleware/rate-limit/registry.ts';
import { rateLimitStepper, type RateLimitView } from '../../../scenarios/rate-limit/frames.ts';
import { RATE_LIMIT_SCENARIOS } from '../../../scenarios/rate-limit/scenarios.ts';
import type { RateLimitStep } from '../../../scenarios/rate-limit/steps.ts';
import type { Scenario } from '../../../scenarios/scenario.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';
import type { PlayerAdapter } from '../../panels/scenario-player/player.ts';
import { ScenarioPlayer } from '../../panels/scenario-player/scenario-player.tsx';
import { coreTransport, pageTransport } from '../../shared/page-transport.ts';
import { binDecisions, binWidth, chartRows, freshLevel } from './chart-data.ts';
import { LevelChart } from './level-chart.tsx';

let runs = 0;

/** A scenario in the player: real requests through the worker, the clock read from the core. */
function makeAdapter(
  scenario: Scenario<RateLimitStep>,
): PlayerAdapter<RateLimitStep, RateLimitView> {
  const stepper = rateLimitStepper({
    events: { subscribe: onAnyEngineEvent },
    control: coreTransport,
    runId: `p${Math.random().toString(36).slice(2, 7)}${++runs}`,
  });
  return {
    scenario,
    initial: stepper.initial,
    // The scenario changes the policy and the clock: both come back when it ends or the lab closes.
    begin: () => pageSandbox.enter({ settings: true }),
    run: (step, _, context) => stepper.run(step, context),
    end: async () => {
      stepper.stop();
      await pageSandbox.leave();
    },
  };
}

/** The lab's three claims in the shared player, each step charted with the lab's own chart. */
export function ScenariosPanel() {
  // Leaving the lab puts back the clock its traffic moved (and anything a scenario changed).
  useEffect(() => () => void pageSandbox.leave(), []);
  return (
    <ScenarioPlayer
      lab="rate-limit"
      scenarios={RATE_LIMIT_SCENARIOS}
      makeAdapter={makeAdapter}
      transport={pageTransport}
      renderView={(view) => <StepChart view={view} />}
      note="Each sets its own policy and plays its traffic fast-forward; the policy and the clock are put back when it ends or you leave the lab."
    />
  );
}

function StepChart({ view }: { view: RateLimitView }) {
  const first = view.decisions[0];
  const last = view.decisions.at(-1);
  if (!first || !last || view.origin === undefined)
    return <p className="rl-note">No request yet: the chart appears with the first one.</p>;
  const algorithm = ALGORITHMS[first.algorithm];
  const span = Math.max(200, Math.max(view.now, last.at) + 1 - view.origin);
  const binMs = binWidth(span);
  const bins = binDecisions(
    view.decisions,
    view.origin,
    view.origin + Math.ceil(span / binMs) * binMs,
    binMs,
  );
  const admitted = view.decisions.filter((decision) => decision.admitted).length;
  return (
    <div data-testid="player-chart">
      <p className="rl-note">
        “{view.client}” · {algorithm.name}, {first.policy.quota} per {first.policy.windowMs / 1000}{' '}
        s · {admitted} of {view.decisions.length} admitted
      </p>
      <LevelChart
        rows={chartRows(bins, binMs)}
        startLevel={freshLevel(first) ?? 0}
        spanSeconds={(bins.length * binMs) / 1000}
        capacity={algorithm.capacity(first.policy)}
        levelName={algorithm.levelName}
        edges={view.edge === undefined ? [] : [(view.edge - view.origin) / 1000]}
        height={150}
        label={`Requests from ${view.client} per ${binMs} ms, admitted and refused, with ${algorithm.levelName}`}
      />
    </div>
  );
}

import { useEffect } from 'react';
import { authInterpreter, type AuthStepLine } from '../../../scenarios/auth/interpreter.ts';
import { AUTH_SCENARIOS } from '../../../scenarios/auth/scenarios.ts';
import type { AuthStep } from '../../../scenarios/auth/steps.ts';
import type { Scenario } from '../../../scenarios/scenario.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';
import type { PlayerAdapter } from '../../panels/scenario-player/player.ts';
import { ScenarioPlayer } from '../../panels/scenario-player/scenario-player.tsx';
import { coreTransport } from '../../shared/page-transport.ts';
import { labTransport } from './lab-http.ts';

type View = readonly AuthStepLine[];

function makeAdapter(scenario: Scenario<AuthStep>): PlayerAdapter<AuthStep, View> {
  const interpret = authInterpreter(coreTransport);
  let lines: View = [];
  return {
    scenario,
    initial: [],
    begin: () => pageSandbox.enter({ settings: true }),
    run: async (step, _index, context) => {
      const line = await interpret(step, context);
      if (line) lines = [...lines, line];
      return { view: lines, narration: step.say };
    },
    end: () => pageSandbox.leave(),
  };
}

/** The lab's five claims in the shared player; each request is in the log. */
export function ScenariosPanel() {
  useEffect(() => () => void pageSandbox.leave(), []);
  return (
    <ScenarioPlayer
      lab="auth"
      scenarios={AUTH_SCENARIOS}
      makeAdapter={makeAdapter}
      transport={labTransport}
      renderView={(view) => (
        <ol className="auth-steps" data-testid="auth-player-lines">
          {view.map((line, index) => (
            <li key={index}>
              <code>{line.label}</code> → <strong>{line.status}</strong>
              {line.check && <> · check {line.check}</>}
              {line.challenge && (
                <>
                  {' '}
                  · <code>{line.challenge}</code>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      note="Each sets the auth settings it needs (and the clock); both come back when it ends or you leave the lab."
    />
  );
}

import { oauthInterpreter } from '../../../scenarios/oauth/interpreter.ts';
import { OAUTH_SCENARIOS, type OAuthStep } from '../../../scenarios/oauth/scenarios.ts';
import type { Metric, Scenario } from '../../../scenarios/scenario.ts';
import type { PlayerAdapter } from '../../panels/scenario-player/player.ts';
import { ScenarioPlayer } from '../../panels/scenario-player/scenario-player.tsx';
import { pageTransport } from '../../shared/page-transport.ts';

type View = { metrics: [string, Metric][] };

const NARRATION: Record<OAuthStep['kind'], string> = {
  start: 'The client makes a verifier, its S256 challenge and a state.',
  authorize: 'GET /oauth/authorize: the authorization request.',
  consent: 'POST /oauth/authorize: a member signs in and allows; the redirect brings the code.',
  exchange: 'POST /oauth/token: the code is exchanged.',
  'call-api': 'A call to the API with the access token.',
  refresh: 'POST /oauth/token: the refresh token is rotated.',
  'client-credentials': 'POST /oauth/token: the service authenticates with its secret (Basic).',
};

function makeAdapter(scenario: Scenario<OAuthStep>): PlayerAdapter<OAuthStep, View> {
  const interpret = oauthInterpreter();
  return {
    scenario,
    initial: { metrics: [] },
    async run(step, _, context) {
      await interpret(step, context);
      const who =
        step.kind === 'exchange'
          ? ` (by the ${step.as === 'thief' ? 'thief, with a verifier of their own' : step.as === 'replay' ? 'client, a second time' : 'client, with its verifier'})`
          : '';
      return {
        view: { metrics: Object.entries(context.metrics) },
        narration: NARRATION[step.kind] + who,
      };
    },
  };
}

/** The lab's three claims in the shared player. They add sign-ins and tokens, nothing else. */
export function ScenariosPanel() {
  return (
    <ScenarioPlayer
      lab="oauth"
      scenarios={OAUTH_SCENARIOS}
      makeAdapter={makeAdapter}
      transport={pageTransport}
      renderView={(view) =>
        view.metrics.length === 0 ? null : (
          <ul className="oa-metrics">
            {view.metrics.map(([name, value]) => (
              <li key={name}>
                <code>{name}</code> = <code>{String(value)}</code>
              </li>
            ))}
          </ul>
        )
      }
      note="Each sends real requests: sign-ins, codes and tokens. Your data and settings are untouched."
    />
  );
}

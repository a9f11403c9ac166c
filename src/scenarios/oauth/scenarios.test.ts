import { describe, expect, it } from 'vitest';
import { createApi } from '../../api/create-api.ts';
import { runScenario, type Transport } from '../scenario.ts';
import { oauthInterpreter } from './interpreter.ts';
import { OAUTH_SCENARIOS } from './scenarios.ts';

function coreTransport(): Transport {
  const api = createApi({ clock: { startEpochMs: 1767312000123 } });
  return { origin: 'http://localhost', fetch: (request) => api.fetch(request) };
}

describe('OAuth scenarios against the core', () => {
  it.each(OAUTH_SCENARIOS.map((scenario) => [scenario.title, scenario] as const))(
    '%s',
    async (_, scenario) => {
      const transport = coreTransport();
      // Twice on one instance: a run leaves nothing that changes the next.
      for (let run = 0; run < 2; run++) {
        const result = await runScenario(scenario, oauthInterpreter(), transport);
        for (const { expectation, actual, pass } of result.checks)
          expect(pass, `${expectation.claim}: ${expectation.metric} is ${actual}`).toBe(true);
      }
    },
  );
});

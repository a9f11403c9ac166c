import { describe, expect, it } from 'vitest';
import { makeApi } from '../../api/test-support.ts';
import { runScenario, type Transport } from '../scenario.ts';
import { authInterpreter } from './interpreter.ts';
import { AUTH_SCENARIOS } from './scenarios.ts';

describe('auth scenarios against the core', () => {
  it.each(AUTH_SCENARIOS.map((scenario) => [scenario.title, scenario] as const))(
    '%s',
    async (_, scenario) => {
      const api = makeApi();
      const transport: Transport = { origin: 'http://restlab.test', fetch: (r) => api.fetch(r) };
      const interpret = authInterpreter();
      const result = await runScenario(
        scenario,
        async (step, context) => {
          await interpret(step, context);
        },
        transport,
      );
      for (const { expectation, actual, pass } of result.checks)
        expect(pass, `${expectation.claim}: ${expectation.metric} is ${actual}`).toBe(true);
    },
  );
});

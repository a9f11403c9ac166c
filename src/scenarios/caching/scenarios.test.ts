import { describe, expect, it } from 'vitest';
import { createApi } from '../../api/create-api.ts';
import { runScenario, type Transport } from '../scenario.ts';
import { cachingRun } from './interpreter.ts';
import { CACHING_SCENARIOS } from './scenarios.ts';

describe('caching scenarios against the core', () => {
  it.each(CACHING_SCENARIOS.map((scenario) => [scenario.title, scenario] as const))(
    '%s',
    async (_, scenario) => {
      const api = createApi({ clock: { startEpochMs: 1767312000123 } });
      const transport: Transport = { origin: 'http://localhost', fetch: (r) => api.fetch(r) };
      const before = structuredClone(api.env.settings.current);
      for (let run = 0; run < 2; run++) {
        const result = await runScenario(scenario, cachingRun().interpret, transport);
        for (const { expectation, actual, pass } of result.checks)
          expect(pass, `${expectation.claim}: ${expectation.metric} is ${actual}`).toBe(true);
      }
      expect(api.env.settings.current).toEqual(before);
      expect(api.env.clock.state().paused).toBe(false);
    },
  );
});

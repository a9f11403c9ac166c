import { describe, expect, it } from 'vitest';
import { createApi } from '../../api/create-api.ts';
import { runScenario, type Transport } from '../scenario.ts';
import { idempotencyInterpreter } from './interpreter.ts';
import { IDEMPOTENCY_SCENARIOS } from './scenarios.ts';

function coreTransport(): { transport: Transport; api: ReturnType<typeof createApi> } {
  const api = createApi({ clock: { startEpochMs: 1767312000123 } });
  return { api, transport: { origin: 'http://localhost', fetch: (request) => api.fetch(request) } };
}

describe('idempotency scenarios against the core', () => {
  it.each(IDEMPOTENCY_SCENARIOS.map((scenario) => [scenario.title, scenario] as const))(
    '%s',
    async (_, scenario) => {
      const { api, transport } = coreTransport();
      const before = structuredClone(api.env.settings.current);
      for (let run = 0; run < 2; run++) {
        const interpret = idempotencyInterpreter();
        const result = await runScenario(
          scenario,
          async (step, context) => {
            await interpret(step, context);
          },
          transport,
        );
        for (const { expectation, actual, pass } of result.checks)
          expect(pass, `${expectation.claim}: ${expectation.metric} is ${actual}`).toBe(true);
        expect(result.pass).toBe(true);
      }
      expect(api.env.settings.current).toEqual(before);
      expect(api.env.clock.state().paused).toBe(false);
    },
  );
});

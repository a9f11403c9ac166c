import { describe, expect, it } from 'vitest';
import { createApi } from '../../api/create-api.ts';
import { runScenario, type Transport } from '../scenario.ts';
import { DriftSession } from './drift-session.ts';
import { driftInterpreter } from './interpreter.ts';
import { PAGINATION_SCENARIOS } from './scenarios.ts';

const coreTransport = (): Transport => {
  const api = createApi({ clock: { startEpochMs: 1767312000000, paused: true } });
  return { origin: 'http://localhost', fetch: (request) => api.fetch(request) };
};

describe('pagination scenarios against the core', () => {
  it.each(PAGINATION_SCENARIOS.map((scenario) => [scenario.title, scenario] as const))(
    '%s',
    async (_, scenario) => {
      const result = await runScenario(scenario, driftInterpreter(), coreTransport());
      for (const check of result.checks) {
        expect(check.actual, check.expectation.claim).toBeDefined();
        expect(
          check.pass,
          `${check.expectation.claim}: ${check.expectation.metric} = ${String(check.actual)}`,
        ).toBe(true);
      }
    },
  );

  it('replays identically: same steps, same rows, same marks, on another instance', async () => {
    const play = async () => {
      const session = new DriftSession(coreTransport());
      await runScenario(
        PAGINATION_SCENARIOS[1] as (typeof PAGINATION_SCENARIOS)[number],
        driftInterpreter(session),
        session.transport,
      );
      // Cursors are signed with each instance's own key: compare everything but the URLs.
      const pages = session.tallies.map((tally) => tally.pages.map(({ path: _, ...page }) => page));
      return { pages, log: session.log, metrics: session.metrics() };
    };
    expect(await play()).toEqual(await play());
  });
});

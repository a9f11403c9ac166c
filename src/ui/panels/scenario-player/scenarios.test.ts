import { describe, expect, it } from 'vitest';
import { createApi } from '../../../api/create-api.ts';
import { cachingStepper } from '../../../scenarios/caching/frames.ts';
import { CACHING_SCENARIOS } from '../../../scenarios/caching/scenarios.ts';
import { DriftSession } from '../../../scenarios/pagination/drift-session.ts';
import { driftStepper } from '../../../scenarios/pagination/frames.ts';
import { PAGINATION_SCENARIOS } from '../../../scenarios/pagination/scenarios.ts';
import { rateLimitStepper } from '../../../scenarios/rate-limit/frames.ts';
import { RATE_LIMIT_SCENARIOS } from '../../../scenarios/rate-limit/scenarios.ts';
import type { Scenario, Transport } from '../../../scenarios/scenario.ts';
import { createPlayer, type Player, type PlayerAdapter } from './player.ts';

const START = 1767312000000;

/** A fresh core each time: the API is deterministic given its seed and its clock. */
function core() {
  const api = createApi({ clock: { startEpochMs: START, paused: true } });
  const transport: Transport = { origin: 'http://localhost', fetch: (r) => api.fetch(r) };
  return { api, transport };
}

function rateLimitPlayer(scenario: (typeof RATE_LIMIT_SCENARIOS)[number]) {
  const { api, transport } = core();
  const stepper = rateLimitStepper({ events: api.events, control: transport, runId: 'test' });
  const adapter: PlayerAdapter<(typeof scenario.steps)[number], unknown> = {
    scenario,
    initial: stepper.initial,
    run: (step, _, context) => stepper.run(step, context),
    end: async () => stepper.stop(),
  };
  return createPlayer(adapter, transport);
}

function driftPlayer(scenario: (typeof PAGINATION_SCENARIOS)[number]) {
  const { transport } = core();
  const stepper = driftStepper(new DriftSession(transport));
  const adapter: PlayerAdapter<(typeof scenario.steps)[number], unknown> = {
    scenario,
    initial: stepper.initial,
    run: (step, _, context) => stepper.run(step, context),
  };
  return createPlayer(adapter, transport);
}

function cachingPlayer(scenario: (typeof CACHING_SCENARIOS)[number]) {
  const { transport } = core();
  const stepper = cachingStepper('test');
  const adapter: PlayerAdapter<(typeof scenario.steps)[number], unknown> = {
    scenario,
    initial: stepper.initial,
    run: (step, _, context) => stepper.run(step, context),
  };
  return createPlayer(adapter, transport);
}

/** What a step shows: the lab's view, the narration, and the claims as they stand. */
function shown(player: Player<unknown>) {
  const view = structuredClone(player.view()) as Record<string, unknown>;
  // Keyset cursors are signed with each core's own key: compare pages without their URLs.
  const text = JSON.stringify(view, (key, value: unknown) =>
    key === 'path' || key === 'cursor' ? undefined : value instanceof Map ? [...value] : value,
  );
  return {
    cursor: player.getState().cursor,
    view: JSON.parse(text) as unknown,
    narration: player.frame()?.narration,
    checks: player.checks().map((check) => [check.pending, check.pass, check.actual]),
  };
}

async function forwardThenBack(make: () => Player<unknown>, total: number, k: number) {
  const player = make();
  for (let i = 0; i < total; i++) await player.forward();
  for (let i = total - 1; i > k; i--) player.back();
  return shown(player);
}

async function straightTo(make: () => Player<unknown>, k: number) {
  const player = make();
  await player.goTo(k);
  return shown(player);
}

const cases: [string, Scenario, () => Player<unknown>][] = [
  ...RATE_LIMIT_SCENARIOS.map(
    (s) => [s.id, s, () => rateLimitPlayer(s)] as [string, Scenario, () => Player<unknown>],
  ),
  ...PAGINATION_SCENARIOS.map(
    (s) => [s.id, s, () => driftPlayer(s)] as [string, Scenario, () => Player<unknown>],
  ),
  ...CACHING_SCENARIOS.map(
    (s) => [s.id, s, () => cachingPlayer(s)] as [string, Scenario, () => Player<unknown>],
  ),
];

describe('a scenario stepped forward and back shows what playing straight to that step shows', () => {
  it.each(cases)('%s', async (_, scenario, make) => {
    const total = scenario.steps.length;
    for (const k of [1, Math.floor(total / 2), total - 2]) {
      const back = await forwardThenBack(make, total, k);
      const straight = await straightTo(make, k);
      expect(back.cursor).toBe(k);
      expect(back).toEqual(straight);
    }
    // And the last step holds every claim.
    const player = make();
    await player.goTo(total - 1);
    for (const check of player.checks())
      expect(check.pass, `${check.expectation.claim}: ${String(check.actual)}`).toBe(true);
  });

  it('each step says what happened and which rule decided it', async () => {
    const player = rateLimitPlayer(
      RATE_LIMIT_SCENARIOS[0] as (typeof RATE_LIMIT_SCENARIOS)[number],
    );
    await player.goTo(1);
    expect(player.frame()?.narration).toMatch(/40 of 40 admitted.*Rule: fixed window counts/);
    const view = player.view() as { decisions: unknown[]; edge: number | undefined };
    expect(view.decisions).toHaveLength(40);
    expect(view.edge).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../scenarios/scenario.ts';
import { createPlayer, type Player, type PlayerAdapter } from './player.ts';

type Add = { kind: 'add'; n: number };
const scenario: Scenario<Add> = {
  id: 'sum',
  lab: 'test',
  title: 'Sums',
  summary: 'Adds numbers',
  steps: [1, 2, 3, 4].map((n) => ({ kind: 'add' as const, n })),
  expected: [
    { metric: 'sum', op: 'eq', value: 10, claim: 'adds up to 10' },
    { metric: 'last', op: 'eq', value: 4, claim: 'ends on 4' },
  ],
};
const transport = { origin: 'http://localhost', fetch: async () => new Response(null) };

/** A lab whose state is a running sum: each step runs once, and says so. */
function sumLab() {
  const log: string[] = [];
  let sum = 0;
  const adapter: PlayerAdapter<Add, { sum: number }> = {
    scenario,
    initial: { sum: 0 },
    begin: async () => void log.push('begin'),
    end: async () => void log.push('end'),
    async run(step, index, context) {
      log.push(`run ${index}`);
      sum += step.n;
      context.record('sum', sum);
      if (index === 3) context.record('last', step.n);
      return { view: { sum }, narration: `added ${step.n}` };
    },
  };
  return { adapter, log };
}

describe('the scenario player', () => {
  it('steps forward running each step once, back without running anything, forward again from the record', async () => {
    const { adapter, log } = sumLab();
    const player = createPlayer(adapter, transport);
    expect(player.view()).toEqual({ sum: 0 });
    await player.forward();
    await player.forward();
    expect(player.getState().cursor).toBe(1);
    expect(player.view()).toEqual({ sum: 3 });
    expect(player.frame()?.narration).toBe('added 2');
    player.back();
    expect(player.view()).toEqual({ sum: 1 });
    player.back();
    player.back();
    expect(player.getState().cursor).toBe(-1);
    expect(player.view()).toEqual({ sum: 0 });
    await player.forward();
    await player.forward();
    expect(player.view()).toEqual({ sum: 3 });
    expect(log).toEqual(['begin', 'run 0', 'run 1']);
  });

  it('goes to a step (as a link does), runs what is missing, and ends the experiment after the last', async () => {
    const { adapter, log } = sumLab();
    const player = createPlayer(adapter, transport);
    await player.goTo(2);
    expect(player.view()).toEqual({ sum: 6 });
    expect(log).toEqual(['begin', 'run 0', 'run 1', 'run 2']);
    await player.goTo(99);
    expect(player.getState().cursor).toBe(3);
    expect(log.at(-1)).toBe('end');
    await player.close();
    expect(log.filter((line) => line === 'end')).toHaveLength(1);
  });

  it('claims are pending until measured, then checked against the step shown', async () => {
    const { adapter } = sumLab();
    const player = createPlayer(adapter, transport);
    await player.goTo(1);
    // sum = 3 so far: "adds up to 10" does not hold yet, which is not a failure before the end.
    expect(player.checks().map((check) => [check.pending, check.pass])).toEqual([
      [true, false],
      [true, false],
    ]);
    await player.goTo(3);
    expect(player.checks().every((check) => check.pass)).toBe(true);
    player.back();
    expect(player.checks()[1]?.pending).toBe(true);
  });

  it('plays at the chosen speed to the end; pause stops it; closing early ends the experiment', async () => {
    const { adapter, log } = sumLab();
    const waits: number[] = [];
    const player = createPlayer(adapter, transport, {
      sleep: async (ms) => void waits.push(ms),
    });
    player.setSpeed(2);
    await player.play();
    expect(player.getState()).toMatchObject({ cursor: 3, playing: false });
    expect(waits).toEqual([800, 800, 800]);

    const second = sumLab();
    const paused: Player<{ sum: number }> = createPlayer(second.adapter, transport, {
      sleep: async (): Promise<void> => paused.pause(),
    });
    await paused.play();
    expect(paused.getState()).toMatchObject({ cursor: 0, playing: false });
    await paused.close();
    expect(second.log).toEqual(['begin', 'run 0', 'end']);
    expect(log.filter((line) => line === 'end')).toHaveLength(1);
  });

  it('a failing step stops the player, shows the error and still ends the experiment', async () => {
    const { adapter, log } = sumLab();
    const failing = {
      ...adapter,
      run: async () => {
        throw new Error('503 from the API');
      },
    };
    const player = createPlayer(failing, transport);
    await expect(player.forward()).rejects.toThrow('503');
    expect(player.getState().error).toBe('503 from the API');
    expect(log).toEqual(['begin', 'end']);
  });
});

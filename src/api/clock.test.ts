import { describe, expect, it, vi } from 'vitest';
import {
  CLOCK_MAX_EPOCH_MS,
  CLOCK_MIN_EPOCH_MS,
  createVirtualClock,
  toRfc3339,
  type ClockState,
} from './clock.ts';

const START = 1767312000000; // 2026-01-02T00:00:00.000Z

function fakeReal(start = 100) {
  let now = start;
  return { realNow: () => now, tick: (ms: number) => (now += ms) };
}

describe('createVirtualClock', () => {
  it('a paused clock stands still however much real time passes', () => {
    const real = fakeReal();
    const clock = createVirtualClock({ startEpochMs: START, paused: true, realNow: real.realNow });
    real.tick(60_000);
    expect(clock.now()).toBe(START);
    expect(clock.state()).toEqual({
      epoch_ms: START,
      now: '2026-01-02T00:00:00.000Z',
      paused: true,
    });
  });

  it('a running clock follows real time in whole milliseconds', () => {
    const real = fakeReal();
    const clock = createVirtualClock({ startEpochMs: START, realNow: real.realNow });
    real.tick(1.9);
    expect(clock.now()).toBe(START + 1);
    real.tick(998.2);
    expect(clock.now()).toBe(START + 1000);
    expect(clock.state().paused).toBe(false);
  });

  it('pause, resume, advance and set keep time continuous and exact', () => {
    const real = fakeReal();
    const clock = createVirtualClock({ startEpochMs: START, realNow: real.realNow });
    real.tick(500);
    clock.pause();
    real.tick(10_000);
    expect(clock.now()).toBe(START + 500);
    clock.advance(250);
    expect(clock.now()).toBe(START + 750);
    clock.resume();
    real.tick(50);
    expect(clock.now()).toBe(START + 800);
    clock.advance(-800);
    expect(clock.now()).toBe(START);
    clock.set(42.9);
    expect(clock.now()).toBe(42);
    real.tick(8);
    expect(clock.now()).toBe(50);
  });

  it('stays within the instants RFC 3339 can write', () => {
    const clock = createVirtualClock({ startEpochMs: -5, paused: true });
    expect(clock.now()).toBe(CLOCK_MIN_EPOCH_MS);
    clock.set(CLOCK_MAX_EPOCH_MS + 10_000);
    expect(clock.now()).toBe(CLOCK_MAX_EPOCH_MS);
    expect(clock.state().now).toBe('9999-12-31T23:59:59.999Z');
    clock.advance(1);
    expect(clock.now()).toBe(CLOCK_MAX_EPOCH_MS);
  });

  it('tells subscribers about every change, until they unsubscribe', () => {
    const clock = createVirtualClock({ startEpochMs: START, paused: true });
    const listener = vi.fn<(state: ClockState) => void>();
    const unsubscribe = clock.subscribe(listener);
    clock.advance(1);
    clock.resume();
    clock.pause();
    expect(listener.mock.calls.map(([state]) => state.paused)).toEqual([true, false, true]);
    expect(listener.mock.calls[0]?.[0].epoch_ms).toBe(START + 1);
    unsubscribe();
    clock.set(0);
    expect(listener).toHaveBeenCalledTimes(3);
  });
});

describe('toRfc3339', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000Z'],
    [START, '2026-01-02T00:00:00.000Z'],
    [START + 1, '2026-01-02T00:00:00.001Z'],
  ])('%d → %s', (ms, text) => {
    expect(toRfc3339(ms)).toBe(text);
  });

  it('sorts as text in the same order as the instants, so the index can compare strings', () => {
    const instants = [0, 999, 1000, START, START + 1, CLOCK_MAX_EPOCH_MS];
    const texts = instants.map(toRfc3339);
    expect([...texts].sort()).toEqual(texts);
  });
});

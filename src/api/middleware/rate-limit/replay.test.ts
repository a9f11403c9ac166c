import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_MODELS } from './reference-models.ts';
import { ALGORITHM_IDS } from './policy.ts';
import { compareAll, maxInSpan } from './replay.ts';

describe('replay and compareAll', () => {
  it('the window-edge trace: fixed window lets 2× the quota through in one second, the others do not', () => {
    const policy = { quota: 100, windowMs: 10_000, burst: 100 };
    const edge = 1767312000000 + 50_000;
    const times = [
      ...Array.from({ length: 100 }, (_, i) => edge - 200 + 2 * i),
      ...Array.from({ length: 100 }, (_, i) => edge + 2 * i),
    ];
    const results = compareAll(times, policy, {
      start: edge - 1000,
      end: edge + 1000,
      everyMs: 100,
    });
    const byId = Object.fromEntries(results.map((r) => [r.algorithm, r]));
    expect(byId.fixed_window?.maxPerSecond).toBe(200);
    expect(byId.sliding_log?.maxPerSecond).toBe(100);
    expect(byId.sliding_window?.maxPerSecond).toBe(100);
    // A full bucket of 100, plus the 3 tokens refilled in the 398 ms the trace lasts.
    expect(byId.token_bucket?.maxPerSecond).toBe(103);
    expect(byId.leaky_bucket?.maxPerSecond).toBe(103);
    expect(results.every((r) => r.levels.length === 21)).toBe(true);
    // Sampled 100 ms before the edge, at it (a new, empty window), and 100 ms after it.
    expect(byId.fixed_window?.levels.slice(9, 12)).toEqual([50, 0, 50]);
  });

  it('decides as the reference models do, and counts add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 8 }),
        (gaps, quota) => {
          let t = 1767312000000;
          const times = gaps.map((gap) => (t += gap));
          const policy = { quota, windowMs: 2000, burst: quota + 1 };
          for (const result of compareAll(times, policy, {
            start: times[0] ?? 0,
            end: t,
            everyMs: 250,
          })) {
            expect(result.admitted).toEqual(REFERENCE_MODELS[result.algorithm](times, policy));
            expect(result.admittedCount + result.rejectedCount).toBe(times.length);
          }
          expect(compareAll(times, policy, { start: 0, end: 0, everyMs: 1 })).toHaveLength(
            ALGORITHM_IDS.length,
          );
        },
      ),
    );
  });

  it('maxInSpan counts within half-open one-second spans', () => {
    expect(maxInSpan([], 1000)).toBe(0);
    expect(maxInSpan([0, 999, 1000, 1999], 1000)).toBe(2);
    expect(maxInSpan([0, 0, 0, 5000], 1000)).toBe(3);
  });
});

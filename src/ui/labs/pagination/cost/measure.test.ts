import { describe, expect, it } from 'vitest';
import { depthsFor, parseServerTiming } from './measure.ts';

describe('cost chart helpers', () => {
  it('spreads depths from the second page to the last, without repeats', () => {
    expect(depthsFor(1_000_000, 20)).toEqual([
      20, 142_871, 285_723, 428_574, 571_426, 714_277, 857_129, 999_980,
    ]);
    expect(depthsFor(30, 20)).toEqual([20]);
  });

  it('reads rows and time from the Server-Timing the list sends', () => {
    expect(parseServerTiming('page;dur=0.812;desc="offset: 10000 rows read"')).toEqual({
      ms: 0.812,
      rows: 10_000,
    });
    expect(() => parseServerTiming(null)).toThrow(/Server-Timing/);
  });
});

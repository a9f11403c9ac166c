import { describe, expect, it } from 'vitest';
import type { RateLimitEvent } from '../../../api/middleware/rate-limit/rate-limit-event.ts';
import { compareAll } from '../../../api/middleware/rate-limit/replay.ts';
import { binDecisions, binReplay, binWidth } from './chart-data.ts';

const policy = { quota: 10, windowMs: 10_000, burst: 10 };

describe('chart data', () => {
  it('picks round bins, at most 60 of them', () => {
    expect(binWidth(1000)).toBe(20);
    expect(binWidth(60_000)).toBe(1000);
    expect(binWidth(400, 30)).toBe(20);
  });

  it('bins live decisions and projects the token level to each bin end from the state copies', () => {
    const at = (ms: number, admitted: boolean, units: number): RateLimitEvent => ({
      partition: 'client:x',
      algorithm: 'token_bucket',
      policy,
      at: ms,
      admitted,
      remaining: 0,
      resetMs: 0,
      retryMs: 0,
      state: { units, last: ms },
    });
    const bins = binDecisions(
      [at(0, true, 90_000), at(0, true, 80_000), at(1500, false, 1_500)],
      0,
      3000,
      1000,
    );
    expect(bins.map((bin) => [bin.t, bin.admitted, bin.rejected])).toEqual([
      [0, 2, 0],
      [1, 0, 1],
      [2, 0, 0],
    ]);
    // 8 tokens after two requests, +1 a second; then 0.15 tokens at 1.5 s, +0.5 by 2 s.
    expect(bins.map((bin) => bin.level)).toEqual([9, 0.65, 1.65]);
  });

  it('bins a replay with the level at each bin end', () => {
    const times = [0, 0, 0, 2500];
    const [fixed] = compareAll(
      times,
      { ...policy, quota: 2 },
      { start: 0, end: 3000, everyMs: 1000 },
    );
    if (!fixed) throw new Error('no result');
    const bins = binReplay(times, fixed, 0, 1000);
    expect(bins.map((bin) => [bin.admitted, bin.rejected, bin.level])).toEqual([
      [2, 1, 2],
      [0, 0, 2],
      [0, 1, 2],
    ]);
  });
});

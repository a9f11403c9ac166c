import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../api/create-api.ts';
import { fetchInto } from '../../../shared/test-dom.tsx';
import {
  ROUNDS,
  depthsFor,
  measureDepths,
  median,
  parseServerTiming,
  timerResolution,
} from './measure.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

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

  it('takes the median, and finds the step of a coarse timer', () => {
    expect(median([0.3, 1.3, 0.2, 0.4, 0.3])).toBe(0.3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    let t = 0;
    let calls = 0;
    // A clock that moves by 0.1 ms every fourth reading, as a coarsened performance.now().
    const coarse = () => (++calls % 4 === 0 ? (t += 0.1) : t);
    expect(timerResolution(coarse)).toBeCloseTo(0.1, 9);
  });
});

describe('measuring the depths', () => {
  it('reads every depth several times on a real core: rows exact, times as a median', async () => {
    const api = createApi({
      sizes: { users: 2000 },
      clock: { startEpochMs: 1767312000000, paused: true },
    });
    let requests = 0;
    globalThis.fetch = (input, init) => {
      requests++;
      return fetchInto(api)(input, init);
    };
    const depths = depthsFor(2000, 20, 4);
    const rounds: number[] = [];
    const points = await measureDepths(depths, 20, (round) => rounds.push(round));
    expect(rounds).toEqual([0, 1, 2, 3, 4]);
    expect(points.map((p) => [p.depth, p.offsetRows, p.keysetRows])).toEqual(
      depths.map((depth) => [depth, depth + 20, 20]),
    );
    for (const p of points) {
      expect(p.offsetRange[0]).toBeLessThanOrEqual(p.offsetMs);
      expect(p.offsetMs).toBeLessThanOrEqual(p.offsetRange[1]);
    }
    // Cursors once per depth, one warm-up pair, then both pages at every depth in every round:
    // under the default rate limit of 100 (each Measure is a new client).
    expect(requests).toBe(depths.length + 2 + 2 * ROUNDS * depths.length);
    expect(depthsFor(1_000_000, 20).length * (1 + 2 * ROUNDS) + 2).toBeLessThanOrEqual(100);
  });

  it('one slow sample (a pause, a compile) does not turn the time chart upside down', async () => {
    // Times as a coarse timer reports them: proportional to depth, in 0.1 ms steps, except the
    // very first read of the shallow depth, which took 1.3 ms (the 100k-row chart).
    const seen = new Map<number, number>();
    globalThis.fetch = async (input) => {
      const url = new URL(String(input), 'http://localhost');
      const offset = Number(url.searchParams.get('offset') ?? -1);
      const limit = Number(url.searchParams.get('limit'));
      if (limit === 1)
        return Response.json({ data: [], pagination: { next_cursor: `c${offset + 1}` } });
      const cursor = url.searchParams.get('cursor');
      const depth = cursor ? Number(cursor.slice(1)) : offset;
      const count = (seen.get(depth) ?? 0) + 1;
      seen.set(depth, count);
      const rows = cursor ? 20 : depth + 20;
      const ms = !cursor && depth === 14_000 && count === 1 ? 1.3 : Math.round(rows / 20_000) / 10;
      return new Response('{}', {
        headers: {
          'Content-Type': 'application/json',
          'Server-Timing': `page;dur=${ms.toFixed(3)};desc="${cursor ? 'cursor' : 'offset'}: ${rows} rows read"`,
        },
      });
    };
    const points = await measureDepths([14_000, 57_000, 99_980], 20);
    const offsetMs = points.map((p) => p.offsetMs);
    expect(offsetMs).toEqual([...offsetMs].sort((a, b) => a - b));
    expect(points[0]?.offsetRange[1]).toBe(1.3);
    expect(points[0]?.offsetMs).toBeLessThan(points[1]?.offsetMs ?? 0);
  });
});

import { describe, expect, it } from 'vitest';
import type { RateLimitEvent } from '../../../api/middleware/rate-limit/rate-limit-event.ts';
import { compareAll } from '../../../api/middleware/rate-limit/replay.ts';
import type { AlgorithmId, Policy } from '../../../api/middleware/rate-limit/policy.ts';
import { ALGORITHMS } from '../../../api/middleware/rate-limit/registry.ts';
import { buildTrace, traceStart } from '../../../scenarios/rate-limit/traces.ts';
import {
  LIVE_MAX_BINS,
  binDecisions,
  binReplay,
  binWidth,
  busiestWindow,
  chartRows,
  describeRow,
  liveAxis,
  type ChartRow,
} from './chart-data.ts';

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

/** The limiter's events for one client whose requests arrive at `times`, as the core emits them. */
function decide(algorithmId: AlgorithmId, times: readonly number[], policy: Policy) {
  const algorithm = ALGORITHMS[algorithmId];
  const state = algorithm.create(times[0] ?? 0, policy);
  return times.map((at): RateLimitEvent => {
    const decision = algorithm.decide(state, at, policy);
    return {
      partition: 'client:t',
      algorithm: algorithmId,
      policy,
      at,
      ...decision,
      state: algorithm.snapshot(state),
    };
  });
}

const defaults: Policy = { quota: 100, windowMs: 10_000, burst: 100 };
const offsets = (spec: Parameters<typeof buildTrace>[0]) => buildTrace(spec).offsets;

describe('the live chart: one row per bin', () => {
  it('the tooltip says the hovered bin’s numbers, also far along the axis', () => {
    // 20/s for 20 s on a bucket of 100 refilling 10/s: empty after 10 s, then half refused.
    const times = offsets({ kind: 'steady', perSecond: 20, seconds: 20 });
    const decisions = decide('token_bucket', times, defaults);
    const axis = liveAxis(times.at(-1) ?? 0, defaults.windowMs);
    const rows = chartRows(binDecisions(decisions, 0, axis.spanMs, axis.binMs), axis.binMs);
    const at16 = rows.find((row) => row.from <= 16 && 16 < row.to);
    if (!at16) throw new Error('no bin at 16 s');
    expect(at16).toMatchObject({ admitted: 10, rejected: 10 });
    expect(at16.level).toBeLessThan(1);
    const tooltip = describeRow(at16, 'tokens left');
    expect(tooltip.title).toBe(`16–${at16.to} s`);
    expect(tooltip.lines).toEqual([
      'admitted: 10',
      'rejected (429): 10',
      `tokens left at ${at16.to} s: ${Number((at16.level ?? 0).toFixed(1))}`,
    ]);
    // Every row carries its own bar and level: nothing is looked up in a second array.
    for (const row of rows) {
      const lines = describeRow(row, 'tokens left').lines.join(' | ');
      expect(lines).toContain(`admitted: ${row.admitted} | rejected (429): ${row.rejected}`);
      expect(row.x).toBeCloseTo((row.from + row.to) / 2, 6);
    }
  });

  it('the level stops at the present: later bins have no level yet', () => {
    const decisions = decide('token_bucket', [0, 0, 0], defaults);
    const axis = liveAxis(0, defaults.windowMs);
    const rows = chartRows(binDecisions(decisions, 0, axis.spanMs, axis.binMs), axis.binMs, 2);
    expect(rows.filter((row) => row.level !== null).map((row) => row.from)).toEqual(
      rows.filter((row) => row.from <= 2).map((row) => row.from),
    );
    expect(describeRow(rows.at(-1) as ChartRow, 'tokens left').lines[2]).toBe(
      'tokens left: not reached yet',
    );
  });

  it('a burst gets an axis of one window in readable bins, and its recovery shows', () => {
    const axis = liveAxis(0, defaults.windowMs);
    expect(axis.spanMs).toBe(10_000);
    expect(axis.bins).toBeGreaterThanOrEqual(10);
    expect(axis.bins).toBeLessThanOrEqual(LIVE_MAX_BINS);
    const decisions = decide('token_bucket', offsets({ kind: 'burst', count: 150 }), defaults);
    const rows = chartRows(binDecisions(decisions, 0, axis.spanMs, axis.binMs), axis.binMs);
    expect(rows[0]).toMatchObject({ admitted: 100, rejected: 50 });
    // The bar is a readable share of the axis, not a sliver at 0 s.
    expect((rows[0] as ChartRow).to / (axis.spanMs / 1000)).toBeGreaterThanOrEqual(1 / 30);
    // …and the rest of the axis shows the bucket refilling to full.
    const levels = rows.map((row) => row.level ?? NaN);
    expect(levels.every((level, i) => i === 0 || level >= (levels[i - 1] as number))).toBe(true);
    expect(levels.at(-1)).toBe(100);
  });

  it('a window-edge trace keeps fine bins on both sides of the edge', () => {
    const trace = buildTrace({ kind: 'window-edge', perSide: 100 });
    const axis = liveAxis(trace.offsets.at(-1) ?? 0, defaults.windowMs);
    expect(axis.binMs).toBeLessThanOrEqual(20);
    expect(axis.spanMs).toBeLessThan(1000);
    expect(Math.floor((trace.edgeAt ?? 0) / axis.binMs)).toBeGreaterThanOrEqual(10);
  });
});

describe('the busiest window, like with like', () => {
  it('counts the most admitted in one window length and sets it against the quota', () => {
    // The edge trace on a real boundary: 100 in the last 200 ms of a window, 100 in the next.
    const trace = buildTrace({ kind: 'window-edge', perSide: 100 });
    const start = traceStart(trace, 1_000_000 + 3, defaults.windowMs);
    const times = trace.offsets.map((offset) => start + offset);
    const admittedUnder = (id: AlgorithmId) =>
      decide(id, times, defaults)
        .filter((d) => d.admitted)
        .map((d) => d.at);
    const fixed = busiestWindow(admittedUnder('fixed_window'), defaults.windowMs, 100);
    expect(fixed).toMatchObject({ most: 200, ratio: 2 });
    expect(busiestWindow(admittedUnder('sliding_log'), defaults.windowMs, 100).most).toBe(100);
  });

  it('is not fooled by a per-second count: 20/s stays within 100 per 10 s only by the window', () => {
    // Exactly the allowed rate (10/s) for 30 s: every one admitted, 10 in any second, 100 in
    // any window: against a quota of 100 per 10 s that is 1×, whatever one second shows.
    const times = offsets({ kind: 'steady', perSecond: 10, seconds: 30 });
    const admitted = decide('sliding_log', times, defaults)
      .filter((d) => d.admitted)
      .map((d) => d.at);
    expect(admitted).toHaveLength(300);
    expect(busiestWindow(admitted, 1000, 100).most).toBe(10);
    expect(busiestWindow(admitted, defaults.windowMs, 100)).toMatchObject({ most: 100, ratio: 1 });
  });
});

import { maxInSpan, type Replay } from '../../../api/middleware/rate-limit/replay.ts';
import type { RateLimitEvent } from '../../../api/middleware/rate-limit/rate-limit-event.ts';
import { ALGORITHMS } from '../../../api/middleware/rate-limit/registry.ts';

/** One bar of a chart: requests in [t, t + bin) and the level at the bin's end. */
export interface Bin {
  /** Seconds from the chart's origin to the bin's start. */
  t: number;
  /** …and to its middle, where its bar is drawn. */
  mid: number;
  admitted: number;
  rejected: number;
  level: number;
}

const STEPS = [
  10, 20, 40, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000, 300_000,
];
export const MAX_BINS = 60;
/** The live chart's most bars: each at least 1/30 of the axis, wide enough to read and hover. */
export const LIVE_MAX_BINS = 30;

/** The smallest round bin width that shows `spanMs` in at most `maxBins` bins. */
export function binWidth(spanMs: number, maxBins = MAX_BINS): number {
  return STEPS.find((step) => Math.ceil(spanMs / step) <= maxBins) ?? Math.ceil(spanMs / maxBins);
}

function emptyBins(count: number, binMs: number): Bin[] {
  return Array.from({ length: count }, (_, i) => ({
    t: (i * binMs) / 1000,
    mid: ((i + 0.5) * binMs) / 1000,
    admitted: 0,
    rejected: 0,
    level: 0,
  }));
}

/**
 * Bins a run's live decisions. The level at each bin's end comes from the latest decision before
 * it: that decision's state copy, projected to the bin's end by the algorithm itself.
 */
export function binDecisions(
  decisions: readonly RateLimitEvent[],
  origin: number,
  end: number,
  binMs: number,
): Bin[] {
  const bins = emptyBins(Math.max(1, Math.ceil((end - origin) / binMs)), binMs);
  let next = 0;
  let latest: RateLimitEvent | undefined;
  const before = freshLevel(decisions[0]) ?? 0;
  for (const [i, bin] of bins.entries()) {
    const binEnd = origin + (i + 1) * binMs;
    for (; next < decisions.length && (decisions[next] as RateLimitEvent).at < binEnd; next++) {
      latest = decisions[next] as RateLimitEvent;
      if (latest.at < origin) continue;
      if (latest.admitted) bin.admitted++;
      else bin.rejected++;
    }
    bin.level = latest
      ? ALGORITHMS[latest.algorithm].level(latest.state, binEnd, latest.policy)
      : before;
  }
  return bins;
}

/** The level before any request: a fresh client's (a full token bucket, an empty window). */
export function freshLevel(decision: RateLimitEvent | undefined): number | undefined {
  if (!decision) return undefined;
  const algorithm = ALGORITHMS[decision.algorithm];
  return algorithm.level(
    algorithm.create(decision.at, decision.policy),
    decision.at,
    decision.policy,
  );
}

/** Bins a replay; `replay.levels` must be sampled every `binMs` from `origin`. */
export function binReplay(
  times: readonly number[],
  result: Replay,
  origin: number,
  binMs: number,
): Bin[] {
  const count = Math.max(1, result.levels.length - 1);
  const bins = emptyBins(count, binMs);
  for (const [i, time] of times.entries()) {
    const bin = bins[Math.min(count - 1, Math.floor((time - origin) / binMs))];
    if (!bin) continue;
    if (result.admitted[i]) bin.admitted++;
    else bin.rejected++;
  }
  for (const [i, bin] of bins.entries()) bin.level = result.levels[i + 1] ?? 0;
  return bins;
}

/**
 * The live chart's axis for a trace planned to last `plannedMs` (0 for a burst): the trace plus a
 * tail, so the level's recovery shows. A burst gets one whole window (the bucket refilling, the
 * window running out); a trace with a duration gets a quarter of it more, at most a window, so a
 * window-edge trace (0.4 s) keeps its fine bins instead of vanishing in a ten-second axis.
 * `seenMs` (the last decision, from the origin) stretches it when later requests arrive.
 */
export function liveAxis(
  plannedMs: number,
  windowMs: number,
  seenMs = 0,
): { spanMs: number; binMs: number; bins: number } {
  const tail = plannedMs === 0 ? windowMs : Math.min(windowMs, Math.max(plannedMs / 4, 20));
  const wanted = Math.max(plannedMs, seenMs) + tail;
  const binMs = binWidth(wanted, LIVE_MAX_BINS);
  const bins = Math.max(1, Math.ceil(wanted / binMs));
  return { spanMs: bins * binMs, binMs, bins };
}

/**
 * One row per bin, the only data the chart draws and its tooltip reads: the bar (requests in
 * [from, to)) and the level at the bin's end, so hovering a bin shows that bin's numbers and no
 * other. Bins that start after `knownUntil` (seconds from the origin: the clock's reading)
 * have no level yet: the line stops at the present instead of guessing the future.
 */
export interface ChartRow {
  /** The bin's middle, where its bar is drawn (seconds from the origin). */
  x: number;
  from: number;
  to: number;
  admitted: number;
  rejected: number;
  level: number | null;
}

export function chartRows(bins: readonly Bin[], binMs: number, knownUntil = Infinity): ChartRow[] {
  const width = binMs / 1000;
  return bins.map((bin) => ({
    x: bin.mid,
    from: bin.t,
    to: Number((bin.t + width).toFixed(3)),
    admitted: bin.admitted,
    rejected: bin.rejected,
    level: bin.t <= knownUntil ? bin.level : null,
  }));
}

const secondsText = (t: number) => `${Number(t.toFixed(2))} s`;
const levelText = (level: number) => String(Number(level.toFixed(1)));

/** What the tooltip says for one row: everything from that row, nothing from a neighbour. */
export function describeRow(row: ChartRow, levelName: string): { title: string; lines: string[] } {
  const lines = [`admitted: ${row.admitted}`, `rejected (429): ${row.rejected}`];
  lines.push(
    row.level === null
      ? `${levelName}: not reached yet`
      : `${levelName} at ${secondsText(row.to)}: ${levelText(row.level)}`,
  );
  return { title: `${Number(row.from.toFixed(2))}–${secondsText(row.to)}`, lines };
}

/**
 * The most admitted requests in any span one window long, against the quota for that same span:
 * like with like. (Per second against a per-window quota would compare nothing.) A fixed window
 * lets up to twice the quota through across an edge; a token bucket, its burst plus the quota.
 */
export function busiestWindow(
  admittedTimes: readonly number[],
  windowMs: number,
  quota: number,
): { most: number; windowMs: number; quota: number; ratio: number } {
  const most = maxInSpan(admittedTimes, windowMs);
  return { most, windowMs, quota, ratio: quota > 0 ? most / quota : 0 };
}

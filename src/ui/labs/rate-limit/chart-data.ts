import type { Replay } from '../../../api/middleware/rate-limit/replay.ts';
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

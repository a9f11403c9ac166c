import type { Policy, AlgorithmId } from './policy.ts';
import { ALGORITHM_IDS } from './policy.ts';
import { ALGORITHMS } from './registry.ts';

/**
 * Replays a recorded trace through an algorithm in the core, with no HTTP: the same decisions the
 * API would make for one client whose requests arrive at `times` (virtual ms, non-decreasing).
 * The lab uses it to show all five algorithms side by side on the very same traffic.
 */
export interface Replay {
  algorithm: AlgorithmId;
  /** One per request, in order. */
  admitted: boolean[];
  admittedCount: number;
  rejectedCount: number;
  /** Most admitted requests in any one-second span [t, t + 1000). */
  maxPerSecond: number;
  /** The level at start + i × sampleMs, for i = 0 … ⌈span / sampleMs⌉. */
  levels: number[];
}

export function replay(
  algorithmId: AlgorithmId,
  times: readonly number[],
  policy: Policy,
  sample: { start: number; end: number; everyMs: number },
): Replay {
  const algorithm = ALGORITHMS[algorithmId];
  const state = algorithm.create(times[0] ?? sample.start, policy);
  const admitted: boolean[] = [];
  const levels: number[] = [];
  let at = sample.start;
  // Requests and sample instants merged in time order. A sample at a request's instant comes
  // first, so the sample at a bin's end shows the level after that bin's requests, not the next's.
  for (let i = 0; i <= times.length; i++) {
    const next = times[i] ?? Infinity;
    for (; at <= next && at <= sample.end; at += sample.everyMs)
      levels.push(algorithm.level(state, at, policy));
    if (i < times.length) admitted.push(algorithm.decide(state, next, policy).admitted);
  }
  const admittedTimes = times.filter((_, i) => admitted[i]);
  return {
    algorithm: algorithmId,
    admitted,
    admittedCount: admittedTimes.length,
    rejectedCount: times.length - admittedTimes.length,
    maxPerSecond: maxInSpan(admittedTimes, 1000),
    levels,
  };
}

/** The same trace through all five algorithms. */
export function compareAll(
  times: readonly number[],
  policy: Policy,
  sample: { start: number; end: number; everyMs: number },
): Replay[] {
  return ALGORITHM_IDS.map((id) => replay(id, times, policy, sample));
}

/** Most of `times` (sorted) inside any half-open span of `spanMs`: two pointers, O(n). */
export function maxInSpan(times: readonly number[], spanMs: number): number {
  let best = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while ((times[last] as number) - (times[first] as number) >= spanMs) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

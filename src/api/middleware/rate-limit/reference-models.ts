import type { AlgorithmId, Policy } from './policy.ts';

/**
 * Plain models of the five algorithms, for the property tests only: each written straight from
 * its definition, as differently from the real module as is reasonable (they scan the whole
 * history, or step through time one millisecond at a time). `times` is non-decreasing.
 */
export type ReferenceModel = (times: readonly number[], policy: Policy) => boolean[];

/** Counts admitted requests in the same epoch-aligned window. */
const fixedWindow: ReferenceModel = (times, { quota, windowMs }) => {
  const admittedAt: number[] = [];
  return times.map((t) => {
    const window = Math.floor(t / windowMs);
    const used = admittedAt.filter((a) => Math.floor(a / windowMs) === window).length;
    if (used >= quota) return false;
    admittedAt.push(t);
    return true;
  });
};

/** Counts admitted requests less than a window ago. */
const slidingLog: ReferenceModel = (times, { quota, windowMs }) => {
  const admittedAt: number[] = [];
  return times.map((t) => {
    if (admittedAt.filter((a) => t - a < windowMs).length >= quota) return false;
    admittedAt.push(t);
    return true;
  });
};

/**
 * Windows of windowMs from the first request; estimate = previous × (w − elapsed)/w + current,
 * compared in exact rationals (BigInt); a fresh start whenever the estimate is zero.
 */
const slidingWindow: ReferenceModel = (times, { quota, windowMs }) => {
  const w = BigInt(windowMs);
  let anchor: number | undefined;
  const admittedAt: number[] = [];
  const countIn = (window: number) =>
    admittedAt.filter((a) => anchor !== undefined && Math.floor((a - anchor) / windowMs) === window)
      .length;
  return times.map((t) => {
    const estimate = () => {
      if (anchor === undefined) return 0n;
      const window = Math.floor((t - anchor) / windowMs);
      const elapsed = BigInt(t - anchor - window * windowMs);
      return BigInt(countIn(window - 1)) * (w - elapsed) + BigInt(countIn(window)) * w;
    };
    if (estimate() === 0n) {
      anchor = t;
      admittedAt.length = 0;
    }
    if (estimate() + w > BigInt(quota) * w) return false;
    admittedAt.push(t);
    return true;
  });
};

/** Steps through every millisecond: +quota/windowMs of a token each, up to burst. */
const tokenBucket: ReferenceModel = (times, { quota, windowMs, burst }) => {
  // Tokens in 1/windowMs units, so each step is whole.
  let tokens = burst * windowMs;
  let clock = times[0] ?? 0;
  return times.map((t) => {
    for (; clock < t; clock++) tokens = Math.min(burst * windowMs, tokens + quota);
    if (tokens < windowMs) return false;
    tokens -= windowMs;
    return true;
  });
};

/** Steps through every millisecond: the bucket leaks quota/windowMs; a request adds one unit. */
const leakyBucket: ReferenceModel = (times, { quota, windowMs, burst }) => {
  let water = 0;
  let clock = times[0] ?? 0;
  return times.map((t) => {
    for (; clock < t; clock++) water = Math.max(0, water - quota);
    if (water + windowMs > burst * windowMs) return false;
    water += windowMs;
    return true;
  });
};

export const REFERENCE_MODELS: Record<AlgorithmId, ReferenceModel> = {
  fixed_window: fixedWindow,
  sliding_log: slidingLog,
  sliding_window: slidingWindow,
  token_bucket: tokenBucket,
  leaky_bucket: leakyBucket,
};

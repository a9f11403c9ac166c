import type { AlgorithmId } from '../../../api/middleware/rate-limit/policy.ts';

/** One line per algorithm: how it counts, and what that costs or allows. */
export const ALGORITHM_NOTES: Record<AlgorithmId, string> = {
  fixed_window:
    'Counts requests in windows aligned to the clock. Two numbers per client, but up to 2× the quota can pass around a window edge.',
  sliding_log:
    'Remembers the time of every admitted request. Exact over any window; memory grows with the quota.',
  sliding_window:
    'Weights the previous window’s count by how much of it still overlaps. Two counters, nearly exact.',
  token_bucket:
    'Tokens refill steadily up to the bucket size (burst); each request takes one. Absorbs a burst, then holds the rate.',
  leaky_bucket:
    'Each request pours into a bucket that drains steadily; what would overflow is refused. The token bucket seen from the other side.',
};

export const BUCKETS: readonly AlgorithmId[] = ['token_bucket', 'leaky_bucket'];

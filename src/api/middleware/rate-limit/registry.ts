import type { Algorithm } from './algorithm.ts';
import { fixedWindow } from './algorithms/fixed-window.ts';
import { leakyBucket } from './algorithms/leaky-bucket.ts';
import { slidingLog } from './algorithms/sliding-log.ts';
import { slidingWindow } from './algorithms/sliding-window.ts';
import { tokenBucket } from './algorithms/token-bucket.ts';
import type { AlgorithmId } from './policy.ts';

/** The five algorithms by settings id, in the order the lab shows them. */
export const ALGORITHMS: Readonly<Record<AlgorithmId, Algorithm>> = {
  fixed_window: fixedWindow as Algorithm,
  sliding_log: slidingLog as Algorithm,
  sliding_window: slidingWindow as Algorithm,
  token_bucket: tokenBucket as Algorithm,
  leaky_bucket: leakyBucket as Algorithm,
};

import type { AlgorithmId, Policy } from './policy.ts';

/**
 * One limiter decision as the core announces it (event type "rate-limit"), so the lab can chart
 * a client's bucket level live. `state` is a copy of the client's algorithm state after the
 * decision: with the algorithm's `level()` it gives the level at any later moment.
 */
export interface RateLimitEvent {
  partition: string;
  algorithm: AlgorithmId;
  policy: Policy;
  /** Virtual ms of the decision. */
  at: number;
  admitted: boolean;
  remaining: number;
  resetMs: number;
  retryMs: number;
  state: unknown;
}

import type { StandardRef } from '../../standards.ts';
import type { AlgorithmId, Policy } from './policy.ts';

/** One decision: whether the request is admitted, and what the RateLimit headers report. */
export interface Decision {
  admitted: boolean;
  /** Requests that would still be admitted at this instant (the header's `r`). */
  remaining: number;
  /** ms until the whole quota is available again (the header's `t`, before rounding up). */
  resetMs: number;
  /** Rejected: ms until this request would be admitted (Retry-After, before rounding up); else 0. */
  retryMs: number;
}

/**
 * A rate-limit algorithm as a small deterministic module: time comes in as an argument (the
 * virtual clock's reading), never from a clock, so the same trace always gives the same
 * decisions. A state belongs to one client; `decide` updates it in place (the sliding log would
 * otherwise copy its whole log per request).
 */
export interface Algorithm<S = unknown> {
  readonly id: AlgorithmId;
  readonly name: string;
  /** Where the algorithm is defined, for the lab to link. */
  readonly reference: StandardRef;
  /** What `level` measures, for chart axes: "tokens left", "requests in the window", … */
  readonly levelName: string;
  /** The state of a client whose first request arrives at `now`. */
  create(now: number, policy: Policy): S;
  /** Takes one request at `now` (never earlier than the state's last request). */
  decide(state: S, now: number, policy: Policy): Decision;
  /** The chart's value at `now`, without taking a request. */
  level(state: S, now: number, policy: Policy): number;
  /** The level's full scale. */
  capacity(policy: Policy): number;
  /**
   * True when the state is as good as a fresh one: the whole quota is available and nothing the
   * client did can change a future decision. Such a state may be forgotten.
   */
  idle(state: S, now: number, policy: Policy): boolean;
  /** A copy that later decisions will not change, for events (and to undo a decision). */
  snapshot(state: S): S;
  /** What the RateLimit field reports at `now`, without taking a request. */
  status(state: S, now: number, policy: Policy): Pick<Decision, 'remaining' | 'resetMs'>;
  /**
   * Gives back one request admitted at `at`, when later decisions make a plain restore
   * impossible: as if it had been refused, as far as the state still shows it.
   */
  refund(state: S, at: number, policy: Policy): void;
}

import { cite } from '../../../standards.ts';
import type { Algorithm } from '../algorithm.ts';
import { ceilDiv, floorDiv, type Policy } from '../policy.ts';

/**
 * Leaky bucket as a meter, written as the Generic Cell Rate Algorithm (virtual scheduling): each
 * request pours one unit into a bucket of `burst` units that leaks `quota` units per `windowMs`;
 * a request that would overflow it is refused (nothing is queued or delayed). The state is one
 * number, the theoretical arrival time (TAT) at which the bucket is empty again. It admits
 * exactly what the token bucket admits: the same meter seen from the other side.
 * Times are scaled by `quota` (1 ms = quota ticks; one request = windowMs ticks) and counted from
 * the client's first request, so all arithmetic is integer and exact.
 * @see https://www.itu.int/rec/T-REC-I.371 (ITU-T I.371, GCRA)
 */
export interface LeakyBucketState {
  /** ms at which tick 0 is. */
  anchor: number;
  /** Theoretical arrival time, in ticks from `anchor`. */
  tat: number;
}

/** Ticks of water in the bucket at `now` (0 when it has drained). */
function depth(state: LeakyBucketState, now: number, policy: Policy): number {
  // Past 2^53 the product is inexact but certainly beyond `tat`: the bucket is empty.
  const ticks = (now - state.anchor) * policy.quota;
  return ticks >= state.tat ? 0 : state.tat - ticks;
}

export const leakyBucket: Algorithm<LeakyBucketState> = {
  id: 'leaky_bucket',
  name: 'Leaky bucket (meter)',
  levelName: 'water in the bucket',
  reference: cite('ITU-T I.371 (GCRA)', 'https://www.itu.int/rec/T-REC-I.371'),
  create: (now) => ({ anchor: now, tat: 0 }),
  decide(state, now, policy) {
    const w = policy.windowMs;
    const level = depth(state, now, policy);
    // Re-anchor whenever the bucket is empty, so ticks stay small.
    state.anchor = now;
    state.tat = level;
    // Limit τ = (burst − 1) × increment: a request may arrive that early before the TAT.
    const admitted = level <= (policy.burst - 1) * w;
    if (admitted) state.tat += w;
    return {
      admitted,
      remaining: Math.max(0, floorDiv(policy.burst * w - state.tat, w)),
      resetMs: ceilDiv(state.tat, policy.quota),
      retryMs: admitted ? 0 : ceilDiv(state.tat - (policy.burst - 1) * w, policy.quota),
    };
  },
  level: (state, now, policy) => depth(state, now, policy) / policy.windowMs,
  capacity: (policy) => policy.burst,
  idle: (state, now, policy) => depth(state, now, policy) === 0,
  snapshot: (state) => ({ ...state }),
  status(state, now, policy) {
    const w = policy.windowMs;
    const level = depth(state, now, policy);
    return {
      remaining: Math.max(0, floorDiv(policy.burst * w - level, w)),
      resetMs: ceilDiv(level, policy.quota),
    };
  },
  refund(state, _at, policy) {
    state.tat = Math.max(0, state.tat - policy.windowMs);
  },
};

import { cite } from '../../../standards.ts';
import type { Algorithm } from '../algorithm.ts';
import { ceilDiv, floorDiv, type Policy } from '../policy.ts';

/**
 * Token bucket: a bucket holds up to `burst` tokens and gains `quota` tokens per `windowMs`; each
 * request takes one token or is refused. A full bucket absorbs a burst, then the refill rate
 * holds. The bucket starts full at the client's first request. Tokens are counted in units of
 * 1/windowMs of a token (a request costs windowMs units, a millisecond adds quota units), so
 * the level is an integer and over T ms from full exactly burst + ⌊T·quota/windowMs⌋ get in.
 * @see https://www.rfc-editor.org/rfc/rfc2697#section-3 (the token bucket meter)
 */
export interface TokenBucketState {
  /** Tokens × windowMs. */
  units: number;
  last: number;
}

const full = (policy: Policy) => policy.burst * policy.windowMs;

/** The level at `now`: refilled by `quota` units per elapsed ms, up to the capacity. */
function refilled(state: TokenBucketState, now: number, policy: Policy): number {
  const missing = full(policy) - state.units;
  // A product past 2^53 is inexact but still far above `missing`, so the comparison holds.
  const gained = Math.max(0, now - state.last) * policy.quota;
  return gained >= missing ? full(policy) : state.units + gained;
}

export const tokenBucket: Algorithm<TokenBucketState> = {
  id: 'token_bucket',
  name: 'Token bucket',
  levelName: 'tokens left',
  reference: cite('RFC 2697 §3'),
  create: (now, policy) => ({ units: full(policy), last: now }),
  decide(state, now, policy) {
    const w = policy.windowMs;
    state.units = refilled(state, now, policy);
    state.last = now;
    const admitted = state.units >= w;
    if (admitted) state.units -= w;
    return {
      admitted,
      remaining: floorDiv(state.units, w),
      resetMs: ceilDiv(full(policy) - state.units, policy.quota),
      retryMs: admitted ? 0 : ceilDiv(w - state.units, policy.quota),
    };
  },
  level: (state, now, policy) => refilled(state, now, policy) / policy.windowMs,
  capacity: (policy) => policy.burst,
  idle: (state, now, policy) => refilled(state, now, policy) === full(policy),
  snapshot: (state) => ({ ...state }),
  status(state, now, policy) {
    const units = refilled(state, now, policy);
    return {
      remaining: floorDiv(units, policy.windowMs),
      resetMs: ceilDiv(full(policy) - units, policy.quota),
    };
  },
  refund(state, _at, policy) {
    state.units = Math.min(full(policy), state.units + policy.windowMs);
  },
};

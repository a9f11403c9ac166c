import { cite } from '../../../standards.ts';
import type { Algorithm } from '../algorithm.ts';

/**
 * Sliding log: keep the time of every admitted request; a request at `t` is admitted when fewer
 * than `quota` admitted requests fall in the last `windowMs` (times e with t − e < windowMs). Exact
 * for any span of one window, at the price of one timestamp per admitted request per client.
 * @see https://www.figma.com/blog/an-alternative-approach-to-rate-limiting/ (sliding log)
 */
export interface SlidingLogState {
  /** Admitted times, oldest first; entries before `head` have expired. */
  times: number[];
  head: number;
}

export const slidingLog: Algorithm<SlidingLogState> = {
  id: 'sliding_log',
  name: 'Sliding log',
  levelName: 'requests in the last window',
  reference: cite(
    'Figma, “An alternative approach to rate limiting” (2017)',
    'https://www.figma.com/blog/an-alternative-approach-to-rate-limiting/',
  ),
  create: () => ({ times: [], head: 0 }),
  decide(state, now, policy) {
    expire(state, now, policy.windowMs);
    const inWindow = state.times.length - state.head;
    const admitted = inWindow < policy.quota;
    if (admitted) state.times.push(now);
    const count = state.times.length - state.head;
    const newest = state.times[state.times.length - 1] ?? now;
    // Rejected: the request fits once the quota-th newest entry has left the window.
    const blocking = state.times[state.times.length - policy.quota] ?? now;
    return {
      admitted,
      remaining: Math.max(0, policy.quota - count),
      resetMs: count === 0 ? 0 : newest + policy.windowMs - now,
      retryMs: admitted ? 0 : blocking + policy.windowMs - now,
    };
  },
  level(state, now, policy) {
    let count = 0;
    for (let i = state.times.length - 1; i >= state.head; i--) {
      if (now - (state.times[i] as number) >= policy.windowMs) break;
      count += 1;
    }
    return count;
  },
  capacity: (policy) => policy.quota,
  idle: (state, now, policy) => slidingLog.level(state, now, policy) === 0,
  snapshot: (state) => ({ times: state.times.slice(state.head), head: 0 }),
  status(state, now, policy) {
    const count = slidingLog.level(state, now, policy);
    const newest = state.times[state.times.length - 1] ?? now;
    return {
      remaining: Math.max(0, policy.quota - count),
      resetMs: count === 0 ? 0 : newest + policy.windowMs - now,
    };
  },
  refund(state, at) {
    const index = state.times.lastIndexOf(at);
    if (index >= state.head) state.times.splice(index, 1);
  },
};

function expire(state: SlidingLogState, now: number, windowMs: number): void {
  const { times } = state;
  while (state.head < times.length && now - (times[state.head] as number) >= windowMs)
    state.head += 1;
  // Compact now and then, so the array does not grow without bound (amortised O(1)).
  if (state.head > 32 && state.head * 2 > times.length) {
    times.splice(0, state.head);
    state.head = 0;
  }
}

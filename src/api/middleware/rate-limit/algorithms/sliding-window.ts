import { cite } from '../../../standards.ts';
import type { Algorithm } from '../algorithm.ts';
import { floorDiv, type Policy } from '../policy.ts';

/**
 * Sliding window counter: two counters per client, this window's and the previous one's, and the
 * estimate `previous × (time left in this window) / window + current`. A request is admitted when
 * the estimate, counting it, stays within the quota. Nearly as smooth as the sliding log for two
 * numbers per client. Windows start at the client's first request (and again at its first request
 * once the estimate has fallen to zero). All arithmetic is scaled by the window, so it is exact.
 * @see https://blog.cloudflare.com/counting-things-a-lot-of-different-things/ (sliding window counter)
 */
export interface SlidingWindowState {
  anchor: number;
  /** Index of the current window, counted from `anchor`. */
  window: number;
  previous: number;
  current: number;
}

interface View {
  previous: number;
  current: number;
  /** ms into the current window. */
  elapsed: number;
  /** When the current window started. */
  start: number;
  window: number;
}

/** The counters as they stand at `now` (a later window shifts current into previous). */
function view(state: SlidingWindowState, now: number, windowMs: number): View {
  const window = floorDiv(now - state.anchor, windowMs);
  let { previous, current } = state;
  if (window === state.window + 1) [previous, current] = [current, 0];
  else if (window !== state.window) [previous, current] = [0, 0];
  if (previous === 0 && current === 0)
    return { previous, current, elapsed: 0, start: now, window: 0 };
  const start = state.anchor + window * windowMs;
  return { previous, current, elapsed: now - start, start, window };
}

/** The estimate × windowMs, an integer. */
const scaled = (v: View, windowMs: number) =>
  v.previous * (windowMs - v.elapsed) + v.current * windowMs;

export const slidingWindow: Algorithm<SlidingWindowState> = {
  id: 'sliding_window',
  name: 'Sliding window counter',
  levelName: 'estimated requests in the last window',
  reference: cite(
    'Cloudflare, “How we built rate limiting capable of scaling to millions of domains” (2017)',
    'https://blog.cloudflare.com/counting-things-a-lot-of-different-things/',
  ),
  create: (now) => ({ anchor: now, window: 0, previous: 0, current: 0 }),
  decide(state, now, policy) {
    const w = policy.windowMs;
    const v = view(state, now, w);
    const admitted = scaled(v, w) + w <= policy.quota * w;
    if (admitted) v.current += 1;
    state.anchor = v.start - v.window * w;
    state.window = v.window;
    state.previous = v.previous;
    state.current = v.current;
    return {
      admitted,
      remaining: Math.max(0, floorDiv(policy.quota * w - scaled(v, w), w)),
      resetMs: v.current > 0 ? v.start + 2 * w - now : v.previous > 0 ? v.start + w - now : 0,
      retryMs: admitted ? 0 : retryMs(v, now, policy),
    };
  },
  level: (state, now, policy) =>
    scaled(view(state, now, policy.windowMs), policy.windowMs) / policy.windowMs,
  capacity: (policy) => policy.quota,
  idle: (state, now, policy) => scaled(view(state, now, policy.windowMs), policy.windowMs) === 0,
  snapshot: (state) => ({ ...state }),
  status(state, now, policy) {
    const w = policy.windowMs;
    const v = view(state, now, w);
    return {
      remaining: Math.max(0, floorDiv(policy.quota * w - scaled(v, w), w)),
      resetMs: v.current > 0 ? v.start + 2 * w - now : v.previous > 0 ? v.start + w - now : 0,
    };
  },
  refund(state, at, policy) {
    const window = floorDiv(at - state.anchor, policy.windowMs);
    if (window === state.window && state.current > 0) state.current -= 1;
    else if (window === state.window - 1 && state.previous > 0) state.previous -= 1;
  },
};

/** The earliest moment one more request fits, the estimate being non-increasing over time. */
function retryMs(v: View, now: number, { quota, windowMs: w }: Policy): number {
  // Still in this window: wait until previous × (w − elapsed) ≤ (quota − current − 1) × w.
  const spare = quota - v.current - 1;
  if (spare >= 0 && v.previous > 0) {
    const elapsed = Math.max(v.elapsed, w - floorDiv(spare * w, v.previous));
    if (elapsed < w) return v.start + elapsed - now;
  }
  // Next window: current becomes previous; wait until current × (w − elapsed) ≤ (quota − 1) × w.
  if (v.current === 0) return v.start + w - now;
  const elapsed = w - floorDiv((quota - 1) * w, v.current);
  if (elapsed < w) return v.start + w + elapsed - now;
  // The window after: both counters are gone.
  return v.start + 2 * w - now;
}

import { cite } from '../../../standards.ts';
import type { Algorithm } from '../algorithm.ts';
import { floorDiv } from '../policy.ts';

/**
 * Fixed window counter: time is cut into windows of `windowMs` aligned to multiples of the window
 * on the clock's epoch (shared API.md §5), and each window admits `quota` requests. Cheap (two
 * numbers per client), but a client can spend one window's quota at its very end and the next
 * window's at the very start: up to twice the quota in a moment.
 * @see https://www.figma.com/blog/an-alternative-approach-to-rate-limiting/ (fixed window, its edge burst)
 */
export interface FixedWindowState {
  /** Index of the current window: ⌊now / windowMs⌋. */
  window: number;
  count: number;
}

export const fixedWindow: Algorithm<FixedWindowState> = {
  id: 'fixed_window',
  name: 'Fixed window',
  levelName: 'requests in this window',
  reference: cite(
    'Figma, “An alternative approach to rate limiting” (2017)',
    'https://www.figma.com/blog/an-alternative-approach-to-rate-limiting/',
  ),
  create: (now, policy) => ({ window: floorDiv(now, policy.windowMs), count: 0 }),
  decide(state, now, policy) {
    roll(state, now, policy.windowMs);
    const admitted = state.count < policy.quota;
    if (admitted) state.count += 1;
    const windowEnd = (state.window + 1) * policy.windowMs;
    return {
      admitted,
      remaining: policy.quota - state.count,
      resetMs: state.count === 0 ? 0 : windowEnd - now,
      retryMs: admitted ? 0 : windowEnd - now,
    };
  },
  level: (state, now, policy) =>
    floorDiv(now, policy.windowMs) === state.window ? state.count : 0,
  capacity: (policy) => policy.quota,
  idle: (state, now, policy) => fixedWindow.level(state, now, policy) === 0,
  snapshot: (state) => ({ ...state }),
  status(state, now, policy) {
    const count = fixedWindow.level(state, now, policy);
    const windowEnd = (floorDiv(now, policy.windowMs) + 1) * policy.windowMs;
    return { remaining: policy.quota - count, resetMs: count === 0 ? 0 : windowEnd - now };
  },
  refund(state, at, policy) {
    if (floorDiv(at, policy.windowMs) === state.window && state.count > 0) state.count -= 1;
  },
};

function roll(state: FixedWindowState, now: number, windowMs: number): void {
  const window = floorDiv(now, windowMs);
  if (window === state.window) return;
  state.window = window;
  state.count = 0;
}

import CachePolicy from 'http-cache-semantics';

/**
 * http-cache-semantics reads the time through its `now()` method (documented for exactly this:
 * "you can monkey-patch it"). A subclass answers it from the virtual clock, so entries go stale
 * when the playground's clock says so, paused or fast-forwarded. The library keeps the subclass
 * when it makes the policy after a revalidation (`new this.constructor`).
 */
export function policyOnClock(now: () => number): typeof CachePolicy {
  return class VirtualClockPolicy extends CachePolicy {
    now(): number {
      return now();
    }
  };
}

export type { CachePolicy };

import type { ClientName } from './cache-world.ts';

/**
 * The step kinds of the caching scenarios. Each records metrics under its `as`:
 * `<as>.status`, `<as>.apiStatus` (0 when the API was never reached), `<as>.apiBytes`,
 * `<as>.private`, `<as>.shared` (what each cache did), …
 */
export type CachingStep =
  /** Sets `caching.policies.products` (the earlier settings and clock come back at `restore`). */
  | { kind: 'policy'; directives: string }
  /** Turns `conditional.require_preconditions` on or off. */
  | { kind: 'require-preconditions'; on: boolean }
  /** A GET from a client, through its private cache and (when `viaCdn`) the shared cache. */
  | { kind: 'get'; client: ClientName; target: 'product' | 'page'; viaCdn?: boolean; as: string }
  /**
   * A PUT of the whole product as the client last read it, with `change` applied: with
   * `ifMatch`, only if it is still the version read (the ETag of that read). `{run}` in a string
   * value is the run's id, so every run really changes the product.
   */
  | {
      kind: 'put';
      client: ClientName;
      change: Record<string, unknown>;
      ifMatch: boolean;
      as: string;
    }
  /** After a 412: read again, apply the client's change to the fresh copy, send it again. */
  | { kind: 'merge-retry'; client: ClientName; change: Record<string, unknown>; as: string }
  /** Moves the virtual clock on. */
  | { kind: 'advance'; ms: number }
  /** Puts back the settings and the clock as they were before the first step. */
  | { kind: 'restore' };

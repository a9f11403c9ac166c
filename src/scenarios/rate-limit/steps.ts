import type { RateLimitSettings } from '../../api/middleware/rate-limit/policy.ts';
import type { TraceSpec } from './traces.ts';

/**
 * The step kinds of the rate-limit scenarios. Each names the metrics it records, so a scenario's
 * expectations can refer to them: `<as>.admitted`, `<as>.status`, …
 */
export type RateLimitStep =
  /** PATCH the rate_limit settings (the earlier settings and clock come back at `restore`). */
  | { kind: 'policy'; policy: Partial<RateLimitSettings> }
  /** Plays a trace fast-forward as `client`: records admitted, rejected, maxPerSecond, sent. */
  | { kind: 'play'; trace: TraceSpec; client: string; as: string }
  /** One request: records status, retryAfter (seconds, or -1), retryAfterIsWhole. */
  | { kind: 'request'; client: string; as: string }
  /** Moves the virtual clock on. */
  | { kind: 'advance'; ms: number }
  /** Moves it on by the Retry-After a request received, plus `extraMs` (may be negative). */
  | { kind: 'advance-retry-after'; from: string; extraMs?: number }
  /** Puts back the settings and the clock as they were before the first `policy` step. */
  | { kind: 'restore' };

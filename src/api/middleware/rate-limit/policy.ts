import { cite, type StandardRef } from '../../standards.ts';

/**
 * The rate-limit policy as the algorithms see it (shared API.md §5): `quota` requests per
 * `windowMs`, and `burst`, the bucket capacity of the two bucket algorithms (the quota unless set).
 * Every quantity is an integer, so admitted counts are exact against the virtual clock.
 */
export const ALGORITHM_IDS = [
  'fixed_window',
  'sliding_log',
  'sliding_window',
  'token_bucket',
  'leaky_bucket',
] as const;

export type AlgorithmId = (typeof ALGORITHM_IDS)[number];

export const HEADER_STYLES = ['ietf', 'legacy', 'both'] as const;
export type HeaderStyle = (typeof HEADER_STYLES)[number];

export interface Policy {
  quota: number;
  windowMs: number;
  burst: number;
}

/** The `rate_limit` settings section (see settings.ts). */
export interface RateLimitSettings {
  enabled: boolean;
  algorithm: AlgorithmId;
  quota: number;
  window_ms: number;
  burst: number | null;
  headers: HeaderStyle;
  /** A 304 to a conditional request gives its quota back (shared API.md §9, GitHub's rule). */
  free_304: boolean;
}

export const POLICY_NAME = 'default';

export const RATE_LIMIT_HEADERS_DRAFT: StandardRef = cite(
  'draft-ietf-httpapi-ratelimit-headers',
  'https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/',
);

export function policyOf(settings: RateLimitSettings): Policy {
  return {
    quota: settings.quota,
    windowMs: settings.window_ms,
    burst: settings.burst ?? settings.quota,
  };
}

/** ⌊a / b⌋ for non-negative integers below 2^53, corrected for floating-point rounding. */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/** ⌈a / b⌉ for non-negative integers below 2^53. */
export function ceilDiv(a: number, b: number): number {
  const q = floorDiv(a, b);
  return q * b === a ? q : q + 1;
}

import { serializeList, serializeString } from 'structured-headers';
import type { Decision } from './algorithm.ts';
import { POLICY_NAME, type HeaderStyle, type Policy } from './policy.ts';

/**
 * The headers of a limited response, as structured fields (RFC 8941 Lists of one String item):
 *   RateLimit-Policy: "default";q=100;w=10      quota, window in seconds
 *   RateLimit: "default";r=57;t=4                requests left now, seconds until the whole quota is back
 * and the legacy trio X-RateLimit-Limit / -Remaining / -Reset (epoch seconds of that moment).
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/
 */
export function rateLimitHeaders(
  style: HeaderStyle,
  policy: Policy,
  decision: Decision,
  now: number,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const resetSeconds = Math.ceil(decision.resetMs / 1000);
  if (style !== 'legacy') {
    headers['RateLimit-Policy'] = policyField(policy);
    // r and t are non-negative integers, so each is already a valid sf-integer: the per-request
    // field is the serialised name plus two parameters (parsed back by a real parser in tests).
    headers['RateLimit'] = `${NAME};r=${decision.remaining};t=${resetSeconds}`;
  }
  if (style !== 'ietf') {
    headers['X-RateLimit-Limit'] = String(policy.quota);
    headers['X-RateLimit-Remaining'] = String(decision.remaining);
    headers['X-RateLimit-Reset'] = String(Math.ceil((now + decision.resetMs) / 1000));
  }
  return headers;
}

const NAME = serializeString(POLICY_NAME);
let cachedPolicy: Policy | undefined;
let cachedField = '';

/** The policy field changes only with the settings: serialised once per policy. */
function policyField(policy: Policy): string {
  if (policy === cachedPolicy) return cachedField;
  cachedPolicy = policy;
  cachedField = serializeList([
    [
      POLICY_NAME,
      new Map([
        ['q', policy.quota],
        ['w', policy.windowMs / 1000],
      ]),
    ],
  ]);
  return cachedField;
}

/** Retry-After in whole seconds (RFC 9110 §10.2.3), at least 1, never before admission. */
export const retryAfterSeconds = (retryMs: number) => Math.max(1, Math.ceil(retryMs / 1000));

import { ProblemError } from '../../problems.ts';
import { CHECKS, type CheckId } from './checks.ts';
import type { Scope } from './policy.ts';

export const REALM = 'restlab';

/** RFC 6750 §2.1: `Bearer` then one b64token (RFC 7235 token68). */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export type Credentials =
  { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'malformed'; detail: string };

/**
 * Reads the Authorization header (RFC 6750 §2.1). Headers joins a field sent twice with ", ",
 * which a single b64token never contains, so the header twice is malformed too.
 */
export function readCredentials(headers: Headers): Credentials {
  const value = headers.get('Authorization');
  if (value === null) return { kind: 'none' };
  const trimmed = value.trim();
  const space = trimmed.indexOf(' ');
  const scheme = space === -1 ? trimmed : trimmed.slice(0, space);
  if (scheme.toLowerCase() !== 'bearer')
    return {
      kind: 'malformed',
      detail: `the scheme is ${JSON.stringify(scheme)}, not Bearer`,
    };
  const rest = space === -1 ? '' : trimmed.slice(space + 1).trim();
  if (rest === '') return { kind: 'malformed', detail: 'Bearer carries no token' };
  if (/[\s,]/.test(rest))
    return { kind: 'malformed', detail: 'more than one token (or the header sent twice)' };
  if (!B64TOKEN.test(rest))
    return { kind: 'malformed', detail: 'the token has characters a b64token cannot carry' };
  return { kind: 'bearer', token: rest };
}

/** A quoted-string value RFC 6750 §3 allows: printable ASCII without `"` and `\`. */
function quoted(text: string): string {
  return text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
}

export function challenge(params: Record<string, string> = {}): string {
  const extra = Object.entries(params).map(([name, value]) => `, ${name}="${quoted(value)}"`);
  return `Bearer realm="${REALM}"${extra.join('')}`;
}

export const unauthenticated = () =>
  new ProblemError('unauthenticated', 'This request needs a bearer token: sign in first.', {
    headers: { 'WWW-Authenticate': challenge() },
    rule: 'No credentials → 401, a challenge with no error code (RFC 6750 §3.1)',
  });

export const malformed = (detail: string) =>
  new ProblemError('invalid-request', `The Authorization header is malformed: ${detail}.`, {
    headers: {
      'WWW-Authenticate': challenge({ error: 'invalid_request', error_description: detail }),
    },
    errors: [{ header: 'Authorization', detail: `must be "Bearer <token>": ${detail}` }],
    rule: `Malformed Authorization (${detail}) → 400 invalid_request (RFC 6750 §3.1)`,
  });

export function invalidToken(check: CheckId, detail: string, verifier: string): ProblemError {
  const description = `${check}: ${detail}`;
  return new ProblemError(
    'invalid-token',
    `The token was refused by the ${verifier} verifier: ${detail}.`,
    {
      headers: {
        'WWW-Authenticate': challenge({ error: 'invalid_token', error_description: description }),
      },
      extensions: { check, expected: CHECKS[check].what },
      rule: `${verifier} verifier: ${check} failed (${detail}) → 401 invalid_token (${CHECKS[check].standard.cite})`,
    },
  );
}

/** 403: a valid token without what the action needs (`needed` null: no scope could help). */
export function insufficientScope(needed: Scope | null, detail: string): ProblemError {
  const params: Record<string, string> = {
    error: 'insufficient_scope',
    error_description: needed ? `needs scope ${needed}` : detail,
  };
  if (needed) params.scope = needed;
  return new ProblemError('insufficient-scope', detail, {
    headers: { 'WWW-Authenticate': challenge(params) },
    extensions: needed ? { scope_needed: needed } : {},
    rule: `${needed ? `Token lacks scope ${needed}` : detail} → 403 insufficient_scope (RFC 6750 §3.1)`,
  });
}

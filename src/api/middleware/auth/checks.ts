import { cite, type StandardRef } from '../../standards.ts';

/**
 * The checks a verifier makes, each with the standard that asks for it. A refusal names one; the
 * journal, the WWW-Authenticate `error_description` and the lab show it.
 */
export const CHECKS = {
  format: { what: 'a compact JWS of three base64url parts', standard: cite('RFC 7515 §7.1') },
  alg: { what: 'the alg of the key the kid names', standard: cite('RFC 8725 §3.1') },
  'embedded-key': {
    what: 'no key carried in the header (jwk, jku, x5u, x5c)',
    standard: cite('RFC 8725 §3.10'),
  },
  crit: {
    what: 'no critical extension this API does not know',
    standard: cite('RFC 7515 §4.1.11'),
  },
  kid: {
    what: 'a kid naming a current key or one in its grace window',
    standard: cite('RFC 7515 §4.1.4'),
  },
  typ: { what: 'typ "at+jwt"', standard: cite('RFC 9068 §4') },
  signature: { what: 'a valid signature', standard: cite('RFC 7515 §5.2') },
  claims: {
    what: 'the required claims exp, iat, jti, sub, client_id',
    standard: cite('RFC 9068 §2.2'),
  },
  iss: { what: 'the issuer this API is', standard: cite('RFC 8725 §3.8') },
  aud: { what: 'the audience "restlab-api"', standard: cite('RFC 8725 §3.9') },
  exp: { what: 'now before exp', standard: cite('RFC 7519 §4.1.4') },
  nbf: { what: 'nbf at or before now', standard: cite('RFC 7519 §4.1.5') },
  revoked: { what: 'a jti not revoked', standard: cite('RFC 9700 §4.14.2') },
} as const satisfies Record<string, { what: string; standard: StandardRef }>;

export type CheckId = keyof typeof CHECKS;

/** What the token says once a verifier accepted it. */
export interface AccessClaims {
  sub: string;
  client_id: string;
  scope: string;
  jti: string;
  exp: number;
  iat: number;
  iss?: string;
  aud?: string | string[];
  [claim: string]: unknown;
}

export type Verdict =
  | { ok: true; claims: AccessClaims; kid: string | undefined; passed: readonly string[] }
  | { ok: false; check: CheckId; detail: string };

export const refuse = (check: CheckId, detail: string): Verdict => ({ ok: false, check, detail });

export const AUDIENCE = 'restlab-api';
export const TOKEN_TYPE = 'at+jwt';

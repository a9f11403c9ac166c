import {
  base64url,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type ProtectedHeaderParameters,
} from 'jose';
import type { AuthSettings } from './auth-settings.ts';
import {
  AUDIENCE,
  refuse,
  TOKEN_TYPE,
  type AccessClaims,
  type CheckId,
  type Verdict,
} from './checks.ts';
import type { KeyRing } from './keys.ts';

export interface VerifyInput {
  token: string;
  now: number;
  settings: AuthSettings;
  /** The issuer the token must name: the origin of the request presenting it. */
  issuer: string;
  ring: KeyRing;
  isRevoked: (jti: string) => boolean;
}

const EMBEDDED_KEYS = ['jwk', 'jku', 'x5u', 'x5c'] as const;
const REQUIRED = ['exp', 'iat', 'jti', 'sub', 'client_id'];

/**
 * The verifier of RFC 8725 (JWT BCP) and RFC 9068 §4: nothing in the token chooses how it is
 * checked. The `kid` must name a key this API holds (current or in grace), the token's `alg` must
 * be exactly that key's, and jose then checks the signature, `typ`, `iss`, `aud`, the required
 * claims, `exp` and `nbf` against the virtual clock with no tolerance; a revoked `jti` is refused.
 */
export async function verifyBcp(input: VerifyInput): Promise<Verdict> {
  const { token, now, settings, ring } = input;
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
    const parts = token.split('.');
    // Canonical base64url only (RFC 7515 §2): one token, one spelling, so no changed character
    // can decode to the same bytes and pass.
    if (
      parts.length !== 3 ||
      parts.some((part) => base64url.encode(base64url.decode(part)) !== part)
    )
      throw new Error('not three canonical parts');
  } catch {
    return refuse('format', 'the token is not a compact JWS (three canonical base64url parts)');
  }
  if (header.alg === 'none' || header.alg === undefined)
    return refuse('alg', 'alg "none" (an unsigned token) is never accepted');
  for (const name of EMBEDDED_KEYS)
    if (name in header)
      return refuse(
        'embedded-key',
        `the header carries a key (${name}): keys come from this API's JWKS only`,
      );
  if (header.crit !== undefined)
    return refuse(
      'crit',
      `crit names extensions this API does not understand (${JSON.stringify(header.crit)})`,
    );
  const key = ring.verifying(header.kid, now, settings);
  if (!key)
    return refuse(
      'kid',
      `kid ${JSON.stringify(header.kid ?? null)} names no current key nor one in its grace window`,
    );
  if (header.alg !== key.alg)
    return refuse('alg', `alg ${header.alg} is not ${key.alg}, the only alg of key ${key.kid}`);
  if (typeof header.typ !== 'string' || !/^(application\/)?at\+jwt$/i.test(header.typ))
    return refuse('typ', `typ ${JSON.stringify(header.typ ?? null)} is not "${TOKEN_TYPE}"`);

  const material = await ring.material(key);
  let claims: AccessClaims;
  try {
    const result = await jwtVerify(token, material.verifying, {
      algorithms: [key.alg],
      issuer: input.issuer,
      audience: AUDIENCE,
      typ: TOKEN_TYPE,
      requiredClaims: REQUIRED,
      clockTolerance: 0,
      // jose reads the wall clock unless told: the virtual clock decides exp and nbf.
      // eslint-disable-next-line no-restricted-globals -- an instant of the virtual clock
      currentDate: new Date(now),
    });
    claims = result.payload as AccessClaims;
  } catch (error) {
    return refusal(error, input.issuer);
  }
  if (typeof claims.scope !== 'string') return refuse('claims', 'scope is not a string');
  if (input.isRevoked(claims.jti)) return refuse('revoked', `jti ${claims.jti} was revoked`);
  return {
    ok: true,
    claims,
    kid: key.kid,
    passed: ['kid', 'alg', 'typ', 'signature', 'iss', 'aud', 'claims', 'exp', 'nbf', 'revoked'],
  };
}

/** jose's error, as the check it failed. Anything else (a TypeError) is a refusal too. */
function refusal(error: unknown, issuer: string): Verdict {
  if (error instanceof errors.JWTExpired) return refuse('exp', 'the token has expired (exp ≤ now)');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    const named: Partial<Record<string, CheckId>> = {
      nbf: 'nbf',
      iss: 'iss',
      aud: 'aud',
      typ: 'typ',
    };
    const check = named[claim] ?? 'claims';
    if (check === 'nbf') return refuse('nbf', 'the token is not yet valid (nbf > now)');
    if (check === 'iss') return refuse('iss', `iss is not ${issuer}`);
    if (check === 'aud') return refuse('aud', `aud is not "${AUDIENCE}"`);
    return refuse(check, `claim ${claim}: ${error.reason === 'missing' ? 'missing' : 'invalid'}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return refuse('signature', 'the signature does not match the header and payload');
  if (error instanceof errors.JWTInvalid)
    return refuse('claims', 'the payload is not a JSON claims set');
  return refuse('signature', 'the token could not be verified');
}

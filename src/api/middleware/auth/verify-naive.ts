import { exportSPKI, importJWK, type JWK } from 'jose';
import { refuse, type AccessClaims, type Verdict } from './checks.ts';
import { secretBytes } from './keys.ts';
import type { VerifyInput } from './verify-bcp.ts';

/**
 * THE ANTI-EXAMPLE (shared API.md §6, `verifier: "naive"`): a verifier written by hand the way
 * many were before RFC 8725, kept small so the lesson can read it. Its mistakes are deliberate:
 * - it lets the token's own `alg` choose the algorithm (RFC 8725 §2.1): `none` passes unsigned,
 *   and HS256 is checked with the public key's SPKI PEM as the HMAC secret (key confusion);
 * - it trusts a key embedded in the header (`jwk`), so anyone's key verifies their own token;
 * - it never looks at `typ`, `crit`, `nbf`, `iss`, `aud`, nor at revocation.
 * It does check the signature when there is one, and `exp`.
 * Never copy it: verifyBcp is the one to learn from.
 */
export async function verifyNaive(input: VerifyInput): Promise<Verdict> {
  const parts = input.token.split('.');
  if (parts.length !== 3) return refuse('format', 'the token is not three dot-separated parts');
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decodeJson(headerPart);
  const claims = decodeJson(payloadPart) as AccessClaims | undefined;
  if (!header || !claims) return refuse('format', 'the header or payload is not base64url JSON');
  const alg = header.alg;
  const signed = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
  const signature = decodeBase64Url(signaturePart);
  if (!signature) return refuse('format', 'the signature is not base64url');

  if (alg !== 'none') {
    // Mistake: the header's `jwk` is used as the key, so the token vouches for itself.
    const embedded = typeof header.jwk === 'object' && header.jwk !== null;
    const key = embedded ? undefined : input.ring.verifying(header.kid, input.now, input.settings);
    if (!embedded && !key)
      return refuse('kid', `kid ${JSON.stringify(header.kid ?? null)} is unknown`);
    let valid: boolean;
    try {
      if (alg === 'HS256') {
        // Mistake: whatever key the kid names becomes an HMAC secret; for a public key, its PEM.
        const secret = key
          ? key.alg === 'HS256'
            ? secretBytes(key)
            : new TextEncoder().encode(await publicPem(key.public_jwk ?? {}, key.alg))
          : new Uint8Array();
        const hmac = await crypto.subtle.importKey(
          'raw',
          secret as BufferSource,
          { name: 'HMAC', hash: 'SHA-256' },
          false,
          ['verify'],
        );
        valid = await crypto.subtle.verify('HMAC', hmac, signature as BufferSource, signed);
      } else {
        const jwk = (embedded ? header.jwk : key?.public_jwk) as JWK;
        const params = WEBCRYPTO[String(alg)];
        if (!params) return refuse('alg', `alg ${String(alg)} is not one this verifier knows`);
        const publicKey = await crypto.subtle.importKey('jwk', strip(jwk), params.import, false, [
          'verify',
        ]);
        valid = await crypto.subtle.verify(
          params.verify,
          publicKey,
          signature as BufferSource,
          signed,
        );
      }
    } catch {
      valid = false;
    }
    if (!valid) return refuse('signature', 'the signature does not match');
  }
  // Mistake: only exp is looked at; nbf, iss, aud, typ and revocation never are.
  if (typeof claims.exp === 'number' && input.now >= claims.exp * 1000)
    return refuse('exp', 'the token has expired');
  if (typeof claims.sub !== 'string') return refuse('claims', 'sub is missing');
  const scope = typeof claims.scope === 'string' ? claims.scope : '';
  return {
    ok: true,
    claims: { ...claims, scope },
    kid: typeof header.kid === 'string' ? header.kid : undefined,
    passed: alg === 'none' ? ['exp (no signature: alg none trusted)'] : ['signature', 'exp'],
  };
}

const WEBCRYPTO: Record<
  string,
  {
    import: AlgorithmIdentifier | EcKeyImportParams | RsaHashedImportParams;
    verify: AlgorithmIdentifier | EcdsaParams;
  }
> = {
  ES256: {
    import: { name: 'ECDSA', namedCurve: 'P-256' },
    verify: { name: 'ECDSA', hash: 'SHA-256' },
  },
  RS256: { import: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, verify: 'RSASSA-PKCS1-v1_5' },
  EdDSA: { import: 'Ed25519', verify: 'Ed25519' },
};

/** The public key as SPKI PEM, exactly as jose's exportSPKI writes it (the attacker's secret). */
export async function publicPem(jwk: JWK, alg: string): Promise<string> {
  const key = await importJWK(jwk, alg);
  return exportSPKI(key as CryptoKey);
}

function strip(jwk: JWK): JsonWebKey {
  const { kty, crv, x, y, n, e } = jwk;
  return Object.fromEntries(
    Object.entries({ kty, crv, x, y, n, e }).filter(([, v]) => v !== undefined),
  );
}

function decodeBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function decodeJson(text: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Url(text);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

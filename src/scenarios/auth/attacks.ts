import {
  base64url,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
} from 'jose';
import { cite, type StandardRef } from '../../api/standards.ts';
import type { Transport } from '../scenario.ts';
import { bearer, present, request, signIn, type TokenVerdict } from './auth-http.ts';

/**
 * The attack gallery (issue 10), as data: each forgery is built with jose from what an attacker
 * really has (a captured access token, the published JWKS, their own keys) or, where the attack
 * needs the issuer's own signature, from the control API's token workshop (POST /__admin/tokens:
 * what a token kept from long ago, or one made for another audience, would be). Each is sent for
 * real to GET /api/v1/me, guarded whatever `enforce` says. The lab, attacks.test.ts and
 * e2e/auth.spec.ts all run exactly these.
 */
export interface AttackKit {
  transport: Transport;
  /** A member's real access token, captured. */
  captured: string;
  /** Its refresh token. */
  capturedRefresh: string;
  /** The published key set. */
  jwks: { keys: JWK[] };
  /** The API's origin, its issuer. */
  origin: string;
}

export interface Expected {
  accepted: boolean;
  /** The check that refuses it (absent when accepted). */
  check?: string;
}

export interface Attack {
  id: string;
  title: string;
  /** What the attacker does, in a sentence. */
  how: string;
  /** Builds the forgery; `token` is presented as a bearer token at /api/v1/me. */
  build(kit: AttackKit): Promise<string>;
  expected: { bcp: Expected; naive: Expected };
  /** The section that decides it. */
  standard: StandardRef;
}

const ADMIN_SCOPE = 'read write admin';

function parts(token: string): [string, string, string] {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return [header, payload, signature];
}

const encodeJson = (value: unknown) => base64url.encode(JSON.stringify(value));

/** The captured token's payload with the scope raised to admin. */
function escalated(kit: AttackKit): Record<string, unknown> {
  return { ...decodeJwt(kit.captured), scope: ADMIN_SCOPE };
}

async function mint(kit: AttackKit, body: Record<string, unknown>): Promise<string> {
  const claims = decodeJwt(kit.captured);
  const reply = await request(kit.transport, 'POST', '/__admin/tokens', {
    sub: claims.sub,
    scope: claims.scope,
    ...body,
  });
  return reply.json.access_token as string;
}

async function attackerKeys() {
  const pair = await generateKeyPair('ES256', { extractable: true });
  return { ...pair, publicJwk: await exportJWK(pair.publicKey) };
}

const now = (kit: AttackKit) => decodeJwt(kit.captured).iat ?? 0;

export const ATTACKS: readonly Attack[] = [
  {
    id: 'alg-none',
    title: 'alg "none"',
    how: 'Take the captured token, set alg to "none", raise the scope to admin, drop the signature.',
    build: async (kit) => {
      const header = { ...decodeProtectedHeader(kit.captured), alg: 'none' };
      return `${encodeJson(header)}.${encodeJson(escalated(kit))}.`;
    },
    expected: { bcp: { accepted: false, check: 'alg' }, naive: { accepted: true } },
    standard: cite('RFC 8725 §3.1'),
  },
  {
    id: 'key-confusion',
    title: 'HS256 signed with the public key',
    how: 'Fetch the JWKS, turn the ES256 public key into its PEM, and use that text as an HS256 secret.',
    build: async (kit) => {
      const { kid } = decodeProtectedHeader(kit.captured);
      const jwk = kit.jwks.keys.find((key) => key.kid === kid) ?? kit.jwks.keys[0];
      const pem = await exportSPKI((await importJWK(jwk ?? {}, jwk?.alg)) as CryptoKey);
      return new SignJWT(escalated(kit))
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid })
        .sign(new TextEncoder().encode(pem));
    },
    expected: { bcp: { accepted: false, check: 'alg' }, naive: { accepted: true } },
    standard: cite('RFC 8725 §3.1'),
  },
  {
    id: 'tampered-payload',
    title: 'Tampered payload',
    how: 'Keep header and signature, raise the scope in the payload.',
    build: async (kit) => {
      const [header, , signature] = parts(kit.captured);
      return `${header}.${encodeJson(escalated(kit))}.${signature}`;
    },
    expected: {
      bcp: { accepted: false, check: 'signature' },
      naive: { accepted: false, check: 'signature' },
    },
    standard: cite('RFC 7515 §5.2'),
  },
  {
    id: 'stripped-signature',
    title: 'Stripped signature',
    how: 'Send header and payload with an empty signature.',
    build: async (kit) => {
      const [header, payload] = parts(kit.captured);
      return `${header}.${payload}.`;
    },
    expected: {
      bcp: { accepted: false, check: 'signature' },
      naive: { accepted: false, check: 'signature' },
    },
    standard: cite('RFC 7515 §5.2'),
  },
  {
    id: 'expired',
    title: 'Expired',
    how: 'A token the real key signed long ago: it expired an hour before now.',
    build: (kit) => mint(kit, { claims: { iat: now(kit) - 7200, exp: now(kit) - 3600 } }),
    expected: { bcp: { accepted: false, check: 'exp' }, naive: { accepted: false, check: 'exp' } },
    standard: cite('RFC 7519 §4.1.4'),
  },
  {
    id: 'not-yet-valid',
    title: 'Not yet valid',
    how: 'A real signature on a token whose nbf is an hour from now.',
    build: (kit) => mint(kit, { claims: { nbf: now(kit) + 3600 } }),
    expected: { bcp: { accepted: false, check: 'nbf' }, naive: { accepted: true } },
    standard: cite('RFC 7519 §4.1.5'),
  },
  {
    id: 'wrong-issuer',
    title: 'Wrong issuer',
    how: 'A real signature, but iss names another issuer.',
    build: (kit) => mint(kit, { claims: { iss: 'https://issuer.example' } }),
    expected: { bcp: { accepted: false, check: 'iss' }, naive: { accepted: true } },
    standard: cite('RFC 8725 §3.8'),
  },
  {
    id: 'wrong-audience',
    title: 'Wrong audience',
    how: 'A token the same issuer made for another API (aud "billing-api").',
    build: (kit) => mint(kit, { claims: { aud: 'billing-api' } }),
    expected: { bcp: { accepted: false, check: 'aud' }, naive: { accepted: true } },
    standard: cite('RFC 8725 §3.9'),
  },
  {
    id: 'wrong-typ',
    title: 'Wrong typ (an ID token)',
    how: 'A token of another kind from the same issuer, typ "JWT", presented as an access token.',
    build: (kit) => mint(kit, { header: { typ: 'JWT' } }),
    expected: { bcp: { accepted: false, check: 'typ' }, naive: { accepted: true } },
    standard: cite('RFC 8725 §3.11'),
  },
  {
    id: 'missing-typ',
    title: 'Missing typ',
    how: 'The same, with no typ at all.',
    build: (kit) => mint(kit, { header: { typ: null } }),
    expected: { bcp: { accepted: false, check: 'typ' }, naive: { accepted: true } },
    standard: cite('RFC 9068 §4'),
  },
  {
    id: 'unknown-kid',
    title: 'Unknown kid',
    how: 'Sign with the attacker’s own key under a kid the API never issued.',
    build: async (kit) => {
      const keys = await attackerKeys();
      return new SignJWT(escalated(kit))
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'attacker-key-1' })
        .sign(keys.privateKey);
    },
    expected: { bcp: { accepted: false, check: 'kid' }, naive: { accepted: false, check: 'kid' } },
    standard: cite('RFC 7515 §4.1.4'),
  },
  {
    id: 'embedded-jwk',
    title: 'An embedded jwk header',
    how: 'Sign with the attacker’s key and put its public half in the header’s jwk.',
    build: async (kit) => {
      const keys = await attackerKeys();
      return new SignJWT(escalated(kit))
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', jwk: keys.publicJwk })
        .sign(keys.privateKey);
    },
    expected: { bcp: { accepted: false, check: 'embedded-key' }, naive: { accepted: true } },
    standard: cite('RFC 8725 §3.10'),
  },
  {
    id: 'unknown-crit',
    title: 'An unknown crit',
    how: 'A real signature over a header that marks an extension this API does not know as critical.',
    build: (kit) => mint(kit, { header: { crit: ['restlab-ext'], 'restlab-ext': true } }),
    expected: { bcp: { accepted: false, check: 'crit' }, naive: { accepted: true } },
    standard: cite('RFC 7515 §4.1.11'),
  },
  {
    id: 'own-key-server-kid',
    title: 'The attacker’s key under the server’s kid',
    how: 'Sign with the attacker’s own ES256 key and name the server’s kid.',
    build: async (kit) => {
      const keys = await attackerKeys();
      const { kid } = decodeProtectedHeader(kit.captured);
      return new SignJWT(escalated(kit))
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
        .sign(keys.privateKey);
    },
    expected: {
      bcp: { accepted: false, check: 'signature' },
      naive: { accepted: false, check: 'signature' },
    },
    standard: cite('RFC 7515 §5.2'),
  },
  {
    id: 'revoked',
    title: 'A revoked token',
    how: 'The victim signs out; the attacker replays the access token captured before.',
    build: async (kit) => {
      await request(kit.transport, 'POST', '/api/v1/auth/logout', undefined, bearer(kit.captured));
      return kit.captured;
    },
    expected: { bcp: { accepted: false, check: 'revoked' }, naive: { accepted: true } },
    standard: cite('RFC 9700 §4.14.2'),
  },
];

/**
 * The reused refresh token: not a bearer token at all, so it goes to the refresh endpoint. The
 * thief refreshes first with the captured refresh token; the victim's client then presents the
 * same (now spent) one: the API sees the reuse and revokes the family, the thief's new tokens too.
 */
export async function reuseRefresh(kit: AttackKit): Promise<{
  thiefRefreshed: number;
  reuse: number;
  reuseChallenge: string | null;
  thiefAfter: number;
  thiefAccess: string;
}> {
  const thief = await request(kit.transport, 'POST', '/api/v1/auth/refresh', {
    refresh_token: kit.capturedRefresh,
  });
  const reuse = await request(kit.transport, 'POST', '/api/v1/auth/refresh', {
    refresh_token: kit.capturedRefresh,
  });
  const after = await request(kit.transport, 'POST', '/api/v1/auth/refresh', {
    refresh_token: thief.json?.refresh_token ?? '',
  });
  return {
    thiefRefreshed: thief.status,
    reuse: reuse.status,
    reuseChallenge: reuse.headers.get('WWW-Authenticate'),
    thiefAfter: after.status,
    thiefAccess: thief.json?.access_token ?? '',
  };
}

/** One attack's outcome under both verifiers. */
export interface AttackResult {
  attack: Attack;
  token: string;
  bcp: TokenVerdict;
  naive: TokenVerdict;
}

/**
 * Runs one attack against both verifiers: builds the forgery once, presents it under `bcp`,
 * then under `naive`. The caller restores the settings.
 */
export async function runAttack(kit: AttackKit, attack: Attack): Promise<AttackResult> {
  const token = await attack.build(kit);
  const under = async (verifier: 'bcp' | 'naive') => {
    await request(kit.transport, 'PATCH', '/__admin/settings', { auth: { verifier } });
    return present(kit.transport, token);
  };
  const bcp = await under('bcp');
  const naive = await under('naive');
  return { attack, token, bcp, naive };
}

/** Whether a verdict is the one the attack expects. */
export function asExpected(verdict: TokenVerdict, expected: Expected): boolean {
  if (verdict.accepted !== expected.accepted) return false;
  return expected.accepted || (verdict.status === 401 && verdict.check === expected.check);
}

/** What an attacker has: a member's captured pair, and the published JWKS. */
export async function prepareKit(transport: Transport, email: string): Promise<AttackKit> {
  const pair = await signIn(transport, email);
  const jwks = await request(transport, 'GET', '/.well-known/jwks.json');
  return {
    transport,
    captured: pair.access_token,
    capturedRefresh: pair.refresh_token,
    jwks: jwks.json as { keys: JWK[] },
    origin: transport.origin,
  };
}

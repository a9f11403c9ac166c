import { SignJWT } from 'jose';
import type { ApiEnv } from '../../context.ts';
import type { WriteOnlyKeeper } from '../../resources/write-only.ts';
import type { AuthSettings } from './auth-settings.ts';
import { AUDIENCE, TOKEN_TYPE, type Verdict } from './checks.ts';
import { KeyRing } from './keys.ts';
import { hashPassword, SEED_PASSWORD_HASH } from './password.ts';
import { newJti, Sessions, type Family } from './sessions.ts';
import { verifyBcp } from './verify-bcp.ts';
import { verifyNaive } from './verify-naive.ts';

export const LOGIN_CLIENT_ID = 'restlab';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
}

/** A verified token, kept until it expires, its key leaves the grace window, or it is revoked. */
interface Cached {
  verdict: Extract<Verdict, { ok: true }>;
  issuer: string;
  expMs: number;
  nbfMs: number;
}
const CACHE_LIMIT = 2000;

/**
 * The instance's token authority: its keys, refresh families, revocations and passwords, and the
 * two verifiers. One per API instance (no module state), reset by POST /__admin/reset.
 */
export class Authority {
  readonly ring: KeyRing;
  readonly sessions: Sessions;
  /** Hashes of passwords users set; a seeded user without an entry has the seed's (lazily). */
  #credentials = new Map<string, string | null>();
  #cache = new Map<string, Cached>();
  readonly #env: ApiEnv;
  readonly #changed: () => void;

  constructor(env: ApiEnv, changed: () => void) {
    this.#env = env;
    this.#changed = changed;
    this.ring = new KeyRing(changed);
    this.sessions = new Sessions(changed);
  }

  get settings(): AuthSettings {
    return this.#env.settings.current.auth;
  }

  /**
   * The stored hash for a user: their own, none (null: created without a password, so no
   * sign-in), or, for a user never given one, the seed's: every seeded user signs in with
   * `restlab-demo` (shared API.md §6).
   */
  credentialOf(userId: string): string | null {
    const own = this.#credentials.get(userId);
    return own === undefined ? SEED_PASSWORD_HASH : own;
  }

  /** Where users' `password` goes: hashed before the write, kept inside its transaction. */
  readonly keeper: WriteOnlyKeeper = {
    seal: async (_resource, values, creating) => {
      const password = values.password;
      const hash = typeof password === 'string' ? await hashPassword(password) : null;
      if (hash === null && !creating) return undefined;
      return (id) => {
        this.#credentials.set(id, hash);
        this.#changed();
      };
    },
    forget: (_resource, id) => {
      if (this.#credentials.delete(id)) this.#changed();
    },
  };

  /** Signs an access token (RFC 9068 §2) with the current key; every time is the virtual clock's. */
  async accessToken(
    family: Family,
    issuer: string,
  ): Promise<{ token: string; jti: string; expiresIn: number }> {
    const now = this.#env.clock.now();
    const settings = this.settings;
    const key = await this.ring.current(settings, now);
    const material = await this.ring.material(key);
    const iat = Math.floor(now / 1000);
    const expiresIn = settings.access_ttl_s;
    const jti = newJti();
    // Explicit iat and exp: jose would read the wall clock for setIssuedAt() or '15m'.
    const token = await new SignJWT({ scope: family.scope, client_id: family.client_id })
      .setProtectedHeader({ alg: key.alg, typ: TOKEN_TYPE, kid: key.kid })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setSubject(family.sub)
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresIn)
      .setJti(jti)
      .sign(material.signing);
    this.sessions.recordAccess(family, jti, (iat + expiresIn) * 1000);
    return { token, jti, expiresIn };
  }

  /**
   * A token signed by the current key with chosen claims and header members (null removes one);
   * `alg` and `kid` stay the key's. For the control API's workshop (POST /__admin/tokens).
   */
  async mint(
    issuer: string,
    options: {
      sub?: string;
      scope?: string;
      claims?: Record<string, unknown>;
      header?: Record<string, unknown>;
    },
  ): Promise<string> {
    const now = this.#env.clock.now();
    const key = await this.ring.current(this.settings, now);
    const material = await this.ring.material(key);
    const iat = Math.floor(now / 1000);
    const payload: Record<string, unknown> = {
      iss: issuer,
      aud: AUDIENCE,
      sub: options.sub ?? 'usr_workshop',
      client_id: LOGIN_CLIENT_ID,
      scope: options.scope ?? 'read write',
      iat,
      exp: iat + this.settings.access_ttl_s,
      jti: newJti(),
    };
    const header: Record<string, unknown> = { typ: TOKEN_TYPE };
    for (const [target, changes] of [
      [payload, options.claims],
      [header, options.header],
    ] as const) {
      for (const [name, value] of Object.entries(changes ?? {})) {
        if (value === null) delete target[name];
        else target[name] = value;
      }
    }
    const crit = Array.isArray(header.crit) ? (header.crit as string[]) : [];
    return new SignJWT(payload)
      .setProtectedHeader({ ...header, alg: key.alg, kid: key.kid })
      .sign(material.signing, { crit: Object.fromEntries(crit.map((name) => [name, true])) });
  }

  /** A new family (a sign-in) and its first pair. */
  async signIn(sub: string, scope: string, issuer: string, clientId = LOGIN_CLIENT_ID) {
    const now = this.#env.clock.now();
    const family = this.sessions.start(sub, clientId, scope, now, this.settings.refresh_ttl_s);
    return this.pair(family, issuer);
  }

  async pair(family: Family, issuer: string): Promise<TokenResponse> {
    const access = await this.accessToken(family, issuer);
    return {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      refresh_token: this.sessions.liveToken(family),
      scope: family.scope,
    };
  }

  /**
   * Verifies a bearer token with the verifier the settings name. The BCP verifier's successes
   * are cached per token until its exp; each use still checks that its key is live and its jti
   * not revoked, which costs two map lookups instead of a signature check.
   */
  async verify(token: string, issuer: string): Promise<Verdict & { cached?: boolean }> {
    const settings = this.settings;
    const now = this.#env.clock.now();
    const input = {
      token,
      now,
      settings,
      issuer,
      ring: this.ring,
      isRevoked: (jti: string) => this.sessions.isRevoked(jti),
    };
    if (settings.verifier === 'naive') return verifyNaive(input);
    const hit = this.#cache.get(token);
    if (
      hit &&
      hit.issuer === issuer &&
      now < hit.expMs &&
      now >= hit.nbfMs &&
      this.ring.verifying(hit.verdict.kid, now, settings) !== undefined &&
      !this.sessions.isRevoked(hit.verdict.claims.jti)
    )
      return { ...hit.verdict, cached: true };
    const verdict = await verifyBcp(input);
    if (verdict.ok) {
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
      const nbf = typeof verdict.claims.nbf === 'number' ? verdict.claims.nbf * 1000 : 0;
      this.#cache.set(token, { verdict, issuer, expMs: verdict.claims.exp * 1000, nbfMs: nbf });
    }
    return verdict;
  }

  reset(): void {
    this.ring.reset();
    this.sessions.reset();
    this.#credentials.clear();
    this.#cache.clear();
  }

  save(): unknown {
    return {
      keys: this.ring.save(),
      sessions: this.sessions.save(),
      credentials: [...this.#credentials],
    };
  }

  restore(saved: unknown): void {
    const value = saved as { keys?: unknown; sessions?: unknown; credentials?: unknown } | null;
    if (!value || typeof value !== 'object') return;
    this.ring.restore(value.keys);
    this.sessions.restore(value.sessions);
    this.#credentials = new Map(
      Array.isArray(value.credentials) ? (value.credentials as [string, string | null][]) : [],
    );
    this.#cache.clear();
  }
}

import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { AuthSettings, SigningAlg } from './auth-settings.ts';

/**
 * One signing key: exactly one `alg` and a `kid` (RFC 8725 §3.1, RFC 7517 §4.5). Kept as JWKs so
 * it survives a reload; the CryptoKeys are imported again when first used.
 */
export interface SigningKey {
  kid: string;
  alg: SigningAlg;
  /** Virtual ms it was made. */
  created_ms: number;
  /** Virtual ms it stopped signing (a rotation); it still verifies for `key_grace_s` after. */
  retired_ms: number | null;
  /** The private key (an `oct` key for HS256): never published. */
  private_jwk: JWK;
  /** The public JWK as the JWKS publishes it; null for HS256, whose key is a shared secret. */
  public_jwk: JWK | null;
  /** For HS256: the `hs256_secret` setting it was made from (null: random), to see it change. */
  secret_setting: string | null;
}

export interface KeyMaterial {
  key: SigningKey;
  signing: CryptoKey | Uint8Array;
  verifying: CryptoKey | Uint8Array;
}

const encoder = new TextEncoder();

function randomId(bytes = 6): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return [...raw].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function makeKey(settings: AuthSettings, now: number): Promise<SigningKey> {
  const alg = settings.alg;
  const kid = `${alg.toLowerCase()}-${randomId()}`;
  if (alg === 'HS256') {
    const secret = settings.hs256_secret;
    const bytes =
      secret === null ? crypto.getRandomValues(new Uint8Array(32)) : encoder.encode(secret);
    return {
      kid,
      alg,
      created_ms: now,
      retired_ms: null,
      private_jwk: { kty: 'oct', k: base64url(bytes), alg, kid },
      public_jwk: null,
      secret_setting: secret,
    };
  }
  const pair = await generateKeyPair(alg, { extractable: true });
  const privateJwk = await exportJWK(pair.privateKey);
  const publicJwk = await exportJWK(pair.publicKey);
  return {
    kid,
    alg,
    created_ms: now,
    retired_ms: null,
    private_jwk: { ...privateJwk, alg, kid },
    public_jwk: { ...publicJwk, kid, alg, use: 'sig' },
    secret_setting: null,
  };
}

/** Whether a key still fits the settings: the same alg, and for HS256 the same secret. */
function fits(key: SigningKey, settings: AuthSettings): boolean {
  if (key.alg !== settings.alg) return false;
  return key.alg !== 'HS256' || key.secret_setting === settings.hs256_secret;
}

/**
 * The instance's signing keys over virtual time (shared API.md §6): one current key signs; a
 * rotation retires it, and it keeps verifying (and stays in the JWKS) for `key_grace_s`, then is
 * dropped. A changed `alg` or `hs256_secret` rotates on the next use. A reset forgets them all:
 * the next use makes a new key, so no token from before the reset verifies.
 */
export class KeyRing {
  #keys: SigningKey[] = [];
  #pending: Promise<SigningKey> | undefined;
  #material = new Map<string, Promise<KeyMaterial>>();
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /** The key that signs now, made (or rotated to) when the settings ask for another. */
  async current(settings: AuthSettings, now: number): Promise<SigningKey> {
    const current = this.#current();
    if (current && fits(current, settings)) return current;
    return this.rotate(settings, now);
  }

  /** A new signing key; the one before keeps its grace window. */
  rotate(settings: AuthSettings, now: number): Promise<SigningKey> {
    // Two requests that both need a new key get the same one.
    this.#pending ??= makeKey(settings, now).then((key) => {
      const retired = this.#current();
      if (retired) retired.retired_ms = now;
      this.#keys = [...this.#keys.filter((k) => this.#inGrace(k, now, settings)), key];
      this.#pending = undefined;
      this.#changed();
      return key;
    });
    return this.#pending;
  }

  /** The key a token's `kid` names, if it is current or in its grace window. */
  verifying(kid: unknown, now: number, settings: AuthSettings): SigningKey | undefined {
    if (typeof kid !== 'string') return undefined;
    const key = this.#keys.find((candidate) => candidate.kid === kid);
    return key && this.#inGrace(key, now, settings) ? key : undefined;
  }

  /** Every key that still verifies, newest first, with when its grace ends. */
  live(now: number, settings: AuthSettings): { key: SigningKey; expires_ms: number | null }[] {
    return this.#keys
      .filter((key) => this.#inGrace(key, now, settings))
      .map((key) => ({
        key,
        expires_ms: key.retired_ms === null ? null : key.retired_ms + settings.key_grace_s * 1000,
      }))
      .reverse();
  }

  /** The CryptoKeys of a key, imported once. */
  material(key: SigningKey): Promise<KeyMaterial> {
    let made = this.#material.get(key.kid);
    if (!made) {
      made = importMaterial(key);
      this.#material.set(key.kid, made);
    }
    return made;
  }

  reset(): void {
    this.#keys = [];
    this.#pending = undefined;
    this.#material.clear();
    this.#changed();
  }

  save(): SigningKey[] {
    return this.#keys.map((key) => ({ ...key }));
  }

  restore(saved: unknown): void {
    if (!Array.isArray(saved)) return;
    this.#keys = saved.filter(
      (key): key is SigningKey =>
        typeof key === 'object' && key !== null && typeof key.kid === 'string',
    );
    this.#material.clear();
  }

  #current(): SigningKey | undefined {
    const last = this.#keys.at(-1);
    return last && last.retired_ms === null ? last : undefined;
  }

  #inGrace(key: SigningKey, now: number, settings: AuthSettings): boolean {
    return key.retired_ms === null || now < key.retired_ms + settings.key_grace_s * 1000;
  }
}

async function importMaterial(key: SigningKey): Promise<KeyMaterial> {
  if (key.alg === 'HS256') {
    const secret = await importJWK(key.private_jwk, 'HS256');
    return { key, signing: secret, verifying: secret };
  }
  const signing = await importJWK(key.private_jwk, key.alg);
  const verifying = await importJWK(key.public_jwk ?? {}, key.alg);
  return { key, signing, verifying };
}

/** The raw bytes of an HS256 key (the naive verifier computes its HMAC by hand). */
export function secretBytes(key: SigningKey): Uint8Array {
  const k = key.private_jwk.k ?? '';
  const binary = atob(k.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

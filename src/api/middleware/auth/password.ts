/**
 * Passwords, stored only as PBKDF2-SHA-256 hashes (RFC 8018 §5.2) made with WebCrypto, in the
 * PHC-like form `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url). The iteration count is
 * OWASP's for PBKDF2-HMAC-SHA-256 and travels with the hash, so it can be raised later.
 * @see https://www.rfc-editor.org/rfc/rfc8018#section-5.2
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2
 */
export const PBKDF2_ITERATIONS = 600_000;
export const SEED_PASSWORD = 'restlab-demo';

/**
 * The hash of `restlab-demo` every seeded user carries, made once with a fixed salt: hashing a
 * million seeded users one by one would take hours, and a constant costs nothing per row
 * (docs/decisions/0005). A user who sets a password gets a salt of their own.
 * password.test.ts proves it is the hash of SEED_PASSWORD.
 */
export const SEED_PASSWORD_HASH =
  'pbkdf2-sha256$600000$cmVzdGxhYi1zZWVkZWQtdXNlcnM$lXZAeLTAGWvAW_05GKFmhAack7BrK_TVjHjSSASm7Io';

const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    // A length no base64 text has.
    return undefined;
  }
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** A new hash of `password` with a fresh 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

/**
 * Whether `password` matches `stored`. With no stored hash (an account without a password, or
 * an unknown email) it still spends one derivation, so the answer's timing does not tell which.
 */
export async function verifyPassword(password: string, stored: unknown): Promise<boolean> {
  const parts = typeof stored === 'string' ? stored.split('$') : [];
  const [scheme, rounds, saltText, hashText] = parts;
  const salt = saltText === undefined ? undefined : fromBase64Url(saltText);
  const expected = hashText === undefined ? undefined : fromBase64Url(hashText);
  const iterations = Number(rounds);
  const wellFormed =
    parts.length === 4 &&
    scheme === 'pbkdf2-sha256' &&
    Number.isSafeInteger(iterations) &&
    iterations > 0 &&
    iterations <= 10_000_000 &&
    salt !== undefined &&
    expected?.length === 32;
  const actual = await derive(
    password,
    wellFormed ? salt : encoder.encode('no-account'),
    wellFormed ? iterations : PBKDF2_ITERATIONS,
  );
  if (!wellFormed) return false;
  // Compare every byte, so the time taken does not tell how many matched.
  let difference = 0;
  for (let i = 0; i < actual.length; i++) difference |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}

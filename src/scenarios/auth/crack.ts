/**
 * Cracking a weak HS256 secret offline: the attacker needs one token, since an HMAC can be
 * recomputed for every guess without asking the server anything. Verification cannot save a
 * key that can be guessed (RFC 8725 §3.5: human-memorable passwords are not keys).
 * @see https://www.rfc-editor.org/rfc/rfc8725#section-3.5
 */
export const WORDLIST: readonly string[] = [
  '123456',
  'password',
  '12345678',
  'qwerty',
  'abc123',
  'letmein',
  'monkey',
  'dragon',
  'iloveyou',
  'admin',
  'welcome',
  'login',
  'princess',
  'football',
  'baseball',
  'master',
  'shadow',
  'superman',
  'trustno1',
  'hello',
  'freedom',
  'whatever',
  'qazwsx',
  'starwars',
  'sunshine',
  'passw0rd',
  'secret',
  'changeme',
  'jwt',
  'jwtsecret',
  'jwt-secret',
  'your-256-bit-secret',
  'mysecret',
  'supersecret',
  'topsecret',
  's3cr3t',
  'restlab',
  'api',
  'apikey',
  'key',
  'token',
  'default',
  'test',
  'testing',
  'development',
  'production',
  'hunter2',
  'correcthorse',
  'batterystaple',
];

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Tries each word as the HMAC key of an HS256 token; the one that reproduces its signature. */
export async function crackHs256(
  token: string,
  words: readonly string[],
  onProgress?: (tried: number) => void,
): Promise<{ secret: string | undefined; tried: number }> {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const data = encoder.encode(`${header}.${payload}`);
  let tried = 0;
  for (const word of words) {
    tried += 1;
    const key = await crypto.subtle.importKey(
      'raw',
      encoder.encode(word),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
    if (base64url(mac) === signature) return { secret: word, tried };
    if (tried % 10 === 0) onProgress?.(tried);
  }
  return { secret: undefined, tried };
}

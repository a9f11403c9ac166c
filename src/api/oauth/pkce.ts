/**
 * PKCE (RFC 7636): the client keeps a random verifier and sends only its SHA-256 (the S256
 * challenge) with the authorization request; the token request must bring the verifier. A code
 * stolen on its way back (a malicious app on the same redirect, a log, a referrer) is worthless
 * without it. `plain` sends the verifier itself as the challenge, so it is refused (RFC 9700 §2.1.1).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */

/** RFC 7636 §4.1 and §4.2: 43–128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
export const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** BASE64URL(SHA256(ASCII(code_verifier))) (RFC 7636 §4.2). */
export async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** A new random verifier: 32 bytes, 43 characters (RFC 7636 §4.1). */
export function newVerifier(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export function randomValue(prefix: string, bytes: number): string {
  return prefix + base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * The OAuth clients this authorization server knows (shared API.md §7): two seeded ones and any
 * added through the control API. A redirect URI matches a registered one exactly (RFC 9700
 * §4.1.3), except that a native app's loopback redirect may use any port (RFC 8252 §7.3).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2
 */
export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials';

export interface Client {
  client_id: string;
  client_name: string;
  /** RFC 6749 §2.1: a public client cannot keep a secret (a SPA, a mobile app). */
  client_type: 'public' | 'confidential';
  /** Confidential clients only; never shown again after it is made. */
  client_secret: string | null;
  /**
   * Exact URIs; `{origin}` stands for the origin the API is addressed by, and the loopback
   * entries `http://127.0.0.1:{port}/callback` and `http://[::1]:{port}/callback` allow any port.
   */
  redirect_uris: string[];
  grant_types: GrantType[];
  /** The most a token for this client may carry. */
  scope: string;
}

export const SCOPES = ['read', 'write', 'admin'] as const;
export const SPA_CLIENT_ID = 'restlab-spa';
export const SERVICE_CLIENT_ID = 'restlab-service';
export const SERVICE_SECRET = 'restlab-service-secret';
export const CALLBACK_PATH = '/oauth/callback';
export const LOOPBACK_REDIRECTS = [
  'http://127.0.0.1:{port}/callback',
  'http://[::1]:{port}/callback',
] as const;

export function seededClients(): Client[] {
  return [
    {
      client_id: SPA_CLIENT_ID,
      client_name: 'restlab single-page app',
      client_type: 'public',
      client_secret: null,
      redirect_uris: [`{origin}${CALLBACK_PATH}`, ...LOOPBACK_REDIRECTS],
      grant_types: ['authorization_code', 'refresh_token'],
      scope: SCOPES.join(' '),
    },
    {
      client_id: SERVICE_CLIENT_ID,
      client_name: 'restlab back-office service',
      client_type: 'confidential',
      client_secret: SERVICE_SECRET,
      redirect_uris: [],
      grant_types: ['client_credentials'],
      scope: 'read write',
    },
  ];
}

// RFC 8252 §7.3: an IP literal, never `localhost`; any port, the path exactly as registered.
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?(\/[^?#]*)$/;

/** Whether `uri` is one of the client's redirect URIs, for a request addressed to `origin`. */
export function redirectMatches(client: Client, uri: string, origin: string): boolean {
  for (const registered of client.redirect_uris) {
    if (registered.includes('{port}')) {
      const wanted = LOOPBACK.exec(registered.replace(':{port}', ''));
      const given = LOOPBACK.exec(uri);
      if (!wanted || !given) continue;
      const port = given[2] === undefined ? 80 : Number(given[2]);
      if (given[1] === wanted[1] && given[3] === wanted[3] && port >= 1 && port <= 65535)
        return true;
    } else if (registered.replace('{origin}', origin) === uri) return true;
  }
  return false;
}

/** A client as the control API shows it: the secret never, the origin filled in. */
export function publicView(client: Client, origin: string) {
  const { client_secret: secret, ...rest } = client;
  return {
    ...rest,
    redirect_uris: client.redirect_uris.map((uri) => uri.replace('{origin}', origin)),
    has_secret: secret !== null,
  };
}

/** Compares every character, so the time taken does not tell how much of a secret matched. */
export function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++)
    difference |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

/** The space-separated scope as a set of known names, or the first unknown one. */
export function parseScope(
  scope: string,
): { ok: true; names: string[] } | { ok: false; unknown: string } {
  const names = [...new Set(scope.split(' ').filter(Boolean))];
  for (const name of names)
    if (!(SCOPES as readonly string[]).includes(name)) return { ok: false, unknown: name };
  return { ok: true, names };
}

/** The scope names of `wanted` that `allowed` holds, in the catalogue's order. */
export function intersect(wanted: readonly string[], allowed: string): string[] {
  const granted = new Set(allowed.split(' '));
  return SCOPES.filter((name) => wanted.includes(name) && granted.has(name));
}

import { note, type ApiContext } from '../context.ts';
import { cite } from '../standards.ts';
import type { AuthorizationServer } from './authorization-server.ts';
import { sameSecret, type Client } from './clients.ts';
import { OAuthError } from './oauth-error.ts';

/**
 * Client authentication at the token and revocation endpoints (RFC 6749 §2.3): HTTP Basic
 * (`client_secret_basic`, id and secret form-urlencoded first, §2.3.1), the secret in the body
 * (`client_secret_post`), or a public client naming itself with `client_id` (`none`). One
 * method only (§2.3). Any failure is invalid_client, 401, whatever went wrong, so the answer
 * does not tell a wrong secret from an unknown client.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function authenticateClient(
  context: ApiContext,
  server: AuthorizationServer,
  form: ReadonlyMap<string, string>,
): Client {
  const header = context.request.headers.get('Authorization');
  const basic = header === null ? undefined : readBasic(header);
  const bodySecret = form.get('client_secret');
  const bodyId = form.get('client_id');
  if (basic && bodySecret !== undefined)
    throw new OAuthError(
      'invalid_request',
      'use one client authentication method: Basic or client_secret, not both',
    );
  if (basic && bodyId !== undefined && bodyId !== basic.id)
    throw new OAuthError(
      'invalid_request',
      'client_id in the body differs from the Basic credentials',
    );
  const id = basic?.id ?? bodyId;
  const secret = basic?.secret ?? bodySecret;
  const refuse = (why: string): never => {
    throw new OAuthError(
      'invalid_client',
      'client authentication failed',
      `invalid_client: ${why}`,
    );
  };
  if (id === undefined || id === '') return refuse('no client named (Basic or client_id)');
  const client = server.client(id);
  if (!client) return refuse(`no client "${id}"`);
  if (client.client_type === 'confidential') {
    if (secret === undefined) return refuse(`${id} is confidential and sent no secret`);
    if (client.client_secret === null || !sameSecret(secret, client.client_secret))
      return refuse(`wrong secret for ${id}`);
    note(
      context,
      `${id} authenticated with ${basic ? 'client_secret_basic' : 'client_secret_post'}`,
      cite('RFC 6749 §2.3.1'),
    );
  } else {
    if (secret !== undefined) return refuse(`${id} is a public client and has no secret`);
    note(
      context,
      `${id} is a public client: identified, not authenticated (PKCE binds its code)`,
      cite('RFC 6749 §2.1'),
    );
  }
  return client;
}

/** `Basic base64(urlencode(id) ":" urlencode(secret))`, or invalid_client when malformed. */
function readBasic(header: string): { id: string; secret: string } | undefined {
  const match = /^\s*basic\s+([A-Za-z0-9+/]+=*)\s*$/i.exec(header);
  if (!match?.[1]) {
    if (/^\s*basic\b/i.test(header))
      throw new OAuthError(
        'invalid_client',
        'client authentication failed',
        'invalid_client: malformed Basic credentials',
      );
    throw new OAuthError(
      'invalid_client',
      'client authentication failed',
      'invalid_client: only Basic client authentication is accepted here',
    );
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0)),
    );
  } catch {
    throw new OAuthError(
      'invalid_client',
      'client authentication failed',
      'invalid_client: Basic credentials are not base64 of UTF-8',
    );
  }
  const colon = decoded.indexOf(':');
  if (colon === -1)
    throw new OAuthError(
      'invalid_client',
      'client authentication failed',
      'invalid_client: Basic credentials without ":"',
    );
  const formDecode = (text: string) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      throw new OAuthError(
        'invalid_client',
        'client authentication failed',
        'invalid_client: Basic credentials are not form-urlencoded',
      );
    }
  };
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

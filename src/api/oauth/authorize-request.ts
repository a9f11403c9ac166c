import { intersect, parseScope, redirectMatches, type Client } from './clients.ts';
import { PKCE_VALUE } from './pkce.ts';

/**
 * The authorization request (RFC 6749 §4.1.1 with PKCE, RFC 7636 §4.3), checked in the order
 * that decides where an error may go: first the client and its redirect URI, because until both
 * are known good, redirecting would send the user (and the error) wherever an attacker wrote
 * (an open redirector, RFC 6749 §4.1.2.1); only then everything else, answered by redirect.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export interface AuthorizationRequest {
  client: Client;
  redirect_uri: string;
  state: string | undefined;
  code_challenge: string;
  /** What was asked for, as sent (the form carries it on). */
  scope: string;
  /** Known scope names asked for. */
  scopes: string[];
}

export type Checked =
  | { kind: 'ok'; request: AuthorizationRequest }
  /** Not redirected: the client or the redirect URI cannot be trusted. */
  | { kind: 'page'; why: string }
  | {
      kind: 'redirect';
      redirect_uri: string;
      state: string | undefined;
      error:
        'invalid_request' | 'unsupported_response_type' | 'invalid_scope' | 'unauthorized_client';
      description: string;
    };

/** Without `scope`, a client asks for what most calls need; RFC 6749 §3.3 lets the server choose. */
export const DEFAULT_SCOPE = 'read write';

export const AUTHORIZE_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

export function checkAuthorization(
  params: ReadonlyMap<string, string>,
  duplicated: string | undefined,
  findClient: (id: string) => Client | undefined,
  origin: string,
): Checked {
  // RFC 6749 §3.1: a parameter without a value is as if omitted.
  const get = (name: string) => {
    const value = params.get(name);
    return value === undefined || value === '' ? undefined : value;
  };
  const clientId = get('client_id');
  if (clientId === undefined) return { kind: 'page', why: 'client_id is missing.' };
  const client = findClient(clientId);
  if (!client) return { kind: 'page', why: `There is no client "${clientId}".` };
  const redirectUri = get('redirect_uri');
  if (redirectUri === undefined)
    return {
      kind: 'page',
      why: 'redirect_uri is missing; this server requires it (RFC 9700 §2.1).',
    };
  if (!redirectMatches(client, redirectUri, origin))
    return {
      kind: 'page',
      why: `The redirect URI ${redirectUri} is not registered for ${client.client_id}; it must match exactly (RFC 9700 §4.1.3).`,
    };

  const state = get('state');
  const fail = (error: Extract<Checked, { kind: 'redirect' }>['error'], description: string) =>
    ({ kind: 'redirect', redirect_uri: redirectUri, state, error, description }) as const;
  if (duplicated !== undefined)
    return fail('invalid_request', `${duplicated} is given more than once (RFC 6749 §3.1)`);
  const responseType = get('response_type');
  if (responseType === undefined) return fail('invalid_request', 'response_type is missing');
  if (responseType !== 'code')
    return fail(
      'unsupported_response_type',
      `response_type "${responseType}" is not supported; only "code"`,
    );
  if (!client.grant_types.includes('authorization_code'))
    return fail(
      'unauthorized_client',
      `${client.client_id} may not use the authorization code grant`,
    );
  const challenge = get('code_challenge');
  if (challenge === undefined)
    return fail('invalid_request', 'code_challenge is missing: PKCE is required (RFC 9700 §2.1.1)');
  const method = get('code_challenge_method');
  if (method === undefined)
    return fail(
      'invalid_request',
      'code_challenge_method is missing; it must be S256 (without it RFC 7636 means plain)',
    );
  if (method !== 'S256')
    return fail(
      'invalid_request',
      `code_challenge_method "${method}" is refused: only S256 (plain sends the verifier itself, RFC 9700 §2.1.1)`,
    );
  if (!PKCE_VALUE.test(challenge))
    return fail(
      'invalid_request',
      'code_challenge must be 43–128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.2)',
    );
  const scope = get('scope') ?? DEFAULT_SCOPE;
  const parsed = parseScope(scope);
  if (!parsed.ok) return fail('invalid_scope', `the scope "${parsed.unknown}" does not exist`);
  const scopes = intersect(parsed.names, client.scope);
  if (scopes.length === 0)
    return fail('invalid_scope', `${client.client_id} may not ask for "${scope}"`);
  return {
    kind: 'ok',
    request: { client, redirect_uri: redirectUri, state, code_challenge: challenge, scope, scopes },
  };
}

/** The authorization response's redirect (RFC 6749 §4.1.2, RFC 9207 §2: `iss` always). */
export function redirectTo(
  redirectUri: string,
  values: Record<string, string | undefined>,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

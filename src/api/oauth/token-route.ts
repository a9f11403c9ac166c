import { z } from 'zod';
import { note, type ApiContext } from '../context.ts';
import { respondJson } from '../respond.ts';
import { users } from '../resources/users.ts';
import { defineRoute, FORM_TYPE, type AnyRoute } from '../routes/route.ts';
import { cite } from '../standards.ts';
import type { AuthorizationServer } from './authorization-server.ts';
import { authenticateClient } from './client-auth.ts';
import { intersect, parseScope, type Client, type GrantType } from './clients.ts';
import { readForm } from './form.ts';
import { OAUTH_NO_STORE, OAuthError, oauthErrorResponses, oauthHandler } from './oauth-error.ts';
import { PKCE_VALUE, s256 } from './pkce.ts';

export const TOKEN_PATH = '/oauth/token';

const tokenForm = z
  .object({
    grant_type: z.enum(['authorization_code', 'refresh_token', 'client_credentials']),
    code: z.string().optional(),
    redirect_uri: z.string().optional(),
    code_verifier: z.string().optional().meta({ writeOnly: true }),
    client_id: z.string().optional(),
    client_secret: z.string().optional().meta({ writeOnly: true }),
    refresh_token: z.string().optional(),
    scope: z.string().optional(),
  })
  .meta({ description: 'RFC 6749 §4.1.3, §4.4.2, §6; the parameters each grant needs.' });

const oauthTokenResponse = z
  .strictObject({
    access_token: z.string().meta({ description: 'A JWT per RFC 9068 (typ at+jwt).' }),
    token_type: z.literal('Bearer'),
    expires_in: z.int().min(1),
    refresh_token: z.string().optional().meta({ description: 'Not for client credentials.' }),
    scope: z.string().meta({ description: 'What was granted (RFC 6749 §3.3).' }),
  })
  .meta({ id: 'OAuthTokenResponse' });

const required = (form: ReadonlyMap<string, string>, name: string): string => {
  const value = form.get(name);
  if (value === undefined || value === '')
    throw new OAuthError('invalid_request', `${name} is missing`);
  return value;
};

function allowGrant(client: Client, grant: GrantType): void {
  if (!client.grant_types.includes(grant))
    throw new OAuthError(
      'unauthorized_client',
      `${client.client_id} may not use the ${grant} grant`,
    );
}

/** POST /oauth/token: the three grants, answered per RFC 6749 §5.1 and §5.2. */
export function tokenRoute(server: AuthorizationServer): AnyRoute {
  const { authority } = server;
  const sessions = authority.sessions;

  const authorizationCode = async (
    context: ApiContext,
    client: Client,
    form: ReadonlyMap<string, string>,
  ) => {
    allowGrant(client, 'authorization_code');
    const code = required(form, 'code');
    const now = context.env.clock.now();
    const record = server.codes.get(code);
    if (!record) throw new OAuthError('invalid_grant', 'the code is unknown');
    if (record.redeemed_ms !== null) {
      const family = sessions.families().find((candidate) => candidate.id === record.family_id);
      if (family) sessions.revoke(family, now, 'its authorization code was used twice');
      throw new OAuthError(
        'invalid_grant',
        'the code was already used; the tokens it gave are now revoked',
        `Code used twice → invalid_grant, and family ${record.family_id ?? '?'} revoked (RFC 6749 §4.1.2)`,
      );
    }
    if (now >= record.expires_ms)
      throw new OAuthError('invalid_grant', 'the code has expired (60 s)');
    if (record.client_id !== client.client_id)
      throw new OAuthError(
        'invalid_grant',
        `the code was issued to another client, not ${client.client_id}`,
      );
    const redirectUri = required(form, 'redirect_uri');
    if (redirectUri !== record.redirect_uri)
      throw new OAuthError(
        'invalid_grant',
        'redirect_uri differs from the authorization request’s (RFC 6749 §4.1.3)',
      );
    const verifier = form.get('code_verifier');
    if (verifier === undefined || verifier === '')
      throw new OAuthError(
        'invalid_grant',
        'the code is bound to a PKCE challenge and no code_verifier was sent (RFC 7636 §4.6)',
      );
    if (!PKCE_VALUE.test(verifier))
      throw new OAuthError(
        'invalid_request',
        'code_verifier must be 43–128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.1)',
      );
    if ((await s256(verifier)) !== record.code_challenge)
      throw new OAuthError(
        'invalid_grant',
        'the code_verifier does not match the code_challenge (RFC 7636 §4.6)',
      );
    // The user may be gone since the code was issued; the code then grants nothing.
    if (!context.env.store.collection(users.name).get(record.sub))
      throw new OAuthError('invalid_grant', 'the user of this code no longer exists');
    note(context, 'PKCE: SHA-256(code_verifier) equals the code_challenge', cite('RFC 7636 §4.6'));
    const family = sessions.start(
      record.sub,
      client.client_id,
      record.scope,
      now,
      authority.settings.refresh_ttl_s,
    );
    server.codes.redeem(record, family.id, now);
    note(
      context,
      `Code exchanged (single use) → family ${family.id}, scope "${record.scope}"`,
      cite('RFC 6749 §4.1.3'),
    );
    return authority.pair(family, context.url.origin);
  };

  const refresh = async (
    context: ApiContext,
    client: Client,
    form: ReadonlyMap<string, string>,
  ) => {
    allowGrant(client, 'refresh_token');
    const token = required(form, 'refresh_token');
    const family = sessions.familyOf(token);
    // RFC 6749 §6: a refresh token works only for the client it was issued to.
    if (family && family.client_id !== client.client_id)
      throw new OAuthError('invalid_grant', 'the refresh token was issued to another client');
    const scope = form.get('scope');
    if (family && scope !== undefined && scope !== '') {
      const parsed = parseScope(scope);
      const same =
        parsed.ok &&
        parsed.names.length === family.scope.split(' ').length &&
        intersect(parsed.names, family.scope).length === parsed.names.length;
      if (!same)
        throw new OAuthError(
          'invalid_scope',
          `a refresh keeps the granted scope "${family.scope}"`,
        );
    }
    const outcome = sessions.refresh(token, context.env.clock.now());
    if (!outcome.ok) {
      const why = {
        unknown: 'the refresh token is unknown',
        expired: 'the refresh token has expired',
        revoked: 'the refresh token was revoked',
        reused:
          'the refresh token was already used; its whole family is now revoked (RFC 9700 §4.14.2)',
      }[outcome.why];
      throw new OAuthError('invalid_grant', why);
    }
    note(
      context,
      `Refresh token rotated in family ${outcome.family.id}: the old one is spent`,
      cite('RFC 9700 §4.14.2'),
    );
    return authority.pair(outcome.family, context.url.origin);
  };

  const clientCredentials = async (
    context: ApiContext,
    client: Client,
    form: ReadonlyMap<string, string>,
  ) => {
    if (client.client_type === 'public')
      throw new OAuthError(
        'unauthorized_client',
        `${client.client_id} is a public client: it has no credentials to grant on (RFC 6749 §4.4)`,
      );
    allowGrant(client, 'client_credentials');
    const asked = form.get('scope');
    let scope = client.scope;
    if (asked !== undefined && asked !== '') {
      const parsed = parseScope(asked);
      if (!parsed.ok)
        throw new OAuthError('invalid_scope', `the scope "${parsed.unknown}" does not exist`);
      const granted = intersect(parsed.names, client.scope);
      if (granted.length !== parsed.names.length)
        throw new OAuthError(
          'invalid_scope',
          `${client.client_id} may have at most "${client.scope}"`,
        );
      scope = granted.join(' ');
    }
    const now = context.env.clock.now();
    const family = sessions.start(
      client.client_id,
      client.client_id,
      scope,
      now,
      authority.settings.refresh_ttl_s,
    );
    const access = await authority.accessToken(family, context.url.origin);
    note(
      context,
      `Client credentials: a token for the service itself (sub ${client.client_id}), no refresh token`,
      cite('RFC 6749 §4.4.3'),
    );
    return {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      scope,
    };
  };

  const grants = {
    authorization_code: authorizationCode,
    refresh_token: refresh,
    client_credentials: clientCredentials,
  } as const;

  return defineRoute({
    method: 'POST',
    path: TOKEN_PATH,
    operationId: 'oauthToken',
    summary: 'Exchange a grant for tokens: authorization code, refresh token, client credentials',
    description:
      'RFC 6749 §3.2. Clients authenticate with HTTP Basic or client_secret in the body; a public client names itself with client_id. Errors are RFC 6749 §5.2 JSON, not problem+json.',
    tags: ['OAuth'],
    policies: { auth: { open: true } },
    request: { body: { contentType: FORM_TYPE, schema: tokenForm } },
    responses: {
      200: {
        description: 'Tokens (RFC 6749 §5.1).',
        schema: oauthTokenResponse,
        headers: ['Cache-Control', 'Pragma'],
      },
      ...oauthErrorResponses(
        'invalid_request, invalid_grant (a code unknown, expired, used twice, for another client or redirect URI, or a wrong verifier; a refresh token spent or revoked), unauthorized_client, unsupported_grant_type, invalid_scope',
      ),
    },
    handler: oauthHandler(async (context) => {
      const form = await readForm(context);
      const client = authenticateClient(context, server, form);
      const grantType = required(form, 'grant_type');
      if (!Object.hasOwn(grants, grantType))
        throw new OAuthError(
          'unsupported_grant_type',
          `grant_type "${grantType}" is not supported`,
        );
      const tokens = await grants[grantType as keyof typeof grants](context, client, form);
      respondJson(context, 200, tokens, OAUTH_NO_STORE);
    }),
  });
}

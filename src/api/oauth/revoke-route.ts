import { z } from 'zod';
import { note } from '../context.ts';
import { respondEmpty } from '../respond.ts';
import { defineRoute, FORM_TYPE, type AnyRoute } from '../routes/route.ts';
import { cite } from '../standards.ts';
import type { AuthorizationServer } from './authorization-server.ts';
import { authenticateClient } from './client-auth.ts';
import { readForm } from './form.ts';
import { OAUTH_NO_STORE, OAuthError, oauthErrorResponses, oauthHandler } from './oauth-error.ts';

export const REVOKE_PATH = '/oauth/revoke';

const revokeForm = z.object({
  token: z.string(),
  token_type_hint: z.enum(['access_token', 'refresh_token']).optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional().meta({ writeOnly: true }),
});

/**
 * POST /oauth/revoke (RFC 7009): a client revokes a token it was given. A refresh token takes
 * its whole family with it, access tokens included (§2.1); an access token takes its family
 * too. The answer is 200 whether the token was known or not (§2.2): an invalid token tells the
 * client nothing it could use. A token of another client is left alone, still with 200.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 */
export function revokeRoute(server: AuthorizationServer): AnyRoute {
  const { authority } = server;
  return defineRoute({
    method: 'POST',
    path: REVOKE_PATH,
    operationId: 'oauthRevoke',
    summary: 'Revoke a refresh or access token (RFC 7009)',
    description:
      '200 for any token of an authenticated client, known or not. A refresh token revokes its family: every refresh and access token issued from the same grant.',
    tags: ['OAuth'],
    policies: { auth: { open: true } },
    request: { body: { contentType: FORM_TYPE, schema: revokeForm } },
    responses: {
      200: {
        description: 'Done, or there was nothing to revoke.',
        headers: ['Cache-Control', 'Pragma'],
        content: {},
      },
      ...oauthErrorResponses('invalid_request (no token)'),
    },
    handler: oauthHandler(async (context) => {
      const form = await readForm(context);
      const client = authenticateClient(context, server, form);
      const token = form.get('token');
      if (token === undefined || token === '')
        throw new OAuthError('invalid_request', 'token is missing');
      const now = context.env.clock.now();
      let family = authority.sessions.familyOf(token);
      if (!family) {
        const verdict = await authority.verify(token, context.url.origin);
        if (verdict.ok) family = authority.sessions.familyOfJti(verdict.claims.jti);
      }
      if (!family)
        note(
          context,
          'Unknown or invalid token: nothing to revoke, still 200',
          cite('RFC 7009 §2.2'),
        );
      else if (family.client_id !== client.client_id)
        note(
          context,
          `The token belongs to ${family.client_id}, not ${client.client_id}: left alone`,
          cite('RFC 7009 §2.1'),
        );
      else {
        authority.sessions.revoke(family, now, `revoked by ${client.client_id} (RFC 7009)`);
        note(
          context,
          `Family ${family.id} revoked: its refresh and access tokens`,
          cite('RFC 7009 §2.1'),
        );
      }
      respondEmpty(context, 200, OAUTH_NO_STORE);
    }),
  });
}

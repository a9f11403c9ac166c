import { z } from 'zod';
import { respondJson } from '../respond.ts';
import { defineRoute, type AnyRoute } from '../routes/route.ts';
import { AUTHORIZE_PATH } from './authorize-routes.ts';
import { SCOPES } from './clients.ts';
import { REVOKE_PATH } from './revoke-route.ts';
import { TOKEN_PATH } from './token-route.ts';

export const METADATA_PATH = '/.well-known/oauth-authorization-server';
const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'];

const metadataSchema = z
  .object({
    issuer: z.string(),
    authorization_endpoint: z.string(),
    token_endpoint: z.string(),
    revocation_endpoint: z.string(),
    jwks_uri: z.string(),
    response_types_supported: z.array(z.string()),
    grant_types_supported: z.array(z.string()),
    code_challenge_methods_supported: z.array(z.string()),
    token_endpoint_auth_methods_supported: z.array(z.string()),
    revocation_endpoint_auth_methods_supported: z.array(z.string()),
    scopes_supported: z.array(z.string()),
    authorization_response_iss_parameter_supported: z.boolean(),
  })
  .meta({ id: 'AuthorizationServerMetadata', description: 'RFC 8414 §2.' });

/**
 * RFC 8414 metadata. The issuer is exactly the origin the request addressed (no trailing slash,
 * no path), which is what a client compares it with (§3.3) and what every token's `iss` says.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export function metadataRoute(): AnyRoute {
  return defineRoute({
    method: 'GET',
    path: METADATA_PATH,
    operationId: 'getAuthorizationServerMetadata',
    summary: 'OAuth authorization server metadata (RFC 8414)',
    tags: ['OAuth'],
    policies: { auth: { open: true } },
    responses: {
      200: {
        description: 'The metadata; every URL absolute.',
        schema: metadataSchema,
        headers: ['Cache-Control'],
      },
    },
    handler: (context) => {
      const origin = context.url.origin;
      respondJson(
        context,
        200,
        {
          issuer: origin,
          authorization_endpoint: origin + AUTHORIZE_PATH,
          token_endpoint: origin + TOKEN_PATH,
          revocation_endpoint: origin + REVOKE_PATH,
          jwks_uri: `${origin}/.well-known/jwks.json`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: AUTH_METHODS,
          revocation_endpoint_auth_methods_supported: AUTH_METHODS,
          scopes_supported: [...SCOPES],
          authorization_response_iss_parameter_supported: true,
        },
        { 'Cache-Control': 'no-cache' },
      );
    },
  });
}

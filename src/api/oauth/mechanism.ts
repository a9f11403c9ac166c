import { authorityOf } from '../middleware/auth/mechanism.ts';
import type { MechanismFactory } from '../pipeline.ts';
import { AuthorizationServer } from './authorization-server.ts';
import { authorizeRoutes } from './authorize-routes.ts';
import { clientAdminRoutes } from './client-admin-routes.ts';
import { metadataRoute } from './metadata-route.ts';
import { revokeRoute } from './revoke-route.ts';
import { tokenRoute } from './token-route.ts';

export const OAUTH_MECHANISM = 'oauth';

/**
 * OAuth 2 (shared API.md §7): an authorization server on the API's own origin. RFC 8414
 * metadata, the authorization endpoint with PKCE (RFC 7636, S256 only) and `iss` (RFC 9207), a
 * sign-in and consent step, single-use codes, the token endpoint's three grants with RFC 6749
 * §5.2 errors, and revocation (RFC 7009). Tokens are the auth mechanism's (§6): the same keys,
 * refresh families and revocations. Added clients and codes persist in the browser until Reset.
 * @see https://www.rfc-editor.org/rfc/rfc9700
 */
export const oauthMechanism: MechanismFactory = ({ env, mechanisms }) => {
  const changed = () => env.events.emit({ type: 'mechanism-state', mechanism: OAUTH_MECHANISM });
  const server = new AuthorizationServer(env, authorityOf(mechanisms()), changed);
  return {
    name: OAUTH_MECHANISM,
    routes: [metadataRoute(), ...authorizeRoutes(server), tokenRoute(server), revokeRoute(server)],
    adminRoutes: clientAdminRoutes(server),
    reset: () => server.reset(),
    persist: { save: () => server.save(), restore: (saved) => server.restore(saved) },
  };
};

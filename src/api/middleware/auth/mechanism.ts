import type { Mechanism, MechanismFactory, RouteContribution } from '../../pipeline.ts';
import type { AnyRoute } from '../../routes/route.ts';
import { adminKeyRoutes } from './admin-key-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { Authority } from './authority.ts';
import { authLayer } from './guard.ts';
import { scopeNeeded } from './policy.ts';

export const AUTH_MECHANISM = 'auth';

/** The auth mechanism with its authority, which OAuth (src/api/oauth) issues tokens through. */
export interface AuthMechanism extends Mechanism {
  readonly authority: Authority;
}

/** The authority of the auth mechanism registered before the caller. */
export function authorityOf(mechanisms: readonly Mechanism[]): Authority {
  const auth = mechanisms.find((mechanism) => mechanism.name === AUTH_MECHANISM);
  if (!auth || !('authority' in auth)) throw new Error('the auth mechanism is not registered');
  return (auth as AuthMechanism).authority;
}

/**
 * Auth (shared API.md §6): signed access tokens (jose), refresh rotation with reuse detection,
 * key rotation with a grace window, the BCP and the naive verifiers, and the `auth` slot that
 * answers 401, 403 and 400 per RFC 6750. Keys, refresh families, revocations and the passwords
 * users set persist in the browser until Reset.
 */
export const authMechanism: MechanismFactory = ({ env }) => {
  const changed = () => env.events.emit({ type: 'mechanism-state', mechanism: AUTH_MECHANISM });
  const authority = new Authority(env, changed);
  const mechanism: AuthMechanism = {
    name: AUTH_MECHANISM,
    authority,
    layers: { auth: authLayer(authority) },
    routes: authRoutes(authority),
    adminRoutes: adminKeyRoutes(authority),
    reset: () => authority.reset(),
    persist: { save: () => authority.save(), restore: (saved) => authority.restore(saved) },
    describe: (route: AnyRoute): RouteContribution => describeAuth(route),
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An RFC 9068 access token from POST /api/v1/auth/login. The scopes listed per operation are the ones it needs (read, write, admin) when `auth.enforce` guards it; 401 and 403 carry WWW-Authenticate (RFC 6750 §3).',
      },
    },
  };
  return mechanism;
};

function describeAuth(route: AnyRoute): RouteContribution {
  const policy = route.policies?.auth;
  if (policy?.open || (!policy?.always && !route.path.startsWith('/api/v1/'))) return {};
  const needed = scopeNeeded(route.method, policy);
  return {
    security: { scheme: 'bearer', scopes: needed ? [needed] : [], optional: !policy?.always },
    responses: {
      400: {
        description: 'A malformed Authorization header.',
        problems: ['invalid-request'],
        headers: ['WWW-Authenticate'],
      },
      401: {
        description: policy?.always
          ? 'No token, or a token that fails a check.'
          : 'When `auth.enforce` guards this route: no token, or a token that fails a check.',
        problems: ['unauthenticated', 'invalid-token'],
        headers: ['WWW-Authenticate'],
      },
      403: {
        description: needed
          ? `The token lacks scope ${needed}${policy?.owner ? ', or the row is another user’s' : ''}${policy?.adminFields ? `, or it changes ${Object.keys(policy.adminFields).join(', ')}` : ''}.`
          : 'The token does not allow this.',
        problems: ['insufficient-scope'],
        headers: ['WWW-Authenticate'],
      },
    },
  };
}

import type { Middleware } from '../../compose.ts';
import { note, type ApiContext } from '../../context.ts';
import { ProblemError } from '../../problems.ts';
import { addWriteGuard } from '../../resources/write-guard.ts';
import { API_BASE } from '../../routes/api-base.ts';
import type { AuthSettings } from './auth-settings.ts';
import type { Authority } from './authority.ts';
import {
  insufficientScope,
  invalidToken,
  malformed,
  readCredentials,
  unauthenticated,
} from './bearer.ts';
import { CHECKS, type AccessClaims } from './checks.ts';
import { scopeNeeded, type AuthPolicy, type Scope } from './policy.ts';
import './ownership.ts';

declare module '../../context.ts' {
  interface ContextVariables {
    /** The verified token of this request, when it carried one that passed. */
    token: { claims: AccessClaims; scopes: ReadonlySet<string> };
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether `enforce` (or the route's own policy) asks this request for a token. */
export function isGuarded(
  path: string,
  method: string,
  enforce: AuthSettings['enforce'],
  policy: AuthPolicy | undefined,
): boolean {
  if (policy?.open) return false;
  if (policy?.always) return true;
  if (enforce === 'off' || !path.startsWith(API_BASE + '/')) return false;
  return enforce === 'all' || WRITES.has(method);
}

/**
 * The `auth` slot (shared API.md §6, RFC 6750 §3): runs only for matched routes, so an unknown
 * path stays 404. A guarded request needs a valid bearer token with the scope the route needs:
 * none → 401 with a bare challenge; malformed Authorization → 400 invalid_request; a token that
 * fails a check → 401 invalid_token naming it; a valid token without the scope → 403
 * insufficient_scope. Rows a user owns, and fields only an admin sets, are guarded in the write
 * itself. An unguarded request's valid token still names its caller (the limiter's partition).
 */
export function authLayer(authority: Authority): Middleware<ApiContext> {
  return async (context, next) => {
    context.var.writeOnlyKeeper = authority.keeper;
    const route = context.route?.definition;
    const policy = route?.policies?.auth;
    if (!route || policy?.open) return next();
    const settings = authority.settings;
    const guarded = isGuarded(route.path, context.method, settings.enforce, policy);
    const credentials = readCredentials(context.request.headers);

    if (!guarded) {
      // Not asked for: a valid token still says who is calling; anything else is ignored.
      if (credentials.kind === 'bearer') {
        const verdict = await authority.verify(credentials.token, context.url.origin);
        if (verdict.ok) {
          context.var.token = { claims: verdict.claims, scopes: scopesOf(verdict.claims) };
          context.var.verifiedSubject = verdict.claims.sub;
        }
      }
      return next();
    }

    const vary = settings.enforce !== 'off';
    try {
      if (credentials.kind === 'none') throw unauthenticated();
      if (credentials.kind === 'malformed') throw malformed(credentials.detail);
      const verdict = await authority.verify(credentials.token, context.url.origin);
      const verifier = settings.verifier === 'bcp' ? 'BCP' : 'naive';
      if (!verdict.ok) throw invalidToken(verdict.check, verdict.detail, verifier);
      const { claims } = verdict;
      const scopes = scopesOf(claims);
      context.var.token = { claims, scopes };
      context.var.verifiedSubject = claims.sub;
      note(
        context,
        `${verifier} verifier${verdict.cached ? ' (cached until exp)' : ''}: ${verdict.passed.join(', ')} passed → sub ${claims.sub}, scope "${claims.scope}"`,
        CHECKS[settings.verifier === 'bcp' ? 'alg' : 'signature'].standard,
      );
      const needed = scopeNeeded(context.method, policy);
      if (needed !== null && !scopes.has(needed))
        throw insufficientScope(
          needed,
          `${context.method} ${route.path} needs scope ${needed}; this token has "${claims.scope}".`,
        );
      if (!scopes.has('admin')) guardRows(context, policy, claims.sub);
      await next();
    } catch (error) {
      if (vary && error instanceof ProblemError) error.headers.Vary = 'Authorization';
      throw error;
    }
    if (vary) varyOnAuthorization(context);
  };
}

function scopesOf(claims: AccessClaims): ReadonlySet<string> {
  return new Set(claims.scope.split(' ').filter(Boolean));
}

/** Ownership and admin-only fields, for a caller without `admin` (src/api/middleware/auth/ownership.ts). */
function guardRows(context: ApiContext, policy: AuthPolicy | undefined, sub: string): void {
  const resource = context.route?.definition.policies?.resource;
  const owner = policy?.owner;
  const adminFields = policy?.adminFields;
  const method = context.method;
  const id = context.params.id;
  if (owner && resource) {
    const row = id === undefined ? undefined : context.env.store.collection(resource).get(id);
    const own = (candidate: Record<string, unknown> | undefined) =>
      candidate?.[owner.field] === sub;
    if (method === 'GET' || method === 'HEAD') {
      if (id === undefined) {
        context.var.ownerOnly = { field: owner.field, value: sub };
        note(context, `Only your own ${resource} are listed (${owner.field} = ${sub})`);
      } else if (row && !own(row)) {
        // 404, not 403: another's row must not even be seen to exist.
        throw new ProblemError('not-found', `There is no ${resource} row with id "${id}".`, {
          rule: `${resource} ${id} belongs to another user → 404, so that existence does not leak`,
        });
      }
    } else {
      if (row && !own(row)) throw notYours(resource, owner.field, sub);
      addWriteGuard(context, (current, next) => {
        if (current && !own(current)) throw notYours(resource, owner.field, sub);
        if (next && !own(next)) throw notYours(resource, owner.field, sub);
      });
    }
  }
  if (adminFields) {
    addWriteGuard(context, (current, next) => {
      if (!next) return;
      for (const [field, allowed] of Object.entries(adminFields)) {
        const changed = current ? next[field] !== current[field] : next[field] !== allowed;
        if (changed)
          throw insufficientScope(
            'admin',
            `Only an admin may ${current ? 'change' : 'set'} ${field} (to ${JSON.stringify(next[field])}).`,
          );
      }
    });
  }
}

function notYours(resource: string, field: string, sub: string): ProblemError {
  const scope: Scope = 'admin';
  return insufficientScope(
    scope,
    `This ${resource} row is not yours (its ${field} is not ${sub}); only an admin may change another’s.`,
  );
}

function varyOnAuthorization(context: ApiContext): void {
  const response = context.response;
  if (!response || response.type === 'error') return;
  const vary = response.headers.get('Vary');
  if (vary && /(^|,)\s*(authorization|\*)\s*(,|$)/i.test(vary)) return;
  response.headers.set('Vary', vary ? `${vary}, Authorization` : 'Authorization');
}

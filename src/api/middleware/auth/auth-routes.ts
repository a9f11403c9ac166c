import { z } from 'zod';
import { valid } from '../../admin/admin-routes.ts';
import { note, type ApiContext } from '../../context.ts';
import { ProblemError } from '../../problems.ts';
import { JSON_TYPE, respondEmpty, respondJson } from '../../respond.ts';
import { representationSchema } from '../../resources/resource-definition.ts';
import { users } from '../../resources/users.ts';
import { API_BASE } from '../../routes/api-base.ts';
import { readRouteBody } from '../../routes/read-body.ts';
import { defineRoute, type AnyRoute } from '../../routes/route.ts';
import { cite } from '../../standards.ts';
import type { Authority } from './authority.ts';
import { challenge, insufficientScope } from './bearer.ts';
import { verifyPassword } from './password.ts';

const TAGS = ['Auth'];
const NO_STORE = { 'Cache-Control': 'no-store' };

const loginBody = z.strictObject({
  email: z
    .string()
    .max(254)
    .meta({ examples: ['ada.lovelace.1@example.com'] }),
  password: z
    .string()
    .max(128)
    .meta({ writeOnly: true, examples: ['restlab-demo'] }),
});
const refreshBody = z.strictObject({ refresh_token: z.string().max(200) });

export const tokenResponse = z
  .strictObject({
    access_token: z.string().meta({ description: 'A JWT per RFC 9068 (typ at+jwt).' }),
    token_type: z.literal('Bearer'),
    expires_in: z.int().min(1).meta({ description: 'Seconds, on the virtual clock.' }),
    refresh_token: z.string().meta({ description: 'Opaque; single use (rotation).' }),
    scope: z.string().meta({ examples: ['read write'] }),
  })
  .meta({ id: 'TokenResponse' });

const jwksSchema = z
  .strictObject({ keys: z.array(z.record(z.string(), z.unknown())) })
  .meta({ id: 'JWKSet', description: 'RFC 7517 §5: public keys only.' });

const invalidBody = {
  400: {
    description: 'The body is not one JSON object.',
    problems: ['malformed-json', 'invalid-body'],
  },
  413: { description: 'The body is too large.', problems: ['content-too-large'] },
  415: { description: 'The body is not application/json.', problems: ['unsupported-media-type'] },
  422: {
    description: 'A field is missing, unknown or not a string.',
    problems: ['validation-failed'],
  },
} as const;

/** The scopes a user gets at sign-in (shared API.md §6). */
export const scopeOf = (role: unknown) => (role === 'admin' ? 'read write admin' : 'read write');

function invalidRefresh(detail: string, rule: string): ProblemError {
  return new ProblemError('invalid-token', detail, {
    headers: {
      'WWW-Authenticate': challenge({ error: 'invalid_token', error_description: detail }),
    },
    rule,
  });
}

/** Sign-in, refresh, sign-out, /me and the JWKS (shared API.md §6). */
export function authRoutes(authority: Authority): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: `${API_BASE}/auth/login`,
      operationId: 'login',
      summary: 'Sign in with email and password',
      description:
        'Answers an access token (a JWT) and a refresh token. Every seeded user’s password is `restlab-demo`. The same 401 for an unknown email and a wrong password.',
      tags: TAGS,
      policies: { auth: { open: true } },
      request: { body: { contentType: JSON_TYPE, schema: loginBody } },
      responses: {
        200: { description: 'Signed in.', schema: tokenResponse, headers: ['Cache-Control'] },
        401: {
          description: 'Unknown email or wrong password.',
          problems: ['invalid-credentials'],
          headers: ['WWW-Authenticate'],
        },
        ...invalidBody,
      },
      handler: async (context) => {
        const body = valid(loginBody, await readRouteBody(context), 'sign-in');
        const collection = context.env.store.collection(users.name);
        const id = collection.holderOf('email', body.email);
        const stored = id === undefined ? null : authority.credentialOf(id);
        const matches = await verifyPassword(body.password, stored);
        // Read again after the slow hash: the user may have been deleted meanwhile.
        const row = id === undefined ? undefined : collection.get(id);
        if (!row || !matches) {
          throw new ProblemError('invalid-credentials', 'The email or the password is wrong.', {
            headers: { 'WWW-Authenticate': challenge() },
            rule: 'Unknown email or wrong password → 401, the same answer for both (RFC 9110 §15.5.2)',
          });
        }
        note(context, `PBKDF2-SHA-256 password matched for ${row.id}`, cite('RFC 8018 §5.2'));
        const pair = await authority.signIn(row.id, scopeOf(row.role), context.url.origin);
        note(
          context,
          `Signed in: a new refresh family, scope "${pair.scope}"`,
          cite('RFC 9068 §2.2'),
        );
        respondJson(context, 200, pair, NO_STORE);
      },
    }),
    defineRoute({
      method: 'POST',
      path: `${API_BASE}/auth/refresh`,
      operationId: 'refresh',
      summary: 'Exchange a refresh token for a new pair (rotation)',
      description:
        'The refresh token is spent; the new one keeps the family’s expiry. A spent one presented again revokes the whole family (RFC 9700 §4.14.2).',
      tags: TAGS,
      policies: { auth: { open: true } },
      request: { body: { contentType: JSON_TYPE, schema: refreshBody } },
      responses: {
        200: { description: 'A new pair.', schema: tokenResponse, headers: ['Cache-Control'] },
        401: {
          description: 'The refresh token is spent, expired, revoked or unknown.',
          problems: ['invalid-token'],
          headers: ['WWW-Authenticate'],
        },
        ...invalidBody,
      },
      handler: async (context) => {
        const body = valid(refreshBody, await readRouteBody(context), 'refresh request');
        const now = context.env.clock.now();
        const outcome = authority.sessions.refresh(body.refresh_token, now);
        if (!outcome.ok) {
          const family = outcome.family;
          if (outcome.why === 'reused' && family) {
            throw invalidRefresh(
              'this refresh token was already used; its whole family is now revoked',
              `Refresh token reused → family ${family.id} revoked: ${family.chain.length} refresh and ${family.access.length} access tokens (RFC 9700 §4.14.2)`,
            );
          }
          const why = { unknown: 'is unknown', expired: 'has expired', revoked: 'was revoked' }[
            outcome.why === 'reused' ? 'revoked' : outcome.why
          ];
          throw invalidRefresh(
            `the refresh token ${why}`,
            `Refresh token ${why} → 401 invalid_token (RFC 6749 §6)`,
          );
        }
        note(
          context,
          `Refresh token rotated in family ${outcome.family.id}: the old one is spent`,
          cite('RFC 9700 §4.14.2'),
        );
        respondJson(
          context,
          200,
          await authority.pair(outcome.family, context.url.origin),
          NO_STORE,
        );
      },
    }),
    defineRoute({
      method: 'POST',
      path: `${API_BASE}/auth/logout`,
      operationId: 'logout',
      summary: 'Sign out: revoke this token’s family',
      description:
        'Every refresh and access token of the family the bearer token came from stops working, as reuse detection does.',
      tags: TAGS,
      policies: { auth: { always: true, scope: null } },
      responses: { 204: { description: 'Signed out.' } },
      handler: (context) => {
        const claims = context.var.token?.claims;
        const family = claims ? authority.sessions.familyOfJti(claims.jti) : undefined;
        if (family) {
          authority.sessions.revoke(family, context.env.clock.now(), 'signed out');
          note(context, `Signed out: family ${family.id} revoked`, cite('RFC 9700 §4.14.2'));
        }
        respondEmpty(context, 204, NO_STORE);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${API_BASE}/me`,
      operationId: 'getMe',
      summary: 'The signed-in user',
      description: 'Needs a bearer token whatever `auth.enforce` says.',
      tags: TAGS,
      policies: { auth: { always: true, scope: null } },
      responses: {
        200: {
          description: 'The user the token names.',
          schema: representationSchema(users),
          headers: ['Cache-Control', 'Vary'],
        },
        403: {
          description: 'A client-credentials token names no user.',
          problems: ['insufficient-scope'],
        },
      },
      handler: (context: ApiContext) => {
        const sub = context.var.token?.claims.sub ?? '';
        const row = context.env.store.collection(users.name).get(sub);
        if (!row) throw insufficientScope(null, `The token's subject ${sub} is not a user.`);
        respondJson(context, 200, row, {
          'Cache-Control': 'private, no-store',
          Vary: 'Authorization',
        });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/.well-known/jwks.json',
      operationId: 'getJwks',
      summary: 'The public keys that verify this API’s tokens (JWKS)',
      description:
        'RFC 7517 §5: the current key and any still in its grace window; no private part ever; empty for HS256, whose key is a shared secret.',
      tags: TAGS,
      policies: { auth: { open: true } },
      responses: {
        200: { description: 'The key set.', schema: jwksSchema, headers: ['Cache-Control'] },
      },
      handler: async (context) => {
        const now = context.env.clock.now();
        await authority.ring.current(authority.settings, now);
        const keys = authority.ring
          .live(now, authority.settings)
          .flatMap(({ key }) => (key.public_jwk ? [key.public_jwk] : []));
        respondJson(context, 200, { keys }, { 'Cache-Control': 'no-cache' });
      },
    }),
  ];
}

import { z } from 'zod';
import { ADMIN_BASE, valid } from '../../admin/admin-routes.ts';
import { toRfc3339 } from '../../clock.ts';
import type { ApiContext } from '../../context.ts';
import { JSON_TYPE, respondJson } from '../../respond.ts';
import { readRouteBody } from '../../routes/read-body.ts';
import { defineRoute, type AnyRoute } from '../../routes/route.ts';
import type { Authority } from './authority.ts';

const TAGS = ['Control API'];

const keyState = z.strictObject({
  kid: z.string(),
  alg: z.string(),
  state: z.enum(['current', 'grace']),
  created_at: z.iso.datetime(),
  retired_at: z.iso.datetime().nullable(),
  grace_ends_at: z.iso.datetime().nullable(),
  public_jwk: z.record(z.string(), z.unknown()).nullable(),
});
const keysSchema = z
  .strictObject({ now: z.iso.datetime(), key_grace_s: z.int(), data: z.array(keyState) })
  .meta({ id: 'SigningKeys' });

const familySchema = z.strictObject({
  id: z.string(),
  sub: z.string(),
  client_id: z.string(),
  scope: z.string(),
  created_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
  revoked_at: z.iso.datetime().nullable(),
  revoked_why: z.string().nullable(),
  chain: z.array(
    z.strictObject({
      token_tail: z.string().meta({ description: 'The last 8 characters of the refresh token.' }),
      issued_at: z.iso.datetime(),
      spent_at: z.iso.datetime().nullable(),
    }),
  ),
  access: z.array(
    z.strictObject({ jti: z.string(), expires_at: z.iso.datetime(), revoked: z.boolean() }),
  ),
});

async function keysOf(context: ApiContext, authority: Authority) {
  const now = context.env.clock.now();
  const settings = authority.settings;
  await authority.ring.current(settings, now);
  return {
    now: toRfc3339(now),
    key_grace_s: settings.key_grace_s,
    data: authority.ring.live(now, settings).map(({ key, expires_ms }) => ({
      kid: key.kid,
      alg: key.alg,
      state: key.retired_ms === null ? ('current' as const) : ('grace' as const),
      created_at: toRfc3339(key.created_ms),
      retired_at: key.retired_ms === null ? null : toRfc3339(key.retired_ms),
      grace_ends_at: expires_ms === null ? null : toRfc3339(expires_ms),
      public_jwk: key.public_jwk,
    })),
  };
}

/** The control API's view of the token authority: keys (and rotating them), refresh families. */
export function adminKeyRoutes(authority: Authority): AnyRoute[] {
  return [
    mintRoute(authority),
    defineRoute({
      method: 'GET',
      path: `${ADMIN_BASE}/keys`,
      operationId: 'getSigningKeys',
      summary: 'The signing keys: the current one and those in their grace window',
      tags: TAGS,
      responses: {
        200: { description: 'The keys, newest first; no private part.', schema: keysSchema },
      },
      handler: async (context) => respondJson(context, 200, await keysOf(context, authority)),
    }),
    defineRoute({
      method: 'POST',
      path: `${ADMIN_BASE}/keys/rotate`,
      operationId: 'rotateSigningKey',
      summary: 'Rotate: a new signing key; the old one verifies for key_grace_s more',
      tags: TAGS,
      responses: { 200: { description: 'The keys after the rotation.', schema: keysSchema } },
      handler: async (context) => {
        const now = context.env.clock.now();
        await authority.ring.current(authority.settings, now);
        await authority.ring.rotate(authority.settings, now);
        respondJson(context, 200, await keysOf(context, authority));
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${ADMIN_BASE}/sessions`,
      operationId: 'getRefreshFamilies',
      summary: 'Refresh-token families, newest first (for the auth lab’s chain drawing)',
      tags: TAGS,
      responses: {
        200: {
          description: 'Each family with its chain of refresh tokens and its access tokens.',
          schema: z.strictObject({ data: z.array(familySchema) }).meta({ id: 'RefreshFamilies' }),
        },
      },
      handler: (context) => {
        const { sessions } = authority;
        const at = (ms: number | null) => (ms === null ? null : toRfc3339(ms));
        const data = sessions.families().map((family) => ({
          id: family.id,
          sub: family.sub,
          client_id: family.client_id,
          scope: family.scope,
          created_at: toRfc3339(family.created_ms),
          expires_at: toRfc3339(family.expires_ms),
          revoked_at: at(family.revoked_ms),
          revoked_why: family.revoked_why,
          chain: family.chain.map((link) => ({
            token_tail: link.token.slice(-8),
            issued_at: toRfc3339(link.issued_ms),
            spent_at: at(link.spent_ms),
          })),
          access: family.access.map((access) => ({
            jti: access.jti,
            expires_at: toRfc3339(access.exp_ms),
            revoked: sessions.isRevoked(access.jti),
          })),
        }));
        respondJson(context, 200, { data });
      },
    }),
  ];
}

const mintBody = z.strictObject({
  sub: z.string().min(1).max(200).optional(),
  scope: z.string().max(200).optional(),
  claims: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description: 'Claims to set (null removes one), over those a sign-in would give.' }),
  header: z.record(z.string(), z.unknown()).optional().meta({
    description: 'Header parameters to set (null removes one); alg and kid stay the key’s.',
  }),
});

/**
 * POST /__admin/tokens: a token signed by the real current key with the claims and header asked
 * for. The attack gallery's workshop: what another service of the same issuer, or a token kept
 * from long ago, would present (another aud, iss or typ, an exp in the past, a crit header).
 */
export function mintRoute(authority: Authority): AnyRoute {
  return defineRoute({
    method: 'POST',
    path: `${ADMIN_BASE}/tokens`,
    operationId: 'mintToken',
    summary: 'Sign a token with the current key and chosen claims (the attack gallery’s workshop)',
    tags: TAGS,
    request: { body: { contentType: JSON_TYPE, schema: mintBody } },
    responses: {
      200: {
        description: 'The token.',
        schema: z.strictObject({ access_token: z.string() }),
      },
      400: {
        description: 'The body is not a JSON object.',
        problems: ['malformed-json', 'invalid-body'],
      },
      413: { description: 'The body is too large.', problems: ['content-too-large'] },
      415: {
        description: 'The body is not application/json.',
        problems: ['unsupported-media-type'],
      },
      422: { description: 'The body is not valid.', problems: ['validation-failed'] },
    },
    handler: async (context) => {
      const body = valid(mintBody, await readRouteBody(context), 'token request');
      const token = await authority.mint(context.url.origin, body);
      respondJson(context, 200, { access_token: token });
    },
  });
}

import { z } from 'zod';
import { valid } from '../admin/admin-routes.ts';
import { ProblemError } from '../problems.ts';
import { JSON_TYPE, respondJson } from '../respond.ts';
import { readRouteBody } from '../routes/read-body.ts';
import { defineRoute, type AnyRoute } from '../routes/route.ts';
import type { AuthorizationServer } from './authorization-server.ts';
import { parseScope, publicView, type Client } from './clients.ts';
import { randomValue } from './pkce.ts';

const TAGS = ['Control API'];

const redirectUri = z
  .string()
  .max(500)
  .refine((uri) => {
    try {
      const url = new URL(uri);
      // RFC 6749 §3.1.2: absolute, no fragment.
      return url.hash === '' && !uri.includes('#') && /^https?:$/.test(url.protocol);
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URI without a fragment (RFC 6749 §3.1.2)');

const newClient = z
  .strictObject({
    client_id: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/),
    client_name: z.string().min(1).max(100),
    client_type: z.enum(['public', 'confidential']),
    redirect_uris: z.array(redirectUri).max(10).default([]),
    grant_types: z
      .array(z.enum(['authorization_code', 'refresh_token', 'client_credentials']))
      .min(1)
      .max(3),
    scope: z
      .string()
      .max(100)
      .default('read')
      .refine((scope) => {
        const parsed = parseScope(scope);
        return parsed.ok && parsed.names.length > 0;
      }, 'space-separated names of read, write, admin'),
  })
  .refine(
    (client) =>
      client.client_type === 'confidential' || !client.grant_types.includes('client_credentials'),
    {
      message: 'a public client cannot use client_credentials (RFC 6749 §4.4)',
      path: ['grant_types'],
    },
  )
  .refine(
    (client) =>
      !client.grant_types.includes('authorization_code') || client.redirect_uris.length > 0,
    {
      message: 'the authorization code grant needs at least one redirect URI',
      path: ['redirect_uris'],
    },
  );

const clientView = z
  .object({
    client_id: z.string(),
    client_name: z.string(),
    client_type: z.enum(['public', 'confidential']),
    redirect_uris: z.array(z.string()),
    grant_types: z.array(z.string()),
    scope: z.string(),
    has_secret: z.boolean(),
    client_secret: z.string().optional().meta({ description: 'Only in the answer that made it.' }),
  })
  .meta({ id: 'OAuthClient' });

/** GET and POST /__admin/clients: the OAuth clients (shared API.md §7). */
export function clientAdminRoutes(server: AuthorizationServer): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/__admin/clients',
      operationId: 'listClients',
      summary: 'The OAuth clients',
      description: 'The two seeded clients and any added; secrets never.',
      tags: TAGS,
      responses: {
        200: {
          description: 'Every client.',
          schema: z.strictObject({ data: z.array(clientView) }),
        },
      },
      handler: (context) => {
        const data = server.clients().map((client) => publicView(client, context.url.origin));
        respondJson(context, 200, { data });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/__admin/clients',
      operationId: 'addClient',
      summary: 'Add an OAuth client',
      description:
        'A confidential client gets a random secret, shown in this answer only. Reset removes added clients.',
      tags: TAGS,
      request: { body: { contentType: JSON_TYPE, schema: newClient } },
      responses: {
        201: { description: 'Added.', schema: clientView },
        400: {
          description: 'The body is not a JSON object.',
          problems: ['malformed-json', 'invalid-body'],
        },
        409: { description: 'A client with this id exists.', problems: ['duplicate-value'] },
        413: { description: 'The body is too large.', problems: ['content-too-large'] },
        415: {
          description: 'The body is not application/json.',
          problems: ['unsupported-media-type'],
        },
        422: {
          description: 'The client is not valid; nothing changed.',
          problems: ['validation-failed'],
        },
      },
      handler: async (context) => {
        const body = valid(newClient, await readRouteBody(context), 'client');
        if (server.client(body.client_id))
          throw new ProblemError(
            'duplicate-value',
            `A client "${body.client_id}" exists already.`,
            {
              errors: [{ pointer: '/client_id', detail: 'is taken' }],
            },
          );
        const client: Client = {
          ...body,
          scope: [...new Set(body.scope.split(' ').filter(Boolean))].join(' '),
          client_secret: body.client_type === 'confidential' ? randomValue('cs_', 24) : null,
        };
        server.add(client);
        const view = publicView(client, context.url.origin);
        respondJson(
          context,
          201,
          client.client_secret ? { ...view, client_secret: client.client_secret } : view,
        );
      },
    }),
  ];
}

import type { MechanismFactory } from '../pipeline.ts';
import { respondText } from '../respond.ts';
import { defineRoute } from '../routes/route.ts';
import { generateOpenApi, OPENAPI_PATH } from './generate.ts';

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document, generated from the route table and the zod
 * schemas, so the documentation cannot drift from the code. Made once per origin (the document
 * names its server), then served from memory.
 */
export const openApiMechanism: MechanismFactory = (setup) => {
  const byOrigin = new Map<string, string>();
  return {
    name: 'openapi',
    routes: [
      defineRoute({
        method: 'GET',
        path: OPENAPI_PATH,
        operationId: 'getOpenApi',
        summary: 'This document',
        description: 'The OpenAPI 3.1 description of every route, generated from the route table.',
        tags: ['Meta'],
        responses: { 200: { description: 'The OpenAPI document.' } },
        handler: (context) => {
          const origin = context.url.origin;
          let text = byOrigin.get(origin);
          if (text === undefined) {
            text = JSON.stringify(generateOpenApi(setup, origin));
            byOrigin.set(origin, text);
          }
          respondText(context, 200, text);
        },
      }),
    ],
  };
};

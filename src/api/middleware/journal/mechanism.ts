import { z } from 'zod';
import { journalEntrySchema } from '../../admin/admin-schemas.ts';
import type { MechanismFactory } from '../../pipeline.ts';
import { integerParam } from '../../query.ts';
import { respondEmpty, respondJson } from '../../respond.ts';
import { defineRoute } from '../../routes/route.ts';
import { journal } from './journal.ts';

/**
 * The journal (shared API.md §4): every API request with its answer and the rules that decided
 * it, read through GET /__admin/requests. Its ring buffer lives in the env, sized by settings.
 */
export const journalMechanism: MechanismFactory = ({ env }) => ({
  name: 'journal',
  layers: { journal },
  reset: () => env.journal.clear(),
  adminRoutes: [
    defineRoute({
      method: 'GET',
      path: '/__admin/requests',
      operationId: 'listRequests',
      summary: 'The journal, newest first',
      tags: ['Control API'],
      request: {
        query: (settings) =>
          z.strictObject({
            limit: integerParam(1, settings.journal.capacity)
              .optional()
              .meta({ description: 'How many entries (default 100).' }),
          }),
      },
      responses: {
        200: {
          description: 'The latest requests, newest first.',
          schema: z.strictObject({ data: z.array(journalEntrySchema) }),
        },
        400: { description: 'A bad query parameter.', problems: ['invalid-parameter'] },
      },
      handler: (context, { query }) => {
        respondJson(context, 200, { data: context.env.journal.latest(query.limit ?? 100) });
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/__admin/requests',
      operationId: 'clearRequests',
      summary: 'Empty the journal',
      tags: ['Control API'],
      responses: { 204: { description: 'Emptied.' } },
      handler: (context) => {
        context.env.journal.clear();
        context.env.events.emit({ type: 'journal-cleared' });
        respondEmpty(context, 204);
      },
    }),
  ],
});

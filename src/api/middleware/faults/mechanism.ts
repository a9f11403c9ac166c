import { z } from 'zod';
import { valid } from '../../admin/admin-routes.ts';
import { readJsonObject } from '../../middleware/body/read-json-body.ts';
import type { MechanismFactory, RouteContribution } from '../../pipeline.ts';
import { JSON_TYPE, respondEmpty, respondJson } from '../../respond.ts';
import { defineRoute, type AnyRoute } from '../../routes/route.ts';
import { FaultPlan } from './fault-plan.ts';
import { injectFaults, injectLatency, realSleep } from './faults.ts';

const MS = z.int().min(0).max(60_000);
const nextFault = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('error'), count: z.int().min(1).max(1000) }),
  z.strictObject({ kind: z.literal('drop'), count: z.int().min(1).max(1000) }),
  z.strictObject({ kind: z.literal('delay'), count: z.int().min(1).max(1000), ms: MS }),
]);
const queuedSchema = z.strictObject({
  error: z.int().min(0).meta({ description: 'Queued one-shot 503s.' }),
  drop: z.int().min(0).meta({ description: 'Queued one-shot dropped answers.' }),
  delay: z.array(MS).meta({ description: 'Queued one-shot delays, in ms, next first.' }),
});

/**
 * Fault injection (shared API.md §8): 503s on arrival, real latency while the request is in
 * flight, answers dropped after the work is done; seeded, restarting on reset and on any change
 * of the `faults` settings; one-shot faults queued through POST /__admin/faults/next.
 */
export const faultsMechanism: MechanismFactory = () => {
  const plan = new FaultPlan();
  const queued = () => ({ error: plan.errors, drop: plan.drops, delay: [...plan.delays] });
  return {
    name: 'faults',
    layers: { faults: injectFaults(plan), latency: injectLatency(plan, realSleep) },
    reset: () => plan.reset(),
    adminRoutes: [
      defineRoute({
        method: 'POST',
        path: '/__admin/faults/next',
        operationId: 'queueFaults',
        summary: 'Queue one-shot faults for the next matching requests',
        description:
          'Each is used by the next request the faults settings match that reaches its point: an error on arrival, a delay once its idempotency record exists, a drop once its answer is saved. For exact demos.',
        tags: ['Control API'],
        request: { body: { contentType: JSON_TYPE, schema: nextFault } },
        responses: {
          204: { description: 'Queued.' },
          400: {
            description: 'The body is not a JSON object.',
            problems: ['malformed-json', 'invalid-body'],
          },
          413: { description: 'The body is too large.', problems: ['content-too-large'] },
          415: {
            description: 'The body is not application/json.',
            problems: ['unsupported-media-type'],
          },
          422: { description: 'Not a fault; nothing queued.', problems: ['validation-failed'] },
        },
        handler: async (context) => {
          const body = (await readJsonObject(context, JSON_TYPE)) ?? {};
          const fault = valid(nextFault, body, 'fault');
          plan.queue(fault.kind, fault.count, fault.kind === 'delay' ? fault.ms : 0);
          respondEmpty(context, 204);
        },
      }),
      defineRoute({
        method: 'GET',
        path: '/__admin/faults',
        operationId: 'getQueuedFaults',
        summary: 'The one-shot faults still queued',
        tags: ['Control API'],
        responses: {
          200: { description: 'What is queued.', schema: z.strictObject({ queued: queuedSchema }) },
        },
        handler: (context) => respondJson(context, 200, { queued: queued() }),
      }),
    ],
    describe: (route: AnyRoute): RouteContribution =>
      route.path.startsWith('/api/')
        ? {
            responses: {
              503: {
                description:
                  'An injected fault (faults settings, or a queued one-shot error): nothing was done; retry after Retry-After.',
                headers: ['Retry-After'],
                problems: ['service-unavailable'],
              },
            },
          }
        : {},
  };
};

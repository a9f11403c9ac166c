import { z } from 'zod';
import { toRfc3339 } from '../../clock.ts';
import type { MechanismFactory, RouteContribution } from '../../pipeline.ts';
import { respondJson } from '../../respond.ts';
import { defineRoute, type AnyRoute } from '../../routes/route.ts';
import { idempotency } from './idempotency.ts';
import { IdempotencyRecords, type CompletedRecord } from './records.ts';

const recordSchema = z.strictObject({
  key: z.string(),
  client: z.string().meta({ description: 'The rate-limit partition the key belongs to.' }),
  method: z.string(),
  path: z.string(),
  state: z.enum(['in_flight', 'completed']),
  fingerprint: z.string().meta({ description: 'Hex SHA-256 of the RFC 8785 canonical body.' }),
  status: z.int().nullable().meta({ description: 'The saved status; null while in flight.' }),
  started_at: z.iso.datetime(),
  expires_at: z.iso
    .datetime()
    .nullable()
    .meta({ description: 'When the key is forgotten (virtual clock); null while in flight.' }),
});

/**
 * Persisted records are saved at most this often (real ms): saving copies them all, so a
 * steady stream of keyed requests must not pay for that copy each time. A reload within this
 * time of the last completion may lose its newest records.
 */
const SAVE_EVERY_MS = 1000;

/**
 * Idempotency-Key (shared API.md §8): the records, their middleware, GET /__admin/idempotency
 * for the lab's state-machine view, and their persistence until Reset.
 */
export const idempotencyMechanism: MechanismFactory = ({ env }) => {
  const records = new IdempotencyRecords();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    if (pending !== undefined || !env.events.hasListeners) return;
    pending = setTimeout(() => {
      pending = undefined;
      env.events.emit({ type: 'mechanism-state', mechanism: 'idempotency' });
    }, SAVE_EVERY_MS);
    // In Node, a save still to come must not keep the process alive.
    (pending as { unref?: () => void }).unref?.();
  };

  return {
    name: 'idempotency',
    layers: { idempotency: idempotency(records, changed) },
    reset: () => records.clear(),
    persist: {
      save: () => records.completed(),
      restore: (saved) => {
        if (!Array.isArray(saved)) return;
        records.restore(saved.filter(isCompletedRecord));
      },
    },
    adminRoutes: [
      defineRoute({
        method: 'GET',
        path: '/__admin/idempotency',
        operationId: 'listIdempotencyRecords',
        summary: 'The idempotency records: each key’s state, fingerprint and saved status',
        description:
          'Every key not yet expired (virtual clock), oldest first: in flight while its first request runs, then completed with its saved status until expires_at.',
        tags: ['Control API'],
        responses: {
          200: {
            description: 'The records.',
            schema: z.strictObject({ data: z.array(recordSchema) }),
          },
        },
        handler: (context) => {
          const data = records.list(context.env.clock.now()).map((record) => ({
            key: record.key,
            client: record.client,
            method: record.method,
            path: record.path,
            state: record.state,
            fingerprint: record.fingerprint,
            status: record.status ?? null,
            started_at: toRfc3339(record.started_ms),
            expires_at: record.expires_ms === undefined ? null : toRfc3339(record.expires_ms),
          }));
          respondJson(context, 200, { data });
        },
      }),
    ],
    describe: (route: AnyRoute): RouteContribution => {
      const resource = route.policies?.resource;
      if (resource === undefined || (route.method !== 'POST' && route.method !== 'PATCH'))
        return {};
      return {
        requestHeaders: ['Idempotency-Key'],
        successHeaders: ['Idempotent-Replayed'],
        problems: {
          // A reused key is 400 in the stripe dialect; the document names its catalogue status.
          400:
            route.method === 'POST'
              ? ['invalid-header', 'idempotency-key-missing']
              : ['invalid-header'],
          409: ['idempotency-key-in-flight'],
          422: ['idempotency-key-reused'],
        },
      };
    },
  };
};

function isCompletedRecord(value: unknown): value is CompletedRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.state === 'completed' &&
    ['key', 'client', 'method', 'path', 'fingerprint'].every(
      (name) => typeof record[name] === 'string',
    ) &&
    typeof record.status === 'number' &&
    typeof record.expires_ms === 'number' &&
    typeof record.started_ms === 'number' &&
    typeof record.completed_ms === 'number' &&
    (record.body === null || typeof record.body === 'string') &&
    typeof record.headers === 'object' &&
    record.headers !== null
  );
}

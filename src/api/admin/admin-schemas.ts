import { z } from 'zod';

/** GET /__admin/clock (shared API.md §4). */
export const clockStateSchema = z.strictObject({
  epoch_ms: z.int().meta({ description: 'Virtual epoch milliseconds.' }),
  now: z.iso.datetime().meta({ description: 'The same instant, RFC 3339.' }),
  paused: z.boolean(),
});

/** GET /__admin/data. */
export const dataStateSchema = z.strictObject({
  seed: z.int().min(0),
  sizes: z
    .record(z.string(), z.int().min(0))
    .meta({ description: 'Rows each collection was seeded with.' }),
  sequences: z.record(z.string(), z.int().min(0)).meta({
    description: 'The next id sequence of each collection (ids come from seed and sequence).',
  }),
  rows: z
    .record(z.string(), z.int().min(0))
    .meta({ description: 'Rows each collection holds now.' }),
  changed: z.array(z.string()).meta({ description: 'Collections changed since their seed.' }),
  pristine: z.boolean().meta({ description: 'Nothing changed since the seed.' }),
});

const note = z.strictObject({
  rule: z.string(),
  standard: z.strictObject({ cite: z.string(), href: z.url() }).optional(),
});

/** One journal entry: a request, its answer, and the rules that decided it. */
export const journalEntrySchema = z.strictObject({
  id: z.string().meta({ description: 'The request id (X-Request-Id).' }),
  seq: z.int().min(1),
  started_at: z.iso.datetime(),
  started_ms: z.int(),
  duration_ms: z.number().min(0).meta({ description: 'Real time spent inside the core.' }),
  method: z.string(),
  url: z.string(),
  request: z.strictObject({
    headers: z.record(z.string(), z.string()),
    body: z.string().nullable(),
  }),
  response: z.strictObject({
    status: z.int().meta({ description: 'The status; 0 when the client got a network error.' }),
    headers: z.record(z.string(), z.string()),
    body: z.string().nullable(),
  }),
  notes: z.array(note),
});

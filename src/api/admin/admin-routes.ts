import { z } from 'zod';
import { CLOCK_MAX_EPOCH_MS, CLOCK_MIN_EPOCH_MS } from '../clock.ts';
import { readJsonObject } from '../middleware/body/read-json-body.ts';
import { applyMergePatch } from '../merge-patch.ts';
import { ProblemError } from '../problems.ts';
import { JSON_TYPE, MERGE_PATCH_TYPE, respondEmpty, respondJson } from '../respond.ts';
import { defineRoute, type AnyRoute } from '../routes/route.ts';
import { defaultSettings, settingsSchema } from '../settings.ts';
import { MAX_SEED_SIZE } from '../store/store.ts';
import { issuesToErrors } from '../validation.ts';
import { clockStateSchema, dataStateSchema } from './admin-schemas.ts';

/** What the control API needs from the API instance besides the shared env. */
export interface AdminActions {
  reset(seed: number, sizes: Record<string, number>, options?: { keepJournal?: boolean }): void;
}

export const ADMIN_BASE = '/__admin';
const TAGS = ['Control API'];

const EPOCH = z.int().min(CLOCK_MIN_EPOCH_MS).max(CLOCK_MAX_EPOCH_MS);
// A year either way is plenty for any demo, and keeps the arithmetic exact.
const STEP = z.int().min(-31_622_400_000).max(31_622_400_000);

const clockCommand = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('advance'), ms: STEP }),
  z.strictObject({ action: z.literal('set'), epoch_ms: EPOCH }),
]);

const invalid = {
  description: 'The body is not valid; nothing changed.',
  problems: ['validation-failed'],
} as const;
const badJson = {
  description: 'The body is not a JSON object.',
  problems: ['malformed-json', 'invalid-body'],
} as const;
const tooLarge = {
  description: 'The body is too large.',
  problems: ['content-too-large'],
} as const;
const wrongType = (type: string) =>
  ({ description: `The body is not ${type}.`, problems: ['unsupported-media-type'] }) as const;

/**
 * The control API (shared API.md §4): reset, settings and the virtual clock. For the UI,
 * scenarios, tests and scripts; never rate-limited, authenticated or journaled.
 */
export function adminRoutes(actions: AdminActions, collectionNames: readonly string[]): AnyRoute[] {
  const size = z.int().min(0).max(MAX_SEED_SIZE);
  const resetBody = z.strictObject({
    seed: z.int().min(0).max(0xffffffff).optional(),
    keep_journal: z.boolean().optional().meta({
      description:
        'Keep the journal (and the page’s request log): a lab that resets to put the user’s data back does not erase their history.',
    }),
    sizes: z
      .strictObject(Object.fromEntries(collectionNames.map((name) => [name, size.optional()])))
      .optional(),
  });

  return [
    defineRoute({
      method: 'POST',
      path: `${ADMIN_BASE}/reset`,
      operationId: 'resetData',
      summary: 'Reset the data to a deterministic seed',
      description:
        'Data back to the seed (optionally a new seed and sizes), every mechanism’s state and the journal cleared; settings kept.',
      tags: TAGS,
      request: { body: { contentType: JSON_TYPE, schema: resetBody, optional: true } },
      responses: {
        204: { description: 'Reset.' },
        400: badJson,
        413: tooLarge,
        415: wrongType(JSON_TYPE),
        422: invalid,
      },
      handler: async (context) => {
        const body = (await readJsonObject(context, JSON_TYPE, { optional: true })) ?? {};
        const parsed = valid(resetBody, body, 'reset');
        const { meta } = context.env.store;
        const sizes = { ...meta.sizes, ...(parsed.sizes as Record<string, number> | undefined) };
        const seed = parsed.seed ?? meta.seed;
        // A big seed is built aside first, in slices: the page stays responsive and requests
        // are answered from the current data until the reset swaps it in at once
        // (docs/decisions/0005-big-reseeds-build-aside.md).
        await context.env.store.prepare(seed, sizes, (progress) =>
          context.env.events.emit({ type: 'seeding', ...progress }),
        );
        actions.reset(seed, sizes, { keepJournal: parsed.keep_journal ?? false });
        respondEmpty(context, 204);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${ADMIN_BASE}/data`,
      operationId: 'getDataState',
      summary: 'What the data is: its seed, sizes, id sequences, row counts, and what changed',
      description:
        'A lab that needs data of its own reads this first: data that is still its seed (`pristine`) comes back exactly from a reset to the same seed and sizes.',
      tags: TAGS,
      responses: { 200: { description: 'The data’s state.', schema: dataStateSchema } },
      handler: (context) => {
        const { store } = context.env;
        const { seed, sizes } = store.meta;
        const rows: Record<string, number> = {};
        const changed: string[] = [];
        for (const name of store.collectionNames) {
          const collection = store.collection(name);
          rows[name] = collection.size;
          if (!collection.holdsSeed(seed, sizes[name] ?? 0)) changed.push(name);
        }
        const { sequences } = store.meta;
        respondJson(context, 200, {
          seed,
          sizes,
          sequences,
          rows,
          changed,
          pristine: changed.length === 0,
        });
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${ADMIN_BASE}/settings`,
      operationId: 'getSettings',
      summary: 'Read the settings',
      tags: TAGS,
      responses: { 200: { description: 'The settings in force.', schema: settingsSchema } },
      handler: (context) => respondJson(context, 200, context.env.settings.current),
    }),
    defineRoute({
      method: 'PATCH',
      path: `${ADMIN_BASE}/settings`,
      operationId: 'changeSettings',
      summary: 'Change the settings (JSON Merge Patch)',
      description:
        'Merged onto the settings in force (RFC 7396); an invalid result changes nothing.',
      tags: TAGS,
      request: {
        body: { contentType: MERGE_PATCH_TYPE, schema: z.record(z.string(), z.unknown()) },
      },
      responses: {
        200: { description: 'The settings now in force.', schema: settingsSchema },
        400: badJson,
        413: tooLarge,
        415: wrongType(MERGE_PATCH_TYPE),
        422: invalid,
      },
      handler: async (context) => {
        const patch = (await readJsonObject(context, MERGE_PATCH_TYPE)) ?? {};
        const merged = applyMergePatch(context.env.settings.current, patch);
        const next = valid(settingsSchema, merged, 'settings');
        context.env.settings.replace(next);
        respondJson(context, 200, next);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: `${ADMIN_BASE}/settings`,
      operationId: 'restoreDefaultSettings',
      summary: 'Settings back to their defaults',
      tags: TAGS,
      responses: { 200: { description: 'The default settings.', schema: settingsSchema } },
      handler: (context) => {
        context.env.settings.replace(defaultSettings());
        respondJson(context, 200, context.env.settings.current);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${ADMIN_BASE}/clock`,
      operationId: 'getClock',
      summary: 'Read the virtual clock',
      tags: TAGS,
      responses: { 200: { description: 'The virtual clock.', schema: clockStateSchema } },
      handler: (context) => respondJson(context, 200, context.env.clock.state()),
    }),
    defineRoute({
      method: 'POST',
      path: `${ADMIN_BASE}/clock`,
      operationId: 'changeClock',
      summary: 'Pause, resume, advance or set the virtual clock',
      description:
        'The clock every time-based rule reads: token expiry, windows, max-age, timestamps.',
      tags: TAGS,
      request: { body: { contentType: JSON_TYPE, schema: clockCommand } },
      responses: {
        200: { description: 'The clock after the change.', schema: clockStateSchema },
        400: badJson,
        413: tooLarge,
        415: wrongType(JSON_TYPE),
        422: invalid,
      },
      handler: async (context) => {
        const command = valid(
          clockCommand,
          (await readJsonObject(context, JSON_TYPE)) ?? {},
          'clock command',
        );
        const { clock } = context.env;
        if (command.action === 'pause') clock.pause();
        else if (command.action === 'resume') clock.resume();
        else if (command.action === 'advance') clock.advance(command.ms);
        else clock.set(command.epoch_ms);
        respondJson(context, 200, clock.state());
      },
    }),
  ];
}

export function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = issuesToErrors(parsed.error.issues);
  throw new ProblemError('validation-failed', `The ${what} is not valid; nothing was changed.`, {
    errors,
  });
}

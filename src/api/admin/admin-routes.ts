import { z } from 'zod';
import { CLOCK_MAX_EPOCH_MS, CLOCK_MIN_EPOCH_MS } from '../clock.ts';
import type { ApiContext } from '../context.ts';
import { readJsonObject } from '../middleware/body/read-json-body.ts';
import { applyMergePatch } from '../merge-patch.ts';
import { ProblemError } from '../problems.ts';
import { integerParam, parseQuery } from '../query.ts';
import { JSON_TYPE, MERGE_PATCH_TYPE, respondEmpty, respondJson } from '../respond.ts';
import type { Route } from '../router.ts';
import { defaultSettings, settingsSchema } from '../settings.ts';
import { MAX_SEED_SIZE } from '../store/store.ts';
import { issuesToErrors } from '../validation.ts';

/** What the control API needs from the API instance besides the shared env. */
export interface AdminActions {
  reset(seed: number, sizes: Record<string, number>): void;
}

const EPOCH = z.int().min(CLOCK_MIN_EPOCH_MS).max(CLOCK_MAX_EPOCH_MS);
// A year either way is plenty for any demo, and keeps the arithmetic exact.
const STEP = z.int().min(-31_622_400_000).max(31_622_400_000);

const clockCommand = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('advance'), ms: STEP }),
  z.strictObject({ action: z.literal('set'), epoch_ms: EPOCH }),
]);

/**
 * The control API (shared API.md §4): reset, settings, the virtual clock and the journal. For the
 * UI, scenarios, tests and scripts; never rate-limited, authenticated or journaled.
 */
export function adminRoutes(actions: AdminActions, collectionNames: readonly string[]): Route[] {
  const size = z.int().min(0).max(MAX_SEED_SIZE);
  const resetBody = z.strictObject({
    seed: z.int().min(0).max(0xffffffff).optional(),
    sizes: z
      .strictObject(Object.fromEntries(collectionNames.map((name) => [name, size.optional()])))
      .optional(),
  });

  return [
    {
      path: '/__admin/reset',
      methods: {
        POST: async (context) => {
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
          actions.reset(seed, sizes);
          respondEmpty(context, 204);
        },
      },
    },
    {
      path: '/__admin/settings',
      methods: {
        GET: (context) => respondJson(context, 200, context.env.settings.current),
        PATCH: async (context) => {
          const patch = (await readJsonObject(context, MERGE_PATCH_TYPE)) ?? {};
          const merged = applyMergePatch(context.env.settings.current, patch);
          const next = valid(settingsSchema, merged, 'settings');
          context.env.settings.replace(next);
          respondJson(context, 200, next);
        },
        DELETE: (context) => {
          context.env.settings.replace(defaultSettings());
          respondJson(context, 200, context.env.settings.current);
        },
      },
    },
    {
      path: '/__admin/clock',
      methods: {
        GET: (context) => respondJson(context, 200, context.env.clock.state()),
        POST: async (context) => {
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
      },
    },
    {
      path: '/__admin/requests',
      methods: {
        GET: (context: ApiContext) => {
          const { journal } = context.env;
          const query = parseQuery(context.url, { limit: integerParam(1, journal.capacity) });
          respondJson(context, 200, { data: journal.latest(query.limit ?? 100) });
        },
        DELETE: (context: ApiContext) => {
          context.env.journal.clear();
          context.env.events.emit({ type: 'journal-cleared' });
          respondEmpty(context, 204);
        },
      },
    },
  ];
}

function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = issuesToErrors(parsed.error.issues);
  throw new ProblemError('validation-failed', `The ${what} is not valid; nothing was changed.`, {
    errors,
  });
}

import { adminRoutes } from './admin/admin-routes.ts';
import { createVirtualClock, type ClockOptions, type VirtualClock } from './clock.ts';
import { compose, type Middleware } from './compose.ts';
import { createContext, type ApiContext, type ApiEnv } from './context.ts';
import { EventStream, type ApiEvent } from './events.ts';
import { errorBoundary } from './middleware/error-boundary/error-boundary.ts';
import { Journal, journal } from './middleware/journal/journal.ts';
import { headWithoutBody } from './middleware/head/head.ts';
import { Limiter } from './middleware/rate-limit/limiter.ts';
import { rateLimit, stampRateLimitHeaders } from './middleware/rate-limit/rate-limit.ts';
import { assignRequestId, requireValidRequestId } from './middleware/request-id/request-id.ts';
import { ProblemError } from './problems.ts';
import { crudRoutes } from './resources/crud-routes.ts';
import { products } from './resources/products.ts';
import type { ResourceDefinition } from './resources/resource-definition.ts';
import { users } from './resources/users.ts';
import { respondProblem } from './respond.ts';
import { createRouterMiddleware } from './router.ts';
import {
  createSettingsHolder,
  defaultSettings,
  settingsSchema,
  type Settings,
} from './settings.ts';
import type { Row } from './store/row.ts';
import { Store, type StoreMeta } from './store/store.ts';

export const DEFAULT_SEED = 42;
export const RESOURCES: readonly ResourceDefinition[] = [users, products];

/** What a page saved before a reload (see adapters/browser/persistence). */
export interface SavedState {
  meta: StoreMeta;
  rows: [collection: string, id: string, row: Row | null][];
  settings?: unknown;
}

export interface ApiOptions {
  seed?: number;
  sizes?: Record<string, number>;
  /** A clock to share, or how to make one (default: running, from the real time at creation). */
  clock?: VirtualClock | ClockOptions;
  /** A monotonic real-time source for durations; performance.now() by default. */
  realNow?: () => number;
  restore?: SavedState;
}

export interface Api {
  /**
   * The whole API: answers any Request, never throws. `method` overrides the request's own, for
   * adapters that receive methods fetch's Request cannot carry (TRACE, CONNECT).
   */
  fetch(request: Request, init?: { method?: string }): Promise<Response>;
  readonly events: EventStream<ApiEvent>;
  readonly env: ApiEnv;
}

const ADMIN_PREFIX = '/__admin/';

/**
 * Builds one API instance: a framework-free core that answers Requests with Responses. Adapters
 * (MSW in the browser, msw/node in tests, node:http for `npm run serve`) only pass Requests in.
 *
 * Pipelines, outermost first:
 *   API:   request-id → journal → head → rate-limit headers → error-boundary → valid request id
 *          → rate limit → router (resources)
 *   admin: request-id → head → error-boundary → valid request id → router (control API; never journaled)
 * Later labs slot their middleware (rate limit, auth, idempotency, conditional) before the router.
 */
export function createApi(options: ApiOptions = {}): Api {
  const realNow = options.realNow ?? (() => performance.now());
  const events = new EventStream<ApiEvent>();
  const clock = isClock(options.clock)
    ? options.clock
    : // eslint-disable-next-line no-restricted-globals, no-restricted-properties -- the one place the wall clock seeds the virtual one
      createVirtualClock({ startEpochMs: Date.now(), ...options.clock, realNow });
  clock.subscribe((state) => events.emit({ type: 'clock', clock: state }));

  const restoredSettings = settingsSchema.safeParse(options.restore?.settings);
  const initialSettings: Settings = restoredSettings.success
    ? restoredSettings.data
    : defaultSettings();
  const journalBuffer = new Journal(initialSettings.journal.capacity);
  const settings = createSettingsHolder(initialSettings, (next) => {
    journalBuffer.resize(next.journal.capacity);
    events.emit({ type: 'settings', settings: next });
  });

  const store = new Store(
    RESOURCES.map((resource) => resource.collection),
    options.restore?.meta.seed ?? options.seed ?? DEFAULT_SEED,
    options.restore?.meta.sizes ?? options.sizes,
  );
  if (options.restore) store.applySaved(options.restore.meta.sequences, options.restore.rows);
  store.onCommit = (changes) => events.emit({ type: 'changes', changes });

  const env: ApiEnv = { clock, store, settings, events, journal: journalBuffer, realNow };

  const limiter = new Limiter();
  const reset = (seed: number, sizes: Record<string, number>) => {
    store.reseed(seed, sizes);
    journalBuffer.clear();
    limiter.clear();
    events.emit({ type: 'reset', seed, sizes: store.meta.sizes });
  };

  const apiRoutes = RESOURCES.flatMap(crudRoutes);
  const apiPipeline = compose<ApiContext>([
    assignRequestId,
    journal,
    headWithoutBody,
    stampRateLimitHeaders,
    errorBoundary,
    requireValidRequestId,
    rateLimit(limiter),
    createRouterMiddleware(apiRoutes),
  ]);
  const adminPipeline = compose<ApiContext>([
    assignRequestId,
    headWithoutBody,
    errorBoundary,
    requireValidRequestId,
    createRouterMiddleware(adminRoutes({ reset }, store.collectionNames)),
  ]);

  return {
    events,
    env,
    async fetch(request, init) {
      const context = createContext(request, env, init?.method);
      const pipeline = context.url.pathname.startsWith(ADMIN_PREFIX) ? adminPipeline : apiPipeline;
      try {
        await pipeline(context);
      } catch {
        // Only a bug in the outer middleware gets here; the answer is still a problem, never a throw.
        respondProblem(
          context,
          new ProblemError('internal-error', 'The server failed while handling this request.'),
        );
      }
      return context.response ?? new Response(null, { status: 500 });
    },
  };
}

function isClock(value: ApiOptions['clock']): value is VirtualClock {
  return typeof value === 'object' && 'now' in value && typeof value.now === 'function';
}

export type { Middleware };

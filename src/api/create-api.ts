import { createVirtualClock, type ClockOptions, type VirtualClock } from './clock.ts';
import type { Middleware } from './compose.ts';
import { createContext, type ApiContext, type ApiEnv, type ApiRequest } from './context.ts';
import { EventStream, type ApiEvent } from './events.ts';
import { Journal } from './middleware/journal/journal.ts';
import { MECHANISMS, RESOURCES } from './mechanisms.ts';
import {
  buildPipeline,
  type Mechanism,
  type MechanismFactory,
  type MechanismSetup,
} from './pipeline.ts';
import { ProblemError } from './problems.ts';
import { respondProblem } from './respond.ts';
import { RouteTable } from './routes/route-table.ts';
import type { AnyRoute } from './routes/route.ts';
import { dispatch, matchRoute, routeGate } from './routes/router.ts';
import {
  createSettingsHolder,
  defaultSettings,
  settingsSchema,
  type Settings,
} from './settings.ts';
import type { Row } from './store/row.ts';
import { Store, type StoreMeta } from './store/store.ts';

export const DEFAULT_SEED = 42;
export { RESOURCES };

/** What a page saved before a reload (see adapters/browser/persistence). */
export interface SavedState {
  meta: StoreMeta;
  rows: [collection: string, id: string, row: Row | null][];
  settings?: unknown;
  /** Each mechanism's persistent state, by name (Mechanism.persist). */
  mechanisms?: Record<string, unknown>;
}

export interface ApiOptions {
  seed?: number;
  sizes?: Record<string, number>;
  /** A clock to share, or how to make one (default: running, from the real time at creation). */
  clock?: VirtualClock | ClockOptions;
  /** A monotonic real-time source for durations; performance.now() by default. */
  realNow?: () => number;
  restore?: SavedState;
  /** Mechanisms beyond the API's own (tests, experiments), registered after them. */
  mechanisms?: readonly MechanismFactory[];
  /** Mechanisms left out, by name: for a bench that measures what one of them costs. */
  without?: readonly string[];
}

export interface Api {
  /**
   * The whole API: answers any Request, never throws. `method` overrides the request's own, for
   * adapters that receive methods fetch's Request cannot carry (TRACE, CONNECT). A network
   * error is `Response.error()` (type "error"): adapters make the client's fetch fail with it.
   */
  fetch(request: ApiRequest, init?: { method?: string }): Promise<Response>;
  /**
   * Like `fetch`, for an adapter that writes bytes itself (node:http): a body the core made from
   * a text comes as `text`, and the response then carries no body stream (building one costs
   * more on Node than the rest of the core's work). `text` is undefined when the body, if any,
   * is the response's own stream.
   */
  answer(
    request: ApiRequest,
    init?: { method?: string },
  ): Promise<{ response: Response; text: string | undefined }>;
  readonly events: EventStream<ApiEvent>;
  readonly env: ApiEnv;
  /** Every route the API serves, control API included, as data (the OpenAPI document's source). */
  readonly routes: readonly AnyRoute[];
  /** The persistent state of one mechanism (see Mechanism.persist), or undefined. */
  saveMechanism(name: string): unknown;
  /** The persistent state of every mechanism that has one, by name (after a reset, say). */
  saveMechanisms(): Record<string, unknown>;
}

const ADMIN_PREFIX = '/__admin/';

/**
 * Builds one API instance: a framework-free core that answers Requests with Responses. Adapters
 * (MSW in the browser, msw/node in tests, node:http for `npm run serve`) only pass Requests in.
 *
 * The mechanisms (src/api/mechanisms.ts) fill the slots of one pipeline (src/api/pipeline.ts);
 * the control API under /__admin runs the slots marked for it. Routes are data
 * (src/api/routes/route.ts): matched first, so every mechanism sees the route it serves.
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

  const mechanisms: Mechanism[] = [];
  const reset: MechanismSetup['reset'] = (seed, sizes, { keepJournal = false } = {}) => {
    store.reseed(seed, sizes);
    for (const mechanism of mechanisms) {
      if (keepJournal && mechanism.name === 'journal') continue;
      mechanism.reset?.();
    }
    events.emit({ type: 'reset', seed, sizes: store.meta.sizes, journalKept: keepJournal });
  };
  let allRoutes: AnyRoute[] = [];
  const setup = { env, reset, routes: () => allRoutes, mechanisms: () => mechanisms };
  for (const make of [...MECHANISMS, ...(options.mechanisms ?? [])]) {
    const mechanism = make(setup);
    if (!options.without?.includes(mechanism.name)) mechanisms.push(mechanism);
  }
  const apiRoutes = mechanisms.flatMap((mechanism) => mechanism.routes ?? []);
  const adminRoutes = mechanisms.flatMap((mechanism) => mechanism.adminRoutes ?? []);
  allRoutes = [...apiRoutes, ...adminRoutes];

  const saved = options.restore?.mechanisms ?? {};
  for (const mechanism of mechanisms) {
    if (mechanism.persist && Object.hasOwn(saved, mechanism.name))
      mechanism.persist.restore(saved[mechanism.name]);
  }

  const routerSlots = (routes: readonly AnyRoute[]) => ({
    match: matchRoute(new RouteTable(routes)),
    'route-gate': routeGate,
    dispatch,
  });
  const apiPipeline = buildPipeline(mechanisms, 'api', routerSlots(apiRoutes));
  const adminPipeline = buildPipeline(mechanisms, 'admin', routerSlots(adminRoutes));

  const run = async (
    request: ApiRequest,
    init: { method?: string } | undefined,
    bodyAsText: boolean,
  ): Promise<ApiContext> => {
    const context = createContext(request, env, init?.method, bodyAsText);
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
    return context;
  };

  return {
    events,
    env,
    routes: allRoutes,
    saveMechanism: (name) =>
      mechanisms.find((mechanism) => mechanism.name === name)?.persist?.save(),
    saveMechanisms: () =>
      Object.fromEntries(
        mechanisms.flatMap((mechanism) =>
          mechanism.persist ? [[mechanism.name, mechanism.persist.save()]] : [],
        ),
      ),
    async fetch(request, init) {
      return (await run(request, init, false)).response ?? new Response(null, { status: 500 });
    },
    async answer(request, init) {
      const context = await run(request, init, true);
      const response = context.response ?? new Response(null, { status: 500 });
      const made = context.var.bodyOf;
      const text = made?.response === response ? made.text : undefined;
      return { response, text };
    },
  };
}

function isClock(value: ApiOptions['clock']): value is VirtualClock {
  return typeof value === 'object' && 'now' in value && typeof value.now === 'function';
}

export type { ApiContext, Middleware };

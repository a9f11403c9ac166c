import { compose, type Middleware } from './compose.ts';
import type { ApiContext, ApiEnv } from './context.ts';
import type { ProblemSlug } from './problems.ts';
import type { AnyRoute, ResponseSpec } from './routes/route.ts';
import type { HeaderName } from './routes/headers.ts';

/**
 * The pipeline, outermost first: one list for both pipelines, each slot filled by at most one
 * mechanism. The API pipeline runs every filled slot; the control API (/__admin) only those
 * marked `admin` (it is never journaled, rate-limited or authenticated: shared API.md §4).
 * Slots for the labs still to come are named here, so each adds a folder and one registration
 * line, and the order is decided in one place (shared API.md §9: route and method, then auth,
 * then rate limit, then preconditions, then the body). A slot marked `routed` runs only for a
 * request that matched a route: between the match and the gate, so that a 404 or 405 outranks
 * its answer while the limiter, which counts every request, still sees the request.
 */
export const SLOTS = [
  { slot: 'request-id', admin: true }, // X-Request-Id on every answer, even a 500
  { slot: 'journal', admin: false }, // records the final answer
  { slot: 'head', admin: true }, // HEAD drops the body of whatever is answered
  { slot: 'response-headers', admin: false }, // RateLimit on every limited answer, problems too
  { slot: 'cache-control', admin: false }, // caching lab: problems and writes are no-store
  { slot: 'error-boundary', admin: true }, // thrown problems → problem+json, anything else → 500
  { slot: 'request-checks', admin: true }, // a malformed X-Request-Id → 400
  { slot: 'match', admin: true }, // the route, for every mechanism below
  { slot: 'auth', admin: false, routed: true }, // auth lab: 401 and 403 (shared API.md §6)
  { slot: 'rate-limit', admin: false }, // 429 (§5)
  { slot: 'route-gate', admin: true }, // 404, 405, OPTIONS
  { slot: 'faults', admin: false }, // idempotency lab: injected 503s, delays, dropped answers (§8)
  { slot: 'preconditions', admin: false }, // caching lab: 428, 412, 304 (§9)
  { slot: 'idempotency', admin: false }, // idempotency lab: replays and in-flight keys (§8)
  { slot: 'latency', admin: false }, // idempotency lab: injected delay, the key in flight (§8)
  { slot: 'dispatch', admin: true }, // query, the route's own middleware, the handler
] as const;

export type Slot = (typeof SLOTS)[number]['slot'];

/** What a mechanism adds to every route's description in the OpenAPI document. */
export interface RouteContribution {
  /** Problem types it may answer with, by status. */
  problems?: Readonly<Partial<Record<number, readonly ProblemSlug[]>>>;
  /** Response headers it adds to every answer. */
  headers?: readonly HeaderName[];
  /** Response headers it adds to the route's 2xx answers. */
  successHeaders?: readonly HeaderName[];
  /** Answers it adds (a 304), merged with the route's own. */
  responses?: Readonly<Partial<Record<number, ResponseSpec>>>;
  /** Request headers it reads. */
  requestHeaders?: readonly HeaderName[];
  /**
   * The security requirement it enforces (the auth mechanism): a scheme of the document's
   * `securitySchemes`, the scopes needed, and whether the route also answers without credentials.
   */
  security?: { scheme: string; scopes: readonly string[]; optional: boolean };
}

/**
 * One mechanism, registered once: its middleware (by slot), its routes, its state (reset and
 * what survives a reload), and what it adds to each route's document. Adding a mechanism means
 * a folder of its own and one line in src/api/mechanisms.ts.
 */
export interface Mechanism {
  readonly name: string;
  readonly layers?: Partial<Record<Slot, Middleware<ApiContext>>>;
  /** Routes served by the API pipeline (/api, /.well-known, …). */
  readonly routes?: readonly AnyRoute[];
  /** Routes served by the control API pipeline (/__admin). */
  readonly adminRoutes?: readonly AnyRoute[];
  /** Back to the state after creation: called by POST /__admin/reset after the data is reseeded. */
  reset?(): void;
  /**
   * State that survives a reload in the browser until Reset (shared API.md §4), as JSON. The
   * mechanism emits `mechanism-state` when it changes, and persistence saves `save()`.
   */
  readonly persist?: { save(): unknown; restore(saved: unknown): void };
  /** What it adds to every route of the API pipeline (its 429, its headers), for the document. */
  describe?(route: AnyRoute): RouteContribution;
  /** OpenAPI security schemes its contributions name (the auth mechanism's bearer). */
  readonly securitySchemes?: Readonly<Record<string, unknown>>;
}

/** What a mechanism is made from: the instance's shared services, and the whole API's routes. */
export interface MechanismSetup {
  env: ApiEnv;
  /** Every route of every mechanism, control API included, once all are made (for the document). */
  routes(): readonly AnyRoute[];
  /** Every mechanism, once all are made. */
  mechanisms(): readonly Mechanism[];
  /** Resets the whole instance (the control API's reset). */
  reset(seed: number, sizes: Record<string, number>, options?: { keepJournal?: boolean }): void;
}

export type MechanismFactory = (setup: MechanismSetup) => Mechanism;

/** Runs the layer only for a request that matched a route; the gate answers the others. */
function onlyRouted(layer: Middleware<ApiContext>): Middleware<ApiContext> {
  return (context, next) => (context.route ? layer(context, next) : next());
}

/** Builds a pipeline from the slots the mechanisms fill, in SLOTS order. */
export function buildPipeline(
  mechanisms: readonly Mechanism[],
  which: 'api' | 'admin',
  terminal: Partial<Record<Slot, Middleware<ApiContext>>>,
): (context: ApiContext) => Promise<void> {
  const layers: Middleware<ApiContext>[] = [];
  for (const entry of SLOTS) {
    const { slot, admin } = entry;
    if (which === 'admin' && !admin) continue;
    const filling = [terminal[slot], ...mechanisms.map((mechanism) => mechanism.layers?.[slot])];
    const filled = filling.filter((layer) => layer !== undefined);
    if (filled.length > 1) throw new Error(`slot ${slot} is filled twice`);
    const layer = filled[0];
    if (!layer) continue;
    layers.push('routed' in entry && entry.routed ? onlyRouted(layer) : layer);
  }
  return compose(layers);
}

import type { VirtualClock } from './clock.ts';
import type { ApiEvent, EventStream } from './events.ts';
import type { Journal } from './middleware/journal/journal.ts';
import type { CompiledRoute } from './routes/route.ts';
import type { SettingsHolder } from './settings.ts';
import type { StandardRef } from './standards.ts';
import type { Store } from './store/store.ts';

/** Which rule decided (part of) an outcome, as the journal shows it. */
export interface Note {
  rule: string;
  standard?: StandardRef;
}

/** The services every middleware and route can reach; one set per `createApi`. */
export interface ApiEnv {
  clock: VirtualClock;
  store: Store;
  settings: SettingsHolder;
  events: EventStream<ApiEvent>;
  journal: Journal;
  /** Real monotonic ms, for measuring durations only (never for rules). */
  realNow: () => number;
}

/**
 * Per-request variables, typed (hono's `c.set`/`c.var`). Each mechanism adds its own members by
 * declaration merging in its own folder, so this file never lists them:
 *
 *   declare module '../../context.ts' {
 *     interface ContextVariables { rateLimitHeaders: Record<string, string> }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ContextVariables {}

/**
 * What the core reads of a request: a fetch `Request` is one, and an adapter may pass less
 * (node:http passes its own fields, since a Request on Node builds an AbortSignal and more that
 * the core never reads).
 */
export type ApiRequest = Pick<Request, 'url' | 'method' | 'headers' | 'body'> & {
  /**
   * The whole body, for an adapter that holds it in memory already (MSW does): read as it is
   * instead of through a stream. `body` is then null.
   */
  readonly bodyBytes?: Uint8Array;
};

/** One request's state as it travels through the middleware. */
export interface ApiContext {
  readonly request: ApiRequest;
  readonly url: URL;
  readonly method: string;
  readonly env: ApiEnv;
  requestId: string;
  readonly notes: Note[];
  /**
   * The route this request matched, set by the router before any mechanism that reads it runs
   * (auth reads its scope, caching its policy, idempotency its rule); undefined when no route
   * matched, in which case the router's 404 or 405 is the answer.
   */
  route: CompiledRoute | undefined;
  /** Route parameters, decoded. */
  params: Record<string, string>;
  /** The mechanisms' per-request variables; see ContextVariables. */
  readonly var: Partial<ContextVariables>;
  /** The request body as read, for the journal; undefined when it was not read. */
  requestBodyText: string | undefined;
  response: Response | undefined;
  /** The response body as text, kept so the journal need not read the response stream. */
  responseBodyText: string | undefined;
  /**
   * True when the adapter writes the body itself from its text (Api.answer): the answer is then
   * built without a body stream, which on Node costs a tenth of one with it (its web streams are
   * made transferable at birth), and the text goes to the adapter beside it.
   */
  readonly bodyAsText: boolean;
}

export function createContext(
  request: ApiRequest,
  env: ApiEnv,
  method = request.method,
  bodyAsText = false,
): ApiContext {
  return {
    request,
    url: new URL(request.url),
    method,
    env,
    requestId: '',
    notes: [],
    route: undefined,
    params: {},
    var: {},
    requestBodyText: undefined,
    response: undefined,
    responseBodyText: undefined,
    bodyAsText,
  };
}

export function note(context: ApiContext, rule: string, standard?: StandardRef): void {
  context.notes.push(standard ? { rule, standard } : { rule });
}

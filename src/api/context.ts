import type { VirtualClock } from './clock.ts';
import type { ApiEvent, EventStream } from './events.ts';
import type { Journal } from './middleware/journal/journal.ts';
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

/** One request's state as it travels through the middleware. */
export interface ApiContext {
  readonly request: Request;
  readonly url: URL;
  readonly method: string;
  readonly env: ApiEnv;
  requestId: string;
  readonly notes: Note[];
  /** Route parameters, decoded. */
  params: Record<string, string>;
  /** The request body as read, for the journal; undefined when it was not read. */
  requestBodyText: string | undefined;
  response: Response | undefined;
  /** The response body as text, kept so the journal need not read the response stream. */
  responseBodyText: string | undefined;
}

export function createContext(request: Request, env: ApiEnv, method = request.method): ApiContext {
  return {
    request,
    url: new URL(request.url),
    method,
    env,
    requestId: '',
    notes: [],
    params: {},
    requestBodyText: undefined,
    response: undefined,
    responseBodyText: undefined,
  };
}

export function note(context: ApiContext, rule: string, standard?: StandardRef): void {
  context.notes.push(standard ? { rule, standard } : { rule });
}

import type CachePolicy from 'http-cache-semantics';
import { EventStream } from '../../../api/events.ts';
import { evaluatePreconditions } from '../../../api/middleware/conditional/evaluate.ts';
import { parseEntityTag } from '../../../api/middleware/conditional/entity-tags.ts';
import { policyOnClock } from './virtual-policy.ts';

/**
 * An HTTP cache per RFC 9111 in front of any `fetch`: every decision about storing, freshness
 * and revalidation is http-cache-semantics'; this file only keeps the entries, sends what the
 * library says to send, and records what happened for the lab. Private (the page's own client)
 * or shared (the lab's CDN model): the library applies `private`, `s-maxage` and the rules on
 * `Authorization` accordingly.
 * @see https://www.rfc-editor.org/rfc/rfc9111
 */

/** How a request was answered. */
export type CacheOutcome =
  /** Fresh in the cache: no request left it. */
  | 'hit'
  /** Stale, served at once while a background revalidation goes out (stale-while-revalidate). */
  | 'stale-hit'
  /** Stale or no-cache: revalidated, and the origin said 304: the stored body was reused. */
  | 'revalidated'
  /** Revalidated, and the origin sent a new 200. */
  | 'modified'
  /** Nothing usable stored: a full request. */
  | 'miss'
  /** Not for the cache (another method, the caller's own conditional request): passed through. */
  | 'pass';

export interface CacheTimelineMark {
  at: number;
  kind: 'stored' | 'hit' | 'stale-hit' | 'revalidated' | 'modified';
  /** When the stored response stops being fresh, as the library computed it at `at`. */
  freshUntil?: number;
  /** How long after that it may still be served while revalidating. */
  staleUntil?: number;
}

export interface CacheEntry {
  key: string;
  url: string;
  status: number;
  body: string;
  bytes: number;
  policy: CachePolicy;
  timeline: CacheTimelineMark[];
}

export interface CacheStats {
  hits: number;
  revalidations: number;
  notModified: number;
  fullFetches: number;
  bytesSaved: number;
  /** Answers the library refused to store (no-store, private in a shared cache, …). */
  notStored: number;
}

export interface CacheAnswer {
  response: Response;
  outcome: CacheOutcome;
  /** Whether the answer was stored (for a miss or a modified revalidation). */
  stored: boolean;
  /** Why, in words, citing RFC 9111: for the log's note and the lab. */
  why: string;
  entry: CacheEntry | undefined;
  cache: HttpCache;
  request: Request;
  at: number;
  body: string;
}

export type Forward = (request: Request) => Promise<Response>;

/** Every answer any cache gave without the origin: the request log shows these apart. */
export const cacheHits = new EventStream<CacheAnswer>();

/** Entries kept at most; the least recently stored goes first (a browser's cache is bounded too). */
const CAPACITY = 500;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CONDITIONAL = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since'];
const encoder = new TextEncoder();

const emptyStats = (): CacheStats => ({
  hits: 0,
  revalidations: 0,
  notModified: 0,
  fullFetches: 0,
  bytesSaved: 0,
  notStored: 0,
});

export class HttpCache {
  readonly name: string;
  readonly shared: boolean;
  readonly now: () => number;
  readonly #Policy: typeof CachePolicy;
  readonly #entries = new Map<string, CacheEntry>();
  readonly #listeners = new Set<() => void>();
  #stats = emptyStats();
  /** Bumped on every change, for panels. */
  version = 0;

  constructor(options: { name: string; shared: boolean; now: () => number }) {
    this.name = options.name;
    this.shared = options.shared;
    this.now = options.now;
    this.#Policy = policyOnClock(options.now);
  }

  get stats(): Readonly<CacheStats> {
    return this.#stats;
  }

  entries(): CacheEntry[] {
    return [...this.#entries.values()];
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Drops what is stored for one path (and query). */
  forget(key: string): void {
    if (this.#entries.delete(key)) this.#changed();
  }

  clear(): void {
    this.#entries.clear();
    this.#stats = emptyStats();
    this.#changed();
  }

  async fetch(request: Request, forward: Forward): Promise<CacheAnswer> {
    const at = this.now();
    const key = keyOf(request);
    const base = { cache: this, request, at, stored: false, entry: undefined };
    if (UNSAFE.has(request.method)) {
      const response = await forward(request);
      const body = await response.text();
      // RFC 9111 §4.4: a non-error answer to an unsafe method invalidates the target URI and
      // the URIs in Location and Content-Location (same origin only).
      const gone = response.status < 400 ? this.#invalidate(request, response) : [];
      const why = gone.length
        ? `${request.method} is unsafe: its ${response.status} invalidated ${gone.join(', ')} (RFC 9111 §4.4)`
        : `${request.method} is not cached (RFC 9111 §4.4)`;
      return { ...base, response: rebuild(response, body), outcome: 'pass', why, body };
    }
    if (request.method !== 'GET' || CONDITIONAL.some((name) => request.headers.has(name))) {
      const served = this.shared ? this.#answerConditional(request, key) : undefined;
      if (served) return { ...served, ...base, entry: this.#entries.get(key) };
      const response = await forward(request);
      const body = await response.text();
      const why = 'the client’s own conditional or non-GET request: passed through';
      return { ...base, response: rebuild(response, body), outcome: 'pass', why, body };
    }

    const req = toHttpRequest(request);
    const entry = this.#entries.get(key);
    if (entry) {
      const evaluation = entry.policy.evaluateRequest(req);
      if (
        evaluation.response &&
        (!evaluation.revalidation || !evaluation.revalidation.synchronous)
      ) {
        const background = evaluation.revalidation !== undefined;
        this.#stats.hits++;
        this.#stats.bytesSaved += entry.bytes;
        entry.timeline.push({ at, kind: background ? 'stale-hit' : 'hit' });
        const age = Math.round(entry.policy.age());
        const why = background
          ? `stale (age ${age} s) but within stale-while-revalidate: served at once, revalidated in the background (RFC 5861 §3)`
          : `fresh in the ${this.name} cache (age ${age} s of ${entry.policy.maxAge()} s): served without a request (RFC 9111 §4.2)`;
        const headers = evaluation.response.headers as Record<string, string>;
        const answer: CacheAnswer = {
          ...base,
          entry,
          response: new Response(entry.body, { status: entry.status, headers }),
          outcome: background ? 'stale-hit' : 'hit',
          why,
          body: entry.body,
        };
        if (background)
          void this.#revalidate(entry, request, evaluation.revalidation?.headers, forward);
        this.#changed();
        cacheHits.emit(answer);
        return answer;
      }
      return this.#revalidate(entry, request, evaluation.revalidation?.headers, forward);
    }

    const response = await forward(request);
    const body = await response.text();
    return this.#store(request, response, body, 'miss', at);
  }

  /** A conditional request sent to the origin; a 304 refreshes the entry and reuses its body. */
  async #revalidate(
    entry: CacheEntry,
    request: Request,
    headers: CachePolicy.Headers | undefined,
    forward: Forward,
  ): Promise<CacheAnswer> {
    const conditional = new Request(request, { headers: toHeaders(headers ?? {}) });
    this.#stats.revalidations++;
    const response = await forward(conditional);
    const body = await response.text();
    const at = this.now();
    const { policy, modified } = entry.policy.revalidatedPolicy(
      toHttpRequest(conditional),
      toHttpResponse(response),
    );
    if (modified) return this.#store(request, response, body, 'modified', at);
    this.#stats.notModified++;
    this.#stats.bytesSaved += entry.bytes;
    entry.policy = policy;
    entry.timeline.push({ at, kind: 'revalidated', ...lifetime(policy, at) });
    this.#changed();
    const sent =
      conditional.headers.get('If-None-Match') ?? conditional.headers.get('If-Modified-Since');
    return {
      cache: this,
      request,
      at,
      entry,
      stored: true,
      response: new Response(entry.body, {
        status: entry.status,
        headers: policy.responseHeaders() as Record<string, string>,
      }),
      outcome: 'revalidated',
      why: `revalidated with ${sent ?? 'its validators'}: 304, the stored body reused (RFC 9111 §4.3)`,
      body: entry.body,
    };
  }

  #store(
    request: Request,
    response: Response,
    body: string,
    outcome: 'miss' | 'modified',
    at: number,
  ): CacheAnswer {
    this.#stats.fullFetches++;
    const key = keyOf(request);
    const policy = new this.#Policy(toHttpRequest(request), toHttpResponse(response), {
      shared: this.shared,
    });
    const stored = policy.storable();
    let entry: CacheEntry | undefined;
    if (stored) {
      const previous = this.#entries.get(key);
      entry = {
        key,
        url: key,
        status: response.status,
        body,
        bytes: encoder.encode(body).length,
        policy,
        timeline: [
          ...(previous?.timeline ?? []),
          { at, kind: outcome === 'miss' ? 'stored' : 'modified', ...lifetime(policy, at) },
        ],
      };
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      const oldest = this.#entries.keys().next().value;
      if (this.#entries.size > CAPACITY && oldest !== undefined) this.#entries.delete(oldest);
    } else {
      this.#stats.notStored++;
      this.#entries.delete(key);
    }
    this.#changed();
    const why = stored
      ? `${outcome === 'miss' ? 'not in the cache' : 'changed at the origin'}: ${response.status} stored, fresh for ${Math.round(policy.timeToLive() / 1000)} s (RFC 9111 §3)`
      : `${response.status} not stored: ${notStoredReason(response.headers.get('Cache-Control'), this.shared)} (RFC 9111 §3)`;
    return {
      cache: this,
      request,
      at,
      entry,
      stored,
      response: rebuild(response, body),
      outcome,
      why,
      body,
    };
  }

  /**
   * A shared cache answers a client's conditional GET from a fresh entry itself (RFC 9111
   * §4.3.2), with the server's own evaluation of the validators: 304 when they match.
   */
  #answerConditional(
    request: Request,
    key: string,
  ): Omit<CacheAnswer, 'cache' | 'request' | 'at' | 'entry'> | undefined {
    const entry = this.#entries.get(key);
    if (!entry || request.method !== 'GET') return undefined;
    const plain = new Request(request);
    for (const name of CONDITIONAL) plain.headers.delete(name);
    const evaluation = entry.policy.evaluateRequest(toHttpRequest(plain));
    if (!evaluation.response || evaluation.revalidation) return undefined;
    const stored = evaluation.response.headers as Record<string, string>;
    const etag = parseEntityTag(stored.etag ?? '');
    if (!etag) return undefined;
    const decision = evaluatePreconditions(
      'GET',
      {
        ifMatch: null,
        ifUnmodifiedSince: null,
        ifNoneMatch: request.headers.get('If-None-Match'),
        ifModifiedSince: request.headers.get('If-Modified-Since'),
      },
      { etag, lastModifiedMs: Date.parse(stored['last-modified'] ?? '') || undefined },
      this.now(),
    );
    if (decision.outcome !== 'not-modified') return undefined;
    this.#stats.hits++;
    this.#stats.bytesSaved += entry.bytes;
    entry.timeline.push({ at: this.now(), kind: 'hit' });
    this.#changed();
    const answer = {
      response: new Response(null, { status: 304, headers: stored }),
      outcome: 'hit' as const,
      stored: true,
      why: `fresh in the ${this.name} cache and the client’s validators match: 304 from the cache (RFC 9111 §4.3.2)`,
      body: '',
    };
    return answer;
  }

  #invalidate(request: Request, response: Response): string[] {
    const origin = new URL(request.url).origin;
    const targets = [
      request.url,
      response.headers.get('Location'),
      response.headers.get('Content-Location'),
    ];
    const gone: string[] = [];
    for (const target of targets) {
      if (!target) continue;
      const url = new URL(target, request.url);
      if (url.origin !== origin) continue;
      const key = url.pathname + url.search;
      if (this.#entries.delete(key)) gone.push(key);
    }
    if (gone.length) this.#changed();
    return gone;
  }

  #changed(): void {
    this.version++;
    for (const listener of this.#listeners) listener();
  }
}

/** Entries are kept per path and query: one origin per cache (the page's). */
function keyOf(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

function lifetime(
  policy: CachePolicy,
  at: number,
): Pick<CacheTimelineMark, 'freshUntil' | 'staleUntil'> {
  const fresh = Math.max(0, policy.maxAge() - policy.age()) * 1000;
  return { freshUntil: at + fresh, staleUntil: at + Math.max(fresh, policy.timeToLive()) };
}

function toHttpRequest(request: Request): CachePolicy.Request {
  const url = new URL(request.url);
  return {
    url: url.pathname + url.search,
    method: request.method,
    headers: { ...lowerCased(request.headers), host: url.host },
  };
}

function toHttpResponse(response: Response): CachePolicy.Response {
  return { status: response.status, headers: lowerCased(response.headers) };
}

/** The library reads lower-case names, as Headers yields them by spec (happy-dom does not). */
function lowerCased(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function toHeaders(headers: CachePolicy.Headers): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    // The library keeps `host` for matching; fetch sets it itself.
    if (name === 'host' || value === undefined) continue;
    out.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return out;
}

/** The answer again, readable: its body was read to store or measure it. */
function rebuild(response: Response, body: string): Response {
  const empty = response.status === 204 || response.status === 304 || response.status < 200;
  return new Response(empty ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** Why the library refused to store an answer, in the words of its Cache-Control. */
function notStoredReason(cacheControl: string | null, shared: boolean): string {
  const directives = (cacheControl ?? '').toLowerCase();
  if (/\bno-store\b/.test(directives)) return 'no-store forbids any cache to keep it';
  if (shared && /\bprivate\b/.test(directives)) return 'private: a shared cache must not keep it';
  return 'nothing in it makes it storable';
}

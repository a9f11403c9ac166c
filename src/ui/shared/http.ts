import { writeMediaType } from '../../api/routes/methods.ts';
import type { FieldError, ProblemBody } from '../../api/problems.ts';
import { cachedFetch, type CacheMode } from './client-cache/page-cache.ts';
import type { CacheOutcome } from './client-cache/http-cache.ts';
import { requestsReady } from './engine-gate.ts';
import { attachSession } from './session.ts';

/** A response as the UI needs it: status, headers, parsed body, timing, and the problem if any. */
export interface HttpResult<T = unknown> {
  status: number;
  statusText: string;
  headers: [string, string][];
  /** Parsed JSON when the body is JSON, otherwise the text (or null when empty). */
  body: T | string | null;
  text: string;
  durationMs: number;
  problem: ProblemBody | undefined;
  /** How the page's private cache answered (undefined when it was not asked). */
  cache?: CacheOutcome;
}

export interface HttpInit {
  method?: string;
  headers?: Record<string, string> | [string, string][];
  /** Sent as JSON with the right Content-Type for the method (merge-patch for PATCH). */
  json?: unknown;
  body?: string;
  /** `'no-store'`: past the page's private cache, straight to the API. */
  cache?: CacheMode;
}

/**
 * Sends a real HTTP request (through the service worker, so it appears in the request log)
 * and reads the answer fully. Never throws for HTTP errors: a problem is data to show.
 */
export async function send<T = unknown>(path: string, init: HttpInit = {}): Promise<HttpResult<T>> {
  const method = init.method ?? 'GET';
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    if (!headers.has('Content-Type')) {
      headers.set('Content-Type', writeMediaType(method));
    }
  }
  attachSession(headers);
  await requestsReady();
  const started = performance.now();
  const sent = { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body };
  const { response, cache } = await cachedFetch(path, sent, init.cache);
  const text = await response.text();
  const durationMs = performance.now() - started;
  const contentType = response.headers.get('Content-Type') ?? '';
  let parsed: T | string | null = text === '' ? null : text;
  if (/json/i.test(contentType) && text !== '') {
    try {
      parsed = JSON.parse(text) as T;
    } catch {
      // Declared JSON that is not: show the text.
    }
  }
  const problem =
    contentType.startsWith('application/problem+json') && parsed && typeof parsed === 'object'
      ? (parsed as unknown as ProblemBody)
      : undefined;
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: parsed,
    text,
    durationMs,
    problem,
    cache: cache?.outcome,
  };
}

/** Thrown by query functions so TanStack Query's error state carries the problem. */
export class ProblemResponseError extends Error {
  constructor(readonly result: HttpResult) {
    super(result.problem?.detail ?? `HTTP ${result.status}`);
    this.name = 'ProblemResponseError';
  }

  get problem(): ProblemBody | undefined {
    return this.result.problem;
  }

  /** 422 errors keyed by the top-level field their JSON Pointer names ("/email" → "email"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.result.problem?.errors ?? []) {
      if ('pointer' in error) out[pointerField(error)] ??= error.detail;
    }
    return out;
  }
}

function pointerField(error: Extract<FieldError, { pointer: string }>): string {
  const first = error.pointer.split('/')[1] ?? '';
  return first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Like `send`, but throws ProblemResponseError for any 4xx/5xx (for TanStack Query). */
export async function sendOrThrow<T>(path: string, init: HttpInit = {}): Promise<HttpResult<T>> {
  const result = await send<T>(path, init);
  if (result.status >= 400) throw new ProblemResponseError(result as HttpResult);
  return result;
}

/** The standard reason phrase for a status, for labels like "201 Created" (statusText can be empty). */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

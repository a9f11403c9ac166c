/**
 * Small helpers shared by the core's vitest files: build a paused API, call it like a client,
 * and capture the whole store to prove a request changed nothing.
 */
import { expect } from 'vitest';
import { createApi, type Api, type ApiOptions } from './create-api.ts';
import { PROBLEM_TYPES, type ProblemBody, type ProblemSlug } from './problems.ts';
import type { Row } from './store/row.ts';
import type { StoreMeta } from './store/store.ts';

/** 2026-01-02T00:00:00.000Z: one day after the seeded rows end. */
export const START_MS = 1767312000000;

export interface TestApiOptions extends ApiOptions {
  /**
   * Keep the rate limiter on, as the default settings have it. Off otherwise: tests of other
   * rules send hundreds of requests to one instance on a paused clock, where a bucket never
   * refills. The limiter's own tests, the admin tests and the contract suite keep it on.
   */
  rateLimit?: boolean;
}

/** An API on a paused virtual clock, so every timestamp in a test is exact. */
export function makeApi({ rateLimit = false, ...options }: TestApiOptions = {}): Api {
  const api = createApi({ clock: { startEpochMs: START_MS, paused: true }, ...options });
  if (!rateLimit) {
    const settings = api.env.settings.current;
    api.env.settings.replace({
      ...settings,
      rate_limit: { ...settings.rate_limit, enabled: false },
    });
  }
  return api;
}

export interface CallOptions {
  /** Sent as the body with a JSON content type (merge-patch for PATCH, unless `contentType`). */
  json?: unknown;
  /** A raw body, sent as is. */
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Content-Type to send; null sends none. */
  contentType?: string | null;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary members
  json: any;
}

// fetch's Request refuses these methods, and warns about a lower-case "patch".
const REFUSED_BY_REQUEST = /^(trace|connect|track)$/i;

/** One request through `api.fetch`, read whole. */
export async function call(
  api: Api,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers = new Headers(options.headers);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (options.contentType === undefined) {
      headers.set(
        'Content-Type',
        method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
      );
    }
  }
  if (typeof options.contentType === 'string') headers.set('Content-Type', options.contentType);
  // Request gives a string body "text/plain" by itself; bytes keep "no Content-Type" true.
  if (options.contentType === null && typeof body === 'string')
    body = new TextEncoder().encode(body);

  const override = REFUSED_BY_REQUEST.test(method) || method !== method.toUpperCase();
  const init: RequestInit & { duplex?: 'half' } = {
    method: override ? (body === undefined ? 'GET' : 'POST') : method,
    headers,
  };
  if (body !== undefined) {
    init.body = body;
    if (body instanceof ReadableStream) init.duplex = 'half';
  }
  const request = new Request(`http://restlab.test${path}`, init);
  const response = await api.fetch(request, override ? { method } : undefined);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    // An HTML page (OAuth's authorization endpoint) is text only.
    json:
      text === '' || response.headers.get('Content-Type')?.startsWith('text/html')
        ? undefined
        : JSON.parse(text),
  };
}

export interface Snapshot {
  meta: StoreMeta;
  rows: Record<string, Row[]>;
}

/** Every row of every collection (index order) and the id sequences, deep-copied. */
export function snapshot(api: Api): Snapshot {
  const { store } = api.env;
  const rows: Record<string, Row[]> = {};
  for (const name of store.collectionNames) rows[name] = [...store.collection(name).all()];
  return structuredClone({ meta: store.meta as StoreMeta, rows });
}

/**
 * Asserts an RFC 9457 problem: problem+json, `type` /problems/<slug>, the catalog's title,
 * `status` equal to the real status, a detail, `instance` = the request path, and a request id.
 */
export function expectProblem(reply: Reply, slug: ProblemSlug, instance?: string): ProblemBody {
  const expected = PROBLEM_TYPES[slug];
  expect(reply.status, reply.text).toBe(expected.status);
  expect(reply.headers.get('Content-Type')).toBe('application/problem+json');
  expect(reply.headers.get('X-Request-Id')).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
  const body = reply.json as ProblemBody;
  expect(body.type).toBe(`/problems/${slug}`);
  expect(body.title).toBe(expected.title);
  expect(body.status).toBe(reply.status);
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  expect(typeof body.instance).toBe('string');
  if (instance !== undefined) expect(body.instance).toBe(instance);
  return body;
}

/** The JSON Pointers of a 422's `errors`, sorted and without repeats. */
export function pointers(body: ProblemBody): string[] {
  const found = (body.errors ?? []).flatMap((error) => ('pointer' in error ? [error.pointer] : []));
  return [...new Set(found)].sort();
}

/** A valid new user, unique by `n`. */
export const newUser = (n: number | string, extra: Record<string, unknown> = {}) => ({
  name: `Test User ${n}`,
  email: `test.user.${n}@example.com`,
  ...extra,
});

/** A valid new product. */
export const newProduct = (n: number | string, extra: Record<string, unknown> = {}) => ({
  name: `Test Product ${n}`,
  price_cents: 1299,
  stock: 7,
  ...extra,
});

/**
 * Turns on the real fault injection for one path prefix: every answer there is carried out,
 * then dropped (a network error, Response.error()), as shared API.md §8's drop_rate 1 does.
 */
export function dropAnswersTo<A extends Api>(api: A, pathPrefix: string): A {
  const settings = api.env.settings.current;
  api.env.settings.replace({
    ...settings,
    faults: { ...settings.faults, drop_rate: 1, path_prefix: pathPrefix },
  });
  return api;
}

/**
 * The lost-response story through a real transport (`send` is fetch at some origin): an order
 * whose answer is dropped after the commit fails as a network error, yet the order exists; its
 * retry with the same key is a replay, so the stock is taken once.
 */
export async function expectLostOrderReplayed(
  send: (path: string, init?: RequestInit) => Promise<Response>,
): Promise<void> {
  const json = async (path: string) => (await (await send(path)).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads
  const userId = (await json('/api/v1/users?limit=1')).data[0].id as string;
  const created = await send('/api/v1/products', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(newProduct('lost answer', { stock: 5 })),
  });
  const productId = ((await created.json()) as { id: string }).id;
  const queued = await send('/__admin/faults/next', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"kind": "drop", "count": 1}',
  });
  expect(queued.status).toBe(204);
  const order = {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': '"lost-on-the-wire"' },
    body: JSON.stringify({ user_id: userId, product_id: productId, quantity: 2 }),
  };
  await expect(send('/api/v1/orders', order)).rejects.toThrow(TypeError);
  expect((await json(`/api/v1/products/${productId}`)).stock).toBe(3);
  const retry = await send('/api/v1/orders', order);
  expect(retry.status).toBe(201);
  expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
  expect((await json(`/api/v1/products/${productId}`)).stock).toBe(3);
  const mine = await json(`/api/v1/orders?user_id=${userId}&limit=100`);
  expect(
    mine.data.filter((row: { product_id: string }) => row.product_id === productId),
  ).toHaveLength(1);
}

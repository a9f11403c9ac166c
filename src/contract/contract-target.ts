import { expect } from 'vitest';

/** What the contract suite sends: headers, and a body that is either sized or streamed. */
export interface ContractRequestInit {
  headers?: Record<string, string>;
  /**
   * A string goes out as it is (over HTTP with a Content-Length); a stream goes out in chunks
   * with no Content-Length, so the server can only find the size by reading.
   */
  body?: string | ReadableStream<Uint8Array>;
}

/**
 * One way of reaching the API: the in-process core, the node:http server, msw/node. The suite
 * only ever talks to a target through this, so every transport must give the same answers.
 */
export interface ContractTarget {
  readonly name: string;
  /**
   * False where the transport claims only the API's own paths (/api/*, /__admin/*): MSW's
   * handlers leave every other request alone so the page's own files still load.
   */
  readonly claimsEveryPath?: boolean;
  /** False where TRACE and friends cannot be sent at all (msw/node makes a fetch Request of each call). */
  readonly carriesForbiddenMethods?: boolean;
  /** Sends one request; `path` starts with "/" and may carry a query ("/api/v1/users?limit=2"). */
  fetch(method: string, path: string, init?: ContractRequestInit): Promise<Response>;
}

/** Methods fetch's Request refuses (Fetch standard "forbidden method"); adapters must still answer them. */
export { FETCH_FORBIDDEN_METHODS as FORBIDDEN_METHODS } from '../api/routes/methods.ts';

export const USERS = '/api/v1/users';
export const PRODUCTS = '/api/v1/products';
/** The fixture every test starts from: the default seed and classroom sizes. */
export const FIXTURE = { seed: 42, sizes: { users: 50, products: 30 } } as const;
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export const json = (body: unknown, headers: Record<string, string> = {}): ContractRequestInit => ({
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const mergePatch = (body: unknown): ContractRequestInit => ({
  headers: { 'Content-Type': 'application/merge-patch+json' },
  body: JSON.stringify(body),
});

/** A body of `size` bytes sent in chunks, so it carries no Content-Length. */
export function streamedBody(size: number, chunkSize = 8192): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) {
        controller.close();
        return;
      }
      const length = Math.min(chunkSize, size - sent);
      sent += length;
      controller.enqueue(new Uint8Array(length).fill(0x20));
    },
  });
}

/**
 * Fails fast, and says why, when an answer does not come: a transport that hangs would
 * otherwise only show up as the test runner's timeout.
 */
export function answerWithin<T>(answer: Promise<T>, what: string, ms = 3_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([answer, deadline]).finally(() => clearTimeout(timer));
}

/** The JSON body of a success, after checking its media type and request id. */
export async function expectJson<T = Record<string, unknown>>(
  response: Response,
  status: number,
): Promise<T> {
  const text = await response.text();
  expect({ status: response.status, body: text.slice(0, 300) }).toMatchObject({ status });
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json\b/);
  expect(response.headers.get('X-Request-Id')).toBeTruthy();
  return JSON.parse(text) as T;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: Record<string, string>[];
  [extension: string]: unknown;
}

/** Checks an RFC 9457 problem response as API.md §1 defines it, and returns its body. */
export async function expectProblem(
  response: Response,
  status: number,
  slug: string,
  instance: string,
): Promise<Problem> {
  const text = await response.text();
  expect({ status: response.status, body: text.slice(0, 300) }).toMatchObject({ status });
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json\b/);
  expect(response.headers.get('X-Request-Id')).toBeTruthy();
  const body = JSON.parse(text) as Problem;
  expect(body).toMatchObject({ type: `/problems/${slug}`, status, instance });
  expect(typeof body.title).toBe('string');
  expect(body.title.length).toBeGreaterThan(0);
  expect(typeof body.detail).toBe('string');
  // A problem never leaks internals.
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return body;
}

/** A bodiless answer (204, or any HEAD): nothing to read, and still a request id. */
export async function expectEmpty(response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status);
  expect(await response.text()).toBe('');
  expect(response.headers.get('X-Request-Id')).toBeTruthy();
}

export async function reset(target: ContractTarget, body: unknown = FIXTURE): Promise<void> {
  const response = await target.fetch('POST', '/__admin/reset', json(body));
  await expectEmpty(response, 204);
}

export interface UserBody {
  id: string;
  name: string;
  email: string;
  role: string;
  created_at: string;
  updated_at: string;
}

export interface ListBody<T = UserBody> {
  data: T[];
  pagination: {
    offset: number;
    limit: number;
    total: number;
    next_cursor: string | null;
    prev_cursor: string | null;
  };
}

export async function listUsers(target: ContractTarget, query = ''): Promise<ListBody> {
  return expectJson<ListBody>(await target.fetch('GET', `${USERS}${query}`), 200);
}

import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/create-api.ts';
import { dropAnswersTo, expectLostOrderReplayed } from '../../api/test-support.ts';
import { contractSuite } from '../../contract/contract-suite.ts';
import { createHandlers } from './handlers.ts';

const api = createApi();
// '*' as the base: under msw/node a bare "/api/*" never matches an absolute URL.
const server = setupServer(...createHandlers(api, '*'));

// 'error': a request the handlers miss must fail the test, not reach the network.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('msw/node with createHandlers(api, "*")', () => {
  it('serves fetch("http://localhost/api/v1/users") in Node', async () => {
    const response = await fetch('http://localhost/api/v1/users');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('X-Request-Id')).toBeTruthy();
    const body = (await response.json()) as { data: unknown[]; pagination: { total: number } };
    expect(body.data).toHaveLength(20);
    expect(body.pagination.total).toBe(api.env.store.collection('users').size);
  });

  it('answers on any origin, for the API and the control API alike', async () => {
    const created = await fetch('https://api.example.test/api/v1/products', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Node Kettle', price_cents: 500, stock: 2 }),
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('Location') ?? '';
    expect(await (await fetch(`http://localhost${location}`)).json()).toMatchObject({
      name: 'Node Kettle',
    });
    expect((await fetch('http://127.0.0.1:9/__admin/clock')).status).toBe(200);
  });
});

describe('msw/node: Response.error() from the core', () => {
  const BROKEN = '/api/v1/users/broken';
  // The real API with a fault layer: this path's answers end as a network error.
  const faulty = dropAnswersTo(createApi(), BROKEN);

  it('makes fetch reject with a TypeError, and the next request is answered', async () => {
    server.use(...createHandlers(faulty, '*'));
    await expect(fetch(`http://localhost${BROKEN}`)).rejects.toThrow(
      expect.objectContaining({ name: 'TypeError', message: 'Failed to fetch' }),
    );
    expect((await fetch('http://localhost/api/v1/users?limit=1')).status).toBe(200);
  });
});

describe('msw/node: an answer dropped after the commit (shared API.md §8)', () => {
  it('fails the fetch, the order exists, and the retry with its key is a replay', async () => {
    server.use(...createHandlers(createApi(), '*'));
    await expectLostOrderReplayed((path, init) => fetch(`http://localhost${path}`, init));
  });
});

// The whole wire contract a third time: what a vitest test sees through msw/node.
contractSuite({
  name: 'msw/node (setupServer)',
  claimsEveryPath: false,
  // msw/node turns every intercepted call into a fetch Request, which cannot be a TRACE.
  carriesForbiddenMethods: false,
  fetch: (method, path, init = {}) =>
    fetch(`http://localhost${path}`, {
      method,
      headers: init.headers,
      body: init.body ?? null,
      duplex: 'half',
    } as RequestInit),
});

import { describe, expect, it } from 'vitest';
import { createApi } from './create-api.ts';
import type { MechanismFactory } from './pipeline.ts';
import { respondJson } from './respond.ts';
import { defineRoute } from './routes/route.ts';
import { bearer, login } from './middleware/auth/auth-test-support.ts';
import { START_MS, call, expectProblem, makeApi, newUser } from './test-support.ts';

const clock = { startEpochMs: START_MS, paused: true };

/** The auth slot's guard, with every /api/v1 route guarded: a request without a token is 401. */
describe('match first, then the mechanisms (shared API.md §9 order)', () => {
  const api = createApi({ clock });
  api.env.settings.replace({
    ...api.env.settings.current,
    auth: { ...api.env.settings.current.auth, enforce: 'all' },
  });

  it('a mechanism sees the matched route (and its policy)', async () => {
    expectProblem(await call(api, 'GET', '/api/v1/users'), 'unauthenticated');
    expect((await call(api, 'HEAD', '/api/v1/users')).status).toBe(401);
    // Sign-in's route is open by its policy: its own 422, not a 401.
    const login = await call(api, 'POST', '/api/v1/auth/login', { json: {} });
    expectProblem(login, 'validation-failed');
  });

  it('404, 405 and OPTIONS come before it', async () => {
    expectProblem(await call(api, 'GET', '/api/v1/nothing'), 'not-found');
    expectProblem(await call(api, 'DELETE', '/api/v1/users'), 'method-not-allowed');
    const options = await call(api, 'OPTIONS', '/api/v1/users');
    expect(options.status).toBe(204);
    expect(options.headers.get('Allow')).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('the control API does not run the API-only slots', async () => {
    expect((await call(api, 'GET', '/__admin/clock')).status).toBe(200);
  });
});

describe('a route can name middleware of its own', () => {
  const order: string[] = [];
  const withMiddleware: MechanismFactory = () => ({
    name: 'probe',
    routes: [
      defineRoute({
        method: 'GET',
        path: '/api/probe',
        operationId: 'probe',
        summary: 'probe',
        tags: ['Meta'],
        responses: { 200: { description: 'ok' } },
        middleware: [
          async (_context, next) => {
            order.push('route middleware');
            await next();
            order.push('route middleware after');
          },
        ],
        handler: (context) => {
          order.push('handler');
          respondJson(context, 200, { ok: true });
        },
      }),
    ],
  });

  it('runs after the pipeline and around the handler', async () => {
    const api = createApi({ clock, mechanisms: [withMiddleware] });
    expect((await call(api, 'GET', '/api/probe')).json).toEqual({ ok: true });
    expect(order).toEqual(['route middleware', 'handler', 'route middleware after']);
    // The same strictness as every route: it declares no query, so any parameter is refused.
    expectProblem(await call(api, 'GET', '/api/probe?x=1'), 'invalid-parameter');
  });
});

describe('one query strictness on every route', () => {
  it('every GET route refuses an unknown parameter with 400 naming it', async () => {
    const api = makeApi();
    const id = (await call(api, 'GET', '/api/v1/users?limit=1')).json.data[0].id as string;
    const productId = (await call(api, 'GET', '/api/v1/products?limit=1')).json.data[0]
      .id as string;
    // The authorization endpoint reads its own query: RFC 6749 §3.1 says an authorization server
    // MUST ignore parameters it does not know (its own test checks that).
    const gets = api.routes.filter((route) => route.method === 'GET' && !route.request?.ownQuery);
    expect(gets.length).toBeGreaterThanOrEqual(7);
    // GET /api/v1/me needs a token whatever enforce says: the auth answer comes before the query's.
    const { access } = await login(api, 'member');
    for (const route of gets) {
      const path = route.path.replace('{id}', route.path.includes('products') ? productId : id);
      const reply = await call(api, 'GET', `${path}?version=2`, { headers: bearer(access) });
      const body = expectProblem(reply, 'invalid-parameter');
      expect(body.errors).toEqual([{ parameter: 'version', detail: expect.any(String) }]);
    }
  });
});

describe('a network error after the work is done', () => {
  it('reaches the adapter as Response.error(): committed, journaled as status 0, no 500', async () => {
    const api = createApi({ clock });
    const queueDrop = () =>
      call(api, 'POST', '/__admin/faults/next', { json: { kind: 'drop', count: 1 } });
    expect((await queueDrop()).status).toBe(204);
    const response = await api.fetch(
      new Request('http://restlab.test/api/v1/users', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(newUser('dropped')),
      }),
    );
    expect(response.type).toBe('error');
    expect(response.status).toBe(0);
    const list = await call(api, 'GET', '/api/v1/users?limit=100');
    expect(list.json.data.map((row: { name: string }) => row.name)).toContain(
      newUser('dropped').name,
    );
    const [, entry] = (await call(api, 'GET', '/__admin/requests?limit=2')).json.data;
    expect(entry.method).toBe('POST');
    expect(entry.response.status).toBe(0);
    // HEAD and the other outer layers leave it alone too.
    await queueDrop();
    const head = await api.fetch(
      new Request('http://restlab.test/api/v1/users', { method: 'HEAD' }),
    );
    expect(head.type).toBe('error');
  });
});

describe('a mechanism registers its state once', () => {
  const counter: MechanismFactory = ({ env }) => {
    let count = 0;
    // Counts API requests from the journal's events: every slot has its own mechanism now.
    env.events.subscribe((event) => {
      if (event.type !== 'journal') return;
      count++;
      env.events.emit({ type: 'mechanism-state', mechanism: 'counter' });
    });
    return {
      name: 'counter',
      reset: () => {
        count = 0;
      },
      persist: {
        save: () => ({ count }),
        restore: (saved) => {
          count = (saved as { count: number }).count;
        },
      },
    };
  };

  it('is reset by the control API, saved on its event, and restored at creation', async () => {
    const api = createApi({ clock, mechanisms: [counter] });
    const announced: string[] = [];
    api.events.subscribe((event) => {
      if (event.type === 'mechanism-state') announced.push(event.mechanism);
    });
    await call(api, 'GET', '/api/v1/users');
    await call(api, 'GET', '/api/v1/users');
    expect(announced).toEqual(['counter', 'counter']);
    expect(api.saveMechanism('counter')).toEqual({ count: 2 });
    expect(api.saveMechanisms()).toMatchObject({ counter: { count: 2 } });

    const restored = createApi({
      clock,
      mechanisms: [counter],
      restore: {
        meta: { ...api.env.store.meta },
        rows: [],
        mechanisms: { counter: api.saveMechanism('counter') },
      },
    });
    expect(restored.saveMechanism('counter')).toEqual({ count: 2 });

    expect((await call(api, 'POST', '/__admin/reset')).status).toBe(204);
    expect(api.saveMechanism('counter')).toEqual({ count: 0 });
  });

  it('a slot filled twice is refused when the API is made', () => {
    const twice: MechanismFactory = () => ({
      name: 'twice',
      layers: { journal: (_c, next) => next() },
    });
    expect(() => createApi({ clock, mechanisms: [twice] })).toThrow(/slot journal is filled twice/);
  });
});

import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './clock.ts';
import { createApi } from './create-api.ts';
import type { ApiEvent } from './events.ts';
import type { ProblemSlug } from './problems.ts';
import {
  START_MS,
  call,
  expectProblem,
  makeApi,
  newUser,
  snapshot,
  type CallOptions,
} from './test-support.ts';

describe('every 4xx/5xx is an RFC 9457 problem (API.md §1)', () => {
  // One request per problem type the engine can answer; each is checked for the full shape.
  const cases: [ProblemSlug, string, string, CallOptions?][] = [
    [
      'malformed-json',
      'POST',
      '/api/v1/users',
      { body: '{"name":', contentType: 'application/json' },
    ],
    ['invalid-body', 'POST', '/api/v1/products', { body: '[]', contentType: 'application/json' }],
    ['invalid-parameter', 'GET', '/api/v1/users?limit=0', {}],
    ['not-found', 'GET', '/api/v1/users/usr_nobody', {}],
    ['not-found', 'GET', '/nowhere/at/all', {}],
    ['method-not-allowed', 'PUT', '/api/v1/users', { json: {} }],
    ['duplicate-value', 'POST', '/api/v1/users', { json: newUser('dup') }],
    ['content-too-large', 'POST', '/api/v1/users', { json: { pad: 'x'.repeat(70_000) } }],
    [
      'unsupported-media-type',
      'POST',
      '/api/v1/users',
      { body: 'a=b', contentType: 'application/x-www-form-urlencoded' },
    ],
    [
      'validation-failed',
      'POST',
      '/api/v1/products',
      { json: { name: 'x', price_cents: -1, stock: 0 } },
    ],
  ];

  it.each(cases)('%s: %s %s', async (slug, method, path, options) => {
    const api = makeApi();
    if (slug === 'duplicate-value')
      await call(api, 'POST', '/api/v1/users', { json: newUser('dup') });
    const before = snapshot(api);
    const reply = await call(api, method, path, options);
    expectProblem(reply, slug, new URL(path, 'http://x').pathname);
    expect(snapshot(api)).toEqual(before);
  });

  it('internal-error: an injected fault', async () => {
    const api = makeApi();
    api.env.store.writeHook = () => {
      throw new TypeError('x is undefined');
    };
    expectProblem(await call(api, 'POST', '/api/v1/users', { json: newUser(1) }), 'internal-error');
  });

  it('successes are application/json; lists are the envelope; single resources are bare', async () => {
    const api = makeApi();
    const list = await call(api, 'GET', '/api/v1/products?limit=2');
    expect(list.headers.get('Content-Type')).toBe('application/json');
    expect(Object.keys(list.json).sort()).toEqual(['data', 'pagination']);
    const item = await call(api, 'GET', `/api/v1/products/${list.json.data[0].id}`);
    expect(item.json).toEqual(list.json.data[0]);
  });
});

describe('createApi', () => {
  it('never throws, even for a method fetch cannot carry', async () => {
    const api = makeApi();
    for (const method of ['TRACE', 'CONNECT', 'TRACK']) {
      const reply = await call(api, method, '/api/v1/users');
      expect(reply.status).toBe(405);
      expect(reply.json.detail).toContain(method);
    }
  });

  it('shares a clock it is given', async () => {
    const clock = createVirtualClock({ startEpochMs: START_MS, paused: true });
    const a = createApi({ clock });
    const b = createApi({ clock });
    await call(a, 'POST', '/__admin/clock', { json: { action: 'advance', ms: 5 } });
    expect((await call(b, 'GET', '/__admin/clock')).json.epoch_ms).toBe(START_MS + 5);
  });

  it('emits events: journal entries, committed changes, settings and clock', async () => {
    const api = makeApi();
    const events: ApiEvent[] = [];
    api.events.subscribe((event) => events.push(event));
    const created = await call(api, 'POST', '/api/v1/users', { json: newUser(1) });
    await call(api, 'POST', '/api/v1/users', { json: newUser(1) }); // 409: no change event
    // The auth mechanism's state changed too: the new user has no password (so no sign-in).
    expect(events.map((event) => event.type)).toEqual([
      'mechanism-state',
      'changes',
      'journal',
      'journal',
    ]);
    expect(events[1]).toEqual({
      type: 'changes',
      changes: [{ collection: 'users', op: 'insert', id: created.json.id, row: created.json }],
    });
  });

  it('a listener that throws changes no answer', async () => {
    const api = makeApi();
    api.events.subscribe(() => {
      throw new Error('observer bug');
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      expect((await call(api, 'POST', '/api/v1/users', { json: newUser(1) })).status).toBe(201);
    } finally {
      console.error = original;
    }
  });

  it('restores saved rows, sequences and settings, as the browser does after a reload', async () => {
    const live = makeApi({ seed: 11 });
    const created = (await call(live, 'POST', '/api/v1/users', { json: newUser(1) })).json;
    const first = [...live.env.store.collection('products').all()][0];
    await call(live, 'DELETE', `/api/v1/products/${first?.id}`);
    await call(live, 'PATCH', '/__admin/settings', { json: { limits: { default_page_size: 5 } } });

    const reloaded = makeApi({
      restore: {
        meta: structuredClone(live.env.store.meta),
        rows: [
          ['users', created.id, created],
          ['products', first?.id ?? '', null],
        ],
        settings: live.env.settings.current,
      },
    });
    expect(snapshot(reloaded)).toEqual(snapshot(live));
    expect((await call(reloaded, 'GET', '/api/v1/users')).json.data).toHaveLength(5);
    const next = (await call(reloaded, 'POST', '/api/v1/users', { json: newUser(2) })).json.id;
    expect(next).toBe((await call(live, 'POST', '/api/v1/users', { json: newUser(2) })).json.id);
  });

  it('ignores saved settings that are no longer valid', () => {
    const api = makeApi({
      restore: {
        meta: { seed: 42, sizes: { users: 1, products: 1 }, sequences: { users: 1, products: 1 } },
        rows: [],
        settings: { limits: { max_body_bytes: -1 } },
      },
    });
    expect(api.env.settings.current.limits.max_body_bytes).toBe(65_536);
    expect(api.env.store.collection('users').size).toBe(1);
  });
});

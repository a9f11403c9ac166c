import { beforeEach, describe, expect, it } from 'vitest';
import { toRfc3339 } from '../clock.ts';
import type { Api } from '../create-api.ts';
import type { Row } from '../store/row.ts';
import {
  START_MS,
  call,
  expectProblem,
  makeApi,
  newProduct,
  newUser,
  pointers,
  snapshot,
} from '../test-support.ts';

const START = toRfc3339(START_MS);
let api: Api;

beforeEach(() => {
  api = makeApi();
});

const advance = (ms: number) => api.env.clock.advance(ms);

/** Each resource with a valid create body, a full replacement, and a field to patch. */
const resources = [
  {
    name: 'users',
    prefix: 'usr_',
    create: (n: number | string) => newUser(n),
    replacement: { name: 'Replaced Name', email: 'replaced@example.com', role: 'admin' },
    patch: { name: 'Patched Name' },
    required: ['email', 'name'],
  },
  {
    name: 'products',
    prefix: 'prd_',
    create: (n: number | string) => newProduct(n),
    replacement: { name: 'Replaced Product', price_cents: 0, stock: 0 },
    patch: { stock: 99 },
    required: ['name', 'price_cents', 'stock'],
  },
] as const;

describe.each(resources)('/api/v1/$name (API.md §2)', (resource) => {
  const base = `/api/v1/${resource.name}`;

  it('POST → 201, the new resource, and a Location that GET answers', async () => {
    const reply = await call(api, 'POST', base, { json: resource.create(1) });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('Content-Type')).toBe('application/json');
    const row = reply.json as Row;
    expect(row).toEqual({
      id: expect.stringMatching(new RegExp(`^${resource.prefix}[0-9a-z]{10}$`)),
      ...resource.create(1),
      ...(resource.name === 'users' ? { role: 'member' } : {}),
      created_at: START,
      updated_at: START,
    });
    expect(reply.headers.get('Location')).toBe(`${base}/${row.id}`);

    const fetched = await call(api, 'GET', reply.headers.get('Location') ?? '');
    expect(fetched.status).toBe(200);
    expect(fetched.json).toEqual(row);
  });

  it('GET by id answers the stored row', async () => {
    const stored = [...api.env.store.collection(resource.name).all()][3] as Row;
    const reply = await call(api, 'GET', `${base}/${stored.id}`);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(stored);
  });

  it('PUT replaces every write field, keeps created_at, bumps updated_at', async () => {
    const created = (await call(api, 'POST', base, { json: resource.create(1) })).json as Row;
    advance(60_000);
    const reply = await call(api, 'PUT', `${base}/${created.id}`, {
      json: resource.replacement,
    });
    expect(reply.status).toBe(200);
    const expected = {
      id: created.id,
      ...resource.replacement,
      created_at: START,
      updated_at: toRfc3339(START_MS + 60_000),
    };
    expect(reply.json).toEqual(expected);
    expect((await call(api, 'GET', `${base}/${created.id}`)).json).toEqual(expected);
  });

  it('PUT without a required field → 422 naming each missing one, nothing changed', async () => {
    const created = (await call(api, 'POST', base, { json: resource.create(1) })).json as Row;
    const before = snapshot(api);
    const reply = await call(api, 'PUT', `${base}/${created.id}`, { json: {} });
    const body = expectProblem(reply, 'validation-failed');
    expect(pointers(body)).toEqual(resource.required.map((field) => `/${field}`).sort());
    for (const error of body.errors ?? []) expect(error.detail).toBe('is required');
    expect(snapshot(api)).toEqual(before);
  });

  it('PUT that sends the same values changes nothing, not even updated_at', async () => {
    const created = (await call(api, 'POST', base, { json: resource.create(1) })).json as Row;
    advance(5000);
    const reply = await call(api, 'PUT', `${base}/${created.id}`, { json: resource.create(1) });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(created);
  });

  it('PATCH is a merge patch: named fields change, absent ones stay', async () => {
    const created = (await call(api, 'POST', base, { json: resource.create(1) })).json as Row;
    advance(1234);
    const reply = await call(api, 'PATCH', `${base}/${created.id}`, { json: resource.patch });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      ...created,
      ...resource.patch,
      updated_at: toRfc3339(START_MS + 1234),
    });
  });

  it('PATCH that changes nothing keeps updated_at', async () => {
    const created = (await call(api, 'POST', base, { json: resource.create(1) })).json as Row;
    advance(1000);
    for (const patch of [{}, { name: created.name }]) {
      const reply = await call(api, 'PATCH', `${base}/${created.id}`, { json: patch });
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual(created);
    }
  });

  it.each(resource.required)('PATCH null on required %s → 422, nothing changed', async (field) => {
    const created = (await call(api, 'POST', base, { json: resource.create(1) })).json as Row;
    const before = snapshot(api);
    const reply = await call(api, 'PATCH', `${base}/${created.id}`, { json: { [field]: null } });
    const body = expectProblem(reply, 'validation-failed');
    expect(body.errors).toEqual([{ pointer: `/${field}`, detail: expect.stringMatching(/null/) }]);
    expect(snapshot(api)).toEqual(before);
  });

  it('DELETE → 204 with no body; then GET → 404, DELETE again → 404, PUT/PATCH → 404', async () => {
    const created = (await call(api, 'POST', base, { json: resource.create(1) })).json as Row;
    const path = `${base}/${created.id}`;
    const total = api.env.store.collection(resource.name).size;

    const deleted = await call(api, 'DELETE', path);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(api.env.store.collection(resource.name).size).toBe(total - 1);

    expectProblem(await call(api, 'GET', path), 'not-found', path);
    const before = snapshot(api);
    expectProblem(await call(api, 'DELETE', path), 'not-found', path);
    expectProblem(await call(api, 'PUT', path, { json: resource.replacement }), 'not-found', path);
    expectProblem(await call(api, 'PATCH', path, { json: resource.patch }), 'not-found', path);
    expect(snapshot(api)).toEqual(before);
  });

  it('a deleted seeded row stays deleted and its id is never reused', async () => {
    const seeded = [...api.env.store.collection(resource.name).all()][0] as Row;
    expect((await call(api, 'DELETE', `${base}/${seeded.id}`)).status).toBe(204);
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++) {
      ids.add((await call(api, 'POST', base, { json: resource.create(`r${i}`) })).json.id);
    }
    expect(ids.size).toBe(30);
    expect(ids.has(seeded.id)).toBe(false);
  });
});

describe('what counts as a change', () => {
  it('PATCH or PUT with -0 where the value is 0 changes nothing: it is the same JSON number', async () => {
    const zero = await call(api, 'POST', '/api/v1/products', {
      json: { name: 'Zero', price_cents: 0, stock: 0 },
    });
    advance(1000);
    const path = `/api/v1/products/${zero.json.id}`;
    const patched = await call(api, 'PATCH', path, {
      body: '{"stock":-0,"price_cents":-0}',
      contentType: 'application/merge-patch+json',
    });
    expect(patched.json).toEqual(zero.json);
    const put = await call(api, 'PUT', path, {
      body: '{"name":"Zero","stock":-0,"price_cents":0}',
      contentType: 'application/json',
    });
    expect(put.json).toEqual(zero.json);
  });
});

// Cursors are signed with a per-instance key, so tests match their shape, not their text.
const CURSOR = expect.stringMatching(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);

describe('list: offset, limit, total; newest first (API.md §2, §3)', () => {
  it('defaults to 20 rows from offset 0, with the total', async () => {
    const reply = await call(api, 'GET', '/api/v1/users');
    expect(reply.status).toBe(200);
    expect(reply.json.pagination).toEqual({
      offset: 0,
      limit: 20,
      total: 50,
      next_cursor: CURSOR,
      prev_cursor: null,
    });
    expect(reply.json.data).toHaveLength(20);
  });

  it('is newest first by created_at, ties broken by id, matching the store exactly', async () => {
    // Seeded data has equal timestamps, so the tie-break is exercised.
    const rows = [...api.env.store.collection('users').all()];
    const createdAts = rows.map((row) => row.created_at);
    expect(new Set(createdAts).size).toBeLessThan(rows.length);

    const expected = [...rows].sort((a, b) =>
      a.created_at !== b.created_at ? (a.created_at < b.created_at ? 1 : -1) : a.id < b.id ? 1 : -1,
    );
    const all = await call(api, 'GET', '/api/v1/users?limit=100');
    expect(all.json.data).toEqual(expected);

    const page = await call(api, 'GET', '/api/v1/users?offset=7&limit=5');
    expect(page.json.data).toEqual(expected.slice(7, 12));
    expect(page.json.pagination).toEqual({
      offset: 7,
      limit: 5,
      total: 50,
      next_cursor: CURSOR,
      prev_cursor: CURSOR,
    });
  });

  it('an offset past the end is 200 with empty data', async () => {
    const reply = await call(api, 'GET', '/api/v1/products?offset=30');
    expect(reply.status).toBe(200);
    // Nothing after it; before it, the last rows (prev_cursor reads them).
    expect(reply.json).toEqual({
      data: [],
      pagination: { offset: 30, limit: 20, total: 30, next_cursor: null, prev_cursor: CURSOR },
    });
  });

  it('new rows come first; rows created at the same instant are ordered by id, descending', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await call(api, 'POST', '/api/v1/users', { json: newUser(i) })).json.id);
    }
    advance(1);
    const last = (await call(api, 'POST', '/api/v1/users', { json: newUser('last') })).json.id;
    const page = await call(api, 'GET', '/api/v1/users?limit=5');
    expect(page.json.data.map((row: Row) => row.id)).toEqual([last, ...ids.sort().reverse()]);
    expect(page.json.pagination.total).toBe(55);
  });

  it('a row created after the clock is set back sorts by its timestamp, not its arrival', async () => {
    const newest = (await call(api, 'POST', '/api/v1/users', { json: newUser(1) })).json;
    api.env.clock.set(START_MS - 86_400_000 * 400); // before every seeded row
    const oldest = (await call(api, 'POST', '/api/v1/users', { json: newUser(2) })).json;
    const list = (await call(api, 'GET', '/api/v1/users?limit=100')).json.data as Row[];
    expect(list[0]?.id).toBe(newest.id);
    expect(list.at(-1)?.id).toBe(oldest.id);
  });

  it('follows limits.default_page_size and limits.max_page_size from the settings', async () => {
    await call(api, 'PATCH', '/__admin/settings', {
      json: { limits: { default_page_size: 3, max_page_size: 5 } },
    });
    expect((await call(api, 'GET', '/api/v1/users')).json.data).toHaveLength(3);
    expect((await call(api, 'GET', '/api/v1/users?limit=5')).json.data).toHaveLength(5);
    const over = await call(api, 'GET', '/api/v1/users?limit=6');
    const body = expectProblem(over, 'invalid-parameter');
    expect(body.errors).toEqual([{ parameter: 'limit', detail: expect.stringContaining('5') }]);
  });

  it.each([
    ['limit=0', ['limit']],
    ['limit=101', ['limit']],
    ['offset=-1', ['offset']],
    ['limit=abc&offset=x', ['limit', 'offset']],
    ['limt=5', ['limt']],
    ['sort=email', ['sort']],
    ['sort=id', ['sort']],
    ['include_total=yes', ['include_total']],
    ['offset=1&cursor=x', ['cursor', 'offset']],
    ['offset=1&offset=2', ['offset']],
  ])('?%s → 400 invalid-parameter naming %j', async (query, names) => {
    const reply = await call(api, 'GET', `/api/v1/users?${query}`);
    const body = expectProblem(reply, 'invalid-parameter', '/api/v1/users');
    const named = (body.errors ?? []).map((error) => ('parameter' in error ? error.parameter : ''));
    expect([...new Set(named)].sort()).toEqual(names);
  });
});

describe('users: role default and unique email (API.md §2)', () => {
  it('role defaults to member on POST and goes back to member when PUT omits it', async () => {
    const created = await call(api, 'POST', '/api/v1/users', {
      json: newUser(1, { role: 'admin' }),
    });
    expect(created.json.role).toBe('admin');
    const put = await call(api, 'PUT', `/api/v1/users/${created.json.id}`, { json: newUser(1) });
    expect(put.json.role).toBe('member');
  });

  it('PATCH role: null removes it, so it takes its default', async () => {
    const created = await call(api, 'POST', '/api/v1/users', {
      json: newUser(1, { role: 'admin' }),
    });
    const patched = await call(api, 'PATCH', `/api/v1/users/${created.json.id}`, {
      json: { role: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.role).toBe('member');
  });

  it('a user may change the case of its own email', async () => {
    const created = await call(api, 'POST', '/api/v1/users', { json: newUser(1) });
    const patched = await call(api, 'PATCH', `/api/v1/users/${created.json.id}`, {
      json: { email: 'TEST.USER.1@EXAMPLE.COM' },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.email).toBe('TEST.USER.1@EXAMPLE.COM');
  });

  describe('409 for a duplicate email, compared case-insensitively', () => {
    let holder: Row;
    let other: Row;

    beforeEach(async () => {
      holder = (await call(api, 'POST', '/api/v1/users', { json: newUser('holder') })).json;
      other = (await call(api, 'POST', '/api/v1/users', { json: newUser('other') })).json;
    });

    const variants = ['test.user.holder@example.com', 'Test.User.Holder@Example.COM'];

    it.each(variants)('POST with %s', async (email) => {
      const before = snapshot(api);
      const reply = await call(api, 'POST', '/api/v1/users', { json: newUser(9, { email }) });
      const body = expectProblem(reply, 'duplicate-value', '/api/v1/users');
      expect(body.errors).toEqual([{ pointer: '/email', detail: expect.any(String) }]);
      expect(body.conflicting_id).toBe(holder.id);
      expect(snapshot(api)).toEqual(before);
    });

    it.each(variants)('PUT with %s', async (email) => {
      const before = snapshot(api);
      const reply = await call(api, 'PUT', `/api/v1/users/${other.id}`, {
        json: newUser(9, { email }),
      });
      expect(expectProblem(reply, 'duplicate-value').conflicting_id).toBe(holder.id);
      expect(snapshot(api)).toEqual(before);
    });

    it.each(variants)('PATCH with %s', async (email) => {
      const before = snapshot(api);
      const reply = await call(api, 'PATCH', `/api/v1/users/${other.id}`, { json: { email } });
      expect(expectProblem(reply, 'duplicate-value').conflicting_id).toBe(holder.id);
      expect(snapshot(api)).toEqual(before);
    });

    it('against a seeded user too', async () => {
      const seeded = [...api.env.store.collection('users').all()][10] as Row;
      const reply = await call(api, 'POST', '/api/v1/users', {
        json: newUser(9, { email: String(seeded.email).toUpperCase() }),
      });
      expect(expectProblem(reply, 'duplicate-value').conflicting_id).toBe(seeded.id);
    });

    it('the email is free again once its holder changes it or is deleted', async () => {
      await call(api, 'PATCH', `/api/v1/users/${holder.id}`, {
        json: { email: 'moved@example.com' },
      });
      const first = await call(api, 'PATCH', `/api/v1/users/${other.id}`, {
        json: { email: 'TEST.USER.HOLDER@example.com' },
      });
      expect(first.status).toBe(200);
      await call(api, 'DELETE', `/api/v1/users/${other.id}`);
      const second = await call(api, 'POST', '/api/v1/users', {
        json: newUser(9, { email: 'test.user.holder@example.com' }),
      });
      expect(second.status).toBe(201);
    });

    it('validation comes first: an invalid body with a taken email is 422, not 409', async () => {
      const reply = await call(api, 'POST', '/api/v1/users', {
        json: { name: '', email: holder.email },
      });
      expectProblem(reply, 'validation-failed');
    });
  });
});

describe('determinism (API.md §2)', () => {
  async function trace(seed: number) {
    const instance = makeApi({ seed });
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push((await call(instance, 'POST', '/api/v1/users', { json: newUser(i) })).json);
      created.push(
        (await call(instance, 'POST', '/api/v1/products', { json: newProduct(i) })).json,
      );
    }
    const listed = (await call(instance, 'GET', '/api/v1/users?limit=100')).json;
    return { snapshot: snapshot(instance), created, listed };
  }

  it('two instances with the same seed have the same data and give created rows the same ids', async () => {
    const [a, b] = [await trace(7), await trace(7)];
    expect(a).toEqual(b);
    expect(a.snapshot.rows.users).toHaveLength(55);
  });

  it('different seeds give different data and different ids', async () => {
    const [a, b] = [await trace(7), await trace(8)];
    const ids = (t: typeof a) => t.created.map((row) => row.id);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    const seededIds = (t: typeof a) => t.snapshot.rows.users?.map((row) => row.id);
    expect(seededIds(a)).not.toEqual(seededIds(b));
    const names = (t: typeof a) => t.snapshot.rows.users?.map((row) => row.name);
    expect(names(a)).not.toEqual(names(b));
  });

  it('the default seed and sizes: 50 users, 30 products, 40 orders, the same every time', async () => {
    const a = snapshot(makeApi());
    expect(a.meta).toEqual({
      seed: 42,
      sizes: { users: 50, products: 30, orders: 40 },
      sequences: { users: 50, products: 30, orders: 40 },
    });
    expect(a).toEqual(snapshot(makeApi()));
  });
});

describe('concurrent requests: each write sees the state the previous one left', () => {
  /** A body that arrives only when `send()` is called, as a slow client's would. */
  function slowBody(text: string) {
    let send = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        send = () => {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        };
      },
    });
    return { stream, send: () => send() };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  let target: Row;
  beforeEach(() => {
    target = [...api.env.store.collection('users').all()][0] as Row;
  });

  it('two merge patches of different fields, bodies interleaved: both changes are kept', async () => {
    const a = slowBody('{"name":"Changed By A"}');
    const b = slowBody('{"email":"changed.by.b@example.com"}');
    const path = `/api/v1/users/${target.id}`;
    const type = 'application/merge-patch+json';
    const first = call(api, 'PATCH', path, { body: a.stream, contentType: type });
    const second = call(api, 'PATCH', path, { body: b.stream, contentType: type });
    await tick();
    a.send();
    expect((await first).status).toBe(200);
    b.send();
    const last = await second;
    expect(last.status).toBe(200);
    expect(last.json).toMatchObject({ name: 'Changed By A', email: 'changed.by.b@example.com' });
    expect(api.env.store.collection('users').get(target.id)).toEqual(last.json);
  });

  it.each([
    ['PATCH', 'application/merge-patch+json', '{"name":"Too late"}'],
    ['PUT', 'application/json', '{"name":"Too late","email":"late@example.com"}'],
  ])(
    'a %s whose body is still arriving when the row is deleted → 404, not 500',
    async (method, type, text) => {
      const slow = slowBody(text);
      const path = `/api/v1/users/${target.id}`;
      const pending = call(api, method, path, { body: slow.stream, contentType: type });
      await tick();
      expect((await call(api, 'DELETE', path)).status).toBe(204);
      const before = snapshot(api);
      slow.send();
      expectProblem(await pending, 'not-found', path);
      expect(snapshot(api)).toEqual(before);
    },
  );

  it('two creates with the same email at once: exactly one wins, the other is 409', async () => {
    const replies = await Promise.all(
      ['same@example.com', 'SAME@example.com'].map((email) =>
        call(api, 'POST', '/api/v1/users', { json: newUser(1, { email }) }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
    expect(api.env.store.collection('users').size).toBe(51);
  });
});

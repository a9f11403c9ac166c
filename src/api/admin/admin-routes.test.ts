import { beforeEach, describe, expect, it } from 'vitest';
import { CLOCK_MAX_EPOCH_MS, toRfc3339 } from '../clock.ts';
import { createApi, type Api } from '../create-api.ts';
import type { ApiEvent } from '../events.ts';
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

const DEFAULT_SETTINGS = {
  limits: { max_body_bytes: 65_536, max_page_size: 100, default_page_size: 20 },
  journal: { capacity: 1000 },
  rate_limit: {
    enabled: true,
    algorithm: 'token_bucket',
    quota: 100,
    window_ms: 10_000,
    burst: null,
    headers: 'both',
    free_304: true,
  },
  auth: {
    enforce: 'off',
    verifier: 'bcp',
    alg: 'ES256',
    hs256_secret: null,
    access_ttl_s: 900,
    refresh_ttl_s: 604_800,
    key_grace_s: 900,
  },
  conditional: { require_preconditions: false },
  caching: {
    policies: {
      users: 'private, no-cache',
      products: 'public, max-age=60',
      orders: 'private, no-cache',
      lists: 'no-cache',
    },
  },
  idempotency: { dialect: 'ietf', required: [], retention_ms: 86_400_000 },
  faults: {
    latency_ms: 0,
    jitter_ms: 0,
    error_rate: 0,
    drop_rate: 0,
    seed: 1,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    path_prefix: '/api/v1',
  },
};

let api: Api;
let events: ApiEvent[];

beforeEach(() => {
  // The limiter stays on: these tests read and restore the default settings.
  api = makeApi({ rateLimit: true });
  events = [];
  api.events.subscribe((event) => events.push(event));
});

async function journalTotal(): Promise<number> {
  return (await call(api, 'GET', '/__admin/requests?limit=1000')).json.data.length;
}

describe('POST /__admin/reset', () => {
  it('puts the data back to the seed: 204, same as a fresh instance', async () => {
    const fresh = snapshot(api);
    const first = [...api.env.store.collection('users').all()][0];
    await call(api, 'POST', '/api/v1/users', { json: newUser(1) });
    await call(api, 'DELETE', `/api/v1/users/${first?.id}`);
    const product = [...api.env.store.collection('products').all()][0];
    await call(api, 'PATCH', `/api/v1/products/${product?.id}`, { json: { stock: 100_000 } });
    expect(snapshot(api)).not.toEqual(fresh);

    const reply = await call(api, 'POST', '/__admin/reset');
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(snapshot(api)).toEqual(fresh);
  });

  it('restarts the id sequence: the next row gets the id a fresh instance gives it', async () => {
    const before = (await call(api, 'POST', '/api/v1/users', { json: newUser(1) })).json;
    await call(api, 'POST', '/__admin/reset');
    const after = (await call(api, 'POST', '/api/v1/users', { json: newUser(1) })).json;
    expect(after).toEqual(before);
  });

  it('takes a seed and sizes; sizes not named keep their current value', async () => {
    const reply = await call(api, 'POST', '/__admin/reset', {
      json: { seed: 7, sizes: { users: 5 } },
    });
    expect(reply.status).toBe(204);
    expect(snapshot(api)).toEqual(snapshot(createApi({ seed: 7, sizes: { users: 5 } })));
    expect(api.env.store.meta.sizes).toEqual({ users: 5, products: 30, orders: 40 });

    await call(api, 'POST', '/__admin/reset', { json: { sizes: { products: 0 } } });
    expect(api.env.store.meta).toMatchObject({ seed: 7, sizes: { users: 5, products: 0 } });
    expect((await call(api, 'GET', '/api/v1/products')).json.pagination.total).toBe(0);
    expect(events.filter((event) => event.type === 'reset')).toEqual([
      {
        type: 'reset',
        seed: 7,
        sizes: { users: 5, products: 30, orders: 40 },
        journalKept: false,
      },
      {
        type: 'reset',
        seed: 7,
        sizes: { users: 5, products: 0, orders: 40 },
        journalKept: false,
      },
    ]);
  });

  it('clears the journal, unless keep_journal asks to keep it', async () => {
    await call(api, 'GET', '/api/v1/users');
    expect(await journalTotal()).toBe(1);
    await call(api, 'POST', '/__admin/reset', { json: { keep_journal: true } });
    expect(await journalTotal()).toBe(1);
    expect(events.filter((event) => event.type === 'reset').at(-1)).toMatchObject({
      journalKept: true,
    });
    await call(api, 'POST', '/__admin/reset');
    expect(await journalTotal()).toBe(0);
  });

  it('accepts an empty JSON object or an empty body with the JSON type', async () => {
    expect((await call(api, 'POST', '/__admin/reset', { json: {} })).status).toBe(204);
    expect(
      (await call(api, 'POST', '/__admin/reset', { body: '', contentType: 'application/json' }))
        .status,
    ).toBe(204);
  });

  it('clears the journal and keeps the settings', async () => {
    const patched = await call(api, 'PATCH', '/__admin/settings', {
      json: { limits: { max_page_size: 70 } },
    });
    expect(patched.status).toBe(200);
    await call(api, 'GET', '/api/v1/users');
    await call(api, 'GET', '/nowhere');
    expect(await journalTotal()).toBe(2);

    await call(api, 'POST', '/__admin/reset', { json: { seed: 3 } });
    expect(await journalTotal()).toBe(0);
    const settings = (await call(api, 'GET', '/__admin/settings')).json;
    expect(settings.limits.max_page_size).toBe(70);
  });

  it('seeds 200,000 rows on request', async () => {
    const reply = await call(api, 'POST', '/__admin/reset', {
      json: { sizes: { users: 200_000 } },
    });
    expect(reply.status).toBe(204);
    const list = await call(api, 'GET', '/api/v1/users?offset=199999&limit=5');
    expect(list.json.pagination.total).toBe(200_000);
    expect(list.json.data).toHaveLength(1);
    // Seeded emails stay unique however many rows there are.
    const taken = list.json.data[0].email;
    const dup = await call(api, 'POST', '/api/v1/users', { json: newUser(1, { email: taken }) });
    expect(dup.status).toBe(409);
  });

  it.each([
    [{ sizes: { users: 1_000_001 } }, ['/sizes/users']],
    [{ sizes: { users: -1 } }, ['/sizes/users']],
    [{ sizes: { products: 2.5 } }, ['/sizes/products']],
    [{ sizes: { invoices: 1 } }, ['/sizes/invoices']],
    [{ sizes: [] }, ['/sizes']],
    [{ seed: -1 }, ['/seed']],
    [{ seed: 1.5 }, ['/seed']],
    [{ seed: '42' }, ['/seed']],
    [{ seed: 2 ** 32 }, ['/seed']],
    [{ seed: 1, wipe: true }, ['/wipe']],
  ])('%j → 422 naming %j, nothing changed', async (body, expected) => {
    await call(api, 'POST', '/api/v1/users', { json: newUser(1) });
    const before = snapshot(api);
    const journalBefore = await journalTotal();
    const reply = await call(api, 'POST', '/__admin/reset', { json: body });
    expect(pointers(expectProblem(reply, 'validation-failed', '/__admin/reset'))).toEqual(expected);
    expect(snapshot(api)).toEqual(before);
    expect(await journalTotal()).toBe(journalBefore);
  });

  it('a body that is not JSON or not an object is 400; another media type is 415', async () => {
    const reset = (options: Parameters<typeof call>[3]) =>
      call(api, 'POST', '/__admin/reset', options);
    expectProblem(await reset({ body: '{', contentType: 'application/json' }), 'malformed-json');
    expectProblem(await reset({ body: '[1]', contentType: 'application/json' }), 'invalid-body');
    expectProblem(
      await reset({ body: 'seed=1', contentType: 'text/plain' }),
      'unsupported-media-type',
    );
  });
});

describe('GET /__admin/data', () => {
  it('names the seed and sizes, counts rows, and says which collections changed', async () => {
    const fresh = (await call(api, 'GET', '/__admin/data')).json;
    expect(fresh).toMatchObject({ seed: 42, changed: [], pristine: true });
    expect(fresh.rows).toEqual(fresh.sizes);
    await call(api, 'POST', '/api/v1/products', {
      json: { name: 'New', price_cents: 1, stock: 1 },
    });
    const after = (await call(api, 'GET', '/__admin/data')).json;
    expect(after).toMatchObject({ changed: ['products'], pristine: false });
    expect(after.rows.products).toBe(fresh.rows.products + 1);
    await call(api, 'POST', '/__admin/reset');
    expect((await call(api, 'GET', '/__admin/data')).json.pristine).toBe(true);
  });
});

describe('/__admin/settings', () => {
  it('GET answers the defaults', async () => {
    const reply = await call(api, 'GET', '/__admin/settings');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(DEFAULT_SETTINGS);
  });

  it('PATCH merges (RFC 7396): named members change, the rest stay; null restores a default', async () => {
    const reply = await call(api, 'PATCH', '/__admin/settings', {
      json: { limits: { max_page_size: 50, default_page_size: 10 } },
    });
    expect(reply.status).toBe(200);
    const changed = {
      ...DEFAULT_SETTINGS,
      limits: { ...DEFAULT_SETTINGS.limits, max_page_size: 50, default_page_size: 10 },
    };
    expect(reply.json).toEqual(changed);
    expect((await call(api, 'GET', '/__admin/settings')).json).toEqual(changed);
    expect(events.at(-1)).toEqual({ type: 'settings', settings: changed });

    const nulled = await call(api, 'PATCH', '/__admin/settings', {
      json: { limits: { default_page_size: null } },
    });
    expect(nulled.json.limits).toEqual({ ...changed.limits, default_page_size: 20 });
  });

  it.each([
    [{ limits: { max_body_bytes: 0 } }, ['/limits/max_body_bytes']],
    [{ limits: { max_body_bytes: 'big' } }, ['/limits/max_body_bytes']],
    [{ limits: { max_page_size: 1.5 } }, ['/limits/max_page_size']],
    [{ limits: { default_page_size: 101 } }, ['/limits/default_page_size']],
    [{ limits: { max_page_size: 10 } }, ['/limits/default_page_size']],
    [{ limits: 5 }, ['/limits']],
    [{ journal: { capacity: 0 } }, ['/journal/capacity']],
    [{ auth: { enabled: false } }, ['/auth/enabled']],
    [{ auth: { enforce: 'sometimes', alg: 'none' } }, ['/auth/alg', '/auth/enforce']],
    [{ rate_limit: { algorithm: 'random' } }, ['/rate_limit/algorithm']],
    [{ rate_limit: { quota: 0, window_ms: 1500 } }, ['/rate_limit/quota', '/rate_limit/window_ms']],
    [{ rate_limit: { burst: 0, headers: 'none' } }, ['/rate_limit/burst', '/rate_limit/headers']],
    [{ limits: { max_bodybytes: 5 } }, ['/limits/max_bodybytes']],
  ])('%j → 422 naming %j, nothing changed', async (patch, expected) => {
    await call(api, 'PATCH', '/__admin/settings', { json: { journal: { capacity: 50 } } });
    const before = (await call(api, 'GET', '/__admin/settings')).json;
    const eventsBefore = events.length;
    const reply = await call(api, 'PATCH', '/__admin/settings', { json: patch });
    const body = expectProblem(reply, 'validation-failed', '/__admin/settings');
    expect(pointers(body)).toEqual(expected);
    expect(body.detail).toMatch(/nothing was changed/);
    expect((await call(api, 'GET', '/__admin/settings')).json).toEqual(before);
    expect(api.env.journal.capacity).toBe(50);
    expect(events.length).toBe(eventsBefore);
  });

  it('PATCH takes only merge-patch+json (415 with Accept-Patch) and one JSON object', async () => {
    const wrongType = await call(api, 'PATCH', '/__admin/settings', {
      json: { limits: { max_page_size: 5 } },
      contentType: 'application/json',
    });
    expectProblem(wrongType, 'unsupported-media-type');
    expect(wrongType.headers.get('Accept-Patch')).toBe('application/merge-patch+json');
    const notObject = await call(api, 'PATCH', '/__admin/settings', {
      body: 'null',
      contentType: 'application/merge-patch+json',
    });
    expectProblem(notObject, 'invalid-body');
    expect((await call(api, 'GET', '/__admin/settings')).json).toEqual(DEFAULT_SETTINGS);
  });

  it('DELETE puts every setting back to its default', async () => {
    await call(api, 'PATCH', '/__admin/settings', {
      json: { limits: { max_body_bytes: 10, max_page_size: 5, default_page_size: 5 } },
    });
    const reply = await call(api, 'DELETE', '/__admin/settings');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(DEFAULT_SETTINGS);
    expect((await call(api, 'GET', '/api/v1/users')).json.data).toHaveLength(20);
  });

  it('settings take effect on the next request', async () => {
    await call(api, 'PATCH', '/__admin/settings', { json: { limits: { default_page_size: 2 } } });
    expect((await call(api, 'GET', '/api/v1/users')).json.pagination.limit).toBe(2);
  });
});

describe('/__admin/clock', () => {
  const clockAt = (ms: number, paused = true) => ({
    epoch_ms: ms,
    now: toRfc3339(ms),
    paused,
  });

  it('GET answers epoch_ms, the RFC 3339 time and whether it is paused', async () => {
    const reply = await call(api, 'GET', '/__admin/clock');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(clockAt(START_MS));
    expect(reply.json.now).toBe('2026-01-02T00:00:00.000Z');
  });

  it('advance and set answer the clock as GET shows it', async () => {
    const advanced = await call(api, 'POST', '/__admin/clock', {
      json: { action: 'advance', ms: 90_061_001 },
    });
    expect(advanced.status).toBe(200);
    expect(advanced.json).toEqual(clockAt(START_MS + 90_061_001));
    expect(advanced.json.now).toBe('2026-01-03T01:01:01.001Z');
    expect((await call(api, 'GET', '/__admin/clock')).json).toEqual(advanced.json);

    const back = await call(api, 'POST', '/__admin/clock', {
      json: { action: 'advance', ms: -1 },
    });
    expect(back.json).toEqual(clockAt(START_MS + 90_061_000));

    const set = await call(api, 'POST', '/__admin/clock', {
      json: { action: 'set', epoch_ms: 0 },
    });
    expect(set.json).toEqual({ epoch_ms: 0, now: '1970-01-01T00:00:00.000Z', paused: true });
    expect(events.at(-1)).toEqual({ type: 'clock', clock: set.json });
  });

  it('pause and resume: a resumed clock runs with real time, a paused one stands still', async () => {
    let real = 1000;
    const running = createApi({
      clock: { startEpochMs: START_MS, paused: true },
      realNow: () => real,
    });
    const post = (json: unknown) => call(running, 'POST', '/__admin/clock', { json });

    real += 5000;
    expect((await call(running, 'GET', '/__admin/clock')).json).toEqual(clockAt(START_MS));
    expect((await post({ action: 'resume' })).json).toEqual(clockAt(START_MS, false));
    real += 2500.7;
    expect((await call(running, 'GET', '/__admin/clock')).json).toEqual(
      clockAt(START_MS + 2500, false),
    );
    expect((await post({ action: 'pause' })).json).toEqual(clockAt(START_MS + 2500));
    real += 10_000;
    expect((await call(running, 'GET', '/__admin/clock')).json).toEqual(clockAt(START_MS + 2500));
  });

  it('timestamps on rows follow the virtual clock exactly', async () => {
    await call(api, 'POST', '/__admin/clock', {
      json: { action: 'set', epoch_ms: 1_800_000_000_123 },
    });
    const created = (await call(api, 'POST', '/api/v1/products', { json: newProduct(1) })).json;
    expect(created.created_at).toBe('2027-01-15T08:00:00.123Z');
    expect(created.updated_at).toBe(created.created_at);

    await call(api, 'POST', '/__admin/clock', { json: { action: 'advance', ms: 1 } });
    const patched = await call(api, 'PATCH', `/api/v1/products/${created.id}`, {
      json: { stock: 1 },
    });
    expect(patched.json.created_at).toBe('2027-01-15T08:00:00.123Z');
    expect(patched.json.updated_at).toBe('2027-01-15T08:00:00.124Z');

    let real = 0;
    const running = createApi({ clock: { startEpochMs: START_MS }, realNow: () => real });
    real = 750.9;
    const row = (await call(running, 'POST', '/api/v1/users', { json: newUser(1) })).json;
    expect(row.created_at).toBe(toRfc3339(START_MS + 750));
  });

  it.each([
    [{}, ['/action']],
    [{ action: 'rewind' }, ['/action']],
    [{ action: 'advance' }, ['/ms']],
    [{ action: 'advance', ms: 1.5 }, ['/ms']],
    [{ action: 'advance', ms: '10' }, ['/ms']],
    [{ action: 'advance', ms: 31_622_400_001 }, ['/ms']],
    [{ action: 'set', epoch_ms: -1 }, ['/epoch_ms']],
    [{ action: 'set', epoch_ms: CLOCK_MAX_EPOCH_MS + 1 }, ['/epoch_ms']],
    [{ action: 'set', ms: 5 }, ['/epoch_ms', '/ms']],
    [{ action: 'pause', ms: 5 }, ['/ms']],
  ])('%j → 422 naming %j, clock unchanged', async (command, expected) => {
    const before = api.env.clock.state();
    const reply = await call(api, 'POST', '/__admin/clock', { json: command });
    expect(pointers(expectProblem(reply, 'validation-failed', '/__admin/clock'))).toEqual(expected);
    expect(api.env.clock.state()).toEqual(before);
  });
});

describe('/__admin/requests: the journal', () => {
  it('lists API requests newest first, with what was sent and answered', async () => {
    await call(api, 'GET', '/api/v1/users?limit=1', { headers: { 'X-Request-Id': 'one' } });
    api.env.clock.advance(10);
    await call(api, 'POST', '/api/v1/users', {
      json: newUser(1),
      headers: { 'X-Request-Id': 'two' },
    });
    const reply = await call(api, 'GET', '/__admin/requests');
    expect(reply.status).toBe(200);
    const [post, get] = reply.json.data;
    expect(reply.json.data).toHaveLength(2);
    expect(get).toMatchObject({
      id: 'one',
      method: 'GET',
      url: '/api/v1/users?limit=1',
      started_at: toRfc3339(START_MS),
      request: { body: null },
      response: { status: 200 },
    });
    expect(post).toMatchObject({
      id: 'two',
      method: 'POST',
      url: '/api/v1/users',
      started_at: toRfc3339(START_MS + 10),
      request: {
        headers: { 'content-type': 'application/json', 'x-request-id': 'two' },
        body: JSON.stringify(newUser(1)),
      },
      response: {
        status: 201,
        headers: { location: expect.stringMatching(/^\/api\/v1\/users\//) },
      },
    });
    expect(JSON.parse(post.response.body)).toMatchObject(newUser(1));
    expect(post.duration_ms).toBeGreaterThanOrEqual(0);
    expect(post.seq).toBeGreaterThan(get.seq);
  });

  it('never journals admin calls', async () => {
    await call(api, 'GET', '/api/v1/products');
    await call(api, 'GET', '/__admin/settings');
    await call(api, 'PATCH', '/__admin/settings', { json: { limits: { max_page_size: 90 } } });
    await call(api, 'POST', '/__admin/clock', { json: { action: 'advance', ms: 1 } });
    await call(api, 'GET', '/__admin/clock');
    await call(api, 'GET', '/__admin/nope');
    await call(api, 'DELETE', '/__admin/reset');
    const data = (await call(api, 'GET', '/__admin/requests')).json.data;
    expect(data.map((entry: { url: string }) => entry.url)).toEqual(['/api/v1/products']);
    expect(events.filter((event) => event.type === 'journal')).toHaveLength(1);
  });

  it('?limit=n answers the newest n; limit must be 1 to the capacity', async () => {
    for (let i = 0; i < 5; i++) await call(api, 'GET', `/api/v1/users?offset=${i}`);
    const two = (await call(api, 'GET', '/__admin/requests?limit=2')).json.data;
    expect(two.map((entry: { url: string }) => entry.url)).toEqual([
      '/api/v1/users?offset=4',
      '/api/v1/users?offset=3',
    ]);
    for (const bad of ['0', '1001', 'x', '-1', '2.5']) {
      const reply = await call(api, 'GET', `/__admin/requests?limit=${bad}`);
      expect(expectProblem(reply, 'invalid-parameter').errors).toEqual([
        { parameter: 'limit', detail: expect.any(String) },
      ]);
    }
  });

  it('keeps at most journal.capacity entries, the newest', async () => {
    await call(api, 'PATCH', '/__admin/settings', { json: { journal: { capacity: 3 } } });
    for (let i = 0; i < 6; i++) await call(api, 'GET', `/api/v1/users?offset=${i}`);
    const data = (await call(api, 'GET', '/__admin/requests?limit=3')).json.data;
    expect(data.map((entry: { url: string }) => entry.url)).toEqual([
      '/api/v1/users?offset=5',
      '/api/v1/users?offset=4',
      '/api/v1/users?offset=3',
    ]);
  });

  it('resizing keeps the newest entries, whichever way it goes', async () => {
    const urls = async () =>
      (await call(api, 'GET', '/__admin/requests')).json.data.map(
        (entry: { url: string }) => entry.url,
      );
    for (let i = 0; i < 6; i++) await call(api, 'GET', `/api/v1/users?offset=${i}`);
    await call(api, 'PATCH', '/__admin/settings', { json: { journal: { capacity: 2 } } });
    expect(await urls()).toEqual(['/api/v1/users?offset=5', '/api/v1/users?offset=4']);
    await call(api, 'PATCH', '/__admin/settings', { json: { journal: { capacity: 10 } } });
    await call(api, 'GET', '/api/v1/products');
    expect(await urls()).toEqual([
      '/api/v1/products',
      '/api/v1/users?offset=5',
      '/api/v1/users?offset=4',
    ]);
  });

  it('DELETE clears it: 204, then empty', async () => {
    await call(api, 'GET', '/api/v1/users');
    const reply = await call(api, 'DELETE', '/__admin/requests');
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect((await call(api, 'GET', '/__admin/requests')).json).toEqual({ data: [] });
    expect(events.at(-1)).toEqual({ type: 'journal-cleared' });
  });

  it('notes name the rule that decided each outcome, with its standard', async () => {
    const user = (await call(api, 'POST', '/api/v1/users', { json: newUser(1) })).json;
    await call(api, 'DELETE', '/api/v1/users');
    await call(api, 'PATCH', `/api/v1/users/${user.id}`, {
      json: { name: 'X' },
      contentType: 'application/json',
    });
    await call(api, 'GET', '/api/v1/users/usr_missing');
    await call(api, 'POST', '/api/v1/users', { json: { name: '' } });
    await call(api, 'DELETE', `/api/v1/users/${user.id}`);
    await call(api, 'DELETE', `/api/v1/users/${user.id}`);

    const entries = (await call(api, 'GET', '/__admin/requests')).json.data.reverse();
    const noteText = (index: number) =>
      entries[index].notes
        .map((note: { rule: string; standard?: { cite: string } }) =>
          [note.rule, note.standard?.cite ?? ''].join(' '),
        )
        .join(' | ');
    expect(entries.map((entry: { response: { status: number } }) => entry.response.status)).toEqual(
      [201, 405, 415, 404, 422, 204, 404],
    );
    expect(noteText(0)).toMatch(/Location.*RFC 9110 §15\.3\.2/);
    expect(noteText(1)).toMatch(/Allow/);
    expect(noteText(1)).toMatch(/RFC 9110 §15\.5\.6/);
    expect(noteText(2)).toMatch(/415.*RFC 9110 §15\.5\.16/);
    expect(noteText(3)).toMatch(/404/);
    expect(noteText(4)).toMatch(/422.*RFC 9110 §15\.5\.21/);
    expect(noteText(5)).toMatch(/204.*RFC 9110 §9\.3\.5/);
    expect(noteText(6)).toMatch(/idempotent/);
    for (const entry of entries) {
      for (const note of entry.notes) {
        if (note.standard) expect(note.standard.href).toMatch(/^https:\/\/www\.rfc-editor\.org\//);
      }
    }
  });
});

describe('reset with a streamed empty body', () => {
  it('answers 204 when no Content-Type and no bytes are sent', async () => {
    const api = makeApi();
    const empty = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    const response = await api.fetch(
      new Request('http://localhost/__admin/reset', {
        method: 'POST',
        body: empty,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(204);
  });
});

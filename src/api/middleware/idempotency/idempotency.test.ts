import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Api } from '../../create-api.ts';
import type { Row } from '../../store/row.ts';
import {
  START_MS,
  call,
  expectProblem,
  makeApi,
  newProduct,
  newUser,
  snapshot,
  type CallOptions,
} from '../../test-support.ts';

let api: Api;
let user: Row;
let kettle: Row;

async function setup(options: Parameters<typeof makeApi>[0] = {}) {
  api = makeApi(options);
  user = [...api.env.store.collection('users').all()][0] as Row;
  kettle = (
    await call(api, 'POST', '/api/v1/products', {
      json: newProduct('kettle', { stock: 10, price_cents: 500 }),
    })
  ).json as Row;
}

beforeEach(() => setup());

const settings = (json: unknown) => call(api, 'PATCH', '/__admin/settings', { json });
const orderBody = (quantity = 1) => ({ user_id: user.id, product_id: kettle.id, quantity });
const post = (key: string | null, json: unknown = orderBody(), extra: CallOptions = {}) =>
  call(api, 'POST', '/api/v1/orders', {
    json,
    ...extra,
    headers: { ...(key === null ? {} : { 'Idempotency-Key': key }), ...extra.headers },
  });
const stock = () => api.env.store.collection('products').get(kettle.id)?.stock;
const orderCount = () => api.env.store.collection('orders').size;
const records = async () => (await call(api, 'GET', '/__admin/idempotency')).json.data;

describe('a retry with the same key and body is answered from the record (shared API.md §8)', () => {
  it('the saved status, body and representation headers, Idempotent-Replayed: true; nothing runs again', async () => {
    const first = await post('"k-1"');
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const orders = orderCount();
    const before = snapshot(api);
    const again = await post('"k-1"', orderBody(), { headers: { 'X-Request-Id': 'retry-1' } });
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    for (const name of ['Content-Type', 'Location', 'ETag', 'Last-Modified', 'Cache-Control'])
      expect(again.headers.get(name), name).toBe(first.headers.get(name));
    // X-Request-Id belongs to the replaying request.
    expect(again.headers.get('X-Request-Id')).toBe('retry-1');
    expect(snapshot(api)).toEqual(before);
    expect(orderCount()).toBe(orders);
    expect(stock()).toBe(9);
  });

  it('member order and white space do not matter: the fingerprint is of the canonical JSON', async () => {
    await post('"k-2"', { quantity: 2, product_id: kettle.id, user_id: user.id });
    const again = await call(api, 'POST', '/api/v1/orders', {
      body: `{ "user_id": "${user.id}",\n "product_id": "${kettle.id}", "quantity": 2.0 }`,
      contentType: 'application/json',
      headers: { 'Idempotency-Key': '"k-2"' },
    });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(stock()).toBe(8);
  });

  it('a failure after the write began is saved too: a 409 for stock is replayed as it was', async () => {
    const first = await post('"big"', orderBody(11));
    expectProblem(first, 'insufficient-stock');
    await call(api, 'PATCH', `/api/v1/products/${kettle.id}`, { json: { stock: 50 } });
    const again = await post('"big"', orderBody(11));
    expect(again.status).toBe(409);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.json.available).toBe(10);
    expect(stock()).toBe(50);
  });

  it('a replay spends no rate-limit quota', async () => {
    await setup({ rateLimit: true });
    const headers = { 'X-Client-Id': 'retrier' };
    const first = await post('"q-1"', orderBody(), { headers });
    const remaining = first.headers.get('RateLimit');
    const again = await post('"q-1"', orderBody(), { headers });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('RateLimit')).toBe(remaining);
    const third = await post('"q-2"', orderBody(), { headers });
    expect(third.headers.get('RateLimit')).not.toBe(remaining);
  });

  it('PATCH too: a cancel retried with its key is replayed', async () => {
    const placed = (await post('"place"')).json as Row;
    const cancel = () =>
      call(api, 'PATCH', `/api/v1/orders/${placed.id}`, {
        json: { status: 'cancelled' },
        headers: { 'Idempotency-Key': '"cancel"' },
      });
    const first = await cancel();
    expect(first.status).toBe(200);
    const again = await cancel();
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.text).toBe(first.text);
  });
});

describe('keys are scoped to the client, the method and the path', () => {
  it('another client with the same key makes its own order', async () => {
    await post('"shared"', orderBody(), { headers: { 'X-Client-Id': 'a' } });
    const other = await post('"shared"', orderBody(), { headers: { 'X-Client-Id': 'b' } });
    expect(other.status).toBe(201);
    expect(other.headers.get('Idempotent-Replayed')).toBeNull();
    expect(stock()).toBe(8);
  });

  it('the same key on another path is another request', async () => {
    await post('"path"');
    const created = await call(api, 'POST', '/api/v1/users', {
      json: newUser('scoped'),
      headers: { 'Idempotency-Key': '"path"' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('Idempotent-Replayed')).toBeNull();
  });
});

describe('a key reused with another body is refused, never replayed', () => {
  it('ietf: 422 idempotency-key-reused; nothing changed', async () => {
    await post('"reuse"', orderBody(1));
    const before = snapshot(api);
    const reply = await post('"reuse"', orderBody(2));
    const body = expectProblem(reply, 'idempotency-key-reused');
    expect(body.errors).toEqual([{ header: 'Idempotency-Key', detail: expect.any(String) }]);
    expect(snapshot(api)).toEqual(before);
  });

  it('stripe: the bare key; reuse is 400 with the same type', async () => {
    await settings({ idempotency: { dialect: 'stripe' } });
    expect((await post('KG5LxwFBepaKHyUD')).status).toBe(201);
    const replay = await post('KG5LxwFBepaKHyUD');
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    const reply = await post('KG5LxwFBepaKHyUD', orderBody(3));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ type: '/problems/idempotency-key-reused', status: 400 });
    expect(stock()).toBe(9);
  });

  it('a malformed key is 400 invalid-header, and nothing is done', async () => {
    const before = snapshot(api);
    const reply = await post('not-quoted');
    expectProblem(reply, 'invalid-header');
    expect(snapshot(api)).toEqual(before);
  });
});

describe('nothing is saved for a request refused before its write', () => {
  it('a 422 leaves the key free: the corrected body succeeds with it', async () => {
    expectProblem(await post('"fix-me"', orderBody(0)), 'validation-failed');
    expect(await records()).toEqual([]);
    const fixed = await post('"fix-me"', orderBody(1));
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('400 (bad JSON), 404 (unknown order) and 415 leave no record either', async () => {
    await call(api, 'POST', '/api/v1/orders', {
      body: '{"broken":',
      contentType: 'application/json',
      headers: { 'Idempotency-Key': '"k"' },
    });
    await post('"k"', orderBody(), { contentType: 'text/plain' });
    await call(api, 'PATCH', '/api/v1/orders/ord_nothing', {
      json: { status: 'cancelled' },
      headers: { 'Idempotency-Key': '"k"' },
    });
    expect(await records()).toEqual([]);
  });
});

describe('idempotency.required', () => {
  it('a POST without a key → 400 idempotency-key-missing; other collections and PATCH are free', async () => {
    await settings({ idempotency: { required: ['orders'] } });
    const before = snapshot(api);
    const reply = await post(null);
    const body = expectProblem(reply, 'idempotency-key-missing');
    expect(body.errors).toEqual([{ header: 'Idempotency-Key', detail: expect.any(String) }]);
    expect(snapshot(api)).toEqual(before);
    expect((await post('"now-with-key"')).status).toBe(201);
    expect((await call(api, 'POST', '/api/v1/users', { json: newUser('free') })).status).toBe(201);
    expect((await settings({ idempotency: { required: ['invoices'] } })).status).toBe(422);
  });
});

describe('retention on the virtual clock', () => {
  it('the key is forgotten retention_ms after completion: the same key then starts afresh', async () => {
    await settings({ idempotency: { retention_ms: 60_000 } });
    await post('"short"');
    const [record] = await records();
    expect(record).toMatchObject({
      key: 'short',
      client: 'anonymous',
      method: 'POST',
      path: '/api/v1/orders',
      state: 'completed',
      status: 201,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      expires_at: new Date(START_MS + 60_000).toISOString(),
    });
    api.env.clock.advance(59_999);
    expect((await post('"short"')).headers.get('Idempotent-Replayed')).toBe('true');
    api.env.clock.advance(1);
    expect(await records()).toEqual([]);
    const fresh = await post('"short"');
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get('Idempotent-Replayed')).toBeNull();
    expect(stock()).toBe(8);
  });
});

describe('while the first request is in flight', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Lets the held request run up to its delay: the record is in flight once listed so. */
  async function untilInFlight() {
    for (let i = 0; i < 1000; i++) {
      const list = await records();
      if (list.some((record: { state: string }) => record.state === 'in_flight')) return list;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('the first request never got in flight');
  }

  it('the same key → 409 in flight (not saved); another body → 422; then the saved outcome', async () => {
    await call(api, 'POST', '/__admin/faults/next', {
      json: { kind: 'delay', count: 1, ms: 5000 },
    });
    const first = post('"click"');
    const [held] = await untilInFlight();
    expect(held).toMatchObject({
      key: 'click',
      state: 'in_flight',
      status: null,
      expires_at: null,
    });

    expectProblem(await post('"click"'), 'idempotency-key-in-flight');
    expectProblem(await post('"click"', orderBody(2)), 'idempotency-key-reused');
    expect(stock()).toBe(10);

    await vi.advanceTimersByTimeAsync(5000);
    expect((await first).status).toBe(201);
    const replay = await post('"click"');
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(stock()).toBe(9);
  });
});

describe('records survive a reload until Reset', () => {
  it('saved by the mechanism, restored by createApi, cleared by reset', async () => {
    const first = await post('"persist"');
    const saved = {
      meta: structuredClone(api.env.store.meta),
      rows: [
        ...api.env.store.collection('orders').all(),
        ...api.env.store.collection('products').all(),
      ]
        .slice(-2)
        .map((row) => [row.id.startsWith('ord') ? 'orders' : 'products', row.id, row]) as [
        string,
        string,
        Row,
      ][],
      settings: api.env.settings.current,
      mechanisms: api.saveMechanisms(),
    };
    expect(saved.mechanisms.idempotency).toHaveLength(1);
    const reloaded = createApi({ clock: api.env.clock, restore: saved });
    const again = await call(reloaded, 'POST', '/api/v1/orders', {
      json: orderBody(),
      headers: { 'Idempotency-Key': '"persist"' },
    });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    await call(reloaded, 'POST', '/__admin/reset');
    expect((await call(reloaded, 'GET', '/__admin/idempotency')).json.data).toEqual([]);
    expect(reloaded.saveMechanism('idempotency')).toEqual([]);
  });
});

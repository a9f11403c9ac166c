import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../create-api.ts';
import type { Row } from '../../store/row.ts';
import { call, expectProblem, makeApi, newProduct } from '../../test-support.ts';
import { FAULT_NOTE } from './faults.ts';

let api: Api;
beforeEach(() => {
  api = makeApi();
});

const settings = (json: unknown) => call(api, 'PATCH', '/__admin/settings', { json });
const queue = (json: unknown) => call(api, 'POST', '/__admin/faults/next', { json });

/** What each of `n` GETs met: 200, 503, or 0 for a dropped answer. */
async function outcomes(n: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) {
    const response = await api.fetch(new Request('http://restlab.test/api/v1/products?limit=1'));
    seen.push(response.status);
  }
  return seen;
}

const faultNotes = async () =>
  (await call(api, 'GET', '/__admin/requests?limit=1')).json.data[0].notes
    .map((note: { rule: string }) => note.rule)
    .filter((rule: string) => rule.startsWith(FAULT_NOTE));

describe('error_rate and drop_rate (shared API.md §8)', () => {
  it('the same seed gives the same faults; the sequence restarts on reset and on a settings change', async () => {
    await settings({ faults: { error_rate: 0.3, drop_rate: 0.3, seed: 7 } });
    const first = await outcomes(40);
    expect(first).toContain(503);
    expect(first).toContain(0);
    expect(first).toContain(200);
    await call(api, 'POST', '/__admin/reset');
    expect(await outcomes(40)).toEqual(first);
    await settings({ faults: { seed: 8 } });
    const other = await outcomes(40);
    expect(other).not.toEqual(first);
    await settings({ faults: { seed: 7 } });
    expect(await outcomes(40)).toEqual(first);
    // A change elsewhere in the settings does not restart it.
    await call(api, 'POST', '/__admin/reset');
    const head = await outcomes(20);
    await settings({ journal: { capacity: 500 } });
    expect([...head, ...(await outcomes(20))]).toEqual(first);
  });

  it('a 503 is a problem with Retry-After, before any idempotency record or work', async () => {
    const user = [...api.env.store.collection('users').all()][0] as Row;
    const product = (await call(api, 'POST', '/api/v1/products', { json: newProduct(1) }))
      .json as Row;
    await queue({ kind: 'error', count: 1 });
    const send = () =>
      call(api, 'POST', '/api/v1/orders', {
        json: { user_id: user.id, product_id: product.id, quantity: 1 },
        headers: { 'Idempotency-Key': '"after-503"' },
      });
    const refused = await send();
    expectProblem(refused, 'service-unavailable');
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(await faultNotes()).toEqual([expect.stringContaining('503 on arrival')]);
    expect((await call(api, 'GET', '/__admin/idempotency')).json.data).toEqual([]);
    expect(api.env.store.collection('products').get(product.id)?.stock).toBe(7);
    const retried = await send();
    expect(retried.status).toBe(201);
    expect(retried.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('a drop comes after the commit and the saved record: the retry with the key is a replay', async () => {
    const user = [...api.env.store.collection('users').all()][0] as Row;
    const product = (await call(api, 'POST', '/api/v1/products', { json: newProduct(1) }))
      .json as Row;
    await queue({ kind: 'drop', count: 1 });
    const request = () =>
      new Request('http://restlab.test/api/v1/orders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': '"lost"' },
        body: JSON.stringify({ user_id: user.id, product_id: product.id, quantity: 2 }),
      });
    const lost = await api.fetch(request());
    expect(lost.type).toBe('error');
    expect(await faultNotes()).toEqual([
      expect.stringContaining('dropped after the work was done'),
    ]);
    expect(api.env.store.collection('products').get(product.id)?.stock).toBe(5);
    const [record] = (await call(api, 'GET', '/__admin/idempotency')).json.data;
    expect(record).toMatchObject({ key: 'lost', state: 'completed', status: 201 });
    const retry = await api.fetch(request());
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(api.env.store.collection('products').get(product.id)?.stock).toBe(5);
  });

  it('methods and path_prefix say which requests are affected', async () => {
    await settings({ faults: { error_rate: 1, methods: ['POST'] } });
    expect(await outcomes(3)).toEqual([200, 200, 200]);
    await settings({ faults: { methods: ['GET'], path_prefix: '/api/v1/users' } });
    expect(await outcomes(3)).toEqual([200, 200, 200]);
    expect((await call(api, 'GET', '/api/v1/users?limit=1')).status).toBe(503);
    // The control API is never affected.
    expect((await call(api, 'GET', '/__admin/settings')).status).toBe(200);
  });

  it('one-shot faults are used once each, by the next matching requests', async () => {
    await queue({ kind: 'error', count: 2 });
    await queue({ kind: 'drop', count: 1 });
    expect((await call(api, 'GET', '/__admin/faults')).json.queued).toEqual({
      error: 2,
      drop: 1,
      delay: [],
    });
    expect(await outcomes(4)).toEqual([503, 503, 0, 200]);
    expect((await call(api, 'GET', '/__admin/faults')).json.queued).toEqual({
      error: 0,
      drop: 0,
      delay: [],
    });
    await queue({ kind: 'error', count: 1 });
    await call(api, 'POST', '/__admin/reset');
    expect(await outcomes(1)).toEqual([200]);
  });

  it.each([
    [{ kind: 'delay', count: 1 }, ['/ms']],
    [{ kind: 'error', count: 0 }, ['/count']],
    [{ kind: 'error', count: 1, ms: 5 }, ['/ms']],
    [{ kind: 'explode', count: 1 }, ['/kind']],
  ])('%j → 422, nothing queued', async (json, pointers) => {
    const reply = await queue(json);
    const body = expectProblem(reply, 'validation-failed');
    expect(body.errors?.map((error) => ('pointer' in error ? error.pointer : ''))).toEqual(
      pointers,
    );
    expect(await outcomes(1)).toEqual([200]);
  });

  it('settings are validated: rates within 0–1, jitter within the latency', async () => {
    for (const faults of [
      { error_rate: 1.5 },
      { drop_rate: -0.1 },
      { jitter_ms: 10 },
      { path_prefix: 'api' },
    ])
      expect((await settings({ faults })).status).toBe(422);
  });
});

describe('latency (real time, while the request is in flight)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('latency_ms ± jitter_ms from the seed: the same delays for the same seed', async () => {
    await settings({ faults: { latency_ms: 200, jitter_ms: 100, seed: 3 } });
    const delays = async () => {
      const seen: number[] = [];
      for (let i = 0; i < 5; i++) {
        const pending = api.fetch(new Request('http://restlab.test/api/v1/products?limit=1'));
        await vi.advanceTimersByTimeAsync(300);
        expect((await pending).status).toBe(200);
        const [note] = await faultNotes();
        seen.push(Number(/(\d+) ms of real time/.exec(note)?.[1]));
      }
      return seen;
    };
    const first = await delays();
    for (const ms of first) {
      expect(ms).toBeGreaterThanOrEqual(100);
      expect(ms).toBeLessThanOrEqual(300);
    }
    expect(new Set(first).size).toBeGreaterThan(1);
    await call(api, 'POST', '/__admin/reset');
    expect(await delays()).toEqual(first);
  });

  it('the request waits: not answered before its delay has passed', async () => {
    await queue({ kind: 'delay', count: 1, ms: 1000 });
    let answered = false;
    const pending = api
      .fetch(new Request('http://restlab.test/api/v1/products?limit=1'))
      .then((response) => {
        answered = true;
        return response;
      });
    await vi.advanceTimersByTimeAsync(999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });
});

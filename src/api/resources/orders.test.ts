import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../create-api.ts';
import type { Row } from '../store/row.ts';
import { call, expectProblem, makeApi, newProduct, pointers, snapshot } from '../test-support.ts';

let api: Api;
let user: Row;

beforeEach(() => {
  api = makeApi();
  user = [...api.env.store.collection('users').all()][0] as Row;
});

async function product(stock: number, price = 250): Promise<Row> {
  const reply = await call(api, 'POST', '/api/v1/products', {
    json: newProduct('for orders', { stock, price_cents: price }),
  });
  expect(reply.status).toBe(201);
  return reply.json as Row;
}

const stockOf = (id: string) => api.env.store.collection('products').get(id)?.stock;
const order = (productId: string, quantity: number, userId = user.id) =>
  call(api, 'POST', '/api/v1/orders', {
    json: { user_id: userId, product_id: productId, quantity },
  });

describe('POST /api/v1/orders (shared API.md §8)', () => {
  it('201 with Location; takes the stock in the same write; total = price × quantity', async () => {
    const kettle = await product(5, 1299);
    const reply = await order(kettle.id, 3);
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({
      user_id: user.id,
      product_id: kettle.id,
      quantity: 3,
      status: 'placed',
      total_cents: 3897,
    });
    expect(reply.json.id).toMatch(/^ord_/);
    expect(reply.headers.get('Location')).toBe(`/api/v1/orders/${reply.json.id}`);
    expect(stockOf(kettle.id)).toBe(2);
    // Taking stock changes the product's updated_at, so its validators change (§9).
    const after = await call(api, 'GET', `/api/v1/products/${kettle.id}`);
    expect(after.headers.get('ETag')).not.toBe(null);
    expect((await call(api, 'GET', `/api/v1/orders/${reply.json.id}`)).json).toEqual(reply.json);
  });

  it('not enough stock → 409 insufficient-stock with available; nothing changed', async () => {
    const kettle = await product(2);
    const before = snapshot(api);
    const reply = await order(kettle.id, 3);
    const body = expectProblem(reply, 'insufficient-stock', '/api/v1/orders');
    expect(body.available).toBe(2);
    expect(pointers(body)).toEqual(['/quantity']);
    expect(snapshot(api)).toEqual(before);
  });

  it('an unknown user or product → 422 pointing at it; nothing changed', async () => {
    const kettle = await product(2);
    const before = snapshot(api);
    const noUser = expectProblem(await order(kettle.id, 1, 'usr_nobody'), 'validation-failed');
    expect(pointers(noUser)).toEqual(['/user_id']);
    const neither = expectProblem(await order('prd_nothing', 1, 'usr_nobody'), 'validation-failed');
    expect(pointers(neither)).toEqual(['/product_id', '/user_id']);
    expect(snapshot(api)).toEqual(before);
  });

  it.each([
    [{ quantity: 0 }, ['/quantity']],
    [{ quantity: 101 }, ['/quantity']],
    [{ quantity: 1.5 }, ['/quantity']],
    [{ quantity: '2' }, ['/quantity']],
    [{ status: 'placed' }, ['/status']],
    [{ total_cents: 1 }, ['/total_cents']],
    [{ id: 'ord_mine' }, ['/id']],
    [{ coupon: 'FREE' }, ['/coupon']],
  ])('%j → 422 naming %j', async (change, expected) => {
    const kettle = await product(200);
    const json = { user_id: user.id, product_id: kettle.id, quantity: 1, ...change };
    const reply = await call(api, 'POST', '/api/v1/orders', { json });
    expect(pointers(expectProblem(reply, 'validation-failed'))).toEqual(expected);
    expect(stockOf(kettle.id)).toBe(200);
  });

  it('50 concurrent orders of 1 for a stock of 10: exactly 10 succeed, the stock ends at 0', async () => {
    const kettle = await product(10);
    const replies = await Promise.all(Array.from({ length: 50 }, () => order(kettle.id, 1)));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(40);
    expect(stockOf(kettle.id)).toBe(0);
    const placed = [...api.env.store.collection('orders').all()].filter(
      (row) => row.product_id === kettle.id,
    );
    expect(placed).toHaveLength(10);
  });
});

describe('cancelling (merge patch)', () => {
  const cancel = (id: string, json: unknown = { status: 'cancelled' }) =>
    call(api, 'PATCH', `/api/v1/orders/${id}`, { json });

  it('gives the stock back; cancelling again is 200 and changes nothing', async () => {
    const kettle = await product(4);
    const placed = (await order(kettle.id, 3)).json as Row;
    expect(stockOf(kettle.id)).toBe(1);
    api.env.clock.advance(1000);
    const first = await cancel(placed.id);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: 'cancelled', quantity: 3 });
    expect(first.json.updated_at).not.toBe(placed.updated_at);
    expect(stockOf(kettle.id)).toBe(4);
    const before = snapshot(api);
    api.env.clock.advance(1000);
    const again = await cancel(placed.id);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(snapshot(api)).toEqual(before);
  });

  it.each([
    [{ status: 'placed' }, ['/status']],
    [{ quantity: 1 }, ['/quantity', '/status']],
    [{ status: 'cancelled', product_id: 'prd_x' }, ['/product_id']],
    [{ status: 'cancelled', total_cents: 0 }, ['/total_cents']],
    [{}, ['/status']],
  ])('%j → 422 naming %j, nothing changed', async (json, expected) => {
    const kettle = await product(4);
    const placed = (await order(kettle.id, 1)).json as Row;
    const before = snapshot(api);
    expect(pointers(expectProblem(await cancel(placed.id, json), 'validation-failed'))).toEqual(
      expected,
    );
    expect(snapshot(api)).toEqual(before);
  });

  it('an unknown order is 404, before any body problem', async () => {
    expectProblem(await cancel('ord_nothing', { status: 'placed' }), 'not-found');
  });
});

describe('orders are never replaced or deleted', () => {
  it('PUT and DELETE → 405 with Allow', async () => {
    const id = ([...api.env.store.collection('orders').all()][0] as Row).id;
    for (const method of ['PUT', 'DELETE']) {
      const reply = await call(api, method, `/api/v1/orders/${id}`, { json: {} });
      expectProblem(reply, 'method-not-allowed');
      expect(reply.headers.get('Allow')).toBe('GET, HEAD, PATCH, OPTIONS');
    }
  });
});

describe('GET /api/v1/orders', () => {
  it('paginates as every list, and user_id keeps only that user’s orders', async () => {
    const all = await call(api, 'GET', '/api/v1/orders?limit=5');
    expect(all.status).toBe(200);
    expect(all.json.pagination).toMatchObject({ limit: 5, offset: 0, total: 40 });
    const owner = all.json.data[0].user_id as string;
    const mine = [...api.env.store.collection('orders').all()].filter(
      (row) => row.user_id === owner,
    );
    const page = await call(api, 'GET', `/api/v1/orders?user_id=${owner}&limit=100`);
    expect(page.json.pagination.total).toBe(mine.length);
    expect(page.json.data.map((row: Row) => row.id).sort()).toEqual(
      mine.map((row) => row.id).sort(),
    );
    // A cursor walk under the filter stays under it.
    const walked: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const query: string = next === '' ? '' : `&cursor=${encodeURIComponent(next)}`;
      const step = await call(api, 'GET', `/api/v1/orders?user_id=${owner}&limit=1${query}`);
      walked.push(...step.json.data.map((row: Row) => row.id));
      next = step.json.pagination.next_cursor;
    }
    expect(walked.sort()).toEqual(mine.map((row) => row.id).sort());
    const none = await call(api, 'GET', '/api/v1/orders?user_id=usr_nobody');
    expect(none.json).toMatchObject({ data: [], pagination: { total: 0 } });
    expectProblem(await call(api, 'GET', '/api/v1/orders?sort=name'), 'invalid-parameter');
  });

  it('seeded orders refer to seeded users and products, the same for the same seed', () => {
    const { store } = api.env;
    const seeded = [...store.collection('orders').all()];
    expect(seeded).toHaveLength(40);
    for (const row of seeded) {
      expect(store.collection('users').get(String(row.user_id))).toBeDefined();
      expect(store.collection('products').get(String(row.product_id))).toBeDefined();
      expect(['placed', 'cancelled']).toContain(row.status);
      expect(row.total_cents).toBeGreaterThan(0);
    }
    expect(snapshot(makeApi()).rows.orders).toEqual(seeded);
  });
});

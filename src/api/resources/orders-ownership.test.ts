import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../create-api.ts';
import { bearer, enforce, login, seededUser } from '../middleware/auth/auth-test-support.ts';
import type { Row } from '../store/row.ts';
import { call, expectProblem, makeApi } from '../test-support.ts';

/** Orders belong to their user_id (shared API.md §6, "Orders (§8) belong to their user_id"). */
let api: Api;
let member: { access: string; user: Row };
let admin: { access: string; user: Row };
let product: Row;

beforeEach(async () => {
  api = makeApi();
  member = await login(api, 'member');
  admin = await login(api, 'admin');
  product = [...api.env.store.collection('products').all()].find(
    (row) => Number(row.stock) >= 10,
  ) as Row;
  expect((await enforce(api, 'all')).status).toBe(200);
});

const place = (token: string, userId: unknown) =>
  call(api, 'POST', '/api/v1/orders', {
    headers: bearer(token),
    json: { user_id: userId, product_id: product.id, quantity: 1 },
  });

describe('orders with enforce all', () => {
  it('a member places orders only for themselves; an admin for anyone', async () => {
    const stock = Number(product.stock);
    expect((await place(member.access, member.user.id)).status).toBe(201);
    const other = await place(member.access, admin.user.id);
    expectProblem(other, 'insufficient-scope');
    expect(other.headers.get('WWW-Authenticate')).toContain('error="insufficient_scope"');
    // The refused order took no stock.
    expect(api.env.store.collection('products').get(product.id)?.stock).toBe(stock - 1);
    expect((await place(admin.access, member.user.id)).status).toBe(201);
  });

  it("a member sees only their own orders: lists are filtered, another's order is 404", async () => {
    const mine = (await place(member.access, member.user.id)).json as Row;
    const theirs = (await place(admin.access, admin.user.id)).json as Row;

    const list = await call(api, 'GET', '/api/v1/orders?limit=100', {
      headers: bearer(member.access),
    });
    expect(list.status).toBe(200);
    const users = new Set((list.json.data as Row[]).map((row) => row.user_id));
    expect([...users]).toEqual([member.user.id]);
    const asked = await call(api, 'GET', `/api/v1/orders?user_id=${admin.user.id}`, {
      headers: bearer(member.access),
    });
    expect(asked.json.data).toEqual([]);

    expect(
      (await call(api, 'GET', `/api/v1/orders/${mine.id}`, { headers: bearer(member.access) }))
        .status,
    ).toBe(200);
    expectProblem(
      await call(api, 'GET', `/api/v1/orders/${theirs.id}`, { headers: bearer(member.access) }),
      'not-found',
    );
    const all = await call(api, 'GET', '/api/v1/orders?limit=100', {
      headers: bearer(admin.access),
    });
    expect(new Set((all.json.data as Row[]).map((row) => row.user_id)).size).toBeGreaterThan(1);
  });

  it("a member cannot cancel another's order, and its stock stays taken", async () => {
    const theirs = (await place(admin.access, admin.user.id)).json as Row;
    const stock = api.env.store.collection('products').get(product.id)?.stock;
    const cancel = await call(api, 'PATCH', `/api/v1/orders/${theirs.id}`, {
      headers: bearer(member.access),
      json: { status: 'cancelled' },
    });
    expect(cancel.status).toBe(403);
    expect(api.env.store.collection('orders').get(theirs.id)?.status).toBe('placed');
    expect(api.env.store.collection('products').get(product.id)?.stock).toBe(stock);
    const own = (await place(member.access, member.user.id)).json as Row;
    const mine = await call(api, 'PATCH', `/api/v1/orders/${own.id}`, {
      headers: bearer(member.access),
      json: { status: 'cancelled' },
    });
    expect(mine.status).toBe(200);
    expect(seededUser(api, 'member').id).toBe(member.user.id);
  });
});

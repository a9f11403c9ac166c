import { API_BASE } from '../../../api/routes/api-base.ts';
import { send } from '../../shared/http.ts';

/** One method sent twice, and what the state was before, after one and after two. */
export interface MethodRow {
  method: string;
  request: string;
  statuses: [number, number];
  states: [string, string, string];
  safe: boolean;
  idempotent: boolean;
}

const CLIENT = { 'X-Client-Id': 'idempotency-lab-methods' };

/**
 * RFC 9110 §9.2 observed rather than asserted: each method's request is sent twice to a product
 * of the lab's own, and the product (and its orders) is read before, after one and after two.
 * Safe: the first changes nothing. Idempotent: the second changes nothing more.
 */
export async function runMethods(): Promise<MethodRow[]> {
  const users = await send<{ data: { id: string }[] }>(`${API_BASE}/users?limit=1`, {
    headers: CLIENT,
  });
  const userId = (users.body as { data: { id: string }[] }).data[0]?.id ?? '';
  const make = async (name: string) =>
    (
      (
        await send<{ id: string }>(`${API_BASE}/products`, {
          method: 'POST',
          headers: CLIENT,
          json: { name, price_cents: 1000, stock: 10 },
        })
      ).body as { id: string }
    ).id;
  const lamp = await make('Methods lamp');
  const doomed = await make('Methods lamp to delete');
  const state = async (id: string) => {
    const product = await send<{ stock: number; price_cents: number }>(
      `${API_BASE}/products/${id}`,
      { headers: CLIENT },
    );
    if (product.status === 404) return 'gone';
    const row = product.body as { stock: number; price_cents: number };
    const orders = await send<{ data: { product_id: string; status: string }[] }>(
      `${API_BASE}/orders?user_id=${encodeURIComponent(userId)}&limit=100`,
      { headers: CLIENT },
    );
    const placed = (orders.body as { data: { product_id: string; status: string }[] }).data.filter(
      (order) => order.product_id === id,
    ).length;
    return `stock ${row.stock}, ${row.price_cents}¢, ${placed} order${placed === 1 ? '' : 's'}`;
  };

  const cases: { method: string; path: string; id: string; json?: unknown; shown: string }[] = [
    { method: 'GET', path: `${API_BASE}/products/${lamp}`, id: lamp, shown: 'GET the product' },
    { method: 'HEAD', path: `${API_BASE}/products/${lamp}`, id: lamp, shown: 'HEAD the product' },
    {
      method: 'PUT',
      path: `${API_BASE}/products/${lamp}`,
      id: lamp,
      json: { name: 'Methods lamp', price_cents: 1200, stock: 10 },
      shown: 'PUT price 1200',
    },
    {
      method: 'PATCH',
      path: `${API_BASE}/products/${lamp}`,
      id: lamp,
      json: { stock: 7 },
      shown: 'PATCH {"stock": 7} (merge patch)',
    },
    {
      method: 'DELETE',
      path: `${API_BASE}/products/${doomed}`,
      id: doomed,
      shown: 'DELETE a product',
    },
    {
      method: 'POST',
      path: `${API_BASE}/orders`,
      id: lamp,
      json: { user_id: userId, product_id: lamp, quantity: 1 },
      shown: 'POST an order (no key)',
    },
  ];
  const rows: MethodRow[] = [];
  for (const item of cases) {
    const before = await state(item.id);
    const once = await send(item.path, { method: item.method, headers: CLIENT, json: item.json });
    const afterOne = await state(item.id);
    const twice = await send(item.path, { method: item.method, headers: CLIENT, json: item.json });
    const afterTwo = await state(item.id);
    rows.push({
      method: item.method,
      request: item.shown,
      statuses: [once.status, twice.status],
      states: [before, afterOne, afterTwo],
      safe: before === afterOne,
      idempotent: afterOne === afterTwo,
    });
  }
  return rows;
}

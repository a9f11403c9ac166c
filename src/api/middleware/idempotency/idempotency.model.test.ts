import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../create-api.ts';
import type { Row } from '../../store/row.ts';
import { call, makeApi, newProduct } from '../../test-support.ts';

/**
 * Model-based: random sequences of orders and cancels, each retried after dropped answers
 * (shared API.md §8's drop after commit), against a reference model of stock and orders.
 * With keys every effect happens exactly once; without, each attempt that reached the server
 * is an effect of its own, exactly as the model predicts.
 */
type Op =
  | { kind: 'place'; product: number; quantity: number; keyed: boolean; drops: number }
  | { kind: 'cancel'; pick: number; keyed: boolean; drops: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('place' as const),
    product: fc.integer({ min: 0, max: 1 }),
    quantity: fc.integer({ min: 1, max: 4 }),
    keyed: fc.boolean(),
    drops: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('cancel' as const),
    pick: fc.nat(),
    keyed: fc.boolean(),
    drops: fc.integer({ min: 0, max: 2 }),
  }),
);

interface ModelOrder {
  product: number;
  quantity: number;
  status: 'placed' | 'cancelled';
}

interface Model {
  stock: number[];
  orders: ModelOrder[];
  /** Ids the client learned (answers that arrived), with their place in `orders`. */
  known: { id: string; index: number }[];
}

/** The model's effect of one attempt that reached the server. */
function placeInModel(model: Model, product: number, quantity: number): number | undefined {
  if ((model.stock[product] ?? 0) < quantity) return undefined;
  model.stock[product] = (model.stock[product] ?? 0) - quantity;
  model.orders.push({ product, quantity, status: 'placed' });
  return model.orders.length - 1;
}

function cancelInModel(model: Model, index: number): void {
  const order = model.orders[index];
  if (!order || order.status === 'cancelled') return;
  order.status = 'cancelled';
  model.stock[order.product] = (model.stock[order.product] ?? 0) + order.quantity;
}

async function attempt(api: Api, dropped: boolean, send: () => Promise<Response>) {
  if (dropped) {
    await call(api, 'POST', '/__admin/faults/next', { json: { kind: 'drop', count: 1 } });
    const response = await send();
    expect(response.type).toBe('error');
    return undefined;
  }
  const response = await send();
  return { status: response.status, json: JSON.parse(await response.text()) };
}

describe('orders, cancels and retries after lost answers, against a model', () => {
  it('stock and orders always equal the model’s; a key never makes two effects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const api = makeApi();
        const user = [...api.env.store.collection('users').all()][0] as Row;
        const products: string[] = [];
        for (const n of [0, 1]) {
          const reply = await call(api, 'POST', '/api/v1/products', {
            json: newProduct(n, { stock: 6 }),
          });
          products.push(reply.json.id);
        }
        const model: Model = { stock: [6, 6], orders: [], known: [] };

        for (const [i, op] of ops.entries()) {
          const key = op.keyed ? { 'Idempotency-Key': `"op-${i}"` } : undefined;
          let answer: { status: number; json: Row } | undefined;
          let keyedIndex: number | undefined;
          let keyedTarget: { id: string; index: number } | undefined;
          if (op.kind === 'cancel') keyedTarget = model.known[op.pick % (model.known.length || 1)];
          if (op.kind === 'cancel' && !keyedTarget) continue;

          for (let n = 0; n <= op.drops; n++) {
            const dropped = n < op.drops;
            if (op.kind === 'place') {
              const body = JSON.stringify({
                user_id: user.id,
                product_id: products[op.product],
                quantity: op.quantity,
              });
              answer = await attempt(api, dropped, () =>
                api.fetch(
                  new Request('http://restlab.test/api/v1/orders', {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/json', ...key },
                    body,
                  }),
                ),
              );
              // Without a key every attempt is new work; with one, only the first.
              if (!op.keyed || n === 0) {
                const index = placeInModel(model, op.product, op.quantity);
                if (n === 0) keyedIndex = index;
                if (!op.keyed && !dropped && index !== undefined && answer)
                  model.known.push({ id: answer.json.id, index });
              }
            } else if (keyedTarget) {
              answer = await attempt(api, dropped, () =>
                api.fetch(
                  new Request(`http://restlab.test/api/v1/orders/${keyedTarget.id}`, {
                    method: 'PATCH',
                    headers: { 'Content-Type': 'application/merge-patch+json', ...key },
                    body: '{"status":"cancelled"}',
                  }),
                ),
              );
              cancelInModel(model, keyedTarget.index);
            }
          }
          if (op.kind === 'place' && op.keyed && answer) {
            // The last answer is the first attempt's, replayed.
            if (keyedIndex === undefined) expect(answer.status).toBe(409);
            else {
              expect(answer.status).toBe(201);
              model.known.push({ id: answer.json.id, index: keyedIndex });
            }
          }
          if (op.kind === 'place' && !op.keyed && answer)
            expect([201, 409]).toContain(answer.status);

          const { store } = api.env;
          for (const [p, id] of products.entries())
            expect(store.collection('products').get(id)?.stock).toBe(model.stock[p]);
          const made = [...store.collection('orders').all()].filter((row) =>
            products.includes(String(row.product_id)),
          );
          expect(made).toHaveLength(model.orders.length);
          // Seeded and new orders share an instant on the paused clock: compare as multisets.
          const rows = made.map(
            (row) => `${products.indexOf(String(row.product_id))}:${row.quantity}:${row.status}`,
          );
          const expected = model.orders.map((o) => `${o.product}:${o.quantity}:${o.status}`);
          expect(rows.sort()).toEqual(expected.sort());
          for (const { id, index } of model.known)
            expect(store.collection('orders').get(id)?.status).toBe(model.orders[index]?.status);
        }
      }),
      { numRuns: 60 },
    );
  });
});

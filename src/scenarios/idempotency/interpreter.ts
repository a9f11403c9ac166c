import { API_BASE } from '../../api/routes/api-base.ts';
import { jsonRequest, type ScenarioContext, type Transport } from '../scenario.ts';
import type { IdempotencyStep } from './steps.ts';

/** What the lab shows after each step: the store's change, and the answers so far. */
export interface IdempotencyView {
  stock?: number;
  startStock?: number;
  orders?: number;
  answers: { label: string; status: number; replayed: boolean }[];
}

export interface StepOutcome {
  narration: string;
  view: IdempotencyView;
}

/** Requests of the scenarios count against a client of their own, apart from the user's. */
export const SCENARIO_CLIENT = 'idempotency-lab';

/**
 * A fresh interpreter for one run: it remembers the run's product, user and keys (suffixed,
 * so a second run starts with fresh keys), and returns after each step what the lab shows.
 */
export function idempotencyInterpreter(runId = Math.random().toString(36).slice(2, 8)) {
  let productId = '';
  let userId = '';
  let saved: { settings: Record<string, unknown>; paused: boolean } | undefined;
  const view: IdempotencyView = { answers: [] };
  const keyOf = (key: string) => `"${key}-${runId}"`;

  const send = async (transport: Transport, key: string | undefined) => {
    const headers: Record<string, string> = { 'X-Client-Id': SCENARIO_CLIENT };
    if (key !== undefined) headers['Idempotency-Key'] = keyOf(key);
    const body = { user_id: userId, product_id: productId, quantity: 1 };
    try {
      const response = await transport.fetch(
        jsonRequest(transport, 'POST', `${API_BASE}/orders`, body, headers),
      );
      await response.text();
      return {
        status: response.status,
        replayed: response.headers.get('Idempotent-Replayed') === 'true',
      };
    } catch {
      // The answer was lost on the way: fetch rejects, as after a dropped connection.
      return { status: 0, replayed: false };
    }
  };

  return async (step: IdempotencyStep, context: ScenarioContext): Promise<StepOutcome> => {
    const { transport } = context;
    switch (step.kind) {
      case 'setup': {
        const users = await json<{ data: { id: string }[] }>(
          transport,
          'GET',
          `${API_BASE}/users?limit=1`,
        );
        userId = users.data[0]?.id ?? '';
        const product = await json<{ id: string }>(transport, 'POST', `${API_BASE}/products`, {
          name: `Lab kettle ${runId}`,
          price_cents: 2500,
          stock: step.stock,
        });
        productId = product.id;
        view.stock = step.stock;
        view.startStock = step.stock;
        view.orders = 0;
        context.record('stock.start', step.stock);
        return {
          narration: `A product of its own with ${step.stock} in stock, and no orders for it yet.`,
          view: snapshot(view),
        };
      }
      case 'lose-next-answer':
        await json(transport, 'POST', '/__admin/faults/next', { kind: 'drop', count: 1 });
        return {
          narration:
            'A fault is queued: the next answer will be lost after the server has done the work, as when a connection drops.',
          view: snapshot(view),
        };
      case 'order': {
        const answer = await send(transport, step.key);
        context.record(`${step.as}.status`, answer.status);
        context.record(`${step.as}.replayed`, answer.replayed);
        view.answers.push({ label: step.as, ...answer });
        await observe(transport, view);
        const withKey = step.key === undefined ? 'without a key' : 'with Idempotency-Key';
        const what =
          answer.status === 0
            ? `The client never heard back (a network error), yet the order was placed: stock ${view.stock}.`
            : answer.replayed
              ? `201 replayed from the key's record (Idempotent-Replayed: true): nothing ran again, stock still ${view.stock}.`
              : `${answer.status}: ${step.retry ? 'the retry made another order' : 'an order'}, stock ${view.stock}.`;
        return {
          narration: `${step.retry ? 'Retry' : 'Order'} ${withKey}. ${what}`,
          view: snapshot(view),
        };
      }
      case 'double-click': {
        await json(transport, 'POST', '/__admin/faults/next', {
          kind: 'delay',
          count: 1,
          ms: step.holdMs,
        });
        const first = send(transport, step.key);
        await untilInFlight(transport, keyOf(step.key).slice(1, -1));
        const second = await send(transport, step.key);
        const firstAnswer = await first;
        context.record(`${step.as}.first`, firstAnswer.status);
        context.record(`${step.as}.second`, second.status);
        view.answers.push({ label: 'first click', ...firstAnswer });
        view.answers.push({ label: 'second click', ...second });
        await observe(transport, view);
        return {
          narration: `Two submits with one key; the first held ${step.holdMs} ms. The second arrived while the first was in flight: ${second.status}. The first finished: ${firstAnswer.status}.`,
          view: snapshot(view),
        };
      }
      case 'observe':
        await observe(transport, view);
        context.record(`${step.as}.orders`, view.orders ?? 0);
        context.record(`${step.as}.stock`, view.stock ?? 0);
        return {
          narration: `The store now: ${view.orders} order(s) for the product, stock ${view.stock} of ${view.startStock}.`,
          view: snapshot(view),
        };
      case 'retention': {
        if (!saved) {
          const settings = await json<Record<string, unknown>>(
            transport,
            'GET',
            '/__admin/settings',
          );
          const clock = await json<{ paused: boolean }>(transport, 'GET', '/__admin/clock');
          saved = { settings, paused: clock.paused };
          await json(transport, 'POST', '/__admin/clock', { action: 'pause' });
        }
        await json(transport, 'PATCH', '/__admin/settings', {
          idempotency: { retention_ms: step.ms },
        });
        return {
          narration: `Keys are kept ${step.ms / 1000} s of virtual time after their request completed; the clock is paused, so only the steps move it.`,
          view: snapshot(view),
        };
      }
      case 'advance':
        await json(transport, 'POST', '/__admin/clock', { action: 'advance', ms: step.ms });
        return {
          narration: `The virtual clock moves on ${step.ms / 1000} s.`,
          view: snapshot(view),
        };
      case 'key-state': {
        const records = await json<{ data: { key: string; state: string }[] }>(
          transport,
          'GET',
          '/__admin/idempotency',
        );
        const key = keyOf(step.key).slice(1, -1);
        const state = records.data.find((record) => record.key === key)?.state ?? 'gone';
        context.record(`${step.as}.state`, state);
        return {
          narration:
            state === 'gone'
              ? 'The key is forgotten: its retention is over, so the same key starts a new request.'
              : `The key's record is ${state.replace('_', ' ')}.`,
          view: snapshot(view),
        };
      }
      case 'restore':
        if (saved) {
          const { idempotency } = saved.settings as { idempotency: unknown };
          await json(transport, 'PATCH', '/__admin/settings', { idempotency });
          if (!saved.paused) await json(transport, 'POST', '/__admin/clock', { action: 'resume' });
          saved = undefined;
        }
        return { narration: 'The settings and the clock are as they were.', view: snapshot(view) };
    }
  };

  async function observe(transport: Transport, into: IdempotencyView) {
    const product = await json<{ stock: number }>(
      transport,
      'GET',
      `${API_BASE}/products/${productId}`,
    );
    const orders = await json<{ data: { product_id: string }[] }>(
      transport,
      'GET',
      `${API_BASE}/orders?user_id=${encodeURIComponent(userId)}&limit=100`,
    );
    into.stock = product.stock;
    into.orders = orders.data.filter((row) => row.product_id === productId).length;
  }
}

const snapshot = (view: IdempotencyView): IdempotencyView => structuredClone(view);

async function untilInFlight(transport: Transport, key: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const records = await json<{ data: { key: string; state: string }[] }>(
      transport,
      'GET',
      '/__admin/idempotency',
    );
    if (records.data.some((record) => record.key === key && record.state === 'in_flight')) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the first submit never got in flight');
}

async function json<T = unknown>(
  transport: Transport,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await transport.fetch(
    jsonRequest(transport, method, path, body, { 'X-Client-Id': SCENARIO_CLIENT }),
  );
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 200)}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

import { API_BASE } from '../../../api/routes/api-base.ts';
import { mulberry32 } from '../../../api/store/random.ts';
import { send } from '../../shared/http.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';

export interface RetryPlan {
  orders: number;
  /** faults.drop_rate while it runs: answers lost after the order was placed. */
  dropRate: number;
  maxRetries: number;
  baseMs: number;
  seed: number;
}

export interface RetryRun {
  label: 'without key' | 'with key';
  intended: number;
  made: number;
  attempts: number;
  /** The backoff waits taken, in ms, in order. */
  waits: number[];
}

const CLIENT = { 'X-Client-Id': 'idempotency-lab-retries' };

/**
 * A careful client (AWS's "exponential backoff and jitter", full jitter): after a lost answer
 * it waits a random time in [0, base · 2^attempt) and tries again, up to `maxRetries` times.
 * Run once without keys and once with, against the same seeded drop rate, counting the orders
 * each really made. The faults settings are put back afterwards.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export async function runRetries(plan: RetryPlan, onRun: (run: RetryRun) => void): Promise<void> {
  await pageSandbox.enter({ settings: true });
  try {
    const users = await send<{ data: { id: string }[] }>(`${API_BASE}/users?limit=1`, {
      headers: CLIENT,
    });
    const userId = (users.body as { data: { id: string }[] }).data[0]?.id ?? '';
    const tag = Math.random().toString(36).slice(2, 7);
    for (const withKey of [false, true]) {
      const product = await send<{ id: string }>(`${API_BASE}/products`, {
        method: 'POST',
        headers: CLIENT,
        json: { name: `Retry kettle ${tag}`, price_cents: 100, stock: 10_000 },
      });
      const productId = (product.body as { id: string }).id;
      // The same seed both times: the same answers are lost, so only the key differs. The
      // limiter is off meanwhile, so that no retry is refused for its quota.
      await send('/__admin/settings', {
        method: 'PATCH',
        json: {
          rate_limit: { enabled: false },
          faults: { drop_rate: plan.dropRate, error_rate: 0, seed: plan.seed },
        },
      });
      const random = mulberry32(plan.seed);
      const run: RetryRun = {
        label: withKey ? 'with key' : 'without key',
        intended: plan.orders,
        made: 0,
        attempts: 0,
        waits: [],
      };
      for (let i = 0; i < plan.orders; i++) {
        const headers: Record<string, string> = { ...CLIENT };
        if (withKey) headers['Idempotency-Key'] = `"retry-${tag}-${i}"`;
        for (let attempt = 0; attempt <= plan.maxRetries; attempt++) {
          run.attempts++;
          const ok = await place(userId, productId, headers);
          if (ok) break;
          const wait = Math.floor(random() * plan.baseMs * 2 ** attempt);
          run.waits.push(wait);
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
      await send('/__admin/settings', { method: 'PATCH', json: { faults: { drop_rate: 0 } } });
      const orders = await send<{ data: { product_id: string }[] }>(
        `${API_BASE}/orders?user_id=${encodeURIComponent(userId)}&limit=100`,
        { headers: CLIENT },
      );
      run.made = (orders.body as { data: { product_id: string }[] }).data.filter(
        (order) => order.product_id === productId,
      ).length;
      onRun(run);
    }
  } finally {
    await pageSandbox.leave();
  }
}

async function place(userId: string, productId: string, headers: Record<string, string>) {
  try {
    const reply = await send(`${API_BASE}/orders`, {
      method: 'POST',
      headers,
      json: { user_id: userId, product_id: productId, quantity: 1 },
    });
    return reply.status < 500;
  } catch {
    // The answer was lost: the client cannot know whether the order was placed.
    return false;
  }
}

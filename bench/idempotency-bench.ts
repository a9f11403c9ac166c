import type { Page } from '@playwright/test';
import { exposeGc, median, round } from './support/stats.ts';
import { IdempotencyRecords } from '../src/api/middleware/idempotency/records.ts';

/**
 * The idempotency lab's speed figures (issue 12, "Speed"):
 *  (a) `benchKeyedPosts`: through the worker on the built app, POST /api/v1/orders one at a
 *      time with an Idempotency-Key versus without, in alternating pairs (target ≤ 1.05);
 *  (b) `benchRecords`: heap per saved record, and what forgetting expired records costs with
 *      few or many records kept (it must grow with the expired, not with all).
 * bench/run.ts runs both as its `idempotency` section.
 */
export const IDEMPOTENCY_BENCH_PLAN = {
  pipeline: { pairs: 20, sequential: 100 },
  records: { sizes: [10_000, 200_000], expired: 2_000, repeats: 5 },
} as const;

export interface KeyedFigures {
  pairs: number;
  withoutMs: number;
  withMs: number;
  /** Median over pairs of with ÷ without measured back to back (target ≤ 1.05). */
  ratio: number;
}

/** (a) The built app: POST one at a time through the worker, with a key and without. */
export async function benchKeyedPosts(page: Page, baseUrl: string): Promise<KeyedFigures> {
  await page.goto(baseUrl);
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.waitForFunction(() => window.restlab?.controlled === true);
  const plan = IDEMPOTENCY_BENCH_PLAN.pipeline;
  const rounds = await page.evaluate(async (plan) => {
    const json = { 'Content-Type': 'application/json' };
    // The limiter admits everything: the pairs differ only by the key.
    await fetch('/__admin/settings', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ rate_limit: { quota: 1_000_000 } }),
    });
    const user = (
      (await (await fetch('/api/v1/users?limit=1')).json()) as { data: { id: string }[] }
    ).data[0]?.id;
    const product = (await (
      await fetch('/api/v1/products', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ name: 'Bench kettle', price_cents: 100, stock: 1_000_000_000 }),
      })
    ).json()) as { id: string };
    const body = JSON.stringify({ user_id: user, product_id: product.id, quantity: 1 });
    let n = 0;
    const post = (keyed: boolean) =>
      fetch('/api/v1/orders', {
        method: 'POST',
        headers: keyed
          ? { ...json, 'X-Client-Id': 'bench', 'Idempotency-Key': `"bench-${++n}"` }
          : { ...json, 'X-Client-Id': 'bench' },
        body,
      }).then((response) => response.text());
    const time = async (keyed: boolean) => {
      const started = performance.now();
      for (let i = 0; i < plan.sequential; i++) await post(keyed);
      return (performance.now() - started) / plan.sequential;
    };
    const out: { keyed: boolean; ms: number }[] = [];
    for (let pair = 0; pair < plan.pairs; pair++) {
      // Alternate which goes first, so drift during a pair cancels out.
      for (const keyed of pair % 2 === 0 ? [false, true] : [true, false]) {
        await time(keyed); // warm-up round, not counted
        out.push({ keyed, ms: await time(keyed) });
      }
    }
    await fetch('/__admin/settings', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: '{"rate_limit": null}',
    });
    return out;
  }, plan);
  const ratios = Array.from({ length: plan.pairs }, (_, pair) => {
    const [a, b] = rounds.slice(pair * 2, pair * 2 + 2);
    const keyed = a?.keyed ? a : b;
    const plain = a?.keyed ? b : a;
    return (keyed?.ms ?? 0) / (plain?.ms ?? 1);
  });
  const ms = (keyed: boolean) =>
    round(median(rounds.filter((r) => r.keyed === keyed).map((r) => r.ms)), 3);
  return {
    pairs: plan.pairs,
    withoutMs: ms(false),
    withMs: ms(true),
    ratio: round(median(ratios), 3),
  };
}

export interface RecordFigures {
  /** Heap per completed record holding a typical 201 order (body about 230 bytes). */
  bytesPerRecord: number;
  /** µs per expired record forgotten, with each number of records kept. */
  expiry: { kept: number; expired: number; usPerExpired: number }[];
}

const ORDER = JSON.stringify({
  id: 'ord_0123456789',
  user_id: 'usr_0123456789',
  product_id: 'prd_0123456789',
  quantity: 1,
  status: 'placed',
  total_cents: 2500,
  created_at: '2026-01-02T00:00:00.000Z',
  updated_at: '2026-01-02T00:00:00.000Z',
});
const HEADERS = { 'Content-Type': 'application/json', Location: '/api/v1/orders/ord_0123456789' };
const FINGERPRINT = 'ab'.repeat(32);

function fill(
  records: IdempotencyRecords,
  count: number,
  from: number,
  expiresAt: (i: number) => number,
) {
  for (let i = from; i < from + count; i++) {
    const record = records.begin({
      key: `8e03978e-40d5-43e8-bc93-${String(i).padStart(12, '0')}`,
      client: 'anonymous',
      method: 'POST',
      path: '/api/v1/orders',
      fingerprint: FINGERPRINT,
      started_ms: 0,
    });
    // Each body its own string, as each answer's would be.
    records.complete(
      record,
      {
        status: 201,
        body: ORDER.replace('0123456789', String(i).padStart(10, '0')),
        headers: { ...HEADERS },
      },
      0,
      expiresAt(i),
    );
  }
}

/** (b) Node: memory per record, and expiry cost against the number of records kept. */
export function benchRecords(): RecordFigures {
  const gc = exposeGc();
  const { sizes, expired, repeats } = IDEMPOTENCY_BENCH_PLAN.records;
  const collect = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const count = 100_000;
  const before = collect();
  const held = new IdempotencyRecords();
  fill(held, count, 0, () => 86_400_000);
  const after = collect();
  const bytesPerRecord = Math.round((after - before) / held.size);

  const expiry = sizes.map((kept) => {
    const timings: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      const records = new IdempotencyRecords();
      // `expired` records end at 1000 ms; the rest are kept a day.
      fill(records, expired, 0, () => 1000);
      fill(records, kept, expired, () => 86_400_000);
      const started = performance.now();
      const forgotten = records.expire(1000);
      timings.push(((performance.now() - started) * 1000) / forgotten);
      if (forgotten !== expired || records.size !== kept)
        throw new Error('expiry forgot the wrong records');
    }
    return { kept, expired, usPerExpired: round(median(timings), 3) };
  });
  return { bytesPerRecord, expiry };
}

export function describeIdempotency(keyed: KeyedFigures, records: RecordFigures): string[] {
  const verdict = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  const [small, large] = records.expiry;
  const flat = small && large ? large.usPerExpired <= small.usPerExpired * 3 : false;
  return [
    `${verdict(keyed.ratio <= 1.05)} POST /api/v1/orders through the worker, one at a time, with a key ÷ without: ${keyed.ratio} (${keyed.withMs} vs ${keyed.withoutMs} ms; target ≤ 1.05)`,
    `     heap per saved record (a 201 order): ${records.bytesPerRecord} B`,
    ...records.expiry.map(
      (figure) =>
        `     forgetting ${figure.expired.toLocaleString('en')} expired among ${figure.kept.toLocaleString('en')} kept: ${figure.usPerExpired} µs each`,
    ),
    `${verdict(flat)} expiry costs O(expired), not O(all): ${small?.usPerExpired} µs vs ${large?.usPerExpired} µs per expired record with 20× the records kept`,
  ];
}

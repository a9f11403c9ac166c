import type { Page } from '@playwright/test';
import { exposeGc, median, round } from './support/stats.ts';
import { Limiter } from '../src/api/middleware/rate-limit/limiter.ts';
import { ALGORITHM_IDS, type AlgorithmId } from '../src/api/middleware/rate-limit/policy.ts';

/**
 * The rate-limit lab's speed figures (issue 5, "Speed"):
 *  (a) `benchDecisions`: ns per limiter decision for each algorithm with 10,000 active clients,
 *      and the heap each client's state costs (Node);
 *  (b) `benchLimiterPipeline`: ms per request through the worker with the limiter on versus off,
 *      on the built app (target on/off ≤ 1.05);
 *  (c) `benchBurstChart`: long tasks in the rate-limit lab while a 1,000-request burst is sent
 *      and charted (target: none over 50 ms).
 * bench/run.ts runs all three as its `rate-limit` section.
 */

export const RATE_LIMIT_BENCH_PLAN = {
  clients: 10_000,
  /** 200 per client in 5 s of virtual time: twice the quota, so about half are refused. */
  decisions: 2_000_000,
  repeats: 3,
  pipeline: { pairs: 20, sequential: 100, concurrent: 100 },
  burst: { size: 1000, runs: 3 },
} as const;

const POLICY = { quota: 100, windowMs: 10_000, burst: 100 };
const START = 1767312000000;

export interface DecisionFigures {
  algorithm: AlgorithmId;
  /** Median over repeats, ns per decision (map lookup and algorithm). */
  nsPerDecision: number;
  admittedShare: number;
  /** Heap per client with every client's state full (sliding log: 100 timestamps). */
  bytesPerClient: number;
}

/** (a) Node: decision cost and memory per client, for each algorithm. */
export function benchDecisions(): DecisionFigures[] {
  const gc = exposeGc();
  const plan = RATE_LIMIT_BENCH_PLAN;
  const partitions = Array.from({ length: plan.clients }, (_, i) => `client:bench-${i}`);
  // The run covers half a window of virtual time: 200 requests per client in 5 s, so every
  // algorithm refuses some (the buckets refill 50 of them meanwhile).
  const perMs = plan.decisions / (POLICY.windowMs / 2);
  return ALGORITHM_IDS.map((algorithm) => {
    const timings: number[] = [];
    let admitted = 0;
    for (let repeat = 0; repeat < plan.repeats; repeat++) {
      const limiter = new Limiter();
      admitted = 0;
      const started = performance.now();
      for (let i = 0; i < plan.decisions; i++) {
        // The clients in a scattered order (7919 is prime to 10,000).
        const partition = partitions[(i * 7919) % plan.clients] as string;
        if (limiter.decide(partition, START + Math.floor(i / perMs), algorithm, POLICY).admitted)
          admitted++;
      }
      timings.push(((performance.now() - started) * 1e6) / plan.decisions);
    }
    return {
      algorithm,
      nsPerDecision: Math.round(median(timings)),
      admittedShare: round(admitted / plan.decisions),
      bytesPerClient: Math.round(heapPerClient(algorithm, partitions, gc)),
    };
  });
}

/**
 * Heap held per client once each has used its whole quota (the sliding log then keeps 100
 * timestamps a client), measured between full collections.
 */
function heapPerClient(
  algorithm: AlgorithmId,
  partitions: readonly string[],
  gc: () => void,
): number {
  const collect = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = collect();
  const limiter = new Limiter();
  for (let round = 0; round < POLICY.quota; round++)
    for (const partition of partitions) limiter.decide(partition, START + round, algorithm, POLICY);
  const after = collect();
  if (limiter.size !== partitions.length) throw new Error('clients were swept while active');
  return (after - before) / limiter.size;
}

export interface PipelineFigures {
  pairs: number;
  /** Median ms per request, one at a time, limiter off and on (quota large enough to admit all). */
  sequentialOffMs: number;
  sequentialOnMs: number;
  /** Median over pairs of on ÷ off measured back to back (target ≤ 1.05). */
  sequentialRatio: number;
  concurrentOffMs: number;
  concurrentOnMs: number;
  concurrentRatio: number;
}

/** (b) The built app: the whole pipeline through the worker, limiter on versus off. */
export async function benchLimiterPipeline(page: Page, baseUrl: string): Promise<PipelineFigures> {
  await openBuiltApp(page, baseUrl);
  const plan = RATE_LIMIT_BENCH_PLAN.pipeline;
  const rounds = await page.evaluate(async (plan) => {
    const settings = (enabled: boolean) =>
      fetch('/__admin/settings', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        // A quota no round reaches: "on" decides every request and admits it, like "off".
        body: JSON.stringify({ rate_limit: { enabled, quota: 1_000_000 } }),
      }).then((response) => response.text());
    const get = () =>
      fetch('/api/v1/users?limit=1', { headers: { 'X-Client-Id': 'bench' } }).then((r) => r.text());
    const time = async (run: () => Promise<unknown>, count: number) => {
      const started = performance.now();
      await run();
      return (performance.now() - started) / count;
    };
    const sequential = async () => {
      for (let i = 0; i < plan.sequential; i++) await get();
    };
    const concurrent = () => Promise.all(Array.from({ length: plan.concurrent }, get));
    const out: { on: boolean; sequential: number; concurrent: number }[] = [];
    for (let pair = 0; pair < plan.pairs; pair++) {
      // Alternate which goes first, so drift during a pair cancels out.
      for (const on of pair % 2 === 0 ? [false, true] : [true, false]) {
        await settings(on);
        await time(sequential, plan.sequential); // warm-up round, not counted
        out.push({
          on,
          sequential: await time(sequential, plan.sequential),
          concurrent: await time(concurrent, plan.concurrent),
        });
      }
    }
    await fetch('/__admin/settings', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: '{"rate_limit": null}',
    });
    return out;
  }, plan);
  const ratios = (key: 'sequential' | 'concurrent') =>
    Array.from({ length: plan.pairs }, (_, pair) => {
      const [a, b] = rounds.slice(pair * 2, pair * 2 + 2);
      const on = a?.on ? a : b;
      const off = a?.on ? b : a;
      return (on?.[key] ?? 0) / (off?.[key] ?? 1);
    });
  const ms = (on: boolean, key: 'sequential' | 'concurrent') =>
    round(median(rounds.filter((r) => r.on === on).map((r) => r[key])), 3);
  return {
    pairs: plan.pairs,
    sequentialOffMs: ms(false, 'sequential'),
    sequentialOnMs: ms(true, 'sequential'),
    sequentialRatio: round(median(ratios('sequential')), 3),
    concurrentOffMs: ms(false, 'concurrent'),
    concurrentOnMs: ms(true, 'concurrent'),
    concurrentRatio: round(median(ratios('concurrent')), 3),
  };
}

export interface BurstFigures {
  size: number;
  /** One entry per run: seconds from click to the chart showing every decision, and long tasks. */
  runs: { seconds: number; longTasks: number; longestTaskMs: number }[];
  longTasks: number;
  longestTaskMs: number;
}

/** (c) The lab in the built app: a 1,000-request burst sent and charted, long tasks counted. */
export async function benchBurstChart(page: Page, baseUrl: string): Promise<BurstFigures> {
  const { size, runs: count } = RATE_LIMIT_BENCH_PLAN.burst;
  await openBuiltApp(page, new URL('rate-limit', baseUrl).href);
  await page.getByRole('spinbutton', { name: 'Burst size' }).fill(String(size));
  const runs: BurstFigures['runs'] = [];
  for (let run = 0; run < count; run++) {
    await page.evaluate(() => {
      const bench = window as unknown as {
        rlLongTasks: number[];
        rlObserver?: PerformanceObserver;
      };
      bench.rlObserver?.disconnect();
      bench.rlLongTasks = [];
      bench.rlObserver = new PerformanceObserver((found) => {
        for (const entry of found.getEntries()) bench.rlLongTasks.push(entry.duration);
      });
      bench.rlObserver.observe({ type: 'longtask' });
    });
    const started = performance.now();
    await page.getByRole('button', { name: 'Burst of' }).click();
    await page.getByText(`Done: ${size} of ${size} answered`).waitFor({ timeout: 60_000 });
    // Every decision charted: admitted + rejected add up to the burst.
    await page.waitForFunction(
      (size) =>
        Number(document.querySelector('[data-testid="live-admitted"]')?.textContent) +
          Number(document.querySelector('[data-testid="live-rejected"]')?.textContent) ===
        size,
      size,
    );
    const seconds = (performance.now() - started) / 1000;
    await page.waitForTimeout(300);
    const longTasks = await page.evaluate(() => {
      const bench = window as unknown as {
        rlLongTasks: number[];
        rlObserver?: PerformanceObserver;
      };
      for (const entry of bench.rlObserver?.takeRecords() ?? [])
        bench.rlLongTasks.push(entry.duration);
      return bench.rlLongTasks;
    });
    runs.push({
      seconds: round(seconds),
      longTasks: longTasks.length,
      longestTaskMs: round(Math.max(0, ...longTasks)),
    });
  }
  return {
    size,
    runs,
    longTasks: runs.reduce((sum, run) => sum + run.longTasks, 0),
    longestTaskMs: Math.max(0, ...runs.map((run) => run.longestTaskMs)),
  };
}

async function openBuiltApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // tsx (esbuild keepNames) wraps named inner functions in __name(); the page has no such helper.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.waitForFunction(() => window.restlab?.controlled === true);
}

/** One line per algorithm and one verdict per target, for bench/run.ts. */
export function describeRateLimit(
  decisions: readonly DecisionFigures[],
  pipeline: PipelineFigures,
  burst: BurstFigures,
): string[] {
  const verdict = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  return [
    `${RATE_LIMIT_BENCH_PLAN.clients.toLocaleString('en')} active clients, ${RATE_LIMIT_BENCH_PLAN.decisions.toLocaleString('en')} decisions:`,
    ...decisions.map(
      (figure) =>
        `     ${figure.algorithm.padEnd(15)} ${String(figure.nsPerDecision).padStart(5)} ns/decision   ${String(figure.bytesPerClient).padStart(5)} B/client   ${Math.round(figure.admittedShare * 100)}% admitted`,
    ),
    `${verdict(pipeline.sequentialRatio <= 1.05)} limiter on/off through the worker, one at a time: ${pipeline.sequentialRatio} (${pipeline.sequentialOnMs} vs ${pipeline.sequentialOffMs} ms; target ≤ 1.05)`,
    `${verdict(pipeline.concurrentRatio <= 1.05)} limiter on/off through the worker, 100 at once: ${pipeline.concurrentRatio} (${pipeline.concurrentOnMs} vs ${pipeline.concurrentOffMs} ms; target ≤ 1.05)`,
    `${verdict(burst.longTasks === 0)} long tasks while a ${burst.size}-request burst is charted: ${burst.longTasks} over ${burst.runs.length} runs (longest ${burst.longestTaskMs} ms; target none over 50 ms)`,
  ];
}

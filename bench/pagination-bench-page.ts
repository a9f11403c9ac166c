import type { Page } from '@playwright/test';
import {
  cursors,
  PAGINATION_BENCH_PLAN,
  round,
  ROWS,
  timings,
  urls,
  type BrowserFigures,
} from './pagination-bench-common.ts';

/** The browser half: the built app in Chromium, every request through the service worker. */
export async function benchInBrowser(page: Page): Promise<BrowserFigures> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.waitForFunction(() => window.restlab !== undefined, null, { timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return Math.round(usage.usedSize / 1e5) / 10;
  };
  const heapBeforeMb = await heapMb();
  const before = await page.evaluate(async () => {
    const settings = await (await fetch('/__admin/settings')).json();
    const meta = window.restlab?.api.env.store.meta;
    return {
      rateLimit: settings.rate_limit as unknown,
      seed: meta?.seed,
      sizes: { ...meta?.sizes },
    };
  });
  const seeding = await page.evaluate(async (rows) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    const response = await fetch('/__admin/reset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // Another seed than the page's, so the million rows are really built.
      body: JSON.stringify({ seed: 20261120, sizes: { users: rows } }),
    });
    const ms = performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    return { status: response.status, ms, longTasks };
  }, ROWS);
  if (seeding.status !== 204) throw new Error(`reset answered ${seeding.status}`);
  const heapAfterMb = await heapMb();

  await pageJson(page, 'PATCH', '/__admin/settings', { rate_limit: { enabled: false } });
  const { startCursor, lastCursor } = await cursors(async (path) => {
    const answer = await pageJson(page, 'GET', path);
    return {
      link: answer.link,
      json: answer.json as { pagination: { next_cursor: string | null } },
    };
  });
  const samples = await page.evaluate(
    async ({ targets, plan }) => {
      const keys = Object.keys(targets) as (keyof typeof targets)[];
      const out = Object.fromEntries(keys.map((key) => [key, [] as number[]]));
      for (let round = 0; round < plan.warmup + plan.runs; round++) {
        for (const key of round % 2 === 0 ? keys : [...keys].reverse()) {
          const t0 = performance.now();
          await (await fetch(targets[key])).text();
          if (round >= plan.warmup) out[key]?.push(performance.now() - t0);
        }
      }
      return out as Record<keyof typeof targets, number[]>;
    },
    { targets: urls(startCursor, lastCursor), plan: PAGINATION_BENCH_PLAN },
  );
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  // Leave the page as it was found.
  if (before.rateLimit)
    await pageJson(page, 'PATCH', '/__admin/settings', { rate_limit: before.rateLimit });
  await pageJson(page, 'POST', '/__admin/reset', { seed: before.seed, sizes: before.sizes });
  return {
    via: 'chromium',
    rows: ROWS,
    controlled,
    seed: {
      ms: round(seeding.ms),
      heapBeforeMb,
      heapAfterMb,
      longTasks: seeding.longTasks.length,
      longestTaskMs: round(Math.max(0, ...seeding.longTasks)),
    },
    worker: timings(samples),
  };
}

/** A request from inside the page (through the worker), JSON in and out. */
async function pageJson(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const type = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': type },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        link: response.headers.get('Link') ?? '',
        json: text ? JSON.parse(text) : null,
      };
    },
    { method, path, body },
  );
}

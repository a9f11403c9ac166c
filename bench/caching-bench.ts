import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { build } from 'vite';
import { createBenchApi } from './bench-api.ts';
import { serveStatic } from './support/static-server.ts';
import { median, pairedIqr, pairedRatio, round } from './support/stats.ts';

/**
 * The caching section, through the service worker on the bench page (bench/page): two APIs made
 * alike but for the conditional mechanism, behind one handler.
 *  (a) GET by id with ETags ÷ without: the cost of hashing the body, Last-Modified and
 *      Cache-Control on every single read (target ≤ 1.05);
 *  (b) a 304 ÷ its 200 for a 100-row list page (time and bytes): what a revalidation saves.
 * Rounds alternate which side goes first; each ratio is taken within its round (pairedRatio).
 */
export const CACHING_BENCH_PLAN = { rounds: 20, warmup: 20, perRound: 100 } as const;

export interface CachingFigures {
  rounds: number;
  perRound: number;
  /** Median ms per request, one at a time. */
  getWithEtagsMs: number;
  getWithoutEtagsMs: number;
  getRatio: number;
  getRatioIqr: [number, number];
  page200Ms: number;
  page304Ms: number;
  pageTimeRatio: number;
  pageTimeRatioIqr: [number, number];
  page200Bytes: number;
  page304Bytes: number;
  /** The same two APIs called directly in Node (api.fetch): the mechanism's own CPU cost. */
  core: { withEtagsUs: number; withoutEtagsUs: number; ratio: number; extraUs: number };
}

/** GET by id straight into the core, both APIs taking turns: µs per request, no worker. */
async function coreCost(): Promise<CachingFigures['core']> {
  const origin = 'http://bench.test';
  const sizes = { users: 1000 };
  const on = await createBenchApi(origin, { sizes });
  const off = await createBenchApi(origin, { sizes, without: ['conditional'] });
  const time = async (api: typeof on.api, count: number) => {
    const started = performance.now();
    for (let i = 0; i < count; i++)
      await (await api.fetch(new Request(`${origin}/api/v1/users/${on.userId}`))).text();
    return ((performance.now() - started) * 1000) / count;
  };
  const with_: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const side of round % 2 === 0 ? [false, true] : [true, false]) {
      await time(side ? on.api : off.api, 200);
      (side ? with_ : without).push(await time(side ? on.api : off.api, 2000));
    }
  }
  const withEtagsUs = round(median(with_), 1);
  const withoutEtagsUs = round(median(without), 1);
  return {
    withEtagsUs,
    withoutEtagsUs,
    ratio: pairedRatio(with_, without),
    extraUs: round(withEtagsUs - withoutEtagsUs, 1),
  };
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export async function benchCaching(
  browser: Browser,
  log: (message: string) => void,
): Promise<CachingFigures> {
  log('caching: building the bench page (bench/page → dist-bench/)');
  await build({ configFile: here('./vite.config.ts'), logLevel: 'warn' });
  const site = await serveStatic(here('../dist-bench'));
  const page = await browser.newPage();
  try {
    await page.goto(site.url);
    await page.waitForFunction(() => window.restlabCaching ?? window.restlabBenchError, undefined, {
      timeout: 30_000,
    });
    // tsx (esbuild keepNames) wraps named inner functions in __name(); the page has no such helper.
    await page.evaluate('globalThis.__name ??= (fn) => fn');
    log('caching: GET by id with and without ETags, a 304 against a 200 for 100 rows');
    const plan = CACHING_BENCH_PLAN;
    const measured = await page.evaluate(async (plan) => {
      const bench = window.restlabCaching;
      if (!bench) throw new Error(window.restlabBenchError ?? 'the caching bench did not start');
      bench.prepare();
      const item = (side: 'on' | 'off') => `/caching/${side}/api/v1/users/${bench.userId}`;
      const list = '/caching/on/api/v1/users?limit=100';
      const first = await fetch(list);
      const etag = first.headers.get('ETag') ?? '';
      const fullBytes = (await first.arrayBuffer()).byteLength;
      const check = async (path: string, headers: Record<string, string>, status: number) => {
        const response = await fetch(path, { headers });
        const bytes = (await response.arrayBuffer()).byteLength;
        if (response.status !== status) throw new Error(`${path} answered ${response.status}`);
        return { headers: response.headers, bytes };
      };
      // The two sides differ as promised: validators on one, none on the other.
      if (!(await check(item('on'), {}, 200)).headers.has('ETag'))
        throw new Error('no ETag with the mechanism');
      if ((await check(item('off'), {}, 200)).headers.has('ETag'))
        throw new Error('an ETag without the mechanism');
      const notModifiedBytes = (await check(list, { 'If-None-Match': etag }, 304)).bytes;
      const time = async (path: string, headers: Record<string, string>, count: number) => {
        const started = performance.now();
        for (let i = 0; i < count; i++) await (await fetch(path, { headers })).arrayBuffer();
        return (performance.now() - started) / count;
      };
      const rounds: { on: number; off: number; ok: number; notModified: number }[] = [];
      for (let round = 0; round < plan.rounds; round++) {
        const result = { on: 0, off: 0, ok: 0, notModified: 0 };
        const sides = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
        for (const side of sides) {
          await time(item(side), {}, plan.warmup);
          result[side] = await time(item(side), {}, plan.perRound);
        }
        const pages = round % 2 === 0 ? [false, true] : [true, false];
        for (const conditional of pages) {
          const headers: Record<string, string> = conditional ? { 'If-None-Match': etag } : {};
          await time(list, headers, plan.warmup);
          const ms = await time(list, headers, plan.perRound);
          if (conditional) result.notModified = ms;
          else result.ok = ms;
        }
        rounds.push(result);
      }
      return { rounds, fullBytes, notModifiedBytes };
    }, plan);
    log('caching: the same GET straight into the core, in Node');
    const core = await coreCost();
    const { rounds } = measured;
    const of = (key: 'on' | 'off' | 'ok' | 'notModified') => rounds.map((r) => r[key]);
    return {
      rounds: plan.rounds,
      perRound: plan.perRound,
      getWithEtagsMs: round(median(of('on')), 3),
      getWithoutEtagsMs: round(median(of('off')), 3),
      getRatio: pairedRatio(of('on'), of('off')),
      getRatioIqr: pairedIqr(of('on'), of('off')),
      page200Ms: round(median(of('ok')), 3),
      page304Ms: round(median(of('notModified')), 3),
      pageTimeRatio: pairedRatio(of('notModified'), of('ok')),
      pageTimeRatioIqr: pairedIqr(of('notModified'), of('ok')),
      page200Bytes: measured.fullBytes,
      page304Bytes: measured.notModifiedBytes,
      core,
    };
  } finally {
    await page.close();
    site.server.close();
  }
}

const verdict = (pass: boolean) => (pass ? 'ok  ' : 'MISS');

export function describeCaching(figures: CachingFigures): string[] {
  return [
    `${verdict(figures.getRatio <= 1.05)} GET by id through the worker, ETags on ÷ off: ${figures.getRatio} (IQR ${figures.getRatioIqr.join('–')}; ${figures.getWithEtagsMs} vs ${figures.getWithoutEtagsMs} ms; target ≤ 1.05)`,
    `info GET by id straight into the core (Node), ETags on ÷ off: ${figures.core.ratio} (${figures.core.withEtagsUs} vs ${figures.core.withoutEtagsUs} µs: ${figures.core.extraUs} µs a request, against a worker round trip of ${figures.getWithoutEtagsMs} ms)`,
    `info a 100-row page through the worker, 304 ÷ 200: time ${figures.pageTimeRatio} (IQR ${figures.pageTimeRatioIqr.join('–')}; ${figures.page304Ms} vs ${figures.page200Ms} ms), body ${figures.page304Bytes} vs ${figures.page200Bytes} bytes (reported)`,
  ];
}

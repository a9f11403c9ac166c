import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { median } from './support/stats.ts';

/** Targets from the shell issue. */
export const FIRST_LOAD_TARGETS = { entryGzipKb: 250, firstResponseMs: 1500 } as const;

export interface FirstLoadResult {
  /** The JS index.html names (entry script and its modulepreloads), gzipped. */
  entryGzipKb: number;
  /** Every JS file the page fetched before the first API response was on screen, gzipped. */
  firstLoadGzipKb: number;
  /** Navigation start → the explorer's first row of API data rendered, first visit (worker installs). */
  firstVisitMs: number[];
  /** The same on a repeat visit (worker already installed), median of several. */
  repeatVisitMs: number[];
}

/**
 * How big the built app's first load is and how soon its first API response is on screen, on
 * loopback in headless Chromium. The explorer's first table row is the first API response a
 * user sees rendered.
 */
export async function benchFirstLoad(
  browser: Browser,
  baseUrl: string,
  outDir: string,
): Promise<FirstLoadResult> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const entryFiles = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] ?? '',
  );
  const gzipKb = async (files: Iterable<string>) => {
    let bytes = 0;
    for (const file of new Set(files))
      bytes += gzipSync(await readFile(join(outDir, file))).byteLength;
    return round(bytes / 1024);
  };

  const firstVisitMs: number[] = [];
  const repeatVisitMs: number[] = [];
  let firstLoadFiles: string[] = [];
  for (let visit = 0; visit < 3; visit++) {
    // A fresh context: no worker, no cache, no IndexedDB, as a first-time visitor.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js') && path.startsWith('/assets/')) scripts.push(path);
    });
    firstVisitMs.push(await timeToFirstRow(page, baseUrl));
    if (visit === 0) firstLoadFiles = [...scripts];
    for (let repeat = 0; repeat < 3; repeat++)
      repeatVisitMs.push(await timeToFirstRow(page, baseUrl));
    await context.close();
  }
  return {
    entryGzipKb: await gzipKb(entryFiles),
    firstLoadGzipKb: await gzipKb(firstLoadFiles),
    firstVisitMs,
    repeatVisitMs,
  };
}

async function timeToFirstRow(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/explorer`);
  await page.locator('table tbody tr td').first().waitFor();
  // performance.now() counts from the navigation's start.
  return round(await page.evaluate(() => performance.now()));
}

const round = (value: number) => Math.round(value * 10) / 10;

export function describeFirstLoad(result: FirstLoadResult): string[] {
  const verdict = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  const [warmup, ...visits] = result.firstVisitMs;
  const firstVisit = median(visits);
  const repeat = median(result.repeatVisitMs);
  return [
    `${verdict(result.entryGzipKb <= FIRST_LOAD_TARGETS.entryGzipKb)} entry JavaScript: ${result.entryGzipKb} kB gzip (≤ ${FIRST_LOAD_TARGETS.entryGzipKb}); all JS before the first API response: ${result.firstLoadGzipKb} kB`,
    `${verdict(firstVisit <= FIRST_LOAD_TARGETS.firstResponseMs)} navigation → first API response rendered, first visit: ${firstVisit} ms (median; the browser's very first visit ${warmup} ms); repeat visit: ${repeat} ms (≤ ${FIRST_LOAD_TARGETS.firstResponseMs})`,
  ];
}

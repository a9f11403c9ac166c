import type { Page } from '@playwright/test';
import { LIMIT, ROWS, type BrowserFigures, type NodeFigures } from './pagination-bench-common.ts';
import { benchInNode } from './pagination-bench-node.ts';
import { benchInBrowser } from './pagination-bench-page.ts';

export type {
  BrowserFigures,
  NodeFigures,
  PageTimings,
  Timing,
} from './pagination-bench-common.ts';
export { PAGINATION_BENCH_PLAN } from './pagination-bench-common.ts';

/**
 * The pagination lab's speed (issue 4, "Speed"), with 1,000,000 users:
 *  - keyset first page against keyset last page (target: last ≤ 2× first), in the core
 *    (`api.fetch` in Node) and through the service worker (`fetch` in headless Chromium);
 *  - offset pages at the same depths, beside them;
 *  - the anchor: a store that finds a cursor's row by scanning the list (O(n)), as the naive
 *    "position of the last id" cursor does, against the index seek (O(log n));
 *  - seeding 1,000,000 rows: in Node (straight through) and in Chromium (built aside in slices
 *    through POST /__admin/reset: time, heap, long tasks).
 * Call `benchPagination()` for the Node figures and `benchPagination(page)` with a Page already
 * on the built app for the browser figures. Each timing is the median of interleaved runs.
 */
export function benchPagination(): Promise<NodeFigures>;
export function benchPagination(page: Page): Promise<BrowserFigures>;
export function benchPagination(page?: Page): Promise<NodeFigures | BrowserFigures> {
  return page ? benchInBrowser(page) : benchInNode();
}

/** One line per figure, with its verdict against the target where there is one. */
export function describePagination(figures: NodeFigures | BrowserFigures): string[] {
  const verdict = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  const t = figures.via === 'node' ? figures.core : figures.worker;
  const where = figures.via === 'node' ? 'core (api.fetch, Node)' : 'through the worker (Chromium)';
  const lines = [
    `${verdict(t.keysetRatio <= 2)} keyset last/first page, ${where}: ${t.keysetLast.medianMs} / ${t.keysetFirst.medianMs} ms = ${t.keysetRatio}× (target ≤ 2×)`,
    `     offset first / last page (offset ${ROWS - LIMIT}), ${where}: ${t.offsetFirst.medianMs} / ${t.offsetLast.medianMs} ms`,
  ];
  if (figures.via === 'node') {
    lines.push(
      `     anchor, the last page read in the store: index seek ${figures.anchor.seekMs} ms vs finding the cursor's row by scanning ${figures.anchor.scanMs} ms`,
      `     seeding ${ROWS.toLocaleString('en')} users in Node, straight through: ${figures.seedMs} ms`,
    );
  } else {
    const { seed } = figures;
    lines.push(
      `     seeding ${ROWS.toLocaleString('en')} users in Chromium (POST /__admin/reset, built aside in slices): ${seed.ms} ms, heap ${seed.heapBeforeMb} → ${seed.heapAfterMb} MB, ${seed.longTasks} long tasks (longest ${seed.longestTaskMs} ms)`,
    );
  }
  return lines;
}

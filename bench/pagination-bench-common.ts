/** Shared by the Node and the browser halves of the pagination bench (see pagination-bench.ts). */
export const PAGINATION_BENCH_PLAN = { rows: 1_000_000, limit: 20, warmup: 20, runs: 150 } as const;
export const { rows: ROWS, limit: LIMIT } = PAGINATION_BENCH_PLAN;

export interface Timing {
  medianMs: number;
  p90Ms: number;
  runs: number;
}

export interface PageTimings {
  keysetFirst: Timing;
  keysetLast: Timing;
  offsetFirst: Timing;
  offsetLast: Timing;
  /** keysetLast / keysetFirst, medians (target ≤ 2). */
  keysetRatio: number;
}

export interface NodeFigures {
  via: 'node';
  rows: number;
  seedMs: number;
  core: PageTimings;
  /** Finding the last page's boundary row in the store: binary-search seek vs linear scan. */
  anchor: { seekMs: number; scanMs: number };
}

export interface BrowserFigures {
  via: 'chromium';
  rows: number;
  controlled: boolean;
  seed: {
    ms: number;
    heapBeforeMb: number;
    heapAfterMb: number;
    longTasks: number;
    longestTaskMs: number;
  };
  worker: PageTimings;
}

/** The four requests measured: first and last page by cursor, and by offset. */
export function urls(startCursor: string, lastCursor: string) {
  return {
    keysetFirst: `/api/v1/users?limit=${LIMIT}&cursor=${startCursor}`,
    keysetLast: `/api/v1/users?limit=${LIMIT}&cursor=${lastCursor}`,
    offsetFirst: `/api/v1/users?offset=0&limit=${LIMIT}`,
    offsetLast: `/api/v1/users?offset=${ROWS - LIMIT}&limit=${LIMIT}`,
  };
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { medianMs: round(at(0.5)), p90Ms: round(at(0.9)), runs: samples.length };
}

export const round = (ms: number) => Math.round(ms * 10_000) / 10_000;

export function timings(samples: Record<keyof ReturnType<typeof urls>, number[]>): PageTimings {
  const keysetFirst = summarize(samples.keysetFirst);
  const keysetLast = summarize(samples.keysetLast);
  return {
    keysetFirst,
    keysetLast,
    offsetFirst: summarize(samples.offsetFirst),
    offsetLast: summarize(samples.offsetLast),
    keysetRatio: Math.round((keysetLast.medianMs / keysetFirst.medianMs) * 100) / 100,
  };
}

export type Fetcher = (
  path: string,
) => Promise<{ link: string; json: { pagination: { next_cursor: string | null } } }>;

/** A cursor for the very first page (rel="first" of a cursor page) and one for the last page. */
export async function cursors(get: Fetcher): Promise<{ startCursor: string; lastCursor: string }> {
  const beforeLast = await get(`/api/v1/users?offset=${ROWS - LIMIT - 1}&limit=1`);
  const lastCursor = beforeLast.json.pagination.next_cursor ?? '';
  const cursorPage = await get(`/api/v1/users?limit=${LIMIT}&cursor=${lastCursor}`);
  const first = /<[^>]*[?&]cursor=([\w.-]+)>; rel="first"/.exec(cursorPage.link)?.[1];
  if (!lastCursor || !first) throw new Error('could not find the cursors to measure');
  return { startCursor: first, lastCursor };
}

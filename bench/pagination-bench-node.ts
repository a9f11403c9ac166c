import { createApi, type Api } from '../src/api/create-api.ts';
import { readKeyset } from '../src/api/pagination/read-page.ts';
import { keyOf, SortedView, sortOf } from '../src/api/pagination/sort.ts';
import {
  cursors,
  LIMIT,
  PAGINATION_BENCH_PLAN,
  round,
  ROWS,
  summarize,
  timings,
  urls,
  type NodeFigures,
} from './pagination-bench-common.ts';

/** The Node half: the core itself, through `api.fetch`, with a million users. */
export async function benchInNode(): Promise<NodeFigures> {
  const started = performance.now();
  const api = createApi({
    sizes: { users: ROWS },
    clock: { startEpochMs: 1767312000000, paused: true },
  });
  const seedMs = round(performance.now() - started);
  const send = async (path: string, init?: RequestInit) => {
    const response = await api.fetch(new Request(`http://bench.test${path}`, init));
    return { response, text: await response.text() };
  };
  // Measured requests must not meet the rate limiter (API.md §5).
  await send('/__admin/settings', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/merge-patch+json' },
    body: '{"rate_limit":{"enabled":false}}',
  });
  const { startCursor, lastCursor } = await cursors(async (path) => {
    const { response, text } = await send(path);
    return { link: response.headers.get('Link') ?? '', json: JSON.parse(text) };
  });
  const targets = urls(startCursor, lastCursor);
  const samples = await interleave(targets, async (path) => {
    const t0 = performance.now();
    await send(path);
    return performance.now() - t0;
  });
  return { via: 'node', rows: ROWS, seedMs, core: timings(samples), anchor: anchor(api) };
}

/** Runs each target in turn, round after round, so drift over time hits all of them alike. */
async function interleave<K extends string>(
  targets: Record<K, string>,
  time: (path: string) => Promise<number>,
): Promise<Record<K, number[]>> {
  const keys = Object.keys(targets) as K[];
  const samples = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<
    K,
    number[]
  >;
  for (let round = 0; round < PAGINATION_BENCH_PLAN.warmup + PAGINATION_BENCH_PLAN.runs; round++) {
    for (const key of round % 2 === 0 ? keys : [...keys].reverse()) {
      const ms = await time(targets[key]);
      if (round >= PAGINATION_BENCH_PLAN.warmup) samples[key].push(ms);
    }
  }
  return samples;
}

/**
 * The anchor, inside the store: find the last page's boundary row by binary search (what the
 * index does) against walking the sorted rows until its id turns up (what a store without a
 * keyset index, or the naive cursor, does), then read the page either way.
 */
function anchor(api: Api): NodeFigures['anchor'] {
  const sort = sortOf('-created_at');
  const index = api.env.store.collection('users').index('created_at');
  if (!index) throw new Error('users has no created_at index');
  const view = new SortedView(index, sort);
  const boundary = view.at(ROWS - LIMIT - 1);
  if (!boundary) throw new Error('no boundary row');
  const key = keyOf(boundary, sort);
  const scan = () => {
    let position = 0;
    while (view.at(position)?.id !== boundary.id) position++;
    const page = [];
    for (let p = position + 1; p < position + 1 + LIMIT; p++) page.push(view.at(p));
    return page.length;
  };
  const seek = () => readKeyset(view, 'next', key, LIMIT).rows.length;
  // Batches, so the seek (a fraction of a microsecond) rises above the clock's resolution.
  const time = (work: () => number, batch: number, runs: number) => {
    for (let i = 0; i < 5; i++) work();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      for (let j = 0; j < batch; j++) work();
      samples.push((performance.now() - t0) / batch);
    }
    return summarize(samples).medianMs;
  };
  return { seekMs: time(seek, 10_000, 20), scanMs: time(scan, 1, 30) };
}

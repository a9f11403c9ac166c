import { API_BASE } from '../../../../api/routes/api-base.ts';
import { send } from '../../../shared/http.ts';

/**
 * One depth of the cost chart: what an offset page and a keyset page there cost in the core.
 * Rows read are exact; times are the median of several rounds, with their spread.
 */
export interface CostPoint {
  depth: number;
  offsetRows: number;
  offsetMs: number;
  keysetRows: number;
  keysetMs: number;
  /** Fastest and slowest of the rounds, in ms. */
  offsetRange: [number, number];
  keysetRange: [number, number];
}

/** Rounds per depth. With one warm-up read: 1 + depths + 2 + 2 × rounds × depths requests. */
export const ROUNDS = 5;
const USERS = `${API_BASE}/users`;

/**
 * Each Measure is a new client, so it starts with a full rate-limit bucket (API.md §5): 91
 * requests, under the default 100 per 10 s, and apart from what other labs have spent.
 */
const session = Math.random().toString(36).slice(2, 6);
let measures = 0;
const nextClient = () => ({ 'X-Client-Id': `pagination-cost-${session}-${++measures}` });

/** Evenly spread depths from the second page to the last, so both reads exist at each. */
export function depthsFor(total: number, limit: number, points = 8): number[] {
  const last = Math.max(limit, total - limit);
  const depths = Array.from({ length: points }, (_, i) =>
    Math.round(limit + ((last - limit) * i) / (points - 1)),
  );
  return [...new Set(depths)];
}

/** Rows read and time spent inside the core, from `Server-Timing: page;dur=…;desc="…: n rows read"`. */
export function parseServerTiming(header: string | null): { rows: number; ms: number } {
  const match = /page;dur=([\d.]+);desc="\w+: (\d+) rows read"/.exec(header ?? '');
  if (!match) throw new Error(`no page cost in Server-Timing: ${header ?? '(missing)'}`);
  return { ms: Number(match[1]), rows: Number(match[2]) };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The smallest step the page's clock takes, in ms: browsers coarsen `performance.now()` (to 0.1 ms
 * in a page that is not cross-origin isolated), and the core times its pages with that clock. A
 * duration of a few steps is mostly rounding: that is why each depth is read several times.
 */
export function timerResolution(now: () => number = () => performance.now(), samples = 20): number {
  let best = Infinity;
  for (let i = 0; i < samples; i++) {
    const start = now();
    let next = now();
    for (let spins = 0; next === start && spins < 1_000_000; spins++) next = now();
    if (next > start) best = Math.min(best, next - start);
  }
  return best;
}

type Headers = Record<string, string>;

async function page(url: string, headers: Headers): Promise<{ rows: number; ms: number }> {
  // What the server does for the page is the measurement: never a cached or revalidated answer.
  const result = await send(url, { headers, cache: 'no-store' });
  if (result.status === 429) {
    const retry = result.headers.find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
    throw new Error(
      `The rate limiter refused a measurement (429${retry ? `, Retry-After ${retry} s` : ''}): measure again then, or loosen the policy in the Rate limit lab.`,
    );
  }
  if (result.status !== 200) throw new Error(result.problem?.detail ?? `HTTP ${result.status}`);
  return parseServerTiming(
    result.headers.find(([name]) => name.toLowerCase() === 'server-timing')?.[1] ?? null,
  );
}

/** The keyset cursor that starts at `depth`: a one-row offset read just before it (setup). */
async function cursorAt(depth: number, headers: Headers): Promise<string> {
  const setup = await send<{ pagination: { next_cursor: string | null } }>(
    `${USERS}?offset=${depth - 1}&limit=1`,
    { headers, cache: 'no-store' },
  );
  const cursor = typeof setup.body === 'object' ? setup.body?.pagination.next_cursor : null;
  if (!cursor) throw new Error(`no cursor at depth ${depth} (HTTP ${setup.status})`);
  return cursor;
}

/**
 * Measures every depth `rounds` times, as real requests: an offset page and a keyset page at
 * each. The rounds go across all depths in turn (not one depth five times in a row), so a
 * garbage collection or a JIT pause lands on one sample of some depth, and the median drops it.
 * One warm-up pair at the deepest depth comes first and is not counted: the first reads also
 * compile the code they run.
 */
export async function measureDepths(
  depths: readonly number[],
  limit: number,
  /** Called as each round starts (0-based). */
  onProgress: (round: number, of: number) => void = () => undefined,
  rounds = ROUNDS,
): Promise<CostPoint[]> {
  const headers = nextClient();
  const cursors: string[] = [];
  for (const depth of depths) cursors.push(await cursorAt(depth, headers));
  const deepest = depths.length - 1;
  await page(`${USERS}?offset=${depths[deepest]}&limit=${limit}`, headers);
  await page(`${USERS}?limit=${limit}&cursor=${cursors[deepest]}`, headers);

  const samples = depths.map(() => ({
    offset: [] as number[],
    keyset: [] as number[],
    rows: [0, 0],
  }));
  for (let round = 0; round < rounds; round++) {
    onProgress(round, rounds);
    for (const [i, depth] of depths.entries()) {
      const offset = await page(`${USERS}?offset=${depth}&limit=${limit}`, headers);
      const keyset = await page(`${USERS}?limit=${limit}&cursor=${cursors[i]}`, headers);
      const sample = samples[i] as (typeof samples)[number];
      sample.offset.push(offset.ms);
      sample.keyset.push(keyset.ms);
      sample.rows = [offset.rows, keyset.rows];
    }
  }
  return depths.map((depth, i) => {
    const { offset, keyset, rows } = samples[i] as (typeof samples)[number];
    return {
      depth,
      offsetRows: rows[0] as number,
      offsetMs: median(offset),
      keysetRows: rows[1] as number,
      keysetMs: median(keyset),
      offsetRange: [Math.min(...offset), Math.max(...offset)],
      keysetRange: [Math.min(...keyset), Math.max(...keyset)],
    };
  });
}

/** How many users there are now (an offset page always carries the total). */
export async function countUsers(): Promise<number> {
  const result = await send<{ pagination: { total: number } }>(`${USERS}?limit=1`, {
    headers: { 'X-Client-Id': `pagination-cost-${session}-count` },
  });
  return typeof result.body === 'object' && result.body ? result.body.pagination.total : 0;
}

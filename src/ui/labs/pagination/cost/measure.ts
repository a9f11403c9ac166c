import { send } from '../../../shared/http.ts';
import { CLIENT_ID } from '../../../../scenarios/pagination/lab-http.ts';

/** One depth of the cost chart: what an offset page and a keyset page there cost in the core. */
export interface CostPoint {
  depth: number;
  offsetRows: number;
  offsetMs: number;
  keysetRows: number;
  keysetMs: number;
}

const USERS = '/api/v1/users';
const headers = { 'X-Client-Id': CLIENT_ID };

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

const timing = (result: { headers: [string, string][] }) =>
  parseServerTiming(
    result.headers.find(([name]) => name.toLowerCase() === 'server-timing')?.[1] ?? null,
  );

/**
 * Three real requests: the offset page at `depth`; a one-row offset read just before it, whose
 * next_cursor points at the same place (setup, not measured); then the keyset page from there.
 */
export async function measureDepth(depth: number, limit: number): Promise<CostPoint> {
  const offset = await send(`${USERS}?offset=${depth}&limit=${limit}`, { headers });
  if (offset.status !== 200) throw new Error(offset.problem?.detail ?? `HTTP ${offset.status}`);
  const setup = await send<{ pagination: { next_cursor: string | null } }>(
    `${USERS}?offset=${depth - 1}&limit=1`,
    { headers },
  );
  const cursor = typeof setup.body === 'object' ? setup.body?.pagination.next_cursor : null;
  if (!cursor) throw new Error(`no cursor at depth ${depth}`);
  const keyset = await send(`${USERS}?limit=${limit}&cursor=${cursor}`, { headers });
  if (keyset.status !== 200) throw new Error(keyset.problem?.detail ?? `HTTP ${keyset.status}`);
  const a = timing(offset);
  const b = timing(keyset);
  return { depth, offsetRows: a.rows, offsetMs: a.ms, keysetRows: b.rows, keysetMs: b.ms };
}

/** How many users there are now (an offset page always carries the total). */
export async function countUsers(): Promise<number> {
  const result = await send<{ pagination: { total: number } }>(`${USERS}?limit=1`, { headers });
  return typeof result.body === 'object' && result.body ? result.body.pagination.total : 0;
}

/** Resets the data with `users` rows (POST /__admin/reset): a million takes seconds, in slices. */
export async function generateUsers(users: number): Promise<void> {
  const result = await send('/__admin/reset', { method: 'POST', json: { sizes: { users } } });
  if (result.status !== 204) throw new Error(result.problem?.detail ?? `HTTP ${result.status}`);
}

import type { Transport } from '../scenario.ts';
import { expectStatus } from './lab-http.ts';

/**
 * The three ways of walking a list that the drift lab compares, each as real requests:
 *  - offset: `?offset=n&limit=k`, n += k (API.md §3 offset pages);
 *  - keyset: `?cursor=…` from each page's next_cursor (API.md §3 cursors);
 *  - naive: the cursor many tutorials teach, "the position of the last-seen id in the list":
 *    fetch the list, find that id, take the rows after it. When the id is gone, indexOf gives
 *    -1 and the walk silently starts over from the top.
 */
export type WalkerKind = 'offset' | 'keyset' | 'naive';
export const WALKERS: readonly WalkerKind[] = ['offset', 'keyset', 'naive'];

export interface LabRow {
  id: string;
  name: string;
  created_at: string;
}

/** Where a walker stands between pages. */
export interface WalkerPosition {
  offset: number;
  /** undefined before the first page; null once there is no next page. */
  cursor: string | null | undefined;
  lastId: string | undefined;
}

export interface PageRead {
  rows: LabRow[];
  /** The request as sent, for the lab to show. */
  path: string;
  done: boolean;
  position: WalkerPosition;
  /** Naive only: its last-seen id was gone, so it started again from the top. */
  restarted: boolean;
}

interface ListBody {
  data: LabRow[];
  pagination: { total?: number; next_cursor: string | null };
}

/** The naive walker reads the whole (small) list in one page of the API's largest size. */
export const NAIVE_LIST_LIMIT = 100;

export async function readPage(
  kind: WalkerKind,
  at: WalkerPosition,
  { transport, base, limit }: { transport: Transport; base: string; limit: number },
): Promise<PageRead> {
  const get = (path: string) => expectStatus<ListBody>(200, transport, 'GET', path);
  if (kind === 'offset') {
    const path = `${base}?offset=${at.offset}&limit=${limit}`;
    const body = await get(path);
    const offset = at.offset + limit;
    const done = offset >= (body.pagination.total ?? 0);
    return { rows: body.data, path, done, position: { ...at, offset }, restarted: false };
  }
  if (kind === 'keyset') {
    const path = at.cursor
      ? `${base}?limit=${limit}&cursor=${at.cursor}`
      : `${base}?limit=${limit}`;
    const body = await get(path);
    const cursor = body.pagination.next_cursor;
    return {
      rows: body.data,
      path,
      done: cursor === null,
      position: { ...at, cursor },
      restarted: false,
    };
  }
  const path = `${base}?limit=${NAIVE_LIST_LIMIT}`;
  const list = (await get(path)).data;
  const index = at.lastId === undefined ? -1 : list.findIndex((row) => row.id === at.lastId);
  const rows = list.slice(index + 1, index + 1 + limit);
  return {
    rows,
    path,
    done: index + 1 + limit >= list.length,
    position: { ...at, lastId: rows.at(-1)?.id ?? at.lastId },
    restarted: at.lastId !== undefined && index === -1,
  };
}

import type { Row } from '../store/row.ts';
import type { SortedView, SortKey } from './sort.ts';

/** One page as read from an index, with what it cost. */
export interface PageRead {
  rows: Row[];
  /** Whether rows exist before the first and after the last row of this page (in sort order). */
  hasBefore: boolean;
  hasAfter: boolean;
  /** Rows visited to produce the page: the cost the journal and Server-Timing report. */
  rowsRead: number;
  /** Key comparisons spent seeking (0 for an offset read, which cannot seek). */
  comparisons: number;
}

/**
 * An offset page, read the way a database executes OFFSET: from the start of the index, reading
 * and discarding `offset` rows before the page begins. An array could jump to a position, but a
 * B-tree index does not know how many rows lie left of a key without counting them, so restlab
 * walks too: its measured times tell the same story a database would (O(offset + limit)).
 * @see https://www.postgresql.org/docs/current/queries-limit.html
 */
export function readOffset(view: SortedView, offset: number, limit: number): PageRead {
  const size = view.size;
  const end = Math.min(offset + limit, size);
  let rowsRead = 0;
  const rows: Row[] = [];
  for (let position = 0; position < end; position++) {
    const row = view.at(position) as Row;
    // Each row passed over is really read, as a database reads each row it discards.
    if (row.id !== '') rowsRead++;
    if (position >= offset) rows.push(row);
  }
  return {
    rows,
    hasBefore: offset > 0 && size > 0,
    hasAfter: offset + limit < size,
    rowsRead,
    comparisons: 0,
  };
}

/**
 * A keyset page: seek to the boundary key by binary search, then read `limit` neighbours, so the
 * cost is O(log n + limit) at any depth. `next` reads the rows strictly after the key, `prev`
 * the rows strictly before it (returned in sort order). A null key is the start (next) or the
 * end (prev). The boundary row itself need not exist any more: only its key is used.
 * @see https://use-the-index-luke.com/no-offset
 */
export function readKeyset(
  view: SortedView,
  direction: 'next' | 'prev',
  key: SortKey | null,
  limit: number,
): PageRead {
  const size = view.size;
  const comparisons = key === null ? 0 : seekSteps(size);
  let start: number;
  let end: number;
  if (direction === 'next') {
    start = key === null ? 0 : view.through(key);
    end = Math.min(start + limit, size);
  } else {
    end = key === null ? size : view.before(key);
    start = Math.max(0, end - limit);
  }
  const rows: Row[] = [];
  for (let position = start; position < end; position++) rows.push(view.at(position) as Row);
  return { rows, hasBefore: start > 0, hasAfter: end < size, rowsRead: rows.length, comparisons };
}

/** Comparisons one binary search over `size` rows makes: ⌊log2 size⌋ + 1. */
export function seekSteps(size: number): number {
  return size === 0 ? 0 : Math.floor(Math.log2(size)) + 1;
}

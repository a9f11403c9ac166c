import type { Row } from './row.ts';

/** Ascending (created_at, id): the order every listing reads, newest first by walking it backwards. */
export function compareCreated(a: Row, b: Row): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Rows kept sorted by (created_at, id) in an array: O(log n) to find a row's position, O(1) to
 * reach any offset, and inserts that are almost always appends because the clock moves forward.
 * Timestamps are fixed-width RFC 3339 strings, so comparing them as strings compares instants.
 * The pagination lab adds indexes for its other sorts beside this one.
 */
export class OrderedIndex {
  #rows: Row[] = [];

  get size(): number {
    return this.#rows.length;
  }

  /** Replaces the content with rows already sorted by compareCreated. */
  load(sorted: Row[]): void {
    this.#rows = sorted;
  }

  at(position: number): Row | undefined {
    return this.#rows[position];
  }

  /** First position whose row sorts at or after `probe`. */
  lowerBound(probe: Row): number {
    let lo = 0;
    let hi = this.#rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareCreated(this.#rows[mid] as Row, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(row: Row): void {
    const last = this.#rows[this.#rows.length - 1];
    if (!last || compareCreated(last, row) < 0) {
      this.#rows.push(row);
      return;
    }
    this.#rows.splice(this.lowerBound(row), 0, row);
  }

  /** Swaps in a new version of a row whose sort key (created_at, id) is unchanged. */
  replace(row: Row): void {
    const position = this.#find(row);
    this.#rows[position] = row;
  }

  remove(row: Row): void {
    this.#rows.splice(this.#find(row), 1);
  }

  #find(row: Row): number {
    const position = this.lowerBound(row);
    const found = this.#rows[position];
    if (!found || found.id !== row.id) throw new Error(`index has no row ${row.id}`);
    return position;
  }
}

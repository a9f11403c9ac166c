import type { OrderedIndex } from '../store/ordered-index.ts';
import type { Row } from '../store/row.ts';

/**
 * The orders a list can be read in (API.md §3): a field, a direction, and id as the tie-breaker
 * in the same direction, so the order is total. Each is served by one ascending index of the
 * collection, walked forwards or backwards.
 */
export const SORTS = ['-created_at', 'created_at', 'name', '-name'] as const;
export type SortName = (typeof SORTS)[number];
export const DEFAULT_SORT: SortName = '-created_at';

export interface Sort {
  name: SortName;
  field: 'created_at' | 'name';
  descending: boolean;
}

export function sortOf(name: SortName): Sort {
  const descending = name.startsWith('-');
  return { name, field: (descending ? name.slice(1) : name) as Sort['field'], descending };
}

/** A row's place in a sort: its sort value and its id. */
export type SortKey = readonly [value: string, id: string];

export function keyOf(row: Row, sort: Sort): SortKey {
  const value = row[sort.field];
  return [typeof value === 'string' ? value : '', row.id];
}

/** A stand-in row carrying only a key, for seeking in an index. */
function probe(sort: Sort, [value, id]: SortKey): Row {
  return { id, created_at: '', updated_at: '', [sort.field]: value };
}

/**
 * An index seen in the sort's own order: position 0 is the first row of the walk. Positions
 * come from binary search, so finding where a key falls costs O(log n).
 */
export class SortedView {
  constructor(
    readonly index: OrderedIndex,
    readonly sort: Sort,
  ) {}

  get size(): number {
    return this.index.size;
  }

  at(position: number): Row | undefined {
    const { size } = this.index;
    return this.index.at(this.sort.descending ? size - 1 - position : position);
  }

  /** How many rows come strictly before `key` in this order. */
  before(key: SortKey): number {
    const row = probe(this.sort, key);
    const { index } = this;
    return this.sort.descending ? index.size - index.upperBound(row) : index.lowerBound(row);
  }

  /** How many rows come before `key` or are `key` itself. */
  through(key: SortKey): number {
    const row = probe(this.sort, key);
    const { index } = this;
    return this.sort.descending ? index.size - index.lowerBound(row) : index.upperBound(row);
  }
}

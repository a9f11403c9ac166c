import { ProblemError } from '../problems.ts';
import { integerParam, parseQuery, type ParamParser } from '../query.ts';
import type { Collection } from '../store/collection.ts';
import { DEFAULT_SORT, SORTS, sortOf, type Sort, type SortName } from './sort.ts';

/** A list request, checked: either an offset page or a cursor page (API.md §3). */
export interface ListQuery {
  limit: number;
  sort: Sort;
  /** `include_total=true`: count the rows on a cursor page too (offset pages always do). */
  includeTotal: boolean;
  position: { kind: 'offset'; offset: number } | { kind: 'cursor'; cursor: string };
}

const text: ParamParser<string> = (raw) => ({ value: raw });
const flag: ParamParser<boolean> = (raw) =>
  raw === 'true' || raw === 'false'
    ? { value: raw === 'true' }
    : { error: 'must be true or false' };

function sortParam(available: readonly SortName[]): ParamParser<SortName> {
  return (raw) =>
    (available as readonly string[]).includes(raw)
      ? { value: raw as SortName }
      : { error: `must be one of ${available.join(', ')}` };
}

/**
 * Reads `limit`, `offset`, `cursor`, `sort` and `include_total`. Every bad parameter is named in
 * `errors[]` at once (400 invalid-parameter); `offset` with `cursor` is refused, naming both.
 * Neither means the first page, served as offset 0. The cursor itself is checked later, against
 * its signature (400 invalid-cursor).
 */
export function readListQuery(
  url: URL,
  collection: Collection,
  maxPageSize: number,
  defaultPageSize: number,
): ListQuery {
  const available = SORTS.filter((name) => collection.index(sortOf(name).field));
  const query = parseQuery(url, {
    limit: integerParam(1, maxPageSize),
    offset: integerParam(0, Number.MAX_SAFE_INTEGER),
    cursor: text,
    sort: sortParam(available),
    include_total: flag,
  });
  if (query.offset !== undefined && query.cursor !== undefined) {
    const detail = 'cannot be combined with the other: a page is found by offset or by cursor';
    throw new ProblemError('invalid-parameter', 'Send offset or cursor, not both.', {
      errors: [
        { parameter: 'offset', detail },
        { parameter: 'cursor', detail },
      ],
      rule: 'offset and cursor together → 400',
    });
  }
  return {
    limit: query.limit ?? defaultPageSize,
    sort: sortOf(query.sort ?? DEFAULT_SORT),
    includeTotal: query.include_total ?? false,
    position:
      query.cursor !== undefined
        ? { kind: 'cursor', cursor: query.cursor }
        : { kind: 'offset', offset: query.offset ?? 0 },
  };
}

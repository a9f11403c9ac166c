import { z } from 'zod';
import { ProblemError } from '../problems.ts';
import { choiceParam, flagParam, integerParam, textParam, type ParsedQuery } from '../query.ts';
import type { Settings } from '../settings.ts';
import { DEFAULT_SORT, sortOf, type Sort, type SortName } from './sort.ts';

/** A list request, checked: either an offset page or a cursor page (API.md §3). */
export interface ListQuery {
  limit: number;
  sort: Sort;
  /** `include_total=true`: count the rows on a cursor page too (offset pages always do). */
  includeTotal: boolean;
  position: { kind: 'offset'; offset: number } | { kind: 'cursor'; cursor: string };
}

/**
 * The parameters of a list route: `limit` (1…limits.max_page_size), `offset`, `cursor`, `sort`
 * (the sorts this collection has an index for) and `include_total`. The route table checks them
 * (400 invalid-parameter, every bad one named); `readListQuery` then combines them.
 */
export function listQuerySchema(sorts: readonly [SortName, ...SortName[]]) {
  return (settings: Settings) =>
    z.strictObject({
      limit: integerParam(1, settings.limits.max_page_size)
        .optional()
        .meta({
          default: settings.limits.default_page_size,
          description: `Rows per page (default limits.default_page_size, ${settings.limits.default_page_size} now).`,
        }),
      offset: integerParam(0, Number.MAX_SAFE_INTEGER)
        .optional()
        .meta({ description: 'Rows to skip: an offset page. Not with cursor.' }),
      cursor: textParam().optional().meta({
        description:
          'A next_cursor or prev_cursor from an earlier page, exactly as given (signed). Not with offset.',
      }),
      sort: choiceParam(sorts)
        .optional()
        .meta({ default: DEFAULT_SORT, description: 'Order, ties broken by id.' }),
      include_total: flagParam().optional().meta({
        default: 'false',
        description: 'Count every row on a cursor page too (offset pages always do).',
      }),
    });
}

export type ListQueryParams = ParsedQuery<ReturnType<ReturnType<typeof listQuerySchema>>>;

/**
 * Combines the checked parameters: `offset` with `cursor` is refused, naming both. Neither means
 * the first page, served as offset 0. The cursor itself is checked later, against its signature
 * (400 invalid-cursor).
 */
export function readListQuery(query: ListQueryParams, defaultPageSize: number): ListQuery {
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

import { note, type ApiContext } from '../context.ts';
import { respondJson } from '../respond.ts';
import { cite } from '../standards.ts';
import { decodeCursor, encodeCursor, type Cursor, type CursorKey } from './cursor.ts';
import { linkHeader, offsetTargets, type LinkTargets } from './link-header.ts';
import { readListQuery, type ListQueryParams } from './list-query.ts';
import { readKeyset, readOffset, type PageRead } from './read-page.ts';
import { keyOf, SortedView } from './sort.ts';
import { OrderedIndex } from '../store/ordered-index.ts';
import type { Row } from '../store/row.ts';

/** Only the rows that pass `keep` (`?user_id=` on orders), described for the journal. */
export interface ListFilter {
  keep: (row: Row) => boolean;
  describe: string;
}

const count = (n: number) => n.toLocaleString('en');
const POSTGRES_OFFSET = cite(
  'PostgreSQL: LIMIT and OFFSET',
  'https://www.postgresql.org/docs/current/queries-limit.html',
);
const NO_OFFSET = cite(
  'Use The Index, Luke: no offset',
  'https://use-the-index-luke.com/no-offset',
);

/**
 * GET /api/v1/{collection} (API.md §3): an offset page (`offset`, or neither parameter) or a
 * keyset page (`cursor`), in one of four sorts. Every page carries next/prev cursors and a Link
 * header in the request's own style; offset pages carry the total. The journal notes and the
 * Server-Timing header say what the read cost, in rows.
 */
export async function listRows(
  context: ApiContext,
  collectionName: string,
  params: ListQueryParams,
  cursorKey: CursorKey,
  filter?: ListFilter,
): Promise<void> {
  const { env, url } = context;
  const collection = env.store.collection(collectionName);
  const query = readListQuery(params, env.settings.current.limits.default_page_size);
  const { limit, sort, position } = query;
  const whole = collection.index(sort.field);
  // The route's query schema offers only the sorts this collection has an index for.
  if (!whole) throw new Error(`${collectionName} has no ${sort.field} index`);
  const index = filter ? filtered(whole, filter) : whole;
  if (filter)
    note(context, `${filter.describe}: ${count(index.size)} of ${count(whole.size)} rows`);
  const view = new SortedView(index, sort);
  const expected = { collection: collectionName, sort: sort.name };
  const cursor = (direction: Cursor['direction'], key: Cursor['key']) =>
    encodeCursor(cursorKey, { ...expected, direction, key });

  let decoded: Cursor | undefined;
  if (position.kind === 'cursor') {
    decoded = await decodeCursor(cursorKey, position.cursor, expected);
    note(context, `Cursor verified (HMAC-SHA-256): ${describe(decoded)}`, cite('RFC 2104'));
  }
  const started = env.realNow();
  const page: PageRead = decoded
    ? readKeyset(view, decoded.direction, decoded.key, limit)
    : readOffset(view, position.kind === 'offset' ? position.offset : 0, limit);
  const elapsedMs = env.realNow() - started;

  const { rows } = page;
  const first = rows[0];
  const last = rows[rows.length - 1];
  // An empty page with rows after it sits at the very start; with rows before it, at the end.
  const nextCursor = page.hasAfter ? await cursor('next', last ? keyOf(last, sort) : null) : null;
  const prevCursor = page.hasBefore
    ? await cursor('prev', first ? keyOf(first, sort) : null)
    : null;

  const total = index.size;
  const pagination: Record<string, unknown> = { limit };
  let targets: LinkTargets;
  if (position.kind === 'offset') {
    const { offset } = position;
    Object.assign(pagination, { offset, total });
    targets = offsetTargets(offset, limit, total);
    note(
      context,
      `offset ${count(offset)}: scanned ${count(page.rowsRead)} rows (${count(Math.min(offset, total))} read and thrown away, ${count(rows.length)} returned)`,
      POSTGRES_OFFSET,
    );
  } else {
    if (query.includeTotal) pagination.total = total;
    targets = { first: { cursor: await cursor('next', null) } };
    if (prevCursor) targets.prev = { cursor: prevCursor };
    if (nextCursor) targets.next = { cursor: nextCursor };
    note(
      context,
      `cursor: seek (${page.comparisons} comparisons in ${count(total)} rows), read ${count(rows.length)}`,
      NO_OFFSET,
    );
    if (query.includeTotal)
      note(context, `include_total=true: total ${count(total)} (a database would count every row)`);
  }
  pagination.next_cursor = nextCursor;
  pagination.prev_cursor = prevCursor;
  const link = linkHeader(url, targets);
  note(
    context,
    `Link: ${Object.keys(targets).join(', ')} (${position.kind} style)`,
    cite('RFC 8288 §3'),
  );
  respondJson(
    context,
    200,
    { data: rows, pagination },
    {
      Link: link,
      'Server-Timing': `page;dur=${elapsedMs.toFixed(3)};desc="${position.kind}: ${page.rowsRead} rows read"`,
    },
  );
}

/**
 * The rows of an index that pass a filter, in the same order: one pass over the index, as a
 * database without an index on the filtered column would scan.
 */
function filtered(index: OrderedIndex, filter: ListFilter): OrderedIndex {
  const rows: Row[] = [];
  for (let position = 0; position < index.size; position++) {
    const row = index.at(position) as Row;
    if (filter.keep(row)) rows.push(row);
  }
  const view = new OrderedIndex(index.compare);
  view.load(rows);
  return view;
}

function describe(cursor: Cursor): string {
  const where = cursor.direction === 'next' ? 'after' : 'before';
  if (!cursor.key) return cursor.direction === 'next' ? 'from the start' : 'from the end';
  return `${where} ${JSON.stringify(cursor.key)} in ${cursor.sort} order`;
}

import { compareCodePoints } from './code-point-order.ts';
import type { Row } from './row.ts';

/** Rows per native-sorted run; runs are then merged pairwise, a pass at a time. */
const RUN = 2048;
/** Elements moved between yields while merging. */
const SLICE = 16_384;

/**
 * A stable bottom-up merge sort that yields the work done every few thousand elements, so a
 * caller can pause between slices (a million rows sorted by name in one go would freeze a page
 * for seconds). Runs are sorted natively first; the merge passes are ours. Sorts `items` in place.
 */
export function* sortGradually<T>(
  items: T[],
  compare: (a: T, b: T) => number,
): Generator<number, T[]> {
  const length = items.length;
  let done = 0;
  for (let start = 0; start < length; start += RUN) {
    const run = items.slice(start, start + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) items[start + i] = run[i] as T;
    done += run.length;
    yield done;
  }
  let source = items;
  let target: T[] = new Array<T>(length);
  for (let width = RUN; width < length; width *= 2) {
    let sinceYield = 0;
    for (let left = 0; left < length; left += 2 * width) {
      const middle = Math.min(left + width, length);
      const right = Math.min(left + 2 * width, length);
      let i = left;
      let j = middle;
      for (let k = left; k < right; k++) {
        // `<= 0` takes from the left on ties: stable.
        if (i < middle && (j >= right || compare(source[i] as T, source[j] as T) <= 0))
          target[k] = source[i++] as T;
        else target[k] = source[j++] as T;
        if (++sinceYield === SLICE) {
          done += sinceYield;
          sinceYield = 0;
          yield done;
        }
      }
    }
    done += sinceYield;
    [source, target] = [target, source];
  }
  if (source !== items) for (let i = 0; i < length; i++) items[i] = source[i] as T;
  return items;
}

/**
 * Seed rows sorted by (`field`, id) ascending, in slices: rows are grouped by their value, the
 * distinct values sorted by code point, then each group by id. Seeded values repeat a lot (a few
 * hundred names across a million users), so this is a few times faster than one big sort.
 * Seed ids are ASCII (see makeId), so comparing them with `<` is code point order. Yields the
 * rows placed so far, out of 2 × length (grouping, then placing).
 */
export function* sortSeedByField(rows: readonly Row[], field: string): Generator<number, Row[]> {
  const groups = new Map<string, Row[]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    const raw = row[field];
    const value = typeof raw === 'string' ? raw : '';
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
    if (i % 4096 === 4095) yield i + 1;
  }
  const values = [...groups.keys()];
  const sorting = sortGradually(values, compareCodePoints);
  for (let step = sorting.next(); !step.done; step = sorting.next()) yield rows.length;
  const out: Row[] = new Array<Row>(rows.length);
  let placed = 0;
  let sinceYield = 0;
  for (const value of values) {
    const group = (groups.get(value) as Row[]).sort(byAsciiId);
    for (const row of group) out[placed++] = row;
    sinceYield += group.length;
    if (sinceYield >= 4096) {
      sinceYield = 0;
      yield rows.length + placed;
    }
  }
  return out;
}

const byAsciiId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

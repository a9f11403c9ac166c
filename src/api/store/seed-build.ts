import { sortSeedByField } from './gradual-sort.ts';
import { compareCreated } from './ordered-index.ts';
import { makeId, mulberry32 } from './random.ts';
import type { Row } from './row.ts';
import type { CollectionSpec, SeedRefs } from './store.ts';

/** Seeded rows are created before this instant, whatever the virtual clock says. */
export const SEED_EPOCH_MS = 1767225600000; // 2026-01-01T00:00:00Z

/** A collection's seed, ready to swap in: rows, the id map, unique maps and every index. */
export interface SeededCollection {
  seed: number;
  size: number;
  /** Sorted by (created_at, id). */
  byCreated: Row[];
  byId: Map<string, Row>;
  /** Per unique field, normalized value → id. */
  uniques: Map<string, Map<string, string>>;
  /** Per sort field, rows sorted by (field, id). */
  byField: Map<string, Row[]>;
}

const EVERY = 4096;

/** The units of work `buildSeed` reports in all: three passes over the rows, two per sort. */
export function seedWork(size: number, sortFields: readonly string[]): number {
  return size * (3 + 2 * sortFields.length);
}

/**
 * Builds one collection's deterministic seed. A generator, so the same code runs straight through
 * (`runToEnd`, for small seeds and in Node) or in slices with pauses between them (a million rows
 * in the page). It yields the units of work done so far.
 *
 * Rows come oldest first with gaps of 0–120 s between neighbours (about one in twenty is 0, so
 * equal timestamps exist and the id tie-breaker matters), ending just before SEED_EPOCH_MS.
 */
export function* buildSeed(
  spec: CollectionSpec,
  seed: number,
  size: number,
  sortFields: readonly string[],
  refs: SeedRefs,
): Generator<number, SeededCollection> {
  const random = mulberry32(seed ^ hashName(spec.name));
  const fields: Record<string, unknown>[] = new Array(size);
  const gaps = new Float64Array(size);
  let span = 0;
  for (let i = 0; i < size; i++) {
    fields[i] = spec.seedFields(random, i, refs);
    const gap = random() < 0.05 ? 0 : 1000 * (1 + Math.floor(random() * 120));
    gaps[i] = gap;
    span += gap;
    if (i % EVERY === EVERY - 1) yield i + 1;
  }
  const rows: Row[] = new Array(size);
  let createdMs = SEED_EPOCH_MS - span;
  const iso = isoFormatter();
  for (let i = 0; i < size; i++) {
    createdMs += gaps[i] ?? 0;
    const created = iso(createdMs);
    rows[i] = {
      id: makeId(spec.idPrefix, seed, spec.name, i),
      ...fields[i],
      created_at: created,
      updated_at: created,
    };
    if (i % EVERY === EVERY - 1) yield size + i + 1;
  }
  sortNearlySorted(rows);

  const byId = new Map<string, Row>();
  const uniques = new Map(spec.uniqueFields.map((unique) => [unique.field, new Map()]));
  for (let i = 0; i < size; i++) {
    const row = rows[i] as Row;
    if (byId.has(row.id)) throw new Error(`seed repeats id ${row.id}`);
    byId.set(row.id, row);
    for (const unique of spec.uniqueFields) {
      const map = uniques.get(unique.field) as Map<string, string>;
      const value = unique.normalize(row[unique.field]);
      if (map.has(value)) throw new Error(`seed repeats ${spec.name}.${unique.field}`);
      map.set(value, row.id);
    }
    if (i % EVERY === EVERY - 1) yield 2 * size + i + 1;
  }

  const byField = new Map<string, Row[]>();
  let done = 3 * size;
  for (const field of sortFields) {
    const sorting = sortSeedByField(rows, field);
    let step = sorting.next();
    while (!step.done) {
      yield done + step.value;
      step = sorting.next();
    }
    byField.set(field, step.value);
    done += 2 * size;
  }
  return { seed, size, byCreated: rows, byId, uniques, byField };
}

/** Runs a generator to its end without pausing, and returns its result. */
export function runToEnd<T>(work: Generator<unknown, T>): T {
  let step = work.next();
  while (!step.done) step = work.next();
  return step.value;
}

/** Formats epoch ms as RFC 3339, reusing the last string: neighbours often share an instant. */
function isoFormatter(): (ms: number) => string {
  let lastMs = Number.NaN;
  let last = '';
  return (ms) => {
    if (ms !== lastMs) {
      lastMs = ms;
      // eslint-disable-next-line no-restricted-globals -- formatting a computed seed instant
      last = new Date(ms).toISOString();
    }
    return last;
  };
}

/** Insertion sort: linear for rows that are out of order only within runs of equal timestamps. */
function sortNearlySorted(rows: Row[]): void {
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as Row;
    let j = i - 1;
    while (j >= 0 && compareCreated(rows[j] as Row, row) > 0) {
      rows[j + 1] = rows[j] as Row;
      j--;
    }
    rows[j + 1] = row;
  }
}

function hashName(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) >>> 0;
  return hash;
}

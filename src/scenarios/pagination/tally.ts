import type { Metric } from '../scenario.ts';
import type { LabRow, WalkerKind, WalkerPosition } from './walkers.ts';

/**
 * What one walker has returned, and what that means: duplicates (a row returned again) and
 * skipped rows (rows that existed for the whole walk, that the walk has moved past, and that it
 * never returned), kept up to date page by page so the lab can mark them as they happen.
 */
export interface PageRecord {
  number: number;
  path: string;
  restarted: boolean;
  rows: { row: LabRow; duplicate: boolean }[];
}

export interface WalkerTally {
  kind: WalkerKind;
  position: WalkerPosition;
  done: boolean;
  pages: PageRecord[];
  /** Times each id was returned. */
  times: Map<string, number>;
  /** The row furthest along the walk's order returned so far. */
  furthest: LabRow | undefined;
  /** Skipped ids, with the page after which each was found skipped. */
  skippedAt: Map<string, number>;
  restarts: number;
}

export function newTally(kind: WalkerKind): WalkerTally {
  return {
    kind,
    position: { offset: 0, cursor: undefined, lastId: undefined },
    done: false,
    pages: [],
    times: new Map(),
    furthest: undefined,
    skippedAt: new Map(),
    restarts: 0,
  };
}

/** Newest first, ties by id descending: the order the lab walks (sort=-created_at). */
export function walkOrder(a: LabRow, b: LabRow): number {
  if (a.created_at !== b.created_at) return a.created_at > b.created_at ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

export function recordPage(
  tally: WalkerTally,
  path: string,
  rows: LabRow[],
  restarted: boolean,
): void {
  const marked = rows.map((row) => {
    const times = (tally.times.get(row.id) ?? 0) + 1;
    tally.times.set(row.id, times);
    if (!tally.furthest || walkOrder(row, tally.furthest) > 0) tally.furthest = row;
    return { row, duplicate: times > 1 };
  });
  if (restarted) tally.restarts++;
  tally.pages.push({ number: tally.pages.length + 1, path, restarted, rows: marked });
}

/** Re-derives the skipped rows from the rows that existed throughout (in walk order). */
export function updateSkipped(tally: WalkerTally, throughout: readonly LabRow[]): void {
  const reached = (row: LabRow) =>
    tally.done || (tally.furthest !== undefined && walkOrder(row, tally.furthest) <= 0);
  const now = new Set(
    throughout.filter((row) => !tally.times.has(row.id) && reached(row)).map((row) => row.id),
  );
  for (const id of tally.skippedAt.keys()) if (!now.has(id)) tally.skippedAt.delete(id);
  for (const id of now) if (!tally.skippedAt.has(id)) tally.skippedAt.set(id, tally.pages.length);
}

export function duplicatesOf(tally: WalkerTally): number {
  let duplicates = 0;
  for (const times of tally.times.values()) duplicates += times - 1;
  return duplicates;
}

/** A plain-words verdict for the lab. */
export function verdictOf(tally: WalkerTally): { exact: boolean; text: string } {
  const duplicates = duplicatesOf(tally);
  const skipped = tally.skippedAt.size;
  const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
  const faults = [
    duplicates > 0 ? `returned ${rows(duplicates)} twice` : '',
    skipped > 0 ? `skipped ${rows(skipped)}` : '',
  ].filter(Boolean);
  if (tally.pages.length === 0) return { exact: false, text: 'Not started.' };
  if (faults.length > 0) return { exact: false, text: `Wrong: ${faults.join(' and ')}.` };
  return tally.done
    ? { exact: true, text: 'Exact: every row once, none skipped.' }
    : { exact: false, text: 'So far, so good.' };
}

/** A walker's counts under `<kind>.<name>`, as scenarios record and check them. */
export function metricsOf(tally: WalkerTally): Record<string, Metric> {
  const duplicates = duplicatesOf(tally);
  const skipped = tally.skippedAt.size;
  return {
    [`${tally.kind}.duplicates`]: duplicates,
    [`${tally.kind}.skipped`]: skipped,
    [`${tally.kind}.anomalies`]: duplicates + skipped,
    [`${tally.kind}.restarts`]: tally.restarts,
    [`${tally.kind}.done`]: tally.done,
    [`${tally.kind}.exact`]: verdictOf(tally).exact,
  };
}

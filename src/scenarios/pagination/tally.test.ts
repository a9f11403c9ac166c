import { describe, expect, it } from 'vitest';
import {
  duplicatesOf,
  newTally,
  recordPage,
  updateSkipped,
  verdictOf,
  walkOrder,
} from './tally.ts';
import type { LabRow } from './walkers.ts';

const row = (id: string, second: number): LabRow => ({
  id,
  name: id.toUpperCase(),
  created_at: `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`,
});
// Newest first: e (50 s) … a (10 s).
const e = row('e', 50);
const d = row('d', 40);
const c = row('c', 30);
const b = row('b', 20);
const a = row('a', 10);

describe('a walker’s tally', () => {
  it('orders newest first, ties by id descending', () => {
    expect([a, c, e, b, d].sort(walkOrder)).toEqual([e, d, c, b, a]);
    const twin: LabRow = { ...c, id: 'cz' };
    expect([c, twin].sort(walkOrder)).toEqual([twin, c]);
  });

  it('marks a row returned again as a duplicate, on the page where it happens', () => {
    const tally = newTally('offset');
    recordPage(tally, '/p1', [e, d], false);
    recordPage(tally, '/p2', [d, c], false);
    expect(tally.pages[1]?.rows.map((entry) => entry.duplicate)).toEqual([true, false]);
    expect(duplicatesOf(tally)).toBe(1);
    expect(verdictOf(tally)).toEqual({ exact: false, text: 'Wrong: returned 1 row twice.' });
  });

  it('counts a row as skipped once the walk has passed it, and only if it existed throughout', () => {
    const tally = newTally('offset');
    const throughout = [e, d, c, b, a];
    recordPage(tally, '/p1', [e], false);
    recordPage(tally, '/p2', [c], false);
    updateSkipped(tally, throughout);
    expect([...tally.skippedAt]).toEqual([['d', 2]]);
    // A skipped row deleted later no longer existed throughout.
    updateSkipped(tally, [e, c, b, a]);
    expect(tally.skippedAt.size).toBe(0);
    tally.done = true;
    updateSkipped(tally, throughout);
    expect([...tally.skippedAt.keys()]).toEqual(['d', 'b', 'a']);
    expect(verdictOf(tally).text).toBe('Wrong: skipped 3 rows.');
  });

  it('is exact only when done with no duplicate and no skip', () => {
    const tally = newTally('keyset');
    expect(verdictOf(tally).text).toBe('Not started.');
    recordPage(tally, '/p1', [e, d], false);
    expect(verdictOf(tally)).toEqual({ exact: false, text: 'So far, so good.' });
    tally.done = true;
    updateSkipped(tally, [e, d]);
    expect(verdictOf(tally)).toEqual({ exact: true, text: 'Exact: every row once, none skipped.' });
  });
});

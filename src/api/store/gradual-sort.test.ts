import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runToEnd } from './seed-build.ts';
import { compareByField } from './ordered-index.ts';
import { sortGradually, sortSeedByField } from './gradual-sort.ts';
import type { Row } from './row.ts';

const row = (id: string, name: unknown): Row => ({ id, name, created_at: '', updated_at: '' });

describe('sortGradually', () => {
  it('sorts like Array.prototype.sort, stably, across runs and merge passes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 9000 }), (values) => {
        const items = values.map((value, index) => ({ value, index }));
        const expected = [...items].sort((a, b) => a.value - b.value);
        const sorted = runToEnd(sortGradually(items, (a, b) => a.value - b.value));
        expect(sorted).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('sorts 10,000 items across several merge passes, yielding progress that only grows', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    const expected = [...items].sort((a, b) => a - b);
    const work = sortGradually(items, (a, b) => a - b);
    const seen: number[] = [];
    let step = work.next();
    for (; !step.done; step = work.next()) seen.push(step.value);
    expect(step.value).toEqual(expected);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe('sortSeedByField', () => {
  it('orders rows by (field, id) exactly as the index comparator does', () => {
    const name = fc.constantFrom('Ada', 'ada', 'Émile', '\u{1D49C}', '\uFF21', '', 7, undefined);
    const id = fc.stringMatching(/^usr_[0-9a-z]{3}$/);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(id, name), { selector: ([key]) => key }), (pairs) => {
        const rows = pairs.map(([key, value]) => row(key, value));
        const expected = [...rows].sort(compareByField('name'));
        expect(runToEnd(sortSeedByField(rows, 'name'))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

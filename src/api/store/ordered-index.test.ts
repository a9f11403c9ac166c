import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedIndex, compareCreated } from './ordered-index.ts';
import type { Row } from './row.ts';

const row = (id: string, second: number): Row => {
  const created_at = `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
  return { id, created_at, updated_at: created_at };
};

describe('OrderedIndex', () => {
  it('keeps rows sorted by (created_at, id) through inserts in any order', () => {
    const index = new OrderedIndex();
    for (const r of [row('b', 5), row('a', 5), row('z', 1), row('c', 9), row('a', 0)])
      index.insert(r);
    const ids = Array.from({ length: index.size }, (_, i) => index.at(i)?.id);
    expect(ids).toEqual(['a', 'z', 'a', 'b', 'c']);
  });

  it('replace swaps a row in place; remove drops it; a missing row throws', () => {
    const index = new OrderedIndex();
    index.load([row('a', 1), row('b', 2)]);
    index.replace({ ...row('b', 2), name: 'new' });
    expect(index.at(1)?.name).toBe('new');
    index.remove(row('a', 1));
    expect(index.size).toBe(1);
    expect(() => index.remove(row('a', 1))).toThrow(/no row a/);
  });

  it('matches a sorted array for any sequence of inserts and removes', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('insert' as const),
        id: fc.string({ maxLength: 3 }),
        second: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const index = new OrderedIndex();
        const model: Row[] = [];
        for (const step of ops) {
          if (step.kind === 'insert') {
            const r = row(step.id, step.second);
            if (model.some((m) => compareCreated(m, r) === 0)) continue;
            index.insert(r);
            model.push(r);
          } else if (model.length > 0) {
            const [r] = model.splice(step.pick % model.length, 1);
            index.remove(r as Row);
          }
        }
        model.sort(compareCreated);
        expect(Array.from({ length: index.size }, (_, i) => index.at(i))).toEqual(model);
        for (const [i, r] of model.entries()) expect(index.lowerBound(r)).toBe(i);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRfc3339 } from '../clock.ts';
import { products } from '../resources/products.ts';
import { users } from '../resources/users.ts';
import { compareByField, compareCreated } from './ordered-index.ts';
import type { Row } from './row.ts';
import { GRADUAL_SEED_ROWS, SEED_EPOCH_MS, Store, type SeedProgress } from './store.ts';

const specs = [users.collection, products.collection];
const BIG = GRADUAL_SEED_ROWS + 1000;

/** Every index of a collection, as arrays of ids. */
function indexes(store: Store, name = 'users') {
  const collection = store.collection(name);
  const ids = (field: string) => {
    const index = collection.index(field);
    return Array.from({ length: index?.size ?? 0 }, (_, i) => index?.at(i)?.id);
  };
  return { created: ids('created_at'), name: ids('name') };
}

describe('big seeds are built aside, then swapped in at once', () => {
  it('prepare + reseed gives exactly what a straight reseed gives', async () => {
    const straight = new Store(specs, 7, { users: BIG });
    const gradual = new Store(specs, 1, { users: 3 });
    const progress: SeedProgress[] = [];
    await gradual.prepare(7, { users: BIG }, (step) => progress.push(step));
    expect(gradual.collection('users').size).toBe(3); // nothing swapped in yet
    gradual.reseed(7, { users: BIG });
    expect(indexes(gradual)).toEqual(indexes(straight));
    expect([...gradual.collection('users').all()]).toEqual([...straight.collection('users').all()]);
    expect(gradual.meta).toEqual(straight.meta);
    const dones = progress.map((step) => step.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: progress[0]?.total, total: progress[0]?.total });
  });

  it('keeps serving and changing the current data while it builds', async () => {
    const store = new Store(specs, 1, { users: 3 });
    let turns = 0;
    const [first] = store.collection('users').all();
    const building = store.prepare(2, { users: BIG }, undefined, {
      budgetMs: 0,
      yieldToHost: async () => {
        turns++;
        // Another request's turn: it sees the old data and may write to it.
        if (turns === 2) store.delete('users', first?.id ?? '');
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    await building;
    expect(turns).toBeGreaterThan(10);
    expect(store.collection('users').size).toBe(2);
    store.reseed(2, { users: BIG });
    expect(store.collection('users').size).toBe(BIG);
  });

  it('runs preparations in the order they were asked for', async () => {
    const store = new Store(specs, 1, { users: 3 });
    const order: string[] = [];
    const a = store.prepare(3, { users: BIG }).then(() => order.push('a'));
    const b = store.prepare(4, { users: BIG }).then(() => order.push('b'));
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('leaves small seeds to reseed, and a failure does not block the next preparation', async () => {
    const store = new Store(specs, 1, { users: 3 });
    const reports: SeedProgress[] = [];
    await store.prepare(9, { users: 10 }, (step) => reports.push(step));
    expect(reports).toEqual([]);
    const failing = store.prepare(
      9,
      { users: BIG },
      () => {
        throw new Error('observer failed');
      },
      { budgetMs: 0 },
    );
    await expect(failing).rejects.toThrow('observer failed');
    await expect(store.prepare(9, { users: 10 })).resolves.toBeUndefined();
  });
});

describe('a collection that still holds its seed is kept by a reseed', () => {
  it('keeps the very rows when untouched, and rebuilds after any write', () => {
    const store = new Store(specs, 5, { users: 20 });
    const before = [...store.collection('users').all()];
    store.reseed(5, { users: 20, products: 4 });
    const kept = [...store.collection('users').all()];
    expect(kept.every((row, i) => row === before[i])).toBe(true);
    expect(store.collection('products').size).toBe(4);

    store.delete('users', before[0]?.id ?? '');
    store.reseed(5, { users: 20, products: 4 });
    const rebuilt = [...store.collection('users').all()];
    expect(rebuilt).toEqual(before);
    expect(rebuilt[1]).not.toBe(before[1]);
  });
});

describe('every index follows every write', () => {
  it('matches the rows sorted by each order after random writes and rollbacks', () => {
    const names = ['Ada', 'ada', 'Émile', '\u{1D49C}x', '\uFF21', 'Zed'];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('insert' as const),
        name: fc.constantFrom(...names),
        second: fc.nat(40),
      }),
      fc.record({
        kind: fc.constant('rename' as const),
        pick: fc.nat(),
        name: fc.constantFrom(...names),
      }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('rollback' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const store = new Store(specs, 3, { users: 6, products: 0 });
        // The model: the rows by id, kept beside the store and never read from its indexes.
        const model = new Map([...store.collection('users').all()].map((row) => [row.id, row]));
        let n = 0;
        for (const step of ops) {
          const rows = [...model.values()];
          const target =
            rows.length > 0 && 'pick' in step ? rows[step.pick % rows.length] : undefined;
          if (step.kind === 'insert') {
            const at = toRfc3339(SEED_EPOCH_MS + step.second * 1000);
            const id = `usr_t${n++}`;
            const row: Row = {
              id,
              name: step.name,
              email: `${id}@x.org`,
              role: 'member',
              created_at: at,
              updated_at: at,
            };
            store.insert('users', row);
            model.set(id, row);
          } else if (step.kind === 'rename' && target) {
            const renamed = { ...target, name: step.name };
            store.replace('users', renamed);
            model.set(target.id, renamed);
          } else if (step.kind === 'delete' && target) {
            store.delete('users', target.id);
            model.delete(target.id);
          } else if (step.kind === 'rollback' && target) {
            expect(() =>
              store.transaction(() => {
                store.replace('users', { ...target, name: 'Renamed' });
                store.delete('users', target.id);
                throw new Error('undo');
              }),
            ).toThrow('undo');
          }
        }
        const rows = [...model.values()];
        const ids = (order: (a: Row, b: Row) => number) =>
          [...rows].sort(order).map((row) => row.id);
        expect(indexes(store)).toEqual({
          created: ids(compareCreated),
          name: ids(compareByField('name')),
        });
      }),
      { numRuns: 300 },
    );
  });
});

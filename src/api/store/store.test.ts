import { describe, expect, it } from 'vitest';
import { toRfc3339 } from '../clock.ts';
import { products } from '../resources/products.ts';
import { users } from '../resources/users.ts';
import { UniqueViolation } from './collection.ts';
import { compareCreated } from './ordered-index.ts';
import { makeId } from './random.ts';
import type { Row } from './row.ts';
import { SEED_EPOCH_MS, Store, type RowChange } from './store.ts';

const specs = [users.collection, products.collection];
const makeStore = (seed = 1, sizes: Record<string, number> = {}) => new Store(specs, seed, sizes);
const rowsOf = (store: Store, name = 'users') => [...store.collection(name).all()];
const at = toRfc3339;

function user(id: string, email: string, ms = SEED_EPOCH_MS + 1000): Row {
  return { id, name: id, email, role: 'member', created_at: at(ms), updated_at: at(ms) };
}

/** Everything observable about a store, for before/after comparisons. */
const state = (store: Store) =>
  structuredClone({
    meta: store.meta,
    users: rowsOf(store),
    products: rowsOf(store, 'products'),
    newest: store.collection('users').newestFirst(0, 5),
  });

describe('seeding', () => {
  it('is deterministic: the same seed and sizes give the same rows', () => {
    expect(state(makeStore(9))).toEqual(state(makeStore(9)));
    expect(rowsOf(makeStore(9))).not.toEqual(rowsOf(makeStore(10)));
  });

  it('uses the default sizes unless told otherwise, and 0 is allowed', () => {
    expect(makeStore().meta.sizes).toEqual({ users: 50, products: 30 });
    const store = makeStore(1, { users: 0, products: 3 });
    expect(store.collection('users').size).toBe(0);
    expect(store.collection('products').size).toBe(3);
    expect(store.meta.sequences).toEqual({ users: 0, products: 3 });
  });

  it('gives unique prefixed ids and unique emails, ordered by (created_at, id), before the seed epoch', () => {
    const rows = rowsOf(makeStore(3, { users: 5000 }));
    expect(new Set(rows.map((row) => row.id)).size).toBe(5000);
    expect(new Set(rows.map((row) => String(row.email).toLowerCase())).size).toBe(5000);
    for (const row of rows) expect(row.id).toMatch(/^usr_[0-9a-hjkmnp-tv-z]{10}$/);
    for (let i = 1; i < rows.length; i++) {
      expect(compareCreated(rows[i - 1] as Row, rows[i] as Row)).toBeLessThan(0);
    }
    expect(rows.at(-1)?.created_at).toBe(at(SEED_EPOCH_MS));
    expect(new Set(rows.map((row) => row.created_at)).size).toBeLessThan(rows.length);
  });

  it("seeded ids are derived from the seed and each row's index", () => {
    const small = rowsOf(makeStore(3, { users: 10 }));
    expect(rowsOf(makeStore(3, { users: 10 }))).toEqual(small);
    expect(small.map((row) => row.id).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => makeId('usr', 3, 'users', i)).sort(),
    );
  });

  it('reseed replaces every row and restarts the id sequence', () => {
    const store = makeStore(1, { users: 3 });
    const fresh = state(store);
    store.insert('users', user(store.nextId('users'), 'x@example.com'));
    store.delete('products', rowsOf(store, 'products')[0]?.id ?? '');
    store.reseed(1, { users: 3 });
    expect(state(store)).toEqual(fresh);
  });

  it('refuses to reseed inside a transaction', () => {
    const store = makeStore();
    expect(() => store.transaction(() => store.reseed(2))).toThrow(/transaction/);
  });
});

describe('nextId', () => {
  it('derives ids from the seed and a per-collection sequence', () => {
    const store = makeStore(5, { users: 2 });
    expect(store.nextId('users')).toBe(makeId('usr', 5, 'users', 2));
    expect(store.nextId('users')).toBe(makeId('usr', 5, 'users', 3));
    expect(store.nextId('products')).toBe(makeId('prd', 5, 'products', 30));
    expect(store.meta.sequences).toEqual({ users: 4, products: 31 });
  });

  it('skips an id that is already taken', () => {
    const store = makeStore(5, { users: 2 });
    store.insert('users', user(makeId('usr', 5, 'users', 2), 'taken@example.com'));
    expect(store.nextId('users')).toBe(makeId('usr', 5, 'users', 3));
  });
});

describe('transactions: all or nothing', () => {
  it('refuses an async function, undoing what it wrote before its first await', async () => {
    const store = makeStore(1, { users: 2 });
    const before = rowsOf(store);
    const commits: (readonly RowChange[])[] = [];
    store.onCommit = (changes) => commits.push(changes);
    let resumed = false;
    expect(() =>
      // @ts-expect-error -- the type refuses a promise-returning function too
      store.transaction(async () => {
        store.insert('users', user('usr_early', 'early@example.com'));
        await Promise.resolve();
        resumed = true;
      }),
    ).toThrow(TypeError);
    expect(rowsOf(store)).toEqual(before);
    expect(commits).toEqual([]);
    // Inside another transaction too: the outer one is undone with it.
    expect(() =>
      store.transaction(() => {
        store.insert('users', user('usr_outer', 'outer@example.com'));
        // @ts-expect-error -- as above
        store.transaction(async () => undefined);
      }),
    ).toThrow(TypeError);
    expect(rowsOf(store)).toEqual(before);
    await Promise.resolve();
    // The refused function's tail may still run, but outside any transaction it is its own write.
    expect(resumed).toBe(true);
  });

  it('commits every change at once, in order, to onCommit', () => {
    const store = makeStore(1, { users: 2 });
    const commits: (readonly RowChange[])[] = [];
    store.onCommit = (changes) => commits.push(changes);
    const [a] = rowsOf(store);
    store.transaction(() => {
      store.insert('users', user('usr_new', 'new@example.com'));
      store.replace('users', { ...(a as Row), name: 'Renamed' });
      store.delete('users', 'usr_new');
    });
    expect(commits).toHaveLength(1);
    expect(commits[0]?.map((change) => `${change.op} ${change.id}`)).toEqual([
      'insert usr_new',
      `update ${a?.id}`,
      'delete usr_new',
    ]);
    // Outside a transaction each write commits alone.
    store.delete('users', a?.id ?? '');
    expect(commits).toHaveLength(2);
  });

  it('undoes every change when anything inside throws, and tells no one', () => {
    const store = makeStore(1, { users: 3 });
    const commits: unknown[] = [];
    store.onCommit = (changes) => commits.push(changes);
    const before = state(store);
    const [a, b] = rowsOf(store);
    expect(() =>
      store.transaction(() => {
        store.nextId('users');
        store.delete('users', a?.id ?? '');
        // a's email is free inside the transaction…
        store.insert('users', user('usr_new', String(a?.email)));
        store.replace('users', { ...(b as Row), email: 'moved@example.com' });
        throw new Error('late failure');
      }),
    ).toThrow('late failure');
    expect(state(store)).toEqual(before);
    expect(commits).toEqual([]);
    // …and after the rollback the unique index is back too.
    expect(() => store.insert('users', user('usr_c', String(a?.email).toUpperCase()))).toThrow(
      UniqueViolation,
    );
    expect(() => store.insert('users', user('usr_d', 'moved@example.com'))).not.toThrow();
    expect(() => store.insert('users', user('usr_e', String(b?.email)))).toThrow(UniqueViolation);
  });

  it('a writeHook that throws aborts the write it was told about', () => {
    const store = makeStore(1, { users: 1 });
    const before = state(store);
    const seen: RowChange[] = [];
    store.writeHook = (change) => {
      seen.push(change);
      throw new Error('injected');
    };
    expect(() => store.insert('users', user('usr_x', 'x@example.com'))).toThrow('injected');
    expect(seen).toEqual([
      { collection: 'users', op: 'insert', id: 'usr_x', row: user('usr_x', 'x@example.com') },
    ]);
    expect(state(store)).toEqual(before);
  });

  it('nested transactions join the outer one', () => {
    const store = makeStore(1, { users: 1 });
    const before = state(store);
    expect(() =>
      store.transaction(() => {
        store.transaction(() => store.insert('users', user('usr_inner', 'inner@example.com')));
        throw new Error('outer fails');
      }),
    ).toThrow('outer fails');
    expect(state(store)).toEqual(before);
  });

  it('delete of an absent id changes nothing and reports false', () => {
    const store = makeStore();
    const commits: unknown[] = [];
    store.onCommit = (changes) => commits.push(changes);
    expect(store.delete('users', 'usr_nope')).toBe(false);
    expect(commits).toEqual([]);
  });
});

describe('unique fields', () => {
  it('compares emails case-insensitively and names the holder', () => {
    const store = makeStore(1, { users: 0 });
    store.insert('users', user('usr_a', 'Ada@Example.com'));
    let thrown: unknown;
    try {
      store.insert('users', user('usr_b', 'ada@example.COM'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UniqueViolation);
    expect(thrown).toMatchObject({ collection: 'users', field: 'email', holderId: 'usr_a' });
    expect(store.collection('users').size).toBe(1);
  });

  it('a row may keep or re-case its own value', () => {
    const store = makeStore(1, { users: 0 });
    store.insert('users', user('usr_a', 'ada@example.com'));
    store.replace('users', { ...user('usr_a', 'ADA@example.com'), name: 'Ada' });
    expect(store.collection('users').get('usr_a')?.email).toBe('ADA@example.com');
  });

  it('refuses to change created_at or to replace a missing row', () => {
    const store = makeStore(1, { users: 0 });
    store.insert('users', user('usr_a', 'a@example.com'));
    expect(() => store.replace('users', user('usr_a', 'a@example.com', 5))).toThrow(/immutable/);
    expect(() => store.replace('users', user('usr_zz', 'z@example.com'))).toThrow(/no usr_zz/);
  });
});

describe('applySaved (persistence across reloads)', () => {
  it('replays inserts, updates and deletes over the seed', () => {
    const live = makeStore(4, { users: 5 });
    const [a, b] = rowsOf(live);
    live.delete('users', a?.id ?? '');
    // b takes a's email: only possible because a is gone, whatever order the save lists them in.
    const bAfter = { ...(b as Row), email: String(a?.email) };
    live.replace('users', bAfter);
    const created = user(live.nextId('users'), 'new@example.com', SEED_EPOCH_MS + 5000);
    live.insert('users', created);

    const restored = makeStore(4, { users: 5 });
    restored.applySaved(live.meta.sequences, [
      ['users', bAfter.id, bAfter],
      ['users', a?.id ?? '', null],
      ['users', created.id, created],
      ['orders', 'ord_x', null],
    ]);
    expect(state(restored)).toEqual(state(live));
  });
});

import { Collection, type UniqueField } from './collection.ts';
import { makeId, type Random } from './random.ts';
import type { Row } from './row.ts';
import { buildSeed, runToEnd, seedWork, type SeededCollection } from './seed-build.ts';
import { runInSlices, type SliceOptions } from './slices.ts';

export { SEED_EPOCH_MS } from './seed-build.ts';

export interface RowChange {
  collection: string;
  op: 'insert' | 'update' | 'delete';
  id: string;
  /** The row after the change (insert, update). */
  row?: Row;
}

/** How a collection is seeded and named; resources supply these. */
export interface CollectionSpec {
  name: string;
  idPrefix: string;
  uniqueFields: readonly UniqueField[];
  defaultSize: number;
  /**
   * The write fields of seeded row `index` (ids and timestamps are added by the store). `seeded`
   * names the rows of the other collections' seeds, so seeded rows can refer to them.
   */
  seedFields: (random: Random, index: number, seeded: SeedRefs) => Record<string, unknown>;
  /**
   * String fields listed in their own keyset index besides created_at (API.md §3 `sort`).
   * Default: `name`, which every resource so far has.
   */
  sortFields?: readonly string[];
  /** Collections its seeded rows refer to: a reseed with other sizes for them rebuilds it. */
  refersTo?: readonly string[];
}

/** The other collections of the same seed, for rows that refer to them (orders → users, products). */
export interface SeedRefs {
  /** How many rows each collection is seeded with. */
  sizes: Readonly<Record<string, number>>;
  /** The id of seeded row `index` of `collection`. */
  idOf(collection: string, index: number): string;
}

export const DEFAULT_SORT_FIELDS: readonly string[] = ['name'];

export const MAX_SEED_SIZE = 1_000_000;
/**
 * Below this many rows to build, a reseed runs straight through (about 0.1 s); from it up,
 * `prepare` builds the seed aside in slices first (docs/decisions/0005-big-reseeds-build-aside.md).
 */
export const GRADUAL_SEED_ROWS = 20_000;

/** How far a seed being prepared has come, in units of work. */
export interface SeedProgress {
  done: number;
  total: number;
}

export interface StoreMeta {
  seed: number;
  sizes: Record<string, number>;
  /** Per collection, the sequence number the next created id is derived from. */
  sequences: Record<string, number>;
}

/**
 * The in-memory database: collections seeded deterministically, and writes that are
 * all-or-nothing. Every write joins a transaction; if anything inside it throws, each change is
 * undone in reverse and no change event is emitted. Transactions are synchronous on purpose:
 * JavaScript runs them without interleaving, so no other request can see half a write.
 */
/** A transaction's result: anything but a promise (or any thenable). */
export type Synchronous<T> = T extends PromiseLike<unknown> ? never : T;

function refuseAsync<T>(result: T): T {
  if (
    result !== null &&
    (typeof result === 'object' || typeof result === 'function') &&
    typeof (result as { then?: unknown }).then === 'function'
  ) {
    // The work already ran up to its first await; the caller's catch undoes that part.
    (result as unknown as PromiseLike<unknown>).then(undefined, () => undefined);
    throw new TypeError(
      'store.transaction takes a synchronous function; an async one cannot be all-or-nothing',
    );
  }
  return result;
}

export class Store {
  readonly #specs: Map<string, CollectionSpec>;
  readonly #collections = new Map<string, Collection>();
  #meta: StoreMeta;
  #transaction: { undo: (() => void)[]; changes: RowChange[] } | undefined;
  /** Seeds built aside by `prepare`, waiting for the reseed that swaps them in. */
  #prepared = new Map<string, SeededCollection>();
  /** Preparations run one after another, so resets apply in the order they were asked for. */
  #preparing: Promise<void> = Promise.resolve();
  /** Called after each change inside a transaction; throwing there aborts it (fault injection, tests). */
  writeHook: ((change: RowChange) => void) | undefined;
  onCommit: ((changes: readonly RowChange[]) => void) | undefined;

  constructor(specs: readonly CollectionSpec[], seed: number, sizes: Record<string, number> = {}) {
    this.#specs = new Map(specs.map((spec) => [spec.name, spec]));
    for (const spec of specs) {
      const sortFields = spec.sortFields ?? DEFAULT_SORT_FIELDS;
      this.#collections.set(spec.name, new Collection(spec.name, spec.uniqueFields, sortFields));
    }
    this.#meta = { seed, sizes: {}, sequences: {} };
    this.reseed(seed, sizes);
  }

  get meta(): Readonly<StoreMeta> {
    return this.#meta;
  }

  get collectionNames(): string[] {
    return [...this.#collections.keys()];
  }

  collection(name: string): Collection {
    const collection = this.#collections.get(name);
    if (!collection) throw new Error(`no collection ${name}`);
    return collection;
  }

  /**
   * Replaces every collection with the deterministic seed data, at once. Sizes not given keep
   * their default. A collection that already holds this very seed, untouched, is kept as it is;
   * one that `prepare` built is swapped in; any other is built now, straight through.
   */
  reseed(seed: number, sizes: Record<string, number> = {}): void {
    if (this.#transaction) throw new Error('cannot reseed inside a transaction');
    const meta: StoreMeta = { seed, sizes: {}, sequences: {} };
    for (const spec of this.#specs.values()) {
      const size = sizes[spec.name] ?? spec.defaultSize;
      meta.sizes[spec.name] = size;
      meta.sequences[spec.name] = size;
      const collection = this.collection(spec.name);
      if (this.#holds(spec, seed, size, sizes)) continue;
      const prepared = this.#prepared.get(spec.name);
      collection._adopt(
        prepared?.seed === seed && prepared.size === size
          ? prepared
          : runToEnd(buildSeed(spec, seed, size, collection.sortFields, this.#refs(seed, sizes))),
      );
    }
    this.#prepared.clear();
    this.#meta = meta;
  }

  /**
   * Builds a big seed aside, in slices with pauses between them, so that a page running the
   * store stays responsive and keeps answering from the current data meanwhile; the `reseed`
   * that follows swaps it in at once. Small seeds are left for `reseed` to build.
   */
  prepare(
    seed: number,
    sizes: Record<string, number> = {},
    onProgress?: (progress: SeedProgress) => void,
    options: SliceOptions = {},
  ): Promise<void> {
    const run = async () => {
      const todo = [...this.#specs.values()].flatMap((spec) => {
        const size = sizes[spec.name] ?? spec.defaultSize;
        const collection = this.collection(spec.name);
        return this.#holds(spec, seed, size, sizes) ? [] : [{ spec, size, collection }];
      });
      const rows = todo.reduce((sum, item) => sum + item.size, 0);
      if (rows < GRADUAL_SEED_ROWS) return;
      const works = todo.map(({ size, collection }) => seedWork(size, collection.sortFields));
      const total = works.reduce((sum, work) => sum + work, 0);
      let before = 0;
      for (const [i, { spec, size, collection }] of todo.entries()) {
        const build = buildSeed(spec, seed, size, collection.sortFields, this.#refs(seed, sizes));
        const offset = before;
        const report = (done: number) => onProgress?.({ done: offset + done, total });
        const built = await runInSlices(build, report, options);
        this.#prepared.set(spec.name, built);
        before += works[i] ?? 0;
      }
      onProgress?.({ done: total, total });
    };
    const next = this.#preparing.then(run);
    // A failed preparation must not block the ones after it.
    this.#preparing = next.catch(() => undefined);
    return next;
  }

  /**
   * Restores sequences and rows saved after a seed (persistence); `null` marks a deleted row.
   * Every touched row is removed first and the saved versions inserted after, so the order of
   * the saved entries cannot trip a unique field that changed hands.
   */
  applySaved(
    sequences: Record<string, number>,
    rows: Iterable<[collection: string, id: string, row: Row | null]>,
  ): void {
    for (const [name, value] of Object.entries(sequences)) {
      if (this.#collections.has(name)) this.#meta.sequences[name] = value;
    }
    const saved = [...rows].filter(([name]) => this.#collections.has(name));
    for (const [name, id] of saved) this.collection(name)._delete(id);
    for (const [name, , row] of saved) if (row) this.collection(name)._insert(row);
  }

  /**
   * Runs `work` as one all-or-nothing write. It must be synchronous, by type and at run time: an
   * async function would commit at its first `await`, and a throw after it would roll nothing
   * back (docs/decisions/0011-synchronous-transactions.md). One that returns a promise is undone
   * and refused with a TypeError.
   */
  transaction<T>(work: () => Synchronous<T>): T {
    if (this.#transaction) return refuseAsync(work());
    const transaction = { undo: [] as (() => void)[], changes: [] as RowChange[] };
    this.#transaction = transaction;
    try {
      const result = refuseAsync(work());
      this.#transaction = undefined;
      if (transaction.changes.length > 0) this.onCommit?.(transaction.changes);
      return result;
    } catch (error) {
      for (let i = transaction.undo.length - 1; i >= 0; i--) transaction.undo[i]?.();
      this.#transaction = undefined;
      throw error;
    }
  }

  /** A fresh, deterministic id for a new row: derived from the seed and a per-collection sequence. */
  nextId(name: string): string {
    const spec = this.#specs.get(name);
    if (!spec) throw new Error(`no collection ${name}`);
    const collection = this.collection(name);
    const start = this.#meta.sequences[name] ?? 0;
    let sequence = start;
    let id = makeId(spec.idPrefix, this.#meta.seed, name, sequence);
    // 50-bit ids collide almost never; when one does, the next sequence number decides.
    while (collection.get(id)) id = makeId(spec.idPrefix, this.#meta.seed, name, ++sequence);
    this.#meta.sequences[name] = sequence + 1;
    this.#record(() => {
      this.#meta.sequences[name] = start;
    });
    return id;
  }

  insert(name: string, row: Row): void {
    this.transaction(() => {
      const collection = this.collection(name);
      collection._insert(row);
      this.#record(() => collection._delete(row.id));
      this.#change({ collection: name, op: 'insert', id: row.id, row });
    });
  }

  replace(name: string, row: Row): void {
    this.transaction(() => {
      const collection = this.collection(name);
      const before = collection._replace(row);
      this.#record(() => collection._replace(before));
      this.#change({ collection: name, op: 'update', id: row.id, row });
    });
  }

  delete(name: string, id: string): boolean {
    return this.transaction(() => {
      const collection = this.collection(name);
      const before = collection._delete(id);
      if (!before) return false;
      this.#record(() => collection._insert(before));
      this.#change({ collection: name, op: 'delete', id });
      return true;
    });
  }

  /** Whether a collection already holds the seed asked for, refers included. */
  #holds(spec: CollectionSpec, seed: number, size: number, sizes: Record<string, number>): boolean {
    if (!this.collection(spec.name).holdsSeed(seed, size)) return false;
    return (spec.refersTo ?? []).every((name) => {
      const wanted = sizes[name] ?? this.#specs.get(name)?.defaultSize;
      return this.#meta.sizes[name] === wanted;
    });
  }

  #refs(seed: number, sizes: Record<string, number>): SeedRefs {
    const all: Record<string, number> = {};
    for (const spec of this.#specs.values()) all[spec.name] = sizes[spec.name] ?? spec.defaultSize;
    return {
      sizes: all,
      idOf: (collection, index) => {
        const spec = this.#specs.get(collection);
        if (!spec) throw new Error(`no collection ${collection}`);
        return makeId(spec.idPrefix, seed, collection, index);
      },
    };
  }

  #record(undo: () => void): void {
    this.#transaction?.undo.push(undo);
  }

  #change(change: RowChange): void {
    this.#transaction?.changes.push(change);
    this.writeHook?.(change);
  }
}

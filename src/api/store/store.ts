import { Collection, type UniqueField } from './collection.ts';
import { compareCreated } from './ordered-index.ts';
import { makeId, mulberry32, type Random } from './random.ts';
import type { Row } from './row.ts';

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
  /** The write fields of seeded row `index` (ids and timestamps are added by the store). */
  seedFields: (random: Random, index: number) => Record<string, unknown>;
}

export const MAX_SEED_SIZE = 1_000_000;
/** Seeded rows are created before this instant, whatever the virtual clock says. */
export const SEED_EPOCH_MS = 1767225600000; // 2026-01-01T00:00:00Z

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
export class Store {
  readonly #specs: Map<string, CollectionSpec>;
  readonly #collections = new Map<string, Collection>();
  #meta: StoreMeta;
  #transaction: { undo: (() => void)[]; changes: RowChange[] } | undefined;
  /** Called after each change inside a transaction; throwing there aborts it (fault injection, tests). */
  writeHook: ((change: RowChange) => void) | undefined;
  onCommit: ((changes: readonly RowChange[]) => void) | undefined;

  constructor(specs: readonly CollectionSpec[], seed: number, sizes: Record<string, number> = {}) {
    this.#specs = new Map(specs.map((spec) => [spec.name, spec]));
    for (const spec of specs)
      this.#collections.set(spec.name, new Collection(spec.name, spec.uniqueFields));
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

  /** Replaces every collection with the deterministic seed data. Sizes not given keep their default. */
  reseed(seed: number, sizes: Record<string, number> = {}): void {
    if (this.#transaction) throw new Error('cannot reseed inside a transaction');
    const meta: StoreMeta = { seed, sizes: {}, sequences: {} };
    for (const spec of this.#specs.values()) {
      const size = sizes[spec.name] ?? spec.defaultSize;
      meta.sizes[spec.name] = size;
      meta.sequences[spec.name] = size;
      this.collection(spec.name)._load(seedRows(spec, seed, size));
    }
    this.#meta = meta;
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

  transaction<T>(work: () => T): T {
    if (this.#transaction) return work();
    const transaction = { undo: [] as (() => void)[], changes: [] as RowChange[] };
    this.#transaction = transaction;
    try {
      const result = work();
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

  #record(undo: () => void): void {
    this.#transaction?.undo.push(undo);
  }

  #change(change: RowChange): void {
    this.#transaction?.changes.push(change);
    this.writeHook?.(change);
  }
}

/**
 * Seeded rows, oldest first: gaps of 0–120 s between neighbours (about one in twenty is 0, so
 * equal timestamps exist and the id tie-breaker matters), ending just before SEED_EPOCH_MS.
 */
function seedRows(spec: CollectionSpec, seed: number, size: number): Row[] {
  const random = mulberry32(seed ^ hashName(spec.name));
  const fields: Record<string, unknown>[] = new Array(size);
  const gaps = new Float64Array(size);
  let span = 0;
  for (let i = 0; i < size; i++) {
    fields[i] = spec.seedFields(random, i);
    const gap = random() < 0.05 ? 0 : 1000 * (1 + Math.floor(random() * 120));
    gaps[i] = gap;
    span += gap;
  }
  const rows: Row[] = new Array(size);
  let createdMs = SEED_EPOCH_MS - span;
  for (let i = 0; i < size; i++) {
    createdMs += gaps[i] ?? 0;
    const created = toIso(createdMs);
    rows[i] = {
      id: makeId(spec.idPrefix, seed, spec.name, i),
      ...fields[i],
      created_at: created,
      updated_at: created,
    };
  }
  sortNearlySorted(rows);
  return rows;
}

const isoCache = { ms: Number.NaN, iso: '' };
function toIso(ms: number): string {
  if (ms !== isoCache.ms) {
    isoCache.ms = ms;
    // eslint-disable-next-line no-restricted-globals -- formatting a computed seed instant
    isoCache.iso = new Date(ms).toISOString();
  }
  return isoCache.iso;
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

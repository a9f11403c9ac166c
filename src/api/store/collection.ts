import { compareByField, compareCreated, OrderedIndex } from './ordered-index.ts';
import type { Row } from './row.ts';
import type { SeededCollection } from './seed-build.ts';

/** A field whose value no two rows may share, after `normalize` (e.g. lower-cased email). */
export interface UniqueField {
  field: string;
  normalize: (value: unknown) => string;
  /** How `normalize` compares, in words, for hints and documentation ("compared case-insensitively"). */
  describe?: string;
}

export class UniqueViolation extends Error {
  constructor(
    readonly collection: string,
    readonly field: string,
    readonly holderId: string,
  ) {
    super(`${collection}.${field} is already taken by ${holderId}`);
    this.name = 'UniqueViolation';
  }
}

/**
 * One collection's rows: a Map by id, an ordered index per sort (created_at, and each field in
 * `sortFields`, each with id as the tie-breaker), and a map per unique field. Every write keeps
 * every index in step. Mutations go through the Store so they join its transaction; read methods
 * are free to call.
 */
export class Collection {
  #rows = new Map<string, Row>();
  #uniques: Map<string, Map<string, string>>;
  readonly #indexes = new Map<string, OrderedIndex>();
  /** The seed this collection holds untouched, if it does; any write clears it. */
  #pristine: { seed: number; size: number } | undefined;

  constructor(
    readonly name: string,
    readonly uniqueFields: readonly UniqueField[],
    readonly sortFields: readonly string[] = [],
  ) {
    this.#uniques = new Map(uniqueFields.map((unique) => [unique.field, new Map()]));
    this.#indexes.set('created_at', new OrderedIndex(compareCreated));
    for (const field of sortFields)
      this.#indexes.set(field, new OrderedIndex(compareByField(field)));
  }

  get size(): number {
    return this.#rows.size;
  }

  get(id: string): Row | undefined {
    return this.#rows.get(id);
  }

  /** The index ordered by (`field`, id) ascending, if this collection keeps one. */
  index(field: string): OrderedIndex | undefined {
    return this.#indexes.get(field);
  }

  /** True when the collection holds exactly this seed, untouched since. */
  holdsSeed(seed: number, size: number): boolean {
    return this.#pristine?.seed === seed && this.#pristine.size === size;
  }

  /** The id of the row holding `value` in a unique field, if any. */
  holderOf(field: string, value: unknown): string | undefined {
    const unique = this.uniqueFields.find((candidate) => candidate.field === field);
    if (!unique) throw new Error(`${this.name}.${field} is not unique`);
    return this.#uniques.get(field)?.get(unique.normalize(value));
  }

  /** Newest first (created_at, then id, both descending), from `offset`. */
  newestFirst(offset: number, limit: number): Row[] {
    const index = this.#createdIndex;
    const out: Row[] = [];
    for (let position = index.size - 1 - offset; position >= 0 && out.length < limit; position--) {
      out.push(index.at(position) as Row);
    }
    return out;
  }

  /** Every row in index order (oldest first), for snapshots and tests. */
  *all(): IterableIterator<Row> {
    const index = this.#createdIndex;
    for (let position = 0; position < index.size; position++) yield index.at(position) as Row;
  }

  /** @internal Store only: replaces all content with a built seed, at once. */
  _adopt(seeded: SeededCollection): void {
    this.#rows = seeded.byId;
    this.#uniques = seeded.uniques;
    for (const [field, index] of this.#indexes) {
      const sorted = field === 'created_at' ? seeded.byCreated : seeded.byField.get(field);
      if (!sorted) throw new Error(`the seed of ${this.name} has no ${field} index`);
      index.load(sorted);
    }
    this.#pristine = { seed: seeded.seed, size: seeded.size };
  }

  /** @internal Store only. */
  _insert(row: Row): void {
    if (this.#rows.has(row.id)) throw new Error(`${this.name} already has ${row.id}`);
    this.#checkUnique(row);
    this.#pristine = undefined;
    this.#rows.set(row.id, row);
    for (const index of this.#indexes.values()) index.insert(row);
    this.#indexUniques(row);
  }

  /** @internal Store only. */
  _replace(row: Row): Row {
    const before = this.#rows.get(row.id);
    if (!before) throw new Error(`${this.name} has no ${row.id}`);
    if (before.created_at !== row.created_at) throw new Error('created_at is immutable');
    this.#checkUnique(row);
    this.#pristine = undefined;
    this.#unindexUniques(before);
    this.#rows.set(row.id, row);
    for (const [field, index] of this.#indexes) {
      if (before[field] === row[field]) {
        index.replace(row);
      } else {
        // The sort key changed: the row moves.
        index.remove(before);
        index.insert(row);
      }
    }
    this.#indexUniques(row);
    return before;
  }

  /** @internal Store only. */
  _delete(id: string): Row | undefined {
    const before = this.#rows.get(id);
    if (!before) return undefined;
    this.#pristine = undefined;
    this.#rows.delete(id);
    for (const index of this.#indexes.values()) index.remove(before);
    this.#unindexUniques(before);
    return before;
  }

  get #createdIndex(): OrderedIndex {
    return this.#indexes.get('created_at') as OrderedIndex;
  }

  #checkUnique(row: Row): void {
    for (const unique of this.uniqueFields) {
      const holder = this.#uniques.get(unique.field)?.get(unique.normalize(row[unique.field]));
      if (holder !== undefined && holder !== row.id)
        throw new UniqueViolation(this.name, unique.field, holder);
    }
  }

  #indexUniques(row: Row): void {
    for (const unique of this.uniqueFields) {
      this.#uniques.get(unique.field)?.set(unique.normalize(row[unique.field]), row.id);
    }
  }

  #unindexUniques(row: Row): void {
    for (const unique of this.uniqueFields) {
      this.#uniques.get(unique.field)?.delete(unique.normalize(row[unique.field]));
    }
  }
}

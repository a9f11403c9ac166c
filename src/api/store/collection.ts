import { OrderedIndex } from './ordered-index.ts';
import type { Row } from './row.ts';

/** A field whose value no two rows may share, after `normalize` (e.g. lower-cased email). */
export interface UniqueField {
  field: string;
  normalize: (value: unknown) => string;
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
 * One collection's rows: a Map by id, an ordered index for listing, and a map per unique field.
 * Mutations go through the Store so they join its transaction; read methods are free to call.
 */
export class Collection {
  readonly #rows = new Map<string, Row>();
  readonly #index = new OrderedIndex();
  readonly #uniques: Map<string, Map<string, string>>;

  constructor(
    readonly name: string,
    readonly uniqueFields: readonly UniqueField[],
  ) {
    this.#uniques = new Map(uniqueFields.map((unique) => [unique.field, new Map()]));
  }

  get size(): number {
    return this.#rows.size;
  }

  get(id: string): Row | undefined {
    return this.#rows.get(id);
  }

  /** The id of the row holding `value` in a unique field, if any. */
  holderOf(field: string, value: unknown): string | undefined {
    const unique = this.uniqueFields.find((candidate) => candidate.field === field);
    if (!unique) throw new Error(`${this.name}.${field} is not unique`);
    return this.#uniques.get(field)?.get(unique.normalize(value));
  }

  /** Newest first (created_at, then id, both descending), from `offset`. */
  newestFirst(offset: number, limit: number): Row[] {
    const out: Row[] = [];
    for (
      let position = this.#index.size - 1 - offset;
      position >= 0 && out.length < limit;
      position--
    ) {
      out.push(this.#index.at(position) as Row);
    }
    return out;
  }

  /** Every row in index order (oldest first), for snapshots and tests. */
  *all(): IterableIterator<Row> {
    for (let position = 0; position < this.#index.size; position++)
      yield this.#index.at(position) as Row;
  }

  /** @internal Store only: replaces all content with rows sorted by (created_at, id). */
  _load(sorted: Row[]): void {
    this.#rows.clear();
    for (const map of this.#uniques.values()) map.clear();
    for (const row of sorted) {
      this.#checkUnique(row);
      this.#rows.set(row.id, row);
      this.#indexUniques(row);
    }
    this.#index.load(sorted);
  }

  /** @internal Store only. */
  _insert(row: Row): void {
    if (this.#rows.has(row.id)) throw new Error(`${this.name} already has ${row.id}`);
    this.#checkUnique(row);
    this.#rows.set(row.id, row);
    this.#index.insert(row);
    this.#indexUniques(row);
  }

  /** @internal Store only. */
  _replace(row: Row): Row {
    const before = this.#rows.get(row.id);
    if (!before) throw new Error(`${this.name} has no ${row.id}`);
    if (before.created_at !== row.created_at) throw new Error('created_at is immutable');
    this.#checkUnique(row);
    this.#unindexUniques(before);
    this.#rows.set(row.id, row);
    this.#index.replace(row);
    this.#indexUniques(row);
    return before;
  }

  /** @internal Store only. */
  _delete(id: string): Row | undefined {
    const before = this.#rows.get(id);
    if (!before) return undefined;
    this.#rows.delete(id);
    this.#index.remove(before);
    this.#unindexUniques(before);
    return before;
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

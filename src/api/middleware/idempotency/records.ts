/**
 * The idempotency records of one API instance (draft-ietf-httpapi-idempotency-key-header §2.6):
 * one per (client, method, path, key), first in flight, then completed with the saved answer
 * until it expires. Completed records also sit in a min-heap by expiry, so forgetting the
 * expired ones costs O(expired · log n), never a scan of all of them.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-idempotency-key-header-07#section-2.6
 */
export interface IdempotencyRecord {
  key: string;
  /** The rate-limit partition (shared API.md §5) the key belongs to. */
  client: string;
  method: string;
  path: string;
  /** Hex SHA-256 of the RFC 8785 canonical body. */
  fingerprint: string;
  state: 'in_flight' | 'completed';
  started_ms: number;
  /** The saved answer, once completed. */
  status?: number;
  body?: string | null;
  headers?: Record<string, string>;
  completed_ms?: number;
  expires_ms?: number;
}

export type CompletedRecord = IdempotencyRecord & {
  state: 'completed';
  status: number;
  body: string | null;
  headers: Record<string, string>;
  completed_ms: number;
  expires_ms: number;
};

const scopeOf = (client: string, method: string, path: string, key: string) =>
  `${client}\n${method}\n${path}\n${key}`;
const scopeOfRecord = (record: IdempotencyRecord) =>
  scopeOf(record.client, record.method, record.path, record.key);

export class IdempotencyRecords {
  readonly #byScope = new Map<string, IdempotencyRecord>();
  /** Completed records, a binary min-heap by expires_ms (entries may be stale: see #sweep). */
  #heap: CompletedRecord[] = [];

  get size(): number {
    return this.#byScope.size;
  }

  /** The live record for this scope, after forgetting every record expired at `now`. */
  find(
    client: string,
    method: string,
    path: string,
    key: string,
    now: number,
  ): IdempotencyRecord | undefined {
    this.expire(now);
    return this.#byScope.get(scopeOf(client, method, path, key));
  }

  begin(record: Omit<IdempotencyRecord, 'state'>): IdempotencyRecord {
    const started: IdempotencyRecord = { ...record, state: 'in_flight' };
    this.#byScope.set(scopeOfRecord(started), started);
    return started;
  }

  /** Saves the outcome; the record is kept `retentionMs` from now (shared API.md §8). */
  complete(
    record: IdempotencyRecord,
    answer: { status: number; body: string | null; headers: Record<string, string> },
    now: number,
    retentionMs: number,
  ): CompletedRecord {
    const done: CompletedRecord = {
      ...record,
      ...answer,
      state: 'completed',
      completed_ms: now,
      expires_ms: now + retentionMs,
    };
    // Only the request that began it may complete it (a reset in between cleared it).
    if (this.#byScope.get(scopeOfRecord(record)) !== record) return done;
    this.#byScope.set(scopeOfRecord(done), done);
    this.#push(done);
    return done;
  }

  /** Forgets an in-flight record whose request was refused before its work began. */
  abandon(record: IdempotencyRecord): void {
    const scope = scopeOfRecord(record);
    if (this.#byScope.get(scope) === record) this.#byScope.delete(scope);
  }

  /** Forgets every completed record whose retention ended at or before `now`; how many. */
  expire(now: number): number {
    let forgotten = 0;
    for (let top = this.#heap[0]; top && top.expires_ms <= now; top = this.#heap[0]) {
      this.#pop();
      const scope = scopeOfRecord(top);
      if (this.#byScope.get(scope) === top) {
        this.#byScope.delete(scope);
        forgotten++;
      }
    }
    return forgotten;
  }

  /** Every live record, oldest first. */
  list(now: number): IdempotencyRecord[] {
    this.expire(now);
    return [...this.#byScope.values()].sort((a, b) => a.started_ms - b.started_ms);
  }

  /** The completed records, for persistence (in-flight ones cannot outlive their request). */
  completed(): CompletedRecord[] {
    return [...this.#byScope.values()].filter(
      (record): record is CompletedRecord => record.state === 'completed',
    );
  }

  restore(records: readonly CompletedRecord[]): void {
    this.clear();
    for (const record of records) {
      this.#byScope.set(scopeOfRecord(record), record);
      this.#push(record);
    }
  }

  clear(): void {
    this.#byScope.clear();
    this.#heap = [];
  }

  #push(record: CompletedRecord): void {
    const heap = this.#heap;
    heap.push(record);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as CompletedRecord).expires_ms <= record.expires_ms) break;
      heap[i] = heap[parent] as CompletedRecord;
      i = parent;
    }
    heap[i] = record;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length &&
        (heap[right] as CompletedRecord).expires_ms < (heap[left] as CompletedRecord).expires_ms
          ? right
          : left;
      if ((heap[child] as CompletedRecord).expires_ms >= last.expires_ms) break;
      heap[i] = heap[child] as CompletedRecord;
      i = child;
    }
    heap[i] = last;
  }
}

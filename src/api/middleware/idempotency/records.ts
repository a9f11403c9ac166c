/**
 * The idempotency records of one API instance (draft-ietf-httpapi-idempotency-key-header §2.6):
 * one per (client, method, path, key), first in flight, then completed with the saved answer
 * until it expires. Completed records also sit in a queue sorted by expiry, so forgetting the
 * expired ones costs O(expired), never a scan of all of them.
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
  /** Completed records by expires_ms, oldest from #head (entries may be stale: see expire). */
  #queue: CompletedRecord[] = [];
  #head = 0;

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
    const queue = this.#queue;
    for (let top = queue[this.#head]; top && top.expires_ms <= now; top = queue[this.#head]) {
      this.#head++;
      const scope = scopeOfRecord(top);
      if (this.#byScope.get(scope) === top) {
        this.#byScope.delete(scope);
        forgotten++;
      }
    }
    // Drop the forgotten prefix once it is half the queue: amortized O(1) per record.
    if (this.#head > 1024 && this.#head * 2 > queue.length) {
      this.#queue = queue.slice(this.#head);
      this.#head = 0;
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
    this.#queue = [];
    this.#head = 0;
  }

  /**
   * Keeps the queue sorted by expiry. With one retention the virtual clock only adds records at
   * the end (O(1)); after a shorter retention or a clock set back, one binary search and splice.
   */
  #push(record: CompletedRecord): void {
    const queue = this.#queue;
    const last = queue[queue.length - 1];
    if (!last || last.expires_ms <= record.expires_ms) {
      queue.push(record);
      return;
    }
    let lo = this.#head;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((queue[mid] as CompletedRecord).expires_ms <= record.expires_ms) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, record);
  }
}

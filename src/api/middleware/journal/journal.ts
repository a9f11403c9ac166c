import type { Middleware } from '../../compose.ts';
import { toRfc3339 } from '../../clock.ts';
import type { ApiContext } from '../../context.ts';
import type { JournalEntry } from './journal-entry.ts';

/**
 * The journal keeps the last `capacity` requests in a ring buffer, newest first on read, and
 * announces each one as an event so live panels need not poll.
 */
export class Journal {
  #entries: (JournalEntry | undefined)[];
  #next = 0;
  #size = 0;
  #seq = 0;

  constructor(capacity: number) {
    this.#entries = new Array<JournalEntry | undefined>(capacity);
  }

  get capacity(): number {
    return this.#entries.length;
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  add(entry: JournalEntry): void {
    this.#entries[this.#next] = entry;
    this.#next = (this.#next + 1) % this.#entries.length;
    this.#size = Math.min(this.#size + 1, this.#entries.length);
  }

  /** Newest first. */
  latest(limit: number): JournalEntry[] {
    const out: JournalEntry[] = [];
    const capacity = this.#entries.length;
    for (let i = 1; i <= Math.min(limit, this.#size); i++) {
      const entry = this.#entries[(this.#next - i + capacity) % capacity];
      if (entry) out.push(entry);
    }
    return out;
  }

  clear(): void {
    this.#entries = new Array<JournalEntry | undefined>(this.#entries.length);
    this.#next = 0;
    this.#size = 0;
  }

  resize(capacity: number): void {
    if (capacity === this.#entries.length) return;
    const kept = this.latest(capacity).reverse();
    this.#entries = new Array<JournalEntry | undefined>(capacity);
    this.#next = 0;
    this.#size = 0;
    for (const entry of kept) this.add(entry);
  }
}

/** Records every API request with its outcome and the notes of the rules that decided it. */
export const journal: Middleware<ApiContext> = async (context, next) => {
  const { env } = context;
  const startedMs = env.clock.now();
  const startedReal = env.realNow();
  try {
    await next();
  } finally {
    const response = context.response;
    const entry: JournalEntry = {
      id: context.requestId,
      seq: env.journal.nextSeq(),
      started_at: toRfc3339(startedMs),
      started_ms: startedMs,
      duration_ms: Math.round((env.realNow() - startedReal) * 1000) / 1000,
      method: context.method,
      url: context.url.pathname + context.url.search,
      request: {
        headers: headersToRecord(context.request.headers),
        body: context.requestBodyText ?? null,
      },
      response: {
        status: response?.status ?? 500,
        headers: response ? headersToRecord(response.headers) : {},
        body: context.responseBodyText ?? null,
      },
      notes: context.notes,
    };
    env.journal.add(entry);
    if (env.events.hasListeners) env.events.emit({ type: 'journal', entry });
  }
};

function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

import type { Middleware } from '../../compose.ts';
import { toRfc3339 } from '../../clock.ts';
import type { ApiContext } from '../../context.ts';
import { RingBuffer } from '../../ring-buffer.ts';
import type { JournalEntry } from './journal-entry.ts';
import { redactBody, redactHeaders } from './redact.ts';

/**
 * The journal keeps the last `capacity` requests in a ring buffer, newest first on read, and
 * announces each one as an event so live panels need not poll.
 */
export class Journal {
  readonly #entries: RingBuffer<JournalEntry>;
  #seq = 0;

  constructor(capacity: number) {
    this.#entries = new RingBuffer(capacity);
  }

  get capacity(): number {
    return this.#entries.capacity;
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  add(entry: JournalEntry): void {
    this.#entries.push(entry);
  }

  /** Newest first. */
  latest(limit: number): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = this.#entries.size - 1; i >= 0 && out.length < limit; i--) {
      const entry = this.#entries.at(i);
      if (entry) out.push(entry);
    }
    return out;
  }

  clear(): void {
    this.#entries.clear();
  }

  resize(capacity: number): void {
    this.#entries.resize(capacity);
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
        headers: redactHeaders(headersToRecord(context.request.headers)),
        body: redactBody(context.requestBodyText ?? null),
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

import { toRfc3339 } from '../../../api/clock.ts';
import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import { cite } from '../../../api/standards.ts';
import type { CacheAnswer } from './http-cache.ts';

/** A log row the page made itself: a cache answered, and the request never reached the API. */
export type CacheLogEntry = JournalEntry & { servedBy: string };

let made = 0;

/**
 * The request log's row for an answer a cache gave without the API. It has no journal entry
 * (the API never saw it), so the row is made here, marked `servedBy`, with the reason as its note.
 */
export function cacheLogEntry(answer: CacheAnswer, durationMs = 0): CacheLogEntry {
  const url = new URL(answer.request.url);
  made++;
  return {
    id: `${answer.cache.name}-cache-${made}`,
    // Negative: never the seq of an entry the core journaled.
    seq: -made,
    started_at: toRfc3339(answer.at),
    started_ms: answer.at,
    duration_ms: durationMs,
    method: answer.request.method,
    url: url.pathname + url.search,
    request: { headers: Object.fromEntries(answer.request.headers), body: null },
    response: {
      status: answer.response.status,
      headers: Object.fromEntries(answer.response.headers),
      body: answer.body === '' ? null : answer.body,
    },
    notes: [
      {
        rule: `Answered by the ${answer.cache.name} cache, never sent to the API: ${answer.why}`,
        standard: cite(answer.outcome === 'stale-hit' ? 'RFC 5861 §3' : 'RFC 9111 §4.2'),
      },
    ],
    servedBy: answer.cache.name,
  };
}

/** Whether a log row was answered by a cache rather than by the API. */
export const servedByCache = (entry: JournalEntry): entry is CacheLogEntry =>
  'servedBy' in entry && typeof entry.servedBy === 'string';

/** Journal entries for the request log's tests: made by the real core, or by hand. */
import { API_BASE } from '../../../api/routes/api-base.ts';
import type { Api } from '../../../api/create-api.ts';
import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';

/** Sends `request` through `api` and returns the journal entry it produced. */
export async function journalEntryOf(api: Api, request: Request): Promise<JournalEntry> {
  let captured: JournalEntry | undefined;
  const unsubscribe = api.events.subscribe((event) => {
    if (event.type === 'journal') captured = event.entry;
  });
  try {
    await api.fetch(request);
  } finally {
    unsubscribe();
  }
  if (!captured) throw new Error('the core journaled nothing');
  return captured;
}

let seq = 0;

/** A hand-made entry; `overrides` wins. */
export function makeEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  seq++;
  return {
    id: `req-${seq}`,
    seq,
    started_at: `2026-01-02T03:04:${String(seq % 60).padStart(2, '0')}.123Z`,
    started_ms: 1767323040123 + seq * 1000,
    duration_ms: 0.42,
    method: 'GET',
    url: `${API_BASE}/users?limit=${seq}`,
    request: { headers: { accept: 'application/json' }, body: null },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"data":[]}',
    },
    notes: [],
    ...overrides,
  };
}

/** Headers a browser adds by itself, which a replayed request must leave out. */
export const BROWSER_HEADERS: Record<string, string> = {
  'accept-encoding': 'gzip, deflate, br, zstd',
  'accept-language': 'en-GB,en;q=0.9',
  connection: 'keep-alive',
  'content-length': '99',
  cookie: 'session=do-not-leak',
  host: 'localhost:5173',
  origin: 'http://localhost:5173',
  referer: 'http://localhost:5173/labs/explorer',
  'sec-ch-ua': '"Chromium";v="156"',
  'sec-fetch-mode': 'cors',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)',
};

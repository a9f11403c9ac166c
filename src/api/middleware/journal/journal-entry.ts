import type { Note } from '../../context.ts';

/** One request as the journal records it (GET /__admin/requests, the request log). */
export interface JournalEntry {
  /** The request id (X-Request-Id). */
  id: string;
  /** Position in this API's history; increases by one per request. */
  seq: number;
  /** Virtual time the request arrived, RFC 3339. */
  started_at: string;
  started_ms: number;
  /** Real time spent inside the core. */
  duration_ms: number;
  method: string;
  url: string;
  request: { headers: Record<string, string>; body: string | null };
  response: { status: number; headers: Record<string, string>; body: string | null };
  notes: Note[];
}

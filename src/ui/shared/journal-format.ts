import { FAULT_NOTE } from '../../api/middleware/faults/fault-note.ts';
import type { JournalEntry } from '../../api/middleware/journal/journal-entry.ts';
import { servedByCache } from './client-cache/cache-log-entry.ts';
import { reasonPhrase } from './http.ts';

/** "HH:MM:SS.mmm" of the virtual time, in UTC like the header's clock. */
export function formatTime(startedAt: string): string {
  const match = /T(\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?/.exec(startedAt);
  if (!match) return startedAt;
  return `${match[1]}.${(match[2] ?? '').padEnd(3, '0')}`;
}

/** Sub-millisecond times keep one decimal: the core is fast and that is the point. */
export function formatDuration(ms: number): string {
  if (ms < 0.05) return '<0.1 ms';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** "201 Created": the status as text, so it never rests on colour alone. */
export function statusLabel(status: number): string {
  const reason = reasonPhrase(status);
  return reason ? `${status} ${reason}` : String(status);
}

/** A header's value by name, whatever case the record used. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export interface Badge {
  text: string;
  /** A longer explanation, for the tooltip and screen readers. */
  title: string;
}

/** Notable outcomes worth a glance in the row: which problem, a new resource, special methods. */
export function badgesFor(entry: JournalEntry): Badge[] {
  const badges: Badge[] = [];
  const { headers, status } = entry.response;
  if (servedByCache(entry))
    badges.push({
      text: entry.servedBy === 'private' ? 'from cache' : `from ${entry.servedBy} cache`,
      title: `Answered by the ${entry.servedBy} cache: this request never reached the API`,
    });
  const slug = problemSlug(entry);
  if (slug) badges.push({ text: slug, title: `Problem type ${slug}` });
  const location = headerValue(headers, 'location');
  if (location !== undefined && (status === 201 || (status >= 300 && status < 400))) {
    badges.push({ text: 'Location', title: `Location: ${location}` });
  }
  // The method column already names HEAD and OPTIONS: the badge says what they returned.
  if (entry.method === 'HEAD')
    badges.push({ text: 'no body', title: 'HEAD: the headers of a GET, without its body' });
  const allow = headerValue(headers, 'allow');
  if (allow !== undefined && (entry.method === 'OPTIONS' || status === 405)) {
    badges.push({ text: `Allow: ${allow}`, title: `The methods this path supports: ${allow}` });
  }
  const retryAfter = headerValue(headers, 'retry-after');
  if (retryAfter !== undefined) {
    badges.push({ text: `Retry-After ${retryAfter}`, title: `Retry after ${retryAfter}` });
  }
  if (headerValue(headers, 'idempotent-replayed') === 'true')
    badges.push({
      text: 'replayed',
      title: 'Answered from an idempotency record: nothing ran again',
    });
  for (const note of entry.notes) {
    if (!note.rule.startsWith(FAULT_NOTE)) continue;
    badges.push({ text: '⚡ fault', title: note.rule.slice(FAULT_NOTE.length) });
  }
  return badges;
}

/** The slug of a problem+json response's `type` ("/problems/not-found" → "not-found"). */
export function problemSlug(entry: JournalEntry): string | undefined {
  const contentType = headerValue(entry.response.headers, 'content-type') ?? '';
  const body = entry.response.body;
  if (!contentType.includes('problem+json') || !body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (!parsed || typeof parsed !== 'object') return undefined;
    const type = (parsed as { type?: unknown }).type;
    if (typeof type !== 'string' || type === 'about:blank') return undefined;
    const slug = type
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop();
    return slug || undefined;
  } catch {
    // Declared problem+json but not JSON: no slug to show.
    return undefined;
  }
}

/** Bodies beyond this are cut for display: a 10 MB <pre> would freeze the page. */
export const BODY_DISPLAY_LIMIT = 200_000;

/** JSON pretty-printed; anything else as it came. */
export function prettyBody(body: string, contentType: string | undefined): string {
  const looksJson = /json/i.test(contentType ?? '') || /^\s*[[{]/.test(body);
  if (!looksJson || body.length > BODY_DISPLAY_LIMIT) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // Not JSON after all: show it as it is.
    return body;
  }
}

/** Only web links become hrefs; anything else (javascript:, data:) stays text. */
export function safeHref(href: string): string | undefined {
  return /^https?:\/\//i.test(href) || href.startsWith('/') ? href : undefined;
}

/**
 * Everything a log row shows, as one lower-case string for the filter: time, method, path,
 * status with its text, every badge (problem slug included), duration. DevTools users filter
 * on what they see; "quota-exceeded" must find the row that wears that badge.
 */
export function rowText(entry: JournalEntry): string {
  return [
    formatTime(entry.started_at),
    entry.method,
    entry.url,
    statusLabel(entry.response.status),
    ...badgesFor(entry).map((badge) => badge.text),
    formatDuration(entry.duration_ms),
  ]
    .join(' ')
    .toLowerCase();
}

import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import { version } from '../../../../package.json';
import { reasonPhrase } from '../../shared/http.ts';
import { headerValue } from '../../shared/journal-format.ts';

/** The subset of HAR 1.2 this export writes. @see http://www.softwareishard.com/blog/har-12-spec/ */
export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: [];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: -1;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: [];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
  /** Custom fields start with "_" (HAR 1.2); devtools uses _resourceType for its Fetch/XHR filter. */
  _resourceType: 'fetch';
  _restlab: { requestId: string; seq: number; notes: JournalEntry['notes'] };
}

// The journal does not know the wire protocol; MSW and node:http both speak HTTP/1.1 semantics.
const HTTP_VERSION = 'HTTP/1.1';
const encoder = new TextEncoder();
const byteLength = (text: string | null) => (text === null ? 0 : encoder.encode(text).byteLength);
const toNameValues = (headers: Record<string, string>): HarNameValue[] =>
  Object.entries(headers).map(([name, value]) => ({ name, value }));

/**
 * The given entries (oldest first) as a HAR 1.2 log that browser devtools can import. Times are
 * the virtual clock's; the whole duration is "wait", since the core has no network phases.
 * @see https://w3c.github.io/web-performance/specs/HAR/Overview.html
 */
export function toHar(
  entries: readonly JournalEntry[],
  origin: string,
  options: { redactTokens?: boolean } = {},
): Har {
  const shown = options.redactTokens ? entries.map(withoutTokens) : entries;
  return {
    log: {
      version: '1.2',
      creator: { name: 'restlab', version },
      entries: shown.map((entry) => toHarEntry(entry, origin)),
    },
  };
}

const MASK = '••••';
const TOKEN_MEMBER = /("(?:access_token|refresh_token|id_token)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;

/**
 * The entry with its tokens masked, for a HAR that is to be shared (shared API.md §6: the log
 * shows bearer tokens, since they are what the auth lab teaches; an export can hide them).
 * Passwords and client secrets are masked already, in the journal itself.
 */
function withoutTokens(entry: JournalEntry): JournalEntry {
  const headers = (record: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(record).map(([name, value]) => [
        name,
        name.toLowerCase() === 'authorization'
          ? value.replace(/^(\s*bearer\s+).*$/i, `$1${MASK}`)
          : value,
      ]),
    );
  const body = (text: string | null) =>
    text === null ? null : text.replace(TOKEN_MEMBER, `$1"${MASK}"`);
  return {
    ...entry,
    request: { headers: headers(entry.request.headers), body: body(entry.request.body) },
    response: { ...entry.response, body: body(entry.response.body) },
  };
}

function toHarEntry(entry: JournalEntry, origin: string): HarEntry {
  // Joined as text: resolving "//host/x" against the origin would change the host.
  const url = new URL(origin.replace(/\/+$/, '') + entry.url);
  const { request, response } = entry;
  const status = response.status;
  const location = headerValue(response.headers, 'location');
  const time = Math.max(0, entry.duration_ms);
  return {
    startedDateTime: entry.started_at,
    time,
    request: {
      method: entry.method,
      url: url.href,
      httpVersion: HTTP_VERSION,
      cookies: [],
      headers: toNameValues(request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(request.body === null
        ? {}
        : {
            postData: {
              mimeType: headerValue(request.headers, 'content-type') ?? '',
              text: request.body,
            },
          }),
      headersSize: -1,
      bodySize: byteLength(request.body),
    },
    response: {
      status,
      statusText: reasonPhrase(status),
      httpVersion: HTTP_VERSION,
      cookies: [],
      headers: toNameValues(response.headers),
      content: {
        size: byteLength(response.body),
        mimeType: headerValue(response.headers, 'content-type') ?? '',
        ...(response.body === null ? {} : { text: response.body }),
      },
      // Only a redirect's Location is a redirectURL; a 201's names the new resource.
      redirectURL: status >= 300 && status < 400 && location ? new URL(location, url).href : '',
      headersSize: -1,
      bodySize: byteLength(response.body),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    ...(entry.notes.length > 0 ? { comment: entry.notes.map((note) => note.rule).join('; ') } : {}),
    _resourceType: 'fetch',
    _restlab: { requestId: entry.id, seq: entry.seq, notes: entry.notes },
  };
}

/** A file name from the virtual time of the newest entry: restlab-2026-01-02T00-00-01.har. */
export function harFileName(entries: readonly JournalEntry[]): string {
  const last = entries[entries.length - 1];
  const stamp = last ? last.started_at.slice(0, 19).replace(/:/g, '-') : 'empty';
  return `restlab-${stamp}.har`;
}

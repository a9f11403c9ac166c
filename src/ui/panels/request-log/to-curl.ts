import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import { hasNoBody, replayableHeaders } from './replay-headers.ts';

export type ReplayInput = Pick<JournalEntry, 'method' | 'url' | 'request'>;

/**
 * Single-quotes a word for POSIX shells: inside '…' nothing is special but the quote itself,
 * which closes the string, adds an escaped quote and reopens it ('\''). Bodies with quotes,
 * backslashes, $, newlines and any Unicode survive unchanged.
 */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

const plainWord = (value: string) => (/^[A-Za-z0-9._-]+$/.test(value) ? value : shellQuote(value));

/**
 * The request as a curl command that runs unchanged against `npm run serve` once `origin` points
 * there (the request log passes `location.origin`; swap it for http://127.0.0.1:8787).
 * @see https://curl.se/docs/manpage.html
 */
export function toCurl(entry: ReplayInput, origin: string): string {
  const method = entry.method.toUpperCase();
  // -i prints the status line and headers too: the part this playground is about.
  const first = ['curl'];
  if (method === 'HEAD') first.push('--head');
  else first.push('-i');
  if (method !== 'GET' && method !== 'HEAD') first.push('-X', plainWord(method));
  // curl expands [] and {} in URLs as globs, and squashes /./ and /../ segments, unless told not to.
  if (/[[\]{}]/.test(entry.url)) first.push('--globoff');
  if (/\/\.{1,2}(?=[/?#]|$)/.test(entry.url.split('?')[0] ?? '')) first.push('--path-as-is');
  first.push(shellQuote(origin.replace(/\/+$/, '') + entry.url));

  const lines = [first.join(' ')];
  const headers = replayableHeaders(entry.request.headers);
  for (const [name, value] of headers) {
    // "Name:" with nothing after it tells curl to drop the header; "Name;" sends it empty.
    lines.push(`-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  const body = entry.request.body;
  if (body !== null && !hasNoBody(method)) {
    // --data-raw adds a form Content-Type when none is given: drop it to send what was sent.
    if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) {
      lines.push(`-H ${shellQuote('Content-Type:')}`);
    }
    // --data-raw, unlike -d, sends a leading @ as is instead of reading a file.
    lines.push(`--data-raw ${shellQuote(body)}`);
  }
  return lines.join(' \\\n  ');
}

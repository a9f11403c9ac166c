import { isForbiddenRequestHeader } from '../../shared/forbidden-headers.ts';

/**
 * Headers the browser or the transport sets on its own. Replaying them would be wrong (curl
 * computes Host and Content-Length itself; a copied Accept-Encoding makes curl print compressed
 * bytes) or noise the API never reads (User-Agent, Sec-Fetch-*, Referer). Cookie is left out on
 * purpose: the API is cookie-free (it authenticates with Authorization), and a page's cookies
 * belong to whatever else runs on that origin, so they have no place in a command people paste
 * into chats. Everything else is kept, so custom headers (X-Client-Id, Idempotency-Key, If-*,
 * Authorization, X-Request-Id) replay as sent.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
// Beyond the forbidden ones: headers the browser adds on its own.
const BROWSER_ADDED = new Set([
  'accept-language',
  'priority',
  'upgrade-insecure-requests',
  'user-agent',
]);

export function isBrowserManaged(name: string): boolean {
  return isForbiddenRequestHeader(name) || BROWSER_ADDED.has(name.toLowerCase());
}

/** The request headers worth replaying, in the order recorded. */
export function replayableHeaders(headers: Record<string, string>): [string, string][] {
  return Object.entries(headers).filter(([name]) => !isBrowserManaged(name));
}

/** Methods whose requests carry no body (fetch refuses one for GET and HEAD). */
export const hasNoBody = (method: string): boolean => method === 'GET' || method === 'HEAD';

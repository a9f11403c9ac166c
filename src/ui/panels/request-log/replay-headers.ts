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
const BROWSER_MANAGED = new Set([
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'priority',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'upgrade-insecure-requests',
  'user-agent',
  'via',
]);

const BROWSER_MANAGED_PREFIXES = ['sec-', 'proxy-'];

export function isBrowserManaged(name: string): boolean {
  const lower = name.toLowerCase();
  return BROWSER_MANAGED.has(lower) || BROWSER_MANAGED_PREFIXES.some((p) => lower.startsWith(p));
}

/** The request headers worth replaying, in the order recorded. */
export function replayableHeaders(headers: Record<string, string>): [string, string][] {
  return Object.entries(headers).filter(([name]) => !isBrowserManaged(name));
}

/** Methods whose requests carry no body (fetch refuses one for GET and HEAD). */
export const hasNoBody = (method: string): boolean => method === 'GET' || method === 'HEAD';

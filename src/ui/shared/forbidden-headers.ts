/**
 * Request headers a page cannot set: the browser drops them silently, or sets them itself
 * (names and prefixes as the Fetch standard lists them).
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
const FORBIDDEN_REQUEST_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
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
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

const FORBIDDEN_PREFIXES = ['sec-', 'proxy-'];

export function isForbiddenRequestHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    FORBIDDEN_REQUEST_HEADERS.has(lower) ||
    FORBIDDEN_PREFIXES.some((prefix) => lower.startsWith(prefix))
  );
}

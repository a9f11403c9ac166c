/**
 * The HTTP header fields this API sends or reads, each with what it means and the standard that
 * defines it: routes name the ones they use, and the OpenAPI document describes them from here.
 */
export interface HeaderSpec {
  description: string;
  /** JSON Schema of the field's value (always a string on the wire). */
  schema: { type: 'string' | 'integer'; pattern?: string; format?: string; minimum?: number };
  example?: string;
}

export const HEADERS = {
  'X-Request-Id': {
    description:
      'The request id: the client’s own when it is 1–128 characters of [A-Za-z0-9._-], otherwise one the server made. Every response carries it.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,128}$' },
    example: 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b',
  },
  'X-Client-Id': {
    description:
      'Who a request counts against for rate limiting (shared API.md §5): 1–128 visible ASCII characters. Without it a request counts as anonymous.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,128}$' },
    example: 'classroom-laptop-3',
  },
  Authorization: {
    description:
      'Bearer credentials: `Bearer <access token>` (RFC 6750 §2.1). Needed where `auth.enforce` guards the route, and always for /api/v1/me and logout.',
    schema: { type: 'string', pattern: '^Bearer [A-Za-z0-9\\-._~+/]+=*$' },
    example: 'Bearer eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9…',
  },
  'WWW-Authenticate': {
    description:
      'The challenge of every 401 and 403 (RFC 6750 §3): `Bearer realm="restlab"`, with `error` (`invalid_request`, `invalid_token`, `insufficient_scope`), `error_description` naming the failed check, and `scope` when one is needed. OAuth\'s token and revocation endpoints answer a wrong client with `Basic realm="restlab"` (RFC 6749 §5.2).',
    schema: { type: 'string' },
    example:
      'Bearer realm="restlab", error="invalid_token", error_description="exp: the token has expired"',
  },
  Pragma: {
    description:
      '`no-cache`, beside `Cache-Control: no-store`, on every token response (RFC 6749 §5.1), for HTTP/1.0 caches.',
    schema: { type: 'string' },
    example: 'no-cache',
  },
  'Content-Security-Policy': {
    description:
      "On the sign-in and consent page: `frame-ancestors 'none'`, so no other site can frame it and trick a click (RFC 6749 §10.13, clickjacking).",
    schema: { type: 'string' },
  },
  Location: {
    description: 'The URI of the resource just created (RFC 9110 §10.2.2).',
    schema: { type: 'string', format: 'uri-reference' },
    example: '/api/v1/users/usr_8d3k2m9q1x',
  },
  Link: {
    description:
      'Links to the first, previous, next (and, for offset pages, last) pages, in the style of the request (RFC 8288).',
    schema: { type: 'string' },
    example: '</api/v1/users?limit=20&offset=20>; rel="next"',
  },
  'Server-Timing': {
    description: 'What reading the page cost, in rows read (W3C Server Timing).',
    schema: { type: 'string' },
  },
  ETag: {
    description:
      'The entity tag of the representation: strong on single resources, weak (W/) on list pages (RFC 9110 §8.8.3).',
    schema: { type: 'string' },
  },
  'Last-Modified': {
    description: 'When the resource last changed, as an HTTP-date (RFC 9110 §8.8.2).',
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description: 'Caching directives for this response (RFC 9111 §5.2).',
    schema: { type: 'string' },
  },
  Date: {
    description:
      'When the answer was made, on the virtual clock, as an HTTP-date (RFC 9110 §6.6.1): caches compute ages from it.',
    schema: { type: 'string' },
    example: 'Fri, 02 Jan 2026 00:00:00 GMT',
  },
  Vary: {
    description: 'Request fields the response depends on (RFC 9110 §12.5.5).',
    schema: { type: 'string' },
  },
  Allow: {
    description: 'The methods this path supports (RFC 9110 §10.2.1).',
    schema: { type: 'string' },
    example: 'GET, HEAD, POST, OPTIONS',
  },
  'Accept-Patch': {
    description: 'The media type PATCH accepts here: application/merge-patch+json (RFC 5789 §3.1).',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': {
    description:
      'The quota policy: "default";q=<quota>;w=<window seconds> (draft-ietf-httpapi-ratelimit-headers, a structured field).',
    schema: { type: 'string' },
    example: '"default";q=100;w=10',
  },
  RateLimit: {
    description:
      'The quota left now: "default";r=<requests left>;t=<seconds until full> (draft-ietf-httpapi-ratelimit-headers).',
    schema: { type: 'string' },
    example: '"default";r=57;t=4',
  },
  'X-RateLimit-Limit': {
    description: 'Legacy style: the quota per window.',
    schema: { type: 'integer', minimum: 0 },
  },
  'X-RateLimit-Remaining': {
    description: 'Legacy style: requests left in the window.',
    schema: { type: 'integer', minimum: 0 },
  },
  'X-RateLimit-Reset': {
    description: 'Legacy style: when the quota is full again, in epoch seconds.',
    schema: { type: 'integer', minimum: 0 },
  },
  'Retry-After': {
    description: 'Whole seconds to wait before retrying (RFC 9110 §10.2.3).',
    schema: { type: 'integer', minimum: 1 },
  },
  'If-Match': {
    description:
      'Proceed only if the current ETag matches one of these (strong comparison), or `*`: the resource exists (RFC 9110 §13.1.1). Otherwise 412.',
    schema: { type: 'string' },
    example: '"3q2-7w"',
  },
  'If-None-Match': {
    description:
      'For GET and HEAD, 304 if the current ETag matches one of these (weak comparison), or `*`; for other methods 412 (RFC 9110 §13.1.2).',
    schema: { type: 'string' },
    example: 'W/"3q2-7w"',
  },
  'If-Modified-Since': {
    description:
      'For GET and HEAD without If-None-Match: 304 if not modified after this HTTP-date (RFC 9110 §13.1.3). A malformed date is ignored.',
    schema: { type: 'string' },
  },
  'If-Unmodified-Since': {
    description:
      'Without If-Match: 412 if modified after this HTTP-date (RFC 9110 §13.1.4). A malformed date is ignored.',
    schema: { type: 'string' },
  },
  'Idempotency-Key': {
    description:
      'Makes a POST or PATCH safe to retry (draft-ietf-httpapi-idempotency-key-header): a unique key per request, scoped to the client, method and path. In the default `ietf` dialect a structured-field String of 1–255 characters (`"8e03978e-40d5-43e8-bc93-6894a57f9324"`); in the `stripe` dialect the bare value. The same key with the same body answers the saved outcome, without running again.',
    schema: { type: 'string' },
    example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
  },
  'Idempotent-Replayed': {
    description:
      '`true` on an answer replayed from an idempotency record: the request did not run again (Stripe’s header; the draft names none).',
    schema: { type: 'string', pattern: '^true$' },
    example: 'true',
  },
} as const satisfies Record<string, HeaderSpec>;

export type HeaderName = keyof typeof HEADERS;

/** The rate-limit fields, as the limiter stamps them on every limited answer. */
export const RATE_LIMIT_HEADERS = [
  'RateLimit-Policy',
  'RateLimit',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
] as const satisfies readonly HeaderName[];

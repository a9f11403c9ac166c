import { cite, type StandardRef } from './standards.ts';

/**
 * The catalog of problem types this API returns (RFC 9457). Each `type` is the relative URI
 * `/problems/<slug>`; the app renders these entries as the page behind that URI, so every
 * problem a client can receive explains itself.
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */
export interface ProblemType {
  slug: string;
  status: number;
  title: string;
  /** What it means, for the problem's page. */
  meaning: string;
  /** When this API returns it. */
  when: string;
  standard: StandardRef;
}

const define = (
  slug: string,
  status: number,
  title: string,
  meaning: string,
  when: string,
  standard: StandardRef,
): ProblemType => ({ slug, status, title, meaning, when, standard });

export const PROBLEM_TYPES = {
  'malformed-json': define(
    'malformed-json',
    400,
    'Malformed JSON',
    'The request body could not be parsed as JSON, so the server cannot know what was meant.',
    'The body is not valid JSON (RFC 8259), or is not UTF-8.',
    cite('RFC 9110 §15.5.1'),
  ),
  'invalid-body': define(
    'invalid-body',
    400,
    'Invalid request body',
    'The body is valid JSON but not the shape every write takes: a single JSON object.',
    'The body is empty, or is an array, string, number, boolean or null instead of an object.',
    cite('RFC 9110 §15.5.1'),
  ),
  'invalid-parameter': define(
    'invalid-parameter',
    400,
    'Invalid query parameter',
    'A query parameter is unknown, repeated, or has a value outside what it accepts.',
    'For example limit=0, limit=abc, offset=-1, or a misspelt parameter name.',
    cite('RFC 9110 §15.5.1'),
  ),
  'invalid-cursor': define(
    'invalid-cursor',
    400,
    'Invalid cursor',
    'A page cursor must come back exactly as the server gave it: cursors are signed, so the server can trust the position they hold. `errors` says what is wrong with this one.',
    'The cursor was changed (even one bit), is not a cursor at all, was made by another server or for another collection, or is used with a different sort than the one it was made for. Start again from the first page, or keep the sort while paging.',
    cite('RFC 9110 §15.5.1'),
  ),
  'invalid-header': define(
    'invalid-header',
    400,
    'Invalid header',
    'A request header has a value the server does not accept.',
    'For example an X-Request-Id that is longer than 128 characters or has characters outside [A-Za-z0-9._-].',
    cite('RFC 9110 §15.5.1'),
  ),
  'invalid-request': define(
    'invalid-request',
    400,
    'Invalid request',
    'The Authorization header is not one the Bearer scheme allows, so the server cannot tell which token was meant. The `WWW-Authenticate` header carries `error="invalid_request"`.',
    'Another scheme than Bearer (Basic, Token …), `Bearer` with no token or with two, a token with characters outside base64url, or the header sent twice.',
    cite('RFC 6750 §3.1'),
  ),
  unauthenticated: define(
    'unauthenticated',
    401,
    'Authentication required',
    'This route needs a token and the request carried none. The `WWW-Authenticate: Bearer realm="restlab"` header says how to authenticate, and carries no error code: nothing was wrong, something was missing (RFC 6750 §3.1).',
    'With `auth.enforce` set to `writes` (any POST, PUT, PATCH or DELETE under /api/v1) or `all` (every /api/v1 route), and always for GET /api/v1/me and POST /api/v1/auth/logout, a request without an Authorization header.',
    cite('RFC 6750 §3'),
  ),
  'invalid-credentials': define(
    'invalid-credentials',
    401,
    'Invalid credentials',
    'The email and password do not name an account. The answer is the same for an unknown email and a wrong password, so that the API does not tell which accounts exist.',
    'POST /api/v1/auth/login with an unknown email, a wrong password, or an account that has no password. Every seeded user signs in with `restlab-demo`.',
    cite('RFC 9110 §15.5.2'),
  ),
  'invalid-authorization-request': define(
    'invalid-authorization-request',
    400,
    'Invalid authorization request',
    'An OAuth authorization request names a client this server does not know, or a redirect URI that client has not registered. The error is not sent back by redirect: until the client and its redirect URI are known good, redirecting would send the user wherever the link’s author chose (an open redirector).',
    'GET /oauth/authorize with an unknown or missing client_id, a missing redirect_uri, or one that does not match a registered URI exactly (a loopback IP literal may use any port). Browsers get an HTML page; a client whose Accept prefers JSON gets this problem.',
    cite('RFC 6749 §4.1.2.1'),
  ),
  'invalid-token': define(
    'invalid-token',
    401,
    'Invalid token',
    'The token was refused: `error_description` in the `WWW-Authenticate` header (and `check` here) names the check it failed, such as its signature, its expiry, its issuer or audience, its `kid` or `alg`, or a revocation. Sign in again, or use the refresh token.',
    'A bearer token that is expired, not yet valid, tampered with, signed by an unknown or retired key, of the wrong type, for another audience or issuer, or revoked; and a refresh token that is spent, expired or unknown (presenting a spent one revokes its whole family).',
    cite('RFC 6750 §3.1'),
  ),
  'insufficient-scope': define(
    'insufficient-scope',
    403,
    'Insufficient scope',
    'The token is valid, but it does not carry the scope this action needs: the server knows who you are, and you may not do this. `WWW-Authenticate` names the scope needed; signing in again will not help, a token with that scope will.',
    'A member (scopes `read write`) writing a product, deleting anything, changing a role or another user’s record; a token without `read` or `write` where `auth.enforce` needs them; a client-credentials token at GET /api/v1/me.',
    cite('RFC 6750 §3.1'),
  ),
  'not-found': define(
    'not-found',
    404,
    'Not found',
    'There is no resource at this URI: the id is unknown (or was deleted), or no route has this path.',
    'GET, PUT, PATCH or DELETE of an id that does not exist, and any unknown path.',
    cite('RFC 9110 §15.5.5'),
  ),
  'method-not-allowed': define(
    'method-not-allowed',
    405,
    'Method not allowed',
    'The path exists but does not support this method. The Allow header lists the methods it does support.',
    'For example DELETE on a collection, or POST on a single resource.',
    cite('RFC 9110 §15.5.6'),
  ),
  'duplicate-value': define(
    'duplicate-value',
    409,
    'Duplicate value',
    'The request conflicts with the current state: another resource already holds a value that must be unique.',
    'Creating or changing a user so that its email equals another user’s, compared case-insensitively.',
    cite('RFC 9110 §15.5.10'),
  ),
  'precondition-failed': define(
    'precondition-failed',
    412,
    'Precondition failed',
    'A condition the request set on the resource’s current state does not hold, so nothing was done. With If-Match this is the lost update prevented: someone changed the resource since this client read it. Read it again (GET), apply the change to what is there now, and send it with the new ETag.',
    'If-Match names no current ETag (strong comparison; a malformed If-Match matches nothing); If-Unmodified-Since is older than the last change; If-None-Match matches on a method other than GET or HEAD (for instance If-None-Match: * on a PUT to an existing id).',
    cite('RFC 9110 §15.5.13'),
  ),
  'precondition-required': define(
    'precondition-required',
    428,
    'Precondition required',
    'This server requires writes to be conditional, so that no client overwrites a change it has not seen. Send If-Match with the ETag of the version you read (or If-Unmodified-Since with its Last-Modified).',
    'A PUT, PATCH or DELETE without If-Match or If-Unmodified-Since while conditional.require_preconditions is on.',
    cite('RFC 6585 §3'),
  ),
  'content-too-large': define(
    'content-too-large',
    413,
    'Content too large',
    'The request body is larger than the server is willing to read.',
    'The body exceeds limits.max_body_bytes (65,536 bytes unless changed in the settings).',
    cite('RFC 9110 §15.5.14'),
  ),
  'unsupported-media-type': define(
    'unsupported-media-type',
    415,
    'Unsupported media type',
    'The body’s Content-Type is not one this method accepts, so the server will not guess how to read it.',
    'POST and PUT take application/json; PATCH takes application/merge-patch+json (named by Accept-Patch).',
    cite('RFC 9110 §15.5.16'),
  ),
  'validation-failed': define(
    'validation-failed',
    422,
    'Validation failed',
    'The body is well-formed JSON but its content breaks the resource’s rules. Each entry of `errors` points (RFC 6901 JSON Pointer) at one field and says what is wrong.',
    'Missing, unknown or read-only fields (no mass assignment), wrong types, formats or ranges.',
    cite('RFC 9110 §15.5.21'),
  ),
  'quota-exceeded': define(
    'quota-exceeded',
    429,
    'Quota exceeded',
    'This client has sent more requests than its rate-limit policy allows. `violated-policies` names the policy; the `Retry-After` header says how many seconds to wait, and retrying then succeeds. The `RateLimit` and `RateLimit-Policy` headers on every response show the quota left, so a careful client never gets here.',
    'A client (told apart by `X-Client-Id`, else by the `sub` of a verified bearer token, otherwise counted as anonymous) goes over `rate_limit.quota` requests per `rate_limit.window_ms`, as the configured algorithm counts them (token bucket unless changed in the settings).',
    cite('RFC 6585 §4'),
  ),
  'insufficient-stock': define(
    'insufficient-stock',
    409,
    'Insufficient stock',
    'The order asks for more than the product has in stock, so nothing was taken and no order was made. `available` says how many there are now.',
    'POST /api/v1/orders with a quantity above the product’s stock. Stock is taken in the same transaction as the order is made, so it never goes below 0 however many orders race.',
    cite('RFC 9110 §15.5.10'),
  ),
  'idempotency-key-missing': define(
    'idempotency-key-missing',
    400,
    'Idempotency key missing',
    'This collection requires every POST to carry an Idempotency-Key, so that a retry after a lost response can never make a second resource. Send a fresh unique key (a UUID) and reuse it only to retry this very request.',
    'A POST without Idempotency-Key to a collection named in idempotency.required.',
    cite(
      'draft-ietf-httpapi-idempotency-key-header §2.7',
      'https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-idempotency-key-header-07#section-2.7',
    ),
  ),
  'idempotency-key-reused': define(
    'idempotency-key-reused',
    422,
    'Idempotency key reused',
    'This key was already used for a request with another body (its fingerprint, the SHA-256 of the body canonicalized per RFC 8785, differs). A key names one request: retry with exactly the same body, or use a new key for a new request. Stripe-style APIs answer this with 400.',
    'A POST or PATCH with a key this client already sent to the same method and path, within its retention, with a different body.',
    cite(
      'draft-ietf-httpapi-idempotency-key-header §2.7',
      'https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-idempotency-key-header-07#section-2.7',
    ),
  ),
  'idempotency-key-in-flight': define(
    'idempotency-key-in-flight',
    409,
    'Idempotency key in flight',
    'The first request with this key is still being processed, so the server cannot yet say what its outcome is. Nothing was done; retry after a moment and the saved outcome will be replayed.',
    'A second request with the same key (a double click, an impatient retry) while the first has not finished.',
    cite(
      'draft-ietf-httpapi-idempotency-key-header §2.7',
      'https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-idempotency-key-header-07#section-2.7',
    ),
  ),
  'service-unavailable': define(
    'service-unavailable',
    503,
    'Service unavailable',
    'The server cannot handle the request right now; nothing was done. Retry-After says how many seconds to wait. A careful client retries with backoff and jitter, and with an Idempotency-Key for anything that is not idempotent.',
    'An injected fault (faults.error_rate, or a queued one-shot error): it comes before any work or idempotency record, so a retry with the same key starts afresh.',
    cite('RFC 9110 §15.6.4'),
  ),
  'internal-error': define(
    'internal-error',
    500,
    'Internal server error',
    'The server failed unexpectedly. No internals are exposed, and the request changed nothing: writes are all-or-nothing.',
    'A bug or an injected fault inside a request.',
    cite('RFC 9110 §15.6.1'),
  ),
} as const satisfies Record<string, ProblemType>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

/** One entry of a problem's `errors` member: where the problem is, and what it is. */
export type FieldError =
  | { pointer: string; detail: string }
  | { parameter: string; detail: string }
  | { header: string; detail: string };

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * Thrown anywhere inside a request to answer with a problem. The error boundary turns it into an
 * `application/problem+json` response; any other exception becomes a 500.
 */
export class ProblemError extends Error {
  readonly slug: ProblemSlug;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;
  /** The journal note: which rule decided this, with its standard. */
  readonly rule: string | undefined;
  readonly standard: StandardRef | undefined;
  /** The status, when a dialect answers this type with another than the catalogue's (Stripe's 400). */
  readonly status: number | undefined;

  constructor(
    slug: ProblemSlug,
    detail: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
      rule?: string;
      /** The section the rule comes from, linked in the journal note. */
      standard?: StandardRef;
      status?: number;
    } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.slug = slug;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
    this.rule = options.rule;
    this.standard = options.standard;
    this.status = options.status;
  }
}

export const problemTypeUri = (slug: ProblemSlug) => `/problems/${slug}`;

export function problemBody(
  slug: ProblemSlug,
  detail: string,
  instance: string,
  errors?: FieldError[],
  extensions: Record<string, unknown> = {},
  status?: number,
): ProblemBody {
  const type = PROBLEM_TYPES[slug];
  const body: ProblemBody = {
    type: problemTypeUri(slug),
    title: type.title,
    status: status ?? type.status,
    detail,
    instance,
  };
  if (errors && errors.length > 0) body.errors = errors;
  // Extensions follow the standard members and can never overwrite them.
  for (const [key, value] of Object.entries(extensions)) if (!(key in body)) body[key] = value;
  return body;
}

/** RFC 6901: "~" becomes "~0" and "/" becomes "~1" in each reference token. */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((token) => '/' + String(token).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

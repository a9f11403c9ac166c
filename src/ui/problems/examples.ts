import { API_BASE } from '../../api/routes/api-base.ts';
import type { ProblemBody, ProblemSlug } from '../../api/problems.ts';
import type { ExampleStep } from './run-example.ts';

/** How to meet a problem: requests that produce it (the last one answers with it), or, for one
 * that no request can cause yet, a representative body. */
export type ProblemExample =
  | {
      kind: 'requests';
      steps: ExampleStep[];
      /** Sent after the answer, whatever it was, to put back a setting the steps changed. */
      after?: ExampleStep[];
    }
  | { kind: 'representative'; body: ProblemBody; note: string };

const JSON_TYPE = { 'Content-Type': 'application/json' };
const ADA = { name: 'Ada Lovelace', email: 'ada.example@example.com' };

/** Bigger than the default limits.max_body_bytes (65,536). */
const LARGE_BIO_CHARS = 70_000;

/**
 * One example per problem type. examples.test.ts runs every one against a fresh core and checks
 * it yields its problem, so an example cannot quietly stop working.
 */
export const PROBLEM_EXAMPLES: Record<ProblemSlug, ProblemExample> = {
  'malformed-json': {
    kind: 'requests',
    steps: [
      {
        method: 'POST',
        path: `${API_BASE}/users`,
        headers: JSON_TYPE,
        body: '{"name": "Ada Lovelace", "email": "ada@example.com",}',
        why: 'A trailing comma: fine in JavaScript, not JSON.',
      },
    ],
  },
  'invalid-body': {
    kind: 'requests',
    steps: [
      {
        method: 'POST',
        path: `${API_BASE}/users`,
        headers: JSON_TYPE,
        body: '[{"name": "Ada Lovelace", "email": "ada@example.com"}]',
        why: 'Valid JSON, but an array: a write takes one object.',
      },
    ],
  },
  'invalid-parameter': {
    kind: 'requests',
    steps: [
      { method: 'GET', path: `${API_BASE}/users?limit=0`, why: 'A page holds at least one row.' },
    ],
  },
  'invalid-header': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/users?limit=1`,
        headers: { 'X-Request-Id': 'not a valid id!' },
        why: 'Spaces and "!" are outside [A-Za-z0-9._-].',
      },
    ],
  },
  'invalid-request': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/me`,
        headers: { Authorization: 'Basic YWRhOnJlc3RsYWItZGVtbw==' },
        why: 'GET /me always needs a bearer token; this header is Basic, another scheme, so the server cannot read a token from it.',
      },
    ],
  },
  unauthenticated: {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/me`,
        why: 'Who am I? Without a token the server cannot say: 401, and WWW-Authenticate says how to authenticate.',
      },
    ],
  },
  'invalid-credentials': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/users?limit=1`,
        capture: { email: '/data/0/email' },
        why: 'A real account’s email.',
      },
      {
        method: 'POST',
        path: `${API_BASE}/auth/login`,
        headers: JSON_TYPE,
        body: '{"email": "{{email}}", "password": "not-the-password"}',
        why: 'The right email, the wrong password (seeded users have restlab-demo). An unknown email gets exactly the same answer.',
      },
    ],
  },
  'invalid-authorization-request': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: '/oauth/authorize?response_type=code&client_id=restlab-spa&redirect_uri=https%3A%2F%2Fattacker.example%2Fcallback&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=x',
        headers: { Accept: 'application/json' },
        why: 'A real client, but a redirect URI it never registered: the code would go to the attacker, so the server refuses without redirecting.',
      },
    ],
  },
  'invalid-token': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/me`,
        headers: {
          Authorization:
            'Bearer eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ1c3JfYWRtaW4iLCJzY29wZSI6InJlYWQgd3JpdGUgYWRtaW4ifQ.',
        },
        why: 'A hand-made token with alg "none": no signature at all, claiming to be an admin. The BCP verifier refuses it, and WWW-Authenticate names the check.',
      },
    ],
  },
  'insufficient-scope': {
    kind: 'requests',
    steps: [
      {
        method: 'POST',
        path: `${API_BASE}/users`,
        headers: JSON_TYPE,
        body: '{"name": "Example Member", "email": "scope-{{run}}@example.com", "password": "example-password"}',
        capture: { id: '/id' },
        why: 'A new member with a password of its own.',
      },
      {
        method: 'POST',
        path: `${API_BASE}/auth/login`,
        headers: JSON_TYPE,
        body: '{"email": "scope-{{run}}@example.com", "password": "example-password"}',
        capture: { token: '/access_token' },
        why: 'It signs in: a valid token, scope "read write".',
      },
      {
        method: 'DELETE',
        path: `${API_BASE}/users/{{id}}`,
        why: 'The account is deleted (auth.enforce is off by default, so anyone may; with it on, DELETE needs admin and this step would be the 403).',
      },
      {
        method: 'GET',
        path: `${API_BASE}/me`,
        headers: { Authorization: 'Bearer {{token}}' },
        why: 'The token still verifies, but it names no user any more: authenticated, and still not allowed. 403, not 401.',
      },
    ],
  },
  'not-found': {
    kind: 'requests',
    steps: [{ method: 'GET', path: `${API_BASE}/users/usr_nobody`, why: 'No user has this id.' }],
  },
  'method-not-allowed': {
    kind: 'requests',
    steps: [
      {
        method: 'DELETE',
        path: `${API_BASE}/users`,
        why: 'Delete one user at its own URI; the collection cannot be deleted whole.',
      },
    ],
  },
  'duplicate-value': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/users?limit=1`,
        capture: { email: '/data/0/email' },
        why: 'Read an email that is already taken.',
      },
      {
        method: 'POST',
        path: `${API_BASE}/users`,
        headers: JSON_TYPE,
        body: '{"name": "Copy Cat", "email": "{{email|upper}}"}',
        why: 'The same email in capitals: emails are compared case-insensitively.',
      },
    ],
  },
  'content-too-large': {
    kind: 'requests',
    steps: [
      {
        method: 'POST',
        path: `${API_BASE}/users`,
        headers: JSON_TYPE,
        body: JSON.stringify({ ...ADA, bio: 'x'.repeat(LARGE_BIO_CHARS) }),
        bodyShown: `{"name": "Ada Lovelace", "email": "ada.example@example.com", "bio": "xxxx…"}\n(the bio is ${LARGE_BIO_CHARS.toLocaleString('en')} characters: more than the 65,536-byte default limit)`,
        why: 'The server stops reading at the limit, before it looks at the fields.',
      },
    ],
  },
  'unsupported-media-type': {
    kind: 'requests',
    steps: [
      {
        method: 'POST',
        path: `${API_BASE}/users`,
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify(ADA),
        why: 'JSON text, labelled as plain text: the server goes by the label.',
      },
    ],
  },
  'validation-failed': {
    kind: 'requests',
    steps: [
      {
        method: 'POST',
        path: `${API_BASE}/users`,
        headers: JSON_TYPE,
        body: '{"id": "usr_mine", "name": "", "email": "not-an-email"}',
        why: 'Three mistakes, all reported at once: a read-only id, an empty name, a bad email.',
      },
    ],
  },
  'insufficient-stock': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/users?limit=1`,
        capture: { user: '/data/0/id' },
        why: 'Any user, to place the order for.',
      },
      {
        method: 'POST',
        path: `${API_BASE}/products`,
        headers: JSON_TYPE,
        body: '{"name": "Last Kettle", "price_cents": 2500, "stock": 1}',
        capture: { product: '/id' },
        why: 'A product with one left in stock.',
      },
      {
        method: 'POST',
        path: `${API_BASE}/orders`,
        headers: JSON_TYPE,
        body: '{"user_id": "{{user}}", "product_id": "{{product}}", "quantity": 2}',
        why: 'Two asked, one there: the order is refused whole, `available` says 1, and the stock stays at 1.',
      },
    ],
  },
  'idempotency-key-reused': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/users?limit=1`,
        capture: { user: '/data/0/id' },
        why: 'Any user, to place the order for.',
      },
      {
        method: 'POST',
        path: `${API_BASE}/products`,
        headers: JSON_TYPE,
        body: '{"name": "Spare Mug", "price_cents": 900, "stock": 10}',
        capture: { product: '/id' },
        why: 'A product with stock to spare.',
      },
      {
        method: 'POST',
        path: `${API_BASE}/orders`,
        headers: { ...JSON_TYPE, 'Idempotency-Key': '"example-{{run}}"' },
        body: '{"user_id": "{{user}}", "product_id": "{{product}}", "quantity": 1}',
        why: 'An order with a fresh key: 201, and its outcome is saved under the key.',
      },
      {
        method: 'POST',
        path: `${API_BASE}/orders`,
        headers: { ...JSON_TYPE, 'Idempotency-Key': '"example-{{run}}"' },
        body: '{"user_id": "{{user}}", "product_id": "{{product}}", "quantity": 3}',
        why: 'The same key with another body (quantity 3): its fingerprint differs, so it is not a retry of the first. Refused; nothing is ordered.',
      },
    ],
  },
  'idempotency-key-in-flight': {
    kind: 'representative',
    note: 'Two requests with the same key at once: the second arrives while the first is still running. The idempotency lab shows it live (a double click while the first order is slowed by a queued delay).',
    body: {
      type: '/problems/idempotency-key-in-flight',
      title: 'Idempotency key in flight',
      status: 409,
      detail:
        'A request with this Idempotency-Key is still being processed. Retry once it has finished; its outcome will be replayed.',
      instance: `${API_BASE}/orders`,
    },
  },
  'idempotency-key-missing': {
    kind: 'requests',
    steps: [
      {
        method: 'PATCH',
        path: '/__admin/settings',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: '{"idempotency": {"required": ["users"]}}',
        why: 'A key is required only where idempotency.required names the collection (none by default); the example names users, and puts the setting back afterwards.',
      },
      {
        method: 'POST',
        path: `${API_BASE}/users`,
        headers: JSON_TYPE,
        body: '{"name": "No Key", "email": "no.key@example.com"}',
        why: 'A POST without Idempotency-Key: refused before any work, so nothing is created and the corrected request may use any fresh key.',
      },
    ],
    after: [
      {
        method: 'PATCH',
        path: '/__admin/settings',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: '{"idempotency": {"required": []}}',
        why: 'Afterwards: back to the default, no key required anywhere.',
      },
    ],
  },
  'service-unavailable': {
    kind: 'requests',
    steps: [
      {
        method: 'POST',
        path: '/__admin/faults/next',
        headers: JSON_TYPE,
        body: '{"kind": "error", "count": 1}',
        why: 'Queue one injected error through the control API: the next matching request gets it, and only that one.',
      },
      {
        method: 'GET',
        path: `${API_BASE}/products?limit=1`,
        why: 'Refused on arrival, before any work: 503 with Retry-After. Send it again and it succeeds.',
      },
    ],
  },
  'internal-error': {
    kind: 'representative',
    note: 'No request can cause this yet: the API has no known bug to trigger. The fault-injection lab will trigger it on demand; until then, this is what it looks like.',
    body: {
      type: '/problems/internal-error',
      title: 'Internal server error',
      status: 500,
      detail: 'The server failed while handling this request. Nothing was changed.',
      instance: `${API_BASE}/users`,
    },
  },
  'quota-exceeded': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/users?limit=1`,
        headers: { 'X-Client-Id': 'problem-example-{{run}}' },
        until: { status: 429, max: 500 },
        why: 'With the default policy (token bucket, 100 per 10 s, a bucket of 100), one client sends the same request again and again: the first 100 or so take the tokens (a few more refill meanwhile), then the bucket is empty and the answer is 429, with Retry-After saying when a token is back. The X-Client-Id is new on every run, so each run starts from a full bucket.',
      },
    ],
  },
  'precondition-failed': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/products?limit=1`,
        capture: { id: '/data/0/id' },
        why: 'Any product; its GET would carry the ETag of its current version.',
      },
      {
        method: 'PATCH',
        path: `${API_BASE}/products/{{id}}`,
        headers: {
          'Content-Type': 'application/merge-patch+json',
          'If-Match': '"a-version-long-gone"',
        },
        body: '{"stock": 0}',
        why: 'The client says "only if it is still the version I read", naming a tag that is not the current one: someone changed it since. Nothing is written.',
      },
    ],
  },
  'precondition-required': {
    kind: 'requests',
    steps: [
      {
        method: 'PATCH',
        path: '/__admin/settings',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: '{"conditional": {"require_preconditions": true}}',
        why: 'This server answers unconditional writes only while conditional.require_preconditions is on (off by default); the example turns it on, and off again afterwards.',
      },
      {
        method: 'GET',
        path: `${API_BASE}/products?limit=1`,
        capture: { id: '/data/0/id' },
        why: 'Any product.',
      },
      {
        method: 'PATCH',
        path: `${API_BASE}/products/{{id}}`,
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: '{"stock": 0}',
        why: 'A write with neither If-Match nor If-Unmodified-Since: the server cannot tell whether the client saw the current version, so it refuses and says how to resend.',
      },
    ],
    after: [
      {
        method: 'PATCH',
        path: '/__admin/settings',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: '{"conditional": {"require_preconditions": false}}',
        why: 'Afterwards: back to the default, unconditional writes allowed.',
      },
    ],
  },
  'invalid-cursor': {
    kind: 'requests',
    steps: [
      {
        method: 'GET',
        path: `${API_BASE}/users?limit=2`,
        capture: { cursor: '/pagination/next_cursor' },
        why: 'The first page, newest first; its next_cursor points just after its last row.',
      },
      {
        method: 'GET',
        path: `${API_BASE}/users?limit=2&sort=name&cursor={{cursor}}`,
        why: 'The same cursor with another sort: a position in one order means nothing in another.',
      },
    ],
  },
};

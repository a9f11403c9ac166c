import { API_BASE } from '../../api/routes/api-base.ts';
import type { ProblemBody, ProblemSlug } from '../../api/problems.ts';
import type { ExampleStep } from './run-example.ts';

/** How to meet a problem: requests that produce it (the last one answers with it), or, for one
 * that no request can cause yet, a representative body. */
export type ProblemExample =
  | { kind: 'requests'; steps: ExampleStep[] }
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
    kind: 'representative',
    note: 'Only while conditional.require_preconditions is on (off by default; the caching lab turns it on for its lost-update demo). Then a PUT, PATCH or DELETE without If-Match answers this.',
    body: {
      type: '/problems/precondition-required',
      title: 'Precondition required',
      status: 428,
      detail:
        'This server requires conditional writes: send If-Match with the ETag you read (or If-Unmodified-Since).',
      instance: `${API_BASE}/products/prd_example`,
    },
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

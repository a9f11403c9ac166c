import { API_BASE } from '../../../api/routes/api-base.ts';
/** A ready-made request that teaches one rule; `{user}` in the path is filled with a real id. */
export interface Preset {
  id: string;
  label: string;
  method: string;
  path: string;
  headers: string;
  body: string;
  /** What the API will answer, and why. */
  expect: string;
}

const JSON_HEADER = 'Content-Type: application/json';
const MERGE_PATCH_HEADER = 'Content-Type: application/merge-patch+json';
const json = (value: unknown) => JSON.stringify(value, null, 2);

export const PRESETS: readonly Preset[] = [
  {
    id: 'list',
    label: 'GET a page of users',
    method: 'GET',
    path: `${API_BASE}/users?offset=0&limit=3`,
    headers: '',
    body: '',
    expect: '200 with {data, pagination}: newest first, paged by offset and limit.',
  },
  {
    id: 'post-user',
    label: 'POST a user',
    method: 'POST',
    path: `${API_BASE}/users`,
    headers: JSON_HEADER,
    body: json({ name: 'Grace Hopper', email: 'grace.hopper@example.com' }),
    expect:
      '201 Created with a Location header; role defaults to member. Send it again: 409, the email is taken.',
  },
  {
    id: 'patch',
    label: 'PATCH with merge-patch',
    method: 'PATCH',
    path: `${API_BASE}/users/{user}`,
    headers: MERGE_PATCH_HEADER,
    body: json({ role: 'admin' }),
    expect: '200: only role changes. In a merge patch, absent members stay as they are (RFC 7396).',
  },
  {
    id: 'patch-null',
    label: 'PATCH with null',
    method: 'PATCH',
    path: `${API_BASE}/users/{user}`,
    headers: MERGE_PATCH_HEADER,
    body: json({ email: null }),
    expect: '422 at /email: null removes a member, and email is required.',
  },
  {
    id: 'put-partial',
    label: 'PUT with a field missing',
    method: 'PUT',
    path: `${API_BASE}/users/{user}`,
    headers: JSON_HEADER,
    body: json({ name: 'Only A Name' }),
    expect: '422 at /email: PUT replaces the whole resource, so every required field must be sent.',
  },
  {
    id: 'wrong-type',
    label: 'Wrong content type',
    method: 'POST',
    path: `${API_BASE}/users`,
    headers: 'Content-Type: text/plain',
    body: json({ name: 'Ada Lovelace', email: 'ada@example.com' }),
    expect: '415: POST takes application/json. The server will not guess what text/plain means.',
  },
  {
    id: 'patch-as-json',
    label: 'PATCH sent as plain JSON',
    method: 'PATCH',
    path: `${API_BASE}/users/{user}`,
    headers: JSON_HEADER,
    body: json({ role: 'admin' }),
    expect: '415 with Accept-Patch: application/merge-patch+json, naming the type PATCH takes.',
  },
  {
    id: 'read-only',
    label: 'Read-only field',
    method: 'POST',
    path: `${API_BASE}/users`,
    headers: JSON_HEADER,
    body: json({
      id: 'usr_mine',
      name: 'Mallory',
      email: 'mallory@example.com',
      created_at: '2000-01-01T00:00:00Z',
    }),
    expect: '422 at /id and /created_at: the server sets them. No mass assignment.',
  },
  {
    id: 'malformed',
    label: 'Malformed JSON',
    method: 'POST',
    path: `${API_BASE}/users`,
    headers: JSON_HEADER,
    body: '{"name": "Ada", "email": "ada@example.com",}',
    expect: '400: a trailing comma is not JSON, so the server cannot know what was meant.',
  },
  {
    id: 'method',
    label: 'Method not allowed',
    method: 'DELETE',
    path: `${API_BASE}/users`,
    headers: '',
    body: '',
    expect: '405 with an Allow header listing what /api/v1/users does support.',
  },
  {
    id: 'options',
    label: 'What does this URI allow?',
    method: 'OPTIONS',
    path: `${API_BASE}/users/{user}`,
    headers: '',
    body: '',
    expect: '204 with Allow, and Accept-Patch naming the patch format.',
  },
  {
    id: 'head',
    label: 'Headers, no body',
    method: 'HEAD',
    path: `${API_BASE}/products?limit=2`,
    headers: '',
    body: '',
    expect: '200 with the headers a GET would have (Content-Length too) and no body.',
  },
  {
    id: 'request-id',
    label: 'Your own request id',
    method: 'GET',
    path: `${API_BASE}/products?limit=1`,
    headers: 'X-Request-Id: lesson-42',
    body: '',
    expect: '200, and X-Request-Id: lesson-42 comes back, so both sides can join their logs.',
  },
];

export const USER_PLACEHOLDER = '{user}';

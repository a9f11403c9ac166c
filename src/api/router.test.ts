import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from './create-api.ts';
import { call, expectProblem, makeApi, snapshot } from './test-support.ts';

const COLLECTION_ALLOW = 'GET, HEAD, POST, OPTIONS';
const ITEM_ALLOW = 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS';

let api: Api;
let firstUserId: string;

beforeEach(async () => {
  api = makeApi();
  firstUserId = (await call(api, 'GET', '/api/v1/users?limit=1')).json.data[0].id;
});

describe('404 for unknown routes (API.md §1)', () => {
  it.each([
    '/',
    '/api',
    '/api/v1',
    '/api/v1/',
    '/api/v1/widgets',
    '/api/v2/users',
    '/api/v1/users/x/y',
    '/__admin/nope',
  ])('%s → 404 not-found', async (path) => {
    const reply = await call(api, 'GET', path);
    const body = expectProblem(reply, 'not-found', path);
    expect(body.detail).toContain(path);
  });

  it('an unknown id is 404 too, on every item method', async () => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      const reply = await call(api, method, '/api/v1/users/usr_doesnotexist', {
        json: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expectProblem(reply, 'not-found', '/api/v1/users/usr_doesnotexist');
    }
  });

  it('a trailing slash reaches the same route', async () => {
    const reply = await call(api, 'GET', `/api/v1/users/${firstUserId}/`);
    expect(reply.status).toBe(200);
    expect(reply.json.id).toBe(firstUserId);
  });

  it('decodes percent-encoded ids, and answers 404 for undecodable ones', async () => {
    const encoded = firstUserId.replace('_', '%5F');
    expect((await call(api, 'GET', `/api/v1/users/${encoded}`)).json.id).toBe(firstUserId);
    expectProblem(await call(api, 'GET', '/api/v1/users/%E0%A4%A'), 'not-found');
  });
});

describe('405 with Allow (RFC 9110 §15.5.6)', () => {
  it.each([
    ['DELETE', '/api/v1/users', COLLECTION_ALLOW],
    ['PUT', '/api/v1/products', COLLECTION_ALLOW],
    ['PATCH', '/api/v1/users', COLLECTION_ALLOW],
    ['POST', '/api/v1/users/ITEM', ITEM_ALLOW],
    ['PROPFIND', '/api/v1/products/ITEM', ITEM_ALLOW],
    ['GET', '/__admin/reset', 'POST, OPTIONS'],
    ['PUT', '/__admin/settings', 'GET, HEAD, PATCH, DELETE, OPTIONS'],
    ['DELETE', '/__admin/clock', 'GET, HEAD, POST, OPTIONS'],
  ])('%s %s → 405, Allow: %s', async (method, path, allow) => {
    const url = path.replace('ITEM', firstUserId);
    const before = snapshot(api);
    const reply = await call(api, method, url);
    const body = expectProblem(reply, 'method-not-allowed', url);
    expect(reply.headers.get('Allow')).toBe(allow);
    expect(body.detail).toContain(method);
    expect(snapshot(api)).toEqual(before);
  });

  it('405 wins over an unknown id: the path pattern exists', async () => {
    const reply = await call(api, 'POST', '/api/v1/users/usr_doesnotexist', { json: {} });
    expectProblem(reply, 'method-not-allowed');
    expect(reply.headers.get('Allow')).toBe(ITEM_ALLOW);
  });
});

describe('HEAD (RFC 9110 §9.3.2)', () => {
  it.each(['/api/v1/users', '/api/v1/users?limit=3&offset=2', '/api/v1/products', 'ITEM'])(
    'HEAD %s has the GET status and headers and no body',
    async (path) => {
      const url = path === 'ITEM' ? `/api/v1/users/${firstUserId}` : path;
      const get = await call(api, 'GET', url);
      const head = await call(api, 'HEAD', url);
      expect(head.status).toBe(get.status);
      expect(head.text).toBe('');
      // Server-Timing carries the time this very request took (list pages, API.md §3).
      const volatile = new Set(['x-request-id', 'content-length', 'server-timing']);
      const withoutVolatile = (headers: Headers) =>
        [...headers].filter(([name]) => !volatile.has(name));
      expect(withoutVolatile(head.headers)).toEqual(withoutVolatile(get.headers));
      expect(head.headers.get('Content-Length')).toBe(
        String(new TextEncoder().encode(get.text).byteLength),
      );
    },
  );

  it('HEAD on admin reads works too', async () => {
    const head = await call(api, 'HEAD', '/__admin/clock');
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Type')).toBe('application/json');
    expect(head.text).toBe('');
  });

  it('HEAD changes nothing and answers the same status as GET for a missing id', async () => {
    const before = snapshot(api);
    const head = await call(api, 'HEAD', '/api/v1/users/usr_doesnotexist');
    expect(head.status).toBe(404);
    expect(head.headers.get('Content-Type')).toBe('application/problem+json');
    expect(snapshot(api)).toEqual(before);
  });

  // RFC 9110 §9.3.2: a response to HEAD has no content, whatever its status.
  it('HEAD that fails (404, 405, 400) has no body either', async () => {
    for (const url of ['/api/v1/users/usr_doesnotexist', '/nowhere', '/api/v1/users?limit=0']) {
      expect((await call(api, 'HEAD', url)).text).toBe('');
    }
  });
});

describe('OPTIONS (RFC 9110 §9.3.7)', () => {
  it('collection: 204 with Allow and no Accept-Patch', async () => {
    const reply = await call(api, 'OPTIONS', '/api/v1/users');
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(reply.headers.get('Allow')).toBe(COLLECTION_ALLOW);
    expect(reply.headers.get('Accept-Patch')).toBeNull();
    expect(reply.headers.get('X-Request-Id')).toBeTruthy();
  });

  it.each(['/api/v1/users/ITEM', '/api/v1/products/anything'])(
    'item %s: 204 with Allow and Accept-Patch, even for an unknown id',
    async (path) => {
      const reply = await call(api, 'OPTIONS', path.replace('ITEM', firstUserId));
      expect(reply.status).toBe(204);
      expect(reply.text).toBe('');
      expect(reply.headers.get('Allow')).toBe(ITEM_ALLOW);
      expect(reply.headers.get('Accept-Patch')).toBe('application/merge-patch+json');
    },
  );

  it('admin settings name PATCH in Accept-Patch', async () => {
    const reply = await call(api, 'OPTIONS', '/__admin/settings');
    expect(reply.status).toBe(204);
    expect(reply.headers.get('Allow')).toBe('GET, HEAD, PATCH, DELETE, OPTIONS');
    expect(reply.headers.get('Accept-Patch')).toBe('application/merge-patch+json');
  });

  it('OPTIONS on an unknown path is 404', async () => {
    expectProblem(await call(api, 'OPTIONS', '/api/v1/widgets'), 'not-found');
  });
});

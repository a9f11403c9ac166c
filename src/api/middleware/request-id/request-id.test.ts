import { describe, expect, it } from 'vitest';
import { call, makeApi, newUser } from '../../test-support.ts';

const VALID = /^[A-Za-z0-9._-]{1,128}$/;

describe('X-Request-Id (API.md §1)', () => {
  it.each(['a', 'abc-123', 'A.b_c-D', '0'.repeat(128), 'req.2026-11-20_0001'])(
    'echoes a valid client id: %s',
    async (id) => {
      const api = makeApi();
      const reply = await call(api, 'GET', '/api/v1/users?limit=1', {
        headers: { 'X-Request-Id': id },
      });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('X-Request-Id')).toBe(id);
    },
  );

  it('makes a fresh id when none is sent, different per request', async () => {
    const api = makeApi();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const id = (await call(api, 'GET', '/api/v1/users?limit=1')).headers.get('X-Request-Id');
      expect(id).toMatch(VALID);
      ids.add(id ?? '');
    }
    expect(ids.size).toBe(20);
  });

  it('is on every kind of response: 200, 201, 204, 4xx, OPTIONS, HEAD and admin', async () => {
    const api = makeApi();
    const created = await call(api, 'POST', '/api/v1/users', { json: newUser(1) });
    const replies = [
      created,
      await call(api, 'GET', '/api/v1/users'),
      await call(api, 'DELETE', `/api/v1/users/${created.json.id}`),
      await call(api, 'GET', '/nowhere'),
      await call(api, 'DELETE', '/api/v1/users'),
      await call(api, 'POST', '/api/v1/users', { body: 'x', contentType: 'text/plain' }),
      await call(api, 'OPTIONS', '/api/v1/users'),
      await call(api, 'HEAD', '/api/v1/users'),
      await call(api, 'GET', '/__admin/clock'),
      await call(api, 'POST', '/__admin/reset'),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([
      201, 200, 204, 404, 405, 415, 204, 200, 200, 204,
    ]);
    for (const reply of replies) expect(reply.headers.get('X-Request-Id')).toMatch(VALID);
  });

  it('the journal entry carries the same id as the response', async () => {
    const api = makeApi();
    await call(api, 'GET', '/api/v1/users', { headers: { 'X-Request-Id': 'trace-me.1' } });
    const made = (await call(api, 'GET', '/api/v1/products')).headers.get('X-Request-Id');
    const journal = (await call(api, 'GET', '/__admin/requests')).json.data;
    expect(journal.map((entry: { id: string }) => entry.id)).toEqual([made, 'trace-me.1']);
  });

  it.each(['', 'a'.repeat(129), 'has space', 'semi;colon', 'ümlaut', 'a/b', '{"x":1}'])(
    'a malformed id %j → 400 invalid-header with errors[].header, and a made id',
    async (id) => {
      const api = makeApi();
      const reply = await call(api, 'GET', '/api/v1/users', { headers: { 'X-Request-Id': id } });
      expect(reply.status).toBe(400);
      expect(reply.headers.get('Content-Type')).toBe('application/problem+json');
      expect(reply.json).toMatchObject({
        type: '/problems/invalid-header',
        status: 400,
        errors: [{ header: 'X-Request-Id' }],
      });
      const made = reply.headers.get('X-Request-Id');
      expect(made).toMatch(VALID);
      expect(made).not.toBe(id);
    },
  );

  it('a malformed id never reaches the routes: nothing is written', async () => {
    const api = makeApi();
    const before = api.env.store.collection('users').size;
    const reply = await call(api, 'POST', '/api/v1/users', {
      json: newUser(1),
      headers: { 'X-Request-Id': 'bad id' },
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.headers.get('Content-Type')).toBe('application/problem+json');
    expect(reply.json.stack).toBeUndefined();
    expect(reply.headers.get('X-Request-Id')).not.toBe('bad id');
    expect(api.env.store.collection('users').size).toBe(before);
  });
});

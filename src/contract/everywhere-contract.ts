import { describe, expect, it } from 'vitest';
import {
  answerWithin,
  expectEmpty,
  expectJson,
  expectProblem,
  json,
  listUsers,
  streamedBody,
  USERS,
  type ContractRequestInit,
  type ContractTarget,
  type ListBody,
  type UserBody,
} from './contract-target.ts';

const COLLECTION_ALLOW = 'GET, HEAD, POST, OPTIONS';
const ITEM_ALLOW = 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS';
const MERGE_PATCH = 'application/merge-patch+json';

/** API.md §1, the rules that hold for every request. */
export function everywhereContract(target: ContractTarget): void {
  describe('§1 request ids', () => {
    it('makes an X-Request-Id when the client sends none, a new one each time', async () => {
      const first = await target.fetch('GET', `${USERS}?limit=1`);
      const second = await target.fetch('GET', `${USERS}?limit=1`);
      const ids = [first, second].map((response) => response.headers.get('X-Request-Id'));
      expect(ids[0]).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
      expect(ids[1]).not.toBe(ids[0]);
    });

    it('echoes a well-formed client id, up to 128 characters, on successes and problems', async () => {
      const longest = 'a.B_9-'.repeat(21) + 'xy';
      expect(longest).toHaveLength(128);
      for (const [path, id] of [
        [`${USERS}?limit=1`, 'client.req_42-A'],
        [`${USERS}/nope`, longest],
      ] as const) {
        const response = await target.fetch('GET', path, { headers: { 'X-Request-Id': id } });
        expect(response.headers.get('X-Request-Id')).toBe(id);
      }
    });

    it('refuses a malformed X-Request-Id with 400 naming the header, under an id of its own', async () => {
      for (const bad of ['has space', 'x'.repeat(129), 'semi;colon']) {
        const response = await target.fetch('GET', USERS, { headers: { 'X-Request-Id': bad } });
        const problem = await expectProblem(response, 400, 'invalid-header', USERS);
        expect(problem.errors).toContainEqual(expect.objectContaining({ header: 'X-Request-Id' }));
        expect(response.headers.get('X-Request-Id')).not.toBe(bad);
      }
    });
  });

  describe('§1 JSON and problem details', () => {
    it('serves lists as {data, pagination} in application/json', async () => {
      const body = await listUsers(target);
      expect(body.data).toHaveLength(20);
      expect(body.pagination).toEqual({
        offset: 0,
        limit: 20,
        total: 50,
        next_cursor: expect.any(String),
        prev_cursor: null,
      });
    });

    it('answers 404 for unknown routes and unknown ids, as problem+json', async () => {
      const paths = ['/api/v1/nothing', '/api/v2/users', '/api/v1/users/usr_nope/extra'];
      paths.push('/__admin/nothing', `${USERS}/usr_nope`, `${USERS}/%E0%A4%A`);
      if (target.claimsEveryPath !== false) paths.push('/nowhere', '//api/v1/users');
      for (const path of paths) {
        await expectProblem(await target.fetch('GET', path), 404, 'not-found', path);
      }
    });

    it('answers 400 for malformed JSON and for JSON that is not an object, creating nothing', async () => {
      await expectProblem(
        await target.fetch('POST', USERS, json('{"name": ')),
        400,
        'malformed-json',
        USERS,
      );
      for (const body of ['[]', '"text"', '42', 'null', '']) {
        await expectProblem(
          await target.fetch('POST', USERS, json(body)),
          400,
          'invalid-body',
          USERS,
        );
      }
      expect((await listUsers(target)).pagination.total).toBe(50);
    });

    it('answers 400 for a bad query parameter, naming each one', async () => {
      const response = await target.fetch('GET', `${USERS}?limit=0&limt=3`);
      const problem = await expectProblem(response, 400, 'invalid-parameter', USERS);
      const named = (problem.errors ?? []).map((error) => error.parameter);
      expect(named).toEqual(expect.arrayContaining(['limit', 'limt']));
    });

    it('answers 415 for a POST body that is not application/json', async () => {
      const body = JSON.stringify({ name: 'Text Plain', email: 'plain@example.com' });
      for (const type of ['text/plain', 'application/xml', 'application/json; charset=latin1']) {
        const response = await target.fetch('POST', USERS, {
          headers: { 'Content-Type': type },
          body,
        });
        await expectProblem(response, 415, 'unsupported-media-type', USERS);
      }
      expect((await listUsers(target)).pagination.total).toBe(50);
    });

    it('answers 415 with Accept-Patch for a PATCH that is not merge-patch', async () => {
      const [user] = (await listUsers(target, '?limit=1')).data;
      const path = `${USERS}/${user?.id}`;
      const response = await target.fetch('PATCH', path, json({ name: 'Plain JSON' }));
      expect(response.headers.get('Accept-Patch')).toBe(MERGE_PATCH);
      await expectProblem(response, 415, 'unsupported-media-type', path);
    });

    it('answers 422 with JSON Pointers for read-only, unknown and invalid fields, creating nothing', async () => {
      const response = await target.fetch(
        'POST',
        USERS,
        json({
          id: 'usr_mine',
          created_at: '2020-01-01T00:00:00Z',
          name: '',
          email: 'nope',
          admin: true,
        }),
      );
      const problem = await expectProblem(response, 422, 'validation-failed', USERS);
      const pointers = (problem.errors ?? []).map((error) => error.pointer);
      expect(pointers).toEqual(
        expect.arrayContaining(['/id', '/created_at', '/name', '/email', '/admin']),
      );
      expect((await listUsers(target)).pagination.total).toBe(50);
    });

    it('answers 409 for a duplicate email, compared case-insensitively', async () => {
      const [taken] = (await listUsers(target, '?limit=1')).data;
      const email = taken?.email.toUpperCase() ?? '';
      const response = await target.fetch('POST', USERS, json({ name: 'Copy Cat', email }));
      const problem = await expectProblem(response, 409, 'duplicate-value', USERS);
      expect(problem.errors).toContainEqual(expect.objectContaining({ pointer: '/email' }));
      expect((await listUsers(target)).pagination.total).toBe(50);
    });
  });

  describe('§1 413 content too large', () => {
    const oversized = JSON.stringify({
      name: 'Big',
      email: 'big@example.com',
      pad: 'x'.repeat(70_000),
    });
    // The core stops reading at the limit; the answer must still come, at once.
    const post = (init: ContractRequestInit) =>
      answerWithin(target.fetch('POST', USERS, init), 'a body the core stopped reading');
    const streamed = (size: number, chunk?: number): ContractRequestInit => ({
      headers: { 'Content-Type': 'application/json' },
      body: streamedBody(size, chunk),
    });

    it('refuses a body over 65536 bytes that declares its size', async () => {
      await expectProblem(await post(json(oversized)), 413, 'content-too-large', USERS);
      expect((await listUsers(target)).pagination.total).toBe(50);
    });

    it('refuses a streamed body with no Content-Length once it passes the limit', async () => {
      await expectProblem(await post(streamed(256 * 1024)), 413, 'content-too-large', USERS);
      expect((await listUsers(target)).pagination.total).toBe(50);
    });

    it('follows limits.max_body_bytes from the settings', async () => {
      const patched = await target.fetch('PATCH', '/__admin/settings', {
        headers: { 'Content-Type': MERGE_PATCH },
        body: JSON.stringify({ limits: { max_body_bytes: 64 } }),
      });
      await expectJson(patched, 200);
      const small = json({ name: 'Just Over The Limit', email: 'just.over.the.limit@example.com' });
      await expectProblem(await post(small), 413, 'content-too-large', USERS);
      await expectProblem(await post(streamed(65, 16)), 413, 'content-too-large', USERS);
      await expectJson(await post(json({ name: 'Tiny', email: 't@x.io' })), 201);
    });
  });

  describe('§1 405, HEAD and OPTIONS', () => {
    it('answers 405 with Allow for a known path and a wrong method', async () => {
      const [user] = (await listUsers(target, '?limit=1')).data;
      const item = `${USERS}/${user?.id}`;
      for (const [method, path, allow] of [
        ['DELETE', USERS, COLLECTION_ALLOW],
        ['PUT', USERS, COLLECTION_ALLOW],
        ['POST', item, ITEM_ALLOW],
        ['DELETE', '/__admin/clock', 'GET, HEAD, POST, OPTIONS'],
      ] as const) {
        const response = await target.fetch(method, path);
        expect(response.headers.get('Allow')).toBe(allow);
        await expectProblem(response, 405, 'method-not-allowed', path);
      }
    });

    if (target.carriesForbiddenMethods !== false) {
      it('answers TRACE, which fetch itself refuses to send, with 405 and Allow', async () => {
        const response = await target.fetch('TRACE', USERS);
        expect(response.headers.get('Allow')).toBe(COLLECTION_ALLOW);
        await expectProblem(response, 405, 'method-not-allowed', USERS);
      });
    }

    it('answers HEAD like GET, without the body', async () => {
      const path = `${USERS}?limit=3`;
      const get = await target.fetch('GET', path);
      const getText = await get.text();
      const head = await target.fetch('HEAD', path);
      expect(head.headers.get('Content-Type')).toBe(get.headers.get('Content-Type'));
      expect(Number(head.headers.get('Content-Length'))).toBe(
        new TextEncoder().encode(getText).byteLength,
      );
      await expectEmpty(head, 200);
      const [first] = (JSON.parse(getText) as ListBody<UserBody>).data;
      await expectEmpty(await target.fetch('HEAD', `${USERS}/${first?.id}`), 200);
    });

    it('answers HEAD with the status GET would have, and never a body', async () => {
      for (const [path, status] of [
        [`${USERS}/usr_nope`, 404],
        ['/api/v1/nothing', 404],
        [`${USERS}?limit=0`, 400],
        ['/__admin/requests?limit=abc', 400],
      ] as const) {
        const response = await target.fetch('HEAD', path);
        expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json\b/);
        await expectEmpty(response, status);
      }
    });

    it('answers OPTIONS with 204 and Allow, and Accept-Patch where PATCH is allowed', async () => {
      const [user] = (await listUsers(target, '?limit=1')).data;
      const collection = await target.fetch('OPTIONS', USERS);
      expect(collection.headers.get('Allow')).toBe(COLLECTION_ALLOW);
      expect(collection.headers.get('Accept-Patch')).toBeNull();
      await expectEmpty(collection, 204);
      const item = await target.fetch('OPTIONS', `${USERS}/${user?.id}`);
      expect(item.headers.get('Allow')).toBe(ITEM_ALLOW);
      expect(item.headers.get('Accept-Patch')).toBe(MERGE_PATCH);
      await expectEmpty(item, 204);
      const settings = await target.fetch('OPTIONS', '/__admin/settings');
      expect(settings.headers.get('Allow')).toBe('GET, HEAD, PATCH, DELETE, OPTIONS');
      await expectEmpty(settings, 204);
    });
  });
}

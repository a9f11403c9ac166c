import { base64url } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../create-api.ts';
import { call, expectProblem, makeApi } from '../test-support.ts';

/** Every error row of API.md §3, each answered with a problem that names the parameter. */
let api: Api;
beforeEach(() => {
  api = makeApi();
});

const namedParameters = (body: { errors?: unknown[] }) =>
  [
    ...new Set((body.errors ?? []).map((error) => (error as { parameter?: string }).parameter)),
  ].sort();

async function firstCursor(on: Api, query = '?limit=5'): Promise<string> {
  const page = await call(on, 'GET', `/api/v1/users${query}`);
  return page.json.pagination.next_cursor as string;
}

describe('§3 parameter errors → 400 invalid-parameter naming each parameter', () => {
  it.each([
    ['limit=0', ['limit']],
    ['limit=101', ['limit']],
    ['limit=-1', ['limit']],
    ['limit=abc', ['limit']],
    ['limit=1.5', ['limit']],
    ['limit=', ['limit']],
    ['offset=-1', ['offset']],
    ['offset=1.5', ['offset']],
    ['sort=email', ['sort']],
    ['sort=-id', ['sort']],
    ['sort=Name', ['sort']],
    ['include_total=1', ['include_total']],
    ['limit=0&sort=up', ['limit', 'sort']],
    ['offset=0&cursor=abc', ['cursor', 'offset']],
    ['cursor=a&cursor=b', ['cursor']],
  ])('?%s → %j', async (query, names) => {
    const reply = await call(api, 'GET', `/api/v1/users?${query}`);
    const body = expectProblem(reply, 'invalid-parameter', '/api/v1/users');
    expect(namedParameters(body)).toEqual(names);
  });

  it('follows limits.max_page_size from the settings', async () => {
    await call(api, 'PATCH', '/__admin/settings', { json: { limits: { max_page_size: 30 } } });
    expect((await call(api, 'GET', '/api/v1/users?limit=30')).status).toBe(200);
    const over = expectProblem(
      await call(api, 'GET', '/api/v1/users?limit=31'),
      'invalid-parameter',
    );
    expect(over.errors).toEqual([{ parameter: 'limit', detail: expect.stringContaining('30') }]);
  });
});

describe('§3 cursor errors → 400 invalid-cursor, errors[].parameter = cursor', () => {
  const expectInvalidCursor = async (path: string, why: RegExp) => {
    const body = expectProblem(await call(api, 'GET', path), 'invalid-cursor', '/api/v1/users');
    expect(body.errors).toEqual([{ parameter: 'cursor', detail: expect.stringMatching(why) }]);
  };

  it('a bit-flipped cursor', async () => {
    const [payload = '', tag = ''] = (await firstCursor(api)).split('.');
    const bytes = base64url.decode(payload);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0x01;
    await expectInvalidCursor(
      `/api/v1/users?limit=5&cursor=${base64url.encode(bytes)}.${tag}`,
      /signature that does not match/,
    );
  });

  it.each([['garbage'], ['eyJ2IjoxfQ.x'], ['%F0%9F%98%80'], ['']])('garbage: %j', async (raw) => {
    await expectInvalidCursor(`/api/v1/users?cursor=${raw}`, /.+/);
  });

  it('a foreign cursor: made by another server', async () => {
    const other = await firstCursor(makeApi());
    await expectInvalidCursor(`/api/v1/users?cursor=${other}`, /another server/);
  });

  it('a cursor made for another collection', async () => {
    const page = await call(api, 'GET', '/api/v1/products?limit=5');
    const cursor = page.json.pagination.next_cursor as string;
    await expectInvalidCursor(`/api/v1/users?cursor=${cursor}`, /made for \/api\/v1\/products/);
  });

  it('a cursor used with another sort (named or default)', async () => {
    const byName = await firstCursor(api, '?limit=5&sort=name');
    await expectInvalidCursor(`/api/v1/users?cursor=${byName}`, /sort=name.+sort=-created_at/);
    await expectInvalidCursor(`/api/v1/users?sort=-name&cursor=${byName}`, /sort=name.+sort=-name/);
    const byDefault = await firstCursor(api);
    await expectInvalidCursor(
      `/api/v1/users?sort=created_at&cursor=${byDefault}`,
      /sort=-created_at/,
    );
  });

  it('checks the parameters first: a bad limit with a bad cursor is invalid-parameter', async () => {
    expectProblem(await call(api, 'GET', '/api/v1/users?limit=0&cursor=x'), 'invalid-parameter');
  });
});

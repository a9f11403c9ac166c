import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../create-api.ts';
import type { Row } from '../store/row.ts';
import { call, makeApi, newUser, START_MS } from '../test-support.ts';
import { SORTS } from './sort.ts';
import { parseLinks, referenceOrder } from './test-links.ts';

let api: Api;
beforeEach(() => {
  api = makeApi();
});

const ids = (rows: Row[]) => rows.map((row) => row.id);
const get = (path: string) => call(api, 'GET', path);
const allUsers = () => [...api.env.store.collection('users').all()];

describe('sorts: total orders, strings by code point', () => {
  it.each(SORTS)('sort=%s lists every row in the reference order', async (sort) => {
    // Names that a locale or UTF-16 comparison would order differently.
    for (const [i, name] of ['Émile', 'ada', 'Ada', '\u{1D49C}da', '\uFF21da', 'Ada'].entries()) {
      await call(api, 'POST', '/api/v1/users', { json: newUser(`s${i}`, { name }) });
    }
    const reply = await get(`/api/v1/users?limit=100&sort=${sort}`);
    expect(ids(reply.json.data)).toEqual(ids(allUsers().sort(referenceOrder(sort))));
  });
});

describe('next and prev cursors', () => {
  it('walk forward and back over every row exactly once, in both directions', async () => {
    for (const sort of SORTS) {
      const expected = ids(allUsers().sort(referenceOrder(sort)));
      const forward: string[] = [];
      let page = await get(`/api/v1/users?limit=7&sort=${sort}`);
      forward.push(...ids(page.json.data));
      while (page.json.pagination.next_cursor) {
        page = await get(
          `/api/v1/users?limit=7&sort=${sort}&cursor=${page.json.pagination.next_cursor}`,
        );
        forward.push(...ids(page.json.data));
      }
      expect(forward).toEqual(expected);
      const backward: string[] = [...ids(page.json.data)];
      while (page.json.pagination.prev_cursor) {
        page = await get(
          `/api/v1/users?limit=7&sort=${sort}&cursor=${page.json.pagination.prev_cursor}`,
        );
        backward.unshift(...ids(page.json.data));
      }
      expect(backward).toEqual(expected);
    }
  });

  it('prev then next comes back to the same page, from any page', async () => {
    let page = await get('/api/v1/users?limit=6&offset=13');
    for (let i = 0; i < 5; i++) {
      const prev = await get(`/api/v1/users?limit=6&cursor=${page.json.pagination.prev_cursor}`);
      const back = await get(`/api/v1/users?limit=6&cursor=${prev.json.pagination.next_cursor}`);
      expect(ids(back.json.data)).toEqual(ids(page.json.data));
      page = await get(`/api/v1/users?limit=6&cursor=${page.json.pagination.next_cursor}`);
    }
  });

  it('is null at the ends, and leaves total out unless include_total=true', async () => {
    const first = await get('/api/v1/users?limit=50');
    expect(first.json.pagination).toMatchObject({
      next_cursor: null,
      prev_cursor: null,
      total: 50,
    });
    const cursor = (await get('/api/v1/users?limit=10')).json.pagination.next_cursor;
    const bare = await get(`/api/v1/users?limit=10&cursor=${cursor}`);
    expect(Object.keys(bare.json.pagination).sort()).toEqual([
      'limit',
      'next_cursor',
      'prev_cursor',
    ]);
    const counted = await get(`/api/v1/users?limit=10&include_total=true&cursor=${cursor}`);
    expect(counted.json.pagination.total).toBe(50);
    const uncounted = await get(`/api/v1/users?limit=10&include_total=false&cursor=${cursor}`);
    expect(uncounted.json.pagination).not.toHaveProperty('total');
  });

  it('survives the deletion of its boundary row, and sees rows inserted ahead of it', async () => {
    const first = await get('/api/v1/users?limit=5');
    const expectedNext = ids((await get('/api/v1/users?limit=5&offset=5')).json.data);
    const boundary = first.json.data[4] as Row;
    expect((await call(api, 'DELETE', `/api/v1/users/${boundary.id}`)).status).toBe(204);
    // A row created now is newest: it lands before the walk's position, so it is not re-served.
    await call(api, 'POST', '/api/v1/users', { json: newUser('late') });
    const next = await get(`/api/v1/users?limit=5&cursor=${first.json.pagination.next_cursor}`);
    expect(ids(next.json.data)).toEqual(expectedNext);
  });

  it('an empty collection has one empty page and no cursors', async () => {
    const empty = makeApi({ sizes: { products: 0 } });
    const reply = await call(empty, 'GET', '/api/v1/products?limit=5');
    expect(reply.json).toEqual({
      data: [],
      pagination: { offset: 0, limit: 5, total: 0, next_cursor: null, prev_cursor: null },
    });
    expect(parseLinks(reply.headers.get('Link'))).toEqual({
      first: '/api/v1/products?limit=5&offset=0',
      last: '/api/v1/products?limit=5&offset=0',
    });
  });
});

describe('Link headers (RFC 8288) in the request’s own style', () => {
  it('offset style: follow next to the end, which is last; prev comes back; params are kept', async () => {
    let links = parseLinks((await get('/api/v1/users?sort=name&limit=15')).headers.get('Link'));
    expect(links.first).toBe('/api/v1/users?sort=name&limit=15&offset=0');
    const last = links.last;
    expect(last).toBe('/api/v1/users?sort=name&limit=15&offset=45');
    const seen: string[] = [];
    let path: string | undefined = '/api/v1/users?sort=name&limit=15';
    while (path) {
      const reply = await get(path);
      seen.push(...ids(reply.json.data));
      links = parseLinks(reply.headers.get('Link'));
      expect(Object.values(links).every((target) => !target.includes('cursor='))).toBe(true);
      if (!links.next) expect(path).toBe(last);
      path = links.next;
    }
    expect(seen).toEqual(ids(allUsers().sort(referenceOrder('name'))));
    expect(links.prev).toBe('/api/v1/users?sort=name&limit=15&offset=30');
  });

  it('offset past the end: prev is the last page', async () => {
    const links = parseLinks((await get('/api/v1/users?offset=500&limit=20')).headers.get('Link'));
    expect(links).toEqual({
      first: '/api/v1/users?offset=0&limit=20',
      prev: '/api/v1/users?offset=40&limit=20',
      last: '/api/v1/users?offset=40&limit=20',
    });
  });

  it('cursor style: next to the end, prev back to the start, first restarts; no last', async () => {
    const start = await get('/api/v1/users?limit=20&include_total=true');
    let path = `/api/v1/users?limit=20&include_total=true&cursor=${start.json.pagination.next_cursor}`;
    const forward = [...ids(start.json.data)];
    let links: Record<string, string>;
    for (;;) {
      const reply = await get(path);
      forward.push(...ids(reply.json.data));
      links = parseLinks(reply.headers.get('Link'));
      expect(links.last).toBeUndefined();
      for (const target of Object.values(links)) {
        expect(target).toMatch(/^\/api\/v1\/users\?limit=20&include_total=true&cursor=[\w.-]+$/);
      }
      if (!links.next) break;
      path = links.next;
    }
    expect(forward).toEqual(ids(allUsers().sort(referenceOrder('-created_at'))));
    const back = await get(links.prev as string);
    expect(ids(back.json.data)).toEqual(forward.slice(20, 40));
    const first = await get(links.first as string);
    expect(ids(first.json.data)).toEqual(forward.slice(0, 20));
    expect(parseLinks(first.headers.get('Link')).prev).toBeUndefined();
  });

  it('HEAD carries the same Link without a body', async () => {
    const head = await call(api, 'HEAD', '/api/v1/users?limit=5');
    expect(head.text).toBe('');
    expect(parseLinks(head.headers.get('Link')).next).toBe('/api/v1/users?limit=5&offset=5');
  });
});

describe('the cost of a page, in the journal and Server-Timing', () => {
  it('says offset scans offset + limit rows, and a cursor seeks then reads the page', async () => {
    const big = makeApi({
      clock: { startEpochMs: START_MS, paused: true },
      sizes: { users: 10_000 },
    });
    const offset = await call(big, 'GET', '/api/v1/users?offset=9980&limit=20');
    expect(offset.headers.get('Server-Timing')).toMatch(
      /^page;dur=\d+\.\d{3};desc="offset: 10000 rows read"$/,
    );
    const cursor = (await call(big, 'GET', '/api/v1/users?offset=9979&limit=1')).json.pagination
      .next_cursor;
    const keyset = await call(big, 'GET', `/api/v1/users?limit=20&cursor=${cursor}`);
    expect(ids(keyset.json.data)).toEqual(ids(offset.json.data));
    expect(keyset.headers.get('Server-Timing')).toMatch(/desc="cursor: 20 rows read"$/);
    const [keysetEntry, , offsetEntry] = big.env.journal.latest(3);
    const rules = (entry: typeof keysetEntry) => entry?.notes.map((note) => note.rule) ?? [];
    expect(rules(offsetEntry)).toContain(
      'offset 9,980: scanned 10,000 rows (9,980 read and thrown away, 20 returned)',
    );
    expect(rules(keysetEntry)).toContain('cursor: seek (14 comparisons in 10,000 rows), read 20');
  });
});

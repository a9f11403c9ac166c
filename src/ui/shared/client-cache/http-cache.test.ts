import CachePolicy from 'http-cache-semantics';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../api/create-api.ts';
import { makeApi } from '../../../api/test-support.ts';
import { HttpCache, cacheHits, type CacheAnswer } from './http-cache.ts';

const ORIGIN = 'http://restlab.test';
let api: Api;
let productPath: string;
let userPath: string;

const journaled = () => api.env.journal.latest(1000).length;
const advance = (seconds: number) => api.env.clock.advance(seconds * 1000);
const setPolicy = async (resource: string, directives: string) => {
  const reply = await api.fetch(
    new Request(`${ORIGIN}/__admin/settings`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ caching: { policies: { [resource]: directives } } }),
    }),
  );
  expect(reply.status).toBe(200);
};

function cacheOf(shared: boolean) {
  return new HttpCache({
    name: shared ? 'shared' : 'private',
    shared,
    now: () => api.env.clock.now(),
  });
}
const forward = (request: Request) => api.fetch(request);
const get = (cache: HttpCache, path: string, headers: Record<string, string> = {}) =>
  cache.fetch(new Request(ORIGIN + path, { headers }), forward);

beforeEach(async () => {
  api = makeApi();
  const first = async (name: string) => {
    const page = await api.fetch(new Request(`${ORIGIN}/api/v1/${name}?limit=1`));
    return `/api/v1/${name}/${((await page.json()) as { data: { id: string }[] }).data[0]?.id}`;
  };
  productPath = await first('products');
  userPath = await first('users');
});

/** The library's own verdict on an answer, taken straight from the origin, `after` seconds on. */
async function libraryVerdict(path: string, shared: boolean, after: number) {
  const response = await api.fetch(new Request(ORIGIN + path));
  let now = api.env.clock.now();
  const Policy = class extends CachePolicy {
    now() {
      return now;
    }
  };
  const request = { url: path, method: 'GET', headers: { host: 'restlab.test' } };
  const policy = new Policy(
    request,
    {
      status: response.status,
      headers: Object.fromEntries(response.headers),
    },
    { shared },
  );
  now += after * 1000;
  return { storable: policy.storable(), fresh: policy.satisfiesWithoutRevalidation(request) };
}

describe('the client cache, on the virtual clock, against http-cache-semantics', () => {
  const cases: [directives: string, shared: boolean, after: number][] = [
    ['public, max-age=60', false, 30],
    ['public, max-age=60', false, 61],
    ['public, max-age=60', true, 30],
    ['no-cache', false, 0],
    ['no-store', false, 0],
    ['no-store', true, 0],
    ['private, max-age=60', false, 30],
    ['private, max-age=60', true, 30],
    ['public, max-age=10, s-maxage=60', false, 30],
    ['public, max-age=10, s-maxage=60', true, 30],
    ['max-age=60, must-revalidate', false, 30],
  ];
  it.each(cases)('%s (shared %s), %s s later', async (directives, shared, after) => {
    await setPolicy('products', directives);
    const expected = await libraryVerdict(productPath, shared, 0);
    const cache = cacheOf(shared);
    const first = await get(cache, productPath);
    expect(first.outcome).toBe('miss');
    expect(first.stored).toBe(expected.storable);
    const verdict = await libraryVerdict(productPath, shared, after);
    advance(after);
    const before = journaled();
    const second = await get(cache, productPath);
    expect(second.outcome === 'hit', second.why).toBe(verdict.fresh && verdict.storable);
    // A hit never reaches the API; anything else is one request.
    expect(journaled() - before).toBe(second.outcome === 'hit' ? 0 : 1);
    expect(second.body).toBe(first.body);
  });
});

describe('the client cache: what it sends and keeps', () => {
  it('max-age: fresh hits stay in the page; stale, it revalidates with If-None-Match: 304', async () => {
    const cache = cacheOf(false);
    const hits: CacheAnswer[] = [];
    const stop = cacheHits.subscribe((answer) => hits.push(answer));
    const first = await get(cache, productPath);
    expect(first.response.status).toBe(200);
    const hit = await get(cache, productPath);
    expect(hit.outcome).toBe('hit');
    expect(hit.response.headers.get('Age')).toBe('0');
    expect(hits).toEqual([hit]);
    advance(61);
    const before = journaled();
    const again = await get(cache, productPath);
    expect(again.outcome).toBe('revalidated');
    expect(again.response.status).toBe(200);
    expect(await again.response.text()).toBe(first.body);
    const [sent] = api.env.journal.latest(1);
    expect(journaled() - before).toBe(1);
    expect(sent?.response.status).toBe(304);
    expect(sent?.request.headers['if-none-match']).toBe(first.response.headers.get('ETag'));
    // Revalidated: fresh again for another 60 s.
    expect((await get(cache, productPath)).outcome).toBe('hit');
    expect(cache.stats).toMatchObject({
      hits: 2,
      revalidations: 1,
      notModified: 1,
      fullFetches: 1,
    });
    expect(cache.stats.bytesSaved).toBe(3 * new TextEncoder().encode(first.body).length);
    stop();
  });

  it('no-cache (users): stored, and revalidated every time; a change is a new 200', async () => {
    const cache = cacheOf(false);
    await get(cache, userPath);
    expect((await get(cache, userPath)).outcome).toBe('revalidated');
    await api.fetch(
      new Request(ORIGIN + userPath, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: '{"name": "Changed elsewhere"}',
      }),
    );
    const changed = await get(cache, userPath);
    expect(changed.outcome).toBe('modified');
    expect(JSON.parse(changed.body).name).toBe('Changed elsewhere');
  });

  it('no-store: never stored, so every request goes to the API', async () => {
    await setPolicy('products', 'no-store');
    const cache = cacheOf(false);
    for (let i = 0; i < 3; i++) expect((await get(cache, productPath)).outcome).toBe('miss');
    expect(cache.entries()).toEqual([]);
    expect(cache.stats.notStored).toBe(3);
  });

  it('an unsafe method invalidates the entry it changed (RFC 9111 §4.4)', async () => {
    const cache = cacheOf(false);
    await get(cache, productPath);
    const write = await cache.fetch(
      new Request(ORIGIN + productPath, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: '{"stock": 1}',
      }),
      forward,
    );
    expect(write.why).toMatch(/invalidated/);
    const after = await get(cache, productPath);
    expect(after.outcome).toBe('miss');
    expect(JSON.parse(after.body).stock).toBe(1);
  });

  it('stale-while-revalidate: a stale entry is served at once and revalidated behind it', async () => {
    await setPolicy('products', 'public, max-age=10, stale-while-revalidate=30');
    const cache = cacheOf(false);
    await get(cache, productPath);
    advance(15);
    const before = journaled();
    const stale = await get(cache, productPath);
    expect(stale.outcome).toBe('stale-hit');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(journaled() - before).toBe(1);
    expect(api.env.journal.latest(1)[0]?.response.status).toBe(304);
    expect((await get(cache, productPath)).outcome).toBe('hit');
  });

  it('a shared cache answers a client’s own If-None-Match with 304 while fresh', async () => {
    const cdn = cacheOf(true);
    const first = await get(cdn, productPath);
    const before = journaled();
    const answer = await get(cdn, productPath, {
      'If-None-Match': first.response.headers.get('ETag') ?? '',
    });
    expect(answer.response.status).toBe(304);
    expect(journaled()).toBe(before);
  });

  it('a private cache behind a shared one: the age the CDN reports counts', async () => {
    await setPolicy('products', 'public, max-age=60');
    const cdn = cacheOf(true);
    const client = cacheOf(false);
    const viaCdn = async (request: Request) => (await cdn.fetch(request, forward)).response;
    await cdn.fetch(new Request(ORIGIN + productPath), forward);
    advance(50);
    const first = await client.fetch(new Request(ORIGIN + productPath), viaCdn);
    expect(first.response.headers.get('Age')).toBe('50');
    advance(15);
    // 50 s old at the CDN + 15 s here: stale for the client too.
    expect((await client.fetch(new Request(ORIGIN + productPath), viaCdn)).outcome).not.toBe('hit');
  });
});

describe('the client cache is bounded', () => {
  it('keeps at most 500 entries, dropping the oldest', async () => {
    const cache = cacheOf(false);
    for (let offset = 0; offset < 501; offset++)
      await get(cache, `/api/v1/products?limit=1&offset=${offset}`);
    const keys = cache.entries().map((entry) => entry.key);
    expect(keys).toHaveLength(500);
    expect(keys).not.toContain('/api/v1/products?limit=1&offset=0');
  });
});

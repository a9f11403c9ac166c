// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApi } from '../../../api/test-support.ts';
import { connectEngine } from '../../bridge/connect-engine.ts';
import { useEngineStore } from '../../stores/engine-store.ts';
import { useLogStore } from '../../stores/log-store.ts';
import { badgesFor, rowText } from '../journal-format.ts';
import { send } from '../http.ts';
import { fetchInto } from '../test-dom.tsx';
import { pageCache, useClientCacheStore } from './page-cache.ts';

const api = makeApi();
const realFetch = globalThis.fetch;
let disconnect: () => void;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const logged = () => useLogStore.getState().data.all.toArray();

beforeEach(() => {
  globalThis.fetch = fetchInto(api);
  useEngineStore.setState({ clock: api.env.clock.state(), clockReceivedAt: performance.now() });
  disconnect = connectEngine(api.events);
  useLogStore.getState().clear();
  pageCache.clear();
  useClientCacheStore.getState().setEnabled(true);
});

afterEach(() => {
  disconnect();
  globalThis.fetch = realFetch;
});

async function firstProduct(): Promise<string> {
  const page = await send<{ data: { id: string }[] }>('/api/v1/products?limit=1');
  return `/api/v1/products/${(page.body as { data: { id: string }[] }).data[0]?.id}`;
}

describe('the page’s API client and its private cache', () => {
  it('a fresh hit never reaches the API, and the log shows it apart, marked "from cache"', async () => {
    const path = await firstProduct();
    const first = await send(path);
    const hit = await send(path);
    expect([first.cache, hit.cache]).toEqual(['miss', 'hit']);
    expect(hit.text).toBe(first.text);
    await frame();
    const rows = logged();
    // The list and the product reached the API; the hit is a row the page made.
    expect(rows.filter((row) => row.seq > 0)).toHaveLength(2);
    expect(rows).toHaveLength(3);
    const last = rows.at(-1);
    if (!last) throw new Error('no row');
    expect(badgesFor(last).map((badge) => badge.text)).toContain('from cache');
    expect(rowText(last)).toContain('from cache');
    expect(last.notes[0]?.rule).toMatch(/never sent to the API.*fresh/);
  });

  it('a revalidation is a real 304 in the log; the page still gets the body', async () => {
    const path = await firstProduct();
    const first = await send(path);
    api.env.clock.advance(61_000);
    useEngineStore.setState({ clock: api.env.clock.state() });
    const again = await send(path);
    expect(again.cache).toBe('revalidated');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(api.env.journal.latest(1)[0]?.response.status).toBe(304);
  });

  it('switched off, every request goes to the API; no-store bypasses it while on', async () => {
    const path = await firstProduct();
    const before = api.env.journal.latest(1000).length;
    useClientCacheStore.getState().setEnabled(false);
    await send(path);
    expect((await send(path)).cache).toBeUndefined();
    useClientCacheStore.getState().setEnabled(true);
    await send(path);
    expect((await send(path, { cache: 'no-store' })).cache).toBeUndefined();
    expect(api.env.journal.latest(1000).length - before).toBe(4);
  });

  it('a reset empties it', async () => {
    const path = await firstProduct();
    await send(path);
    await send('/__admin/reset', { method: 'POST', json: {} });
    expect(pageCache.entries()).toEqual([]);
  });
});

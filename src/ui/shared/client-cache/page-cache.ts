import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { API_BASE } from '../../../api/routes/api-base.ts';
import { useEngineStore } from '../../stores/engine-store.ts';
import { HttpCache, type CacheAnswer } from './http-cache.ts';

interface ClientCacheState {
  /** The page's private cache is on (the default); off, every request goes to the API. */
  enabled: boolean;
  setEnabled(enabled: boolean): void;
}

/** The switch, kept across reloads so a class comparing "with" and "without" stays put. */
export const useClientCacheStore = create<ClientCacheState>()(
  persist(
    (set) => ({
      enabled: true,
      setEnabled(enabled) {
        if (!enabled) pageCache.clear();
        set({ enabled });
      },
    }),
    { name: 'restlab.client-cache', version: 1 },
  ),
);

/** The virtual clock's reading from what the bridge last heard; the wall clock before it has. */
export function virtualNow(): number {
  const { clock, clockReceivedAt } = useEngineStore.getState();
  if (!clock) return Date.now();
  if (clock.paused) return clock.epoch_ms;
  return clock.epoch_ms + Math.max(0, Math.floor(performance.now() - clockReceivedAt));
}

/**
 * The page's own private HTTP cache (shared API.md §9): the service worker's answers bypass the
 * browser's cache, and the browser adds no validators to them, so the app's API client keeps
 * one itself. Only the API is cached; the control API (/__admin) is the playground's, not HTTP's.
 */
export const pageCache = new HttpCache({ name: 'private', shared: false, now: virtualNow });

/** `'no-store'` bypasses the cache, as fetch's own `cache` option does (the composer uses it). */
export type CacheMode = 'default' | 'no-store';

export async function cachedFetch(
  path: string,
  init: RequestInit,
  mode: CacheMode = 'default',
): Promise<{ response: Response; cache?: CacheAnswer }> {
  // Outside a page (a test in Node) there is no origin to cache for.
  if (
    mode === 'no-store' ||
    !useClientCacheStore.getState().enabled ||
    typeof location === 'undefined'
  )
    return { response: await fetch(path, init) };
  const url = new URL(path, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(`${API_BASE}/`))
    return { response: await fetch(path, init) };
  const answer = await pageCache.fetch(new Request(url, init), (request) => fetch(request));
  return { response: answer.response, cache: answer };
}

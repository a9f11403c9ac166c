import { useSyncExternalStore } from 'react';
import type { HttpCache } from '../../shared/client-cache/http-cache.ts';

/** Re-renders on every change of a cache (its version), so panels show it live. */
export function useCacheVersion(cache: HttpCache): number {
  return useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => cache.version,
  );
}

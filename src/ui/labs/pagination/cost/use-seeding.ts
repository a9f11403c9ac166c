import { useEngineStore } from '../../../stores/engine-store.ts';

export interface Seeding {
  done: number;
  total: number;
}

/**
 * Follows a big reseed as the core announces it ('seeding' events, built aside in slices, put in
 * the engine store by the bridge once per frame). Observes only: the reset itself is a real request.
 */
export function useSeedingProgress(): Seeding | undefined {
  return useEngineStore((state) => state.seeding);
}

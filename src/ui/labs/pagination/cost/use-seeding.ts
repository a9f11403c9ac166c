import { useEffect, useState } from 'react';
import type { ApiEvent } from '../../../../api/events.ts';

export interface Seeding {
  done: number;
  total: number;
}

/**
 * Follows a big reseed as the core announces it ('seeding' events, built aside in slices), at
 * most once per frame. Observes only: the reset itself is a real request.
 */
export function useSeedingProgress(): Seeding | undefined {
  const [progress, setProgress] = useState<Seeding | undefined>();
  useEffect(() => {
    const events = window.restlab?.api.events;
    if (!events) return;
    let frame = 0;
    let latest: Seeding | undefined;
    const unsubscribe = events.subscribe((event: ApiEvent) => {
      if (event.type === 'reset') latest = undefined;
      else if (event.type === 'seeding') latest = { done: event.done, total: event.total };
      else return;
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          setProgress(latest);
        });
      }
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, []);
  return progress;
}

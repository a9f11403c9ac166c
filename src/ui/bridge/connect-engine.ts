import type { ApiEvent, EventStream } from '../../api/events.ts';
import type { JournalEntry } from '../../api/middleware/journal/journal-entry.ts';
import { cacheLogEntry } from '../shared/client-cache/cache-log-entry.ts';
import { cacheHits } from '../shared/client-cache/http-cache.ts';
import { pageCache } from '../shared/client-cache/page-cache.ts';
import { useEngineStore } from '../stores/engine-store.ts';
import { useLogStore } from '../stores/log-store.ts';
import { dispatchEngineEvent } from './engine-events.ts';

/**
 * Bridges the core's events into the UI stores, and hands each to the labs that asked for its
 * kind (onEngineEvent). Journal entries and seeding progress are batched per animation frame,
 * so a burst of a thousand requests costs the log one update per frame, not one per request.
 */
export function connectEngine(events: EventStream<ApiEvent>): () => void {
  let pending: JournalEntry[] = [];
  let frame = 0;
  const flush = () => {
    frame = 0;
    const batch = pending;
    pending = [];
    useLogStore.getState().append(batch);
  };
  let seeding: { done: number; total: number } | undefined;
  let seedingFrame = 0;
  const showSeeding = () => {
    seedingFrame ||= requestAnimationFrame(() => {
      seedingFrame = 0;
      useEngineStore.setState({ seeding });
    });
  };

  const log = (entry: JournalEntry) => {
    pending.push(entry);
    if (frame === 0) frame = requestAnimationFrame(flush);
  };
  // Answers a cache gave without the API have no journal entry: the log gets a row of its own.
  const stopHits = cacheHits.subscribe((answer) => log(cacheLogEntry(answer)));

  const stopEvents = events.subscribe((event) => {
    dispatchEngineEvent(event);
    switch (event.type) {
      case 'journal':
        log(event.entry);
        break;
      case 'journal-cleared':
        break;
      case 'seeding':
        seeding = { done: event.done, total: event.total };
        showSeeding();
        break;
      case 'reset':
        seeding = undefined;
        showSeeding();
        // A new world: what the page kept of the old one is not worth revalidating.
        pageCache.clear();
        if (!event.journalKept) {
          pending = [];
          useLogStore.getState().clear();
        }
        useEngineStore.setState((state) => ({
          seed: event.seed,
          dataVersion: bumpAll(state.dataVersion, Object.keys(event.sizes)),
        }));
        break;
      case 'changes':
        useEngineStore.setState((state) => ({
          dataVersion: bumpAll(
            state.dataVersion,
            event.changes.map((change) => change.collection),
          ),
        }));
        break;
      case 'clock':
        useEngineStore.setState({ clock: event.clock, clockReceivedAt: performance.now() });
        break;
      case 'settings':
        break;
    }
  });
  return () => {
    stopHits();
    stopEvents();
  };
}

function bumpAll(
  versions: Record<string, number>,
  names: readonly string[],
): Record<string, number> {
  const next = { ...versions };
  for (const name of new Set(names)) next[name] = (next[name] ?? 0) + 1;
  return next;
}

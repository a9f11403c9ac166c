import type { ClockState } from './clock.ts';
import type { JournalEntry } from './middleware/journal/journal-entry.ts';
import type { Settings } from './settings.ts';
import type { RowChange } from './store/store.ts';

/**
 * The events the core tells its observers (UI panels, persistence, tests), by type. A mechanism
 * adds its own by declaration merging in its own folder, so this file need not import it:
 *
 *   declare module '../../events.ts' {
 *     interface ApiEventMap { 'rate-limit': { decision: RateLimitEvent } }
 *   }
 */
export interface ApiEventMap {
  journal: { entry: JournalEntry };
  'journal-cleared': object;
  changes: { changes: readonly RowChange[] };
  /** `journalKept`: the journal (and the page's log) stays, as `keep_journal` asked. */
  reset: { seed: number; sizes: Readonly<Record<string, number>>; journalKept: boolean };
  /** A big reseed being built aside, before its reset (units of work, not rows). */
  seeding: { done: number; total: number };
  settings: { settings: Settings };
  clock: { clock: ClockState };
  /** A mechanism's persistent state changed: persistence saves it (see Mechanism.persist). */
  'mechanism-state': { mechanism: string };
}

export type ApiEventType = keyof ApiEventMap;

/** Every event: `{ type, ...payload }`, one member per entry of ApiEventMap. */
export type ApiEvent = { [K in ApiEventType]: { type: K } & ApiEventMap[K] }[ApiEventType];

/** The event of one type, e.g. `ApiEventOf<'journal'>`. */
export type ApiEventOf<K extends ApiEventType> = Extract<ApiEvent, { type: K }>;

export type Listener<E> = (event: E) => void;

/**
 * A tiny subscribable, in the manner of TanStack query-core's: the core emits synchronously and
 * knows nothing about who listens. Emitting with no listener costs one size check.
 */
export class EventStream<E> {
  readonly #listeners = new Set<Listener<E>>();

  subscribe(listener: Listener<E>): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get hasListeners(): boolean {
    return this.#listeners.size > 0;
  }

  emit(event: E): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // An observer's bug must never change the API's answer.
        console.error('restlab: an event listener threw', error);
      }
    }
  }
}

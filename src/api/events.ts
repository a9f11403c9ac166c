import type { ClockState } from './clock.ts';
import type { JournalEntry } from './middleware/journal/journal-entry.ts';
import type { RateLimitEvent } from './middleware/rate-limit/rate-limit-event.ts';
import type { Settings } from './settings.ts';
import type { RowChange } from './store/store.ts';

/** Everything the core tells its observers (UI panels, persistence, tests). */
export type ApiEvent =
  | { type: 'journal'; entry: JournalEntry }
  | { type: 'journal-cleared' }
  | { type: 'changes'; changes: readonly RowChange[] }
  | { type: 'reset'; seed: number; sizes: Readonly<Record<string, number>> }
  /** A big reseed being built aside, before its reset (units of work, not rows). */
  | { type: 'seeding'; done: number; total: number }
  | { type: 'settings'; settings: Settings }
  | { type: 'clock'; clock: ClockState }
  | { type: 'rate-limit'; decision: RateLimitEvent };

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

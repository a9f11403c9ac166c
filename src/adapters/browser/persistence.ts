import { clear, createStore, entries, setMany, type UseStore } from 'idb-keyval';
import type { Api, SavedState } from '../../api/create-api.ts';
import type { Row } from '../../api/store/row.ts';

const ROW_PREFIX = 'row:';
const META = 'meta';
const SETTINGS = 'settings';
const CLOCK = 'clock';
/** Each mechanism's persistent state (keys, refresh families, idempotency records, …). */
const MECHANISM_PREFIX = 'mechanism:';

export interface SavedClock {
  epoch_ms: number;
  paused: boolean;
  /** Wall-clock ms when saved, so a running clock resumes where it would be now. */
  saved_at: number;
}

/**
 * Keeps the API's data across reloads in IndexedDB (via idb-keyval) until Reset. Only what
 * changed since the seed is written (seed and sizes, plus each row touched since): a
 * million-row seed costs nothing to persist, and a reload rebuilds it from the seed.
 * Writes are batched behind each change, so a request never waits for IndexedDB.
 */
export class BrowserPersistence {
  readonly #db: UseStore;
  #queue: Promise<unknown> = Promise.resolve();
  #pending = new Map<string, unknown>();
  #scheduled = false;

  constructor(name = 'restlab') {
    this.#db = createStore(name, 'state');
  }

  async load(): Promise<{ saved?: SavedState; clock?: SavedClock }> {
    const all = await entries<string, unknown>(this.#db);
    const rows: SavedState['rows'] = [];
    let meta: SavedState['meta'] | undefined;
    let settings: unknown;
    let clock: SavedClock | undefined;
    const mechanisms: Record<string, unknown> = {};
    for (const [key, value] of all) {
      if (key === META) meta = value as SavedState['meta'];
      else if (key === SETTINGS) settings = value;
      else if (key === CLOCK) clock = value as SavedClock;
      else if (key.startsWith(MECHANISM_PREFIX))
        mechanisms[key.slice(MECHANISM_PREFIX.length)] = value;
      else if (key.startsWith(ROW_PREFIX)) {
        const [collection = '', id = ''] = key.slice(ROW_PREFIX.length).split('/');
        rows.push([collection, id, value as Row | null]);
      }
    }
    return { saved: meta ? { meta, rows, settings, mechanisms } : undefined, clock };
  }

  /** Follows the API's events from now on. */
  attach(api: Api): () => void {
    const saveClock = () => {
      const state = api.env.clock.state();
      this.#put(CLOCK, { epoch_ms: state.epoch_ms, paused: state.paused, saved_at: Date.now() });
    };
    saveClock();
    this.#put(META, { ...api.env.store.meta });
    this.#put(SETTINGS, api.env.settings.current);
    const saveMechanisms = () => {
      for (const [name, state] of Object.entries(api.saveMechanisms()))
        this.#put(MECHANISM_PREFIX + name, state);
    };
    saveMechanisms();
    window.addEventListener('pagehide', saveClock);
    const unsubscribe = api.events.subscribe((event) => {
      switch (event.type) {
        case 'changes':
          for (const change of event.changes) {
            this.#put(`${ROW_PREFIX}${change.collection}/${change.id}`, change.row ?? null);
          }
          this.#put(META, {
            ...api.env.store.meta,
            sequences: { ...api.env.store.meta.sequences },
          });
          break;
        case 'reset':
          this.#pending.clear();
          this.#enqueue(() => clear(this.#db));
          this.#put(META, { ...api.env.store.meta });
          this.#put(SETTINGS, api.env.settings.current);
          saveMechanisms();
          saveClock();
          break;
        case 'mechanism-state':
          this.#put(MECHANISM_PREFIX + event.mechanism, api.saveMechanism(event.mechanism));
          break;
        case 'settings':
          this.#put(SETTINGS, event.settings);
          break;
        case 'clock':
          saveClock();
          break;
      }
    });
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', saveClock);
    };
  }

  /** Resolves once everything changed so far is in IndexedDB. */
  async idle(): Promise<void> {
    this.#flush();
    await this.#queue;
  }

  #put(key: string, value: unknown): void {
    this.#pending.set(key, value);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setTimeout(() => this.#flush(), 0);
  }

  #flush(): void {
    this.#scheduled = false;
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending];
    this.#pending = new Map();
    this.#enqueue(() => setMany(batch, this.#db));
  }

  #enqueue(write: () => Promise<unknown>): void {
    this.#queue = this.#queue.then(write).catch((error: unknown) => {
      console.error('restlab: could not save to IndexedDB', error);
    });
  }
}

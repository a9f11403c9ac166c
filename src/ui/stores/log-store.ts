import { create } from 'zustand';
import type { JournalEntry } from '../../api/middleware/journal/journal-entry.ts';
import { RingBuffer } from '../../api/ring-buffer.ts';
import { rowText } from '../shared/journal-format.ts';
import { useUiStore } from './ui-store.ts';

export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

export interface LogFilters {
  /** Methods to show; empty = all. */
  methods: string[];
  /** Status classes to show; empty = all. */
  statusClasses: StatusClass[];
  /**
   * Case-insensitive text matched against what a row shows (method, path, status and its
   * text, badges such as the problem slug), the request id and the rules in its notes.
   */
  text: string;
}

export const NO_FILTERS: LogFilters = { methods: [], statusClasses: [], text: '' };

export const statusClassOf = (status: number): StatusClass =>
  `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx` as StatusClass;

export function matchesFilters(entry: JournalEntry, filters: LogFilters): boolean {
  if (filters.methods.length > 0 && !filters.methods.includes(entry.method)) return false;
  if (
    filters.statusClasses.length > 0 &&
    !filters.statusClasses.includes(statusClassOf(entry.response.status))
  ) {
    return false;
  }
  const text = filters.text.trim().toLowerCase();
  if (text === '') return true;
  return (
    rowText(entry).includes(text) ||
    entry.id.toLowerCase().includes(text) ||
    entry.notes.some((note) => note.rule.toLowerCase().includes(text))
  );
}

/**
 * The request log's data: every journal entry the core announced, in a ring buffer of the
 * user's chosen capacity, plus the filtered view kept up to date incrementally (appends only
 * test the new entries; evictions only ever drop the oldest), so a thousand entries a second
 * against a full 100,000-entry log costs little. Kept outside React state; the store's
 * `version` tells components when to read it again.
 */
export class LogData {
  readonly all: RingBuffer<JournalEntry>;
  /** Filtered entries, oldest first, from index `#head`. */
  #filtered: JournalEntry[] = [];
  #head = 0;
  #filters: LogFilters = NO_FILTERS;

  constructor(capacity: number) {
    this.all = new RingBuffer(capacity);
  }

  get filteredCount(): number {
    return this.#filtered.length - this.#head;
  }

  /** The `index`-th filtered entry counting from the newest (0 = newest). */
  newest(index: number): JournalEntry | undefined {
    if (index < 0 || index >= this.filteredCount) return undefined;
    return this.#filtered[this.#filtered.length - 1 - index];
  }

  /** The filtered entries, oldest first (a copy: for export). */
  filteredEntries(): JournalEntry[] {
    return this.#filtered.slice(this.#head);
  }

  append(entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      const evicted = this.all.push(entry);
      if (evicted && this.#filtered[this.#head] === evicted) this.#head++;
      if (matchesFilters(entry, this.#filters)) this.#filtered.push(entry);
    }
    // Drop the evicted prefix now and then, not on every append.
    if (this.#head > 4096 && this.#head > this.#filtered.length / 2) {
      this.#filtered = this.#filtered.slice(this.#head);
      this.#head = 0;
    }
  }

  setFilters(filters: LogFilters): void {
    this.#filters = filters;
    this.#refilter();
  }

  clear(): void {
    this.all.clear();
    this.#filtered = [];
    this.#head = 0;
  }

  resize(capacity: number): void {
    if (capacity === this.all.capacity) return;
    this.all.resize(capacity);
    this.#refilter();
  }

  find(id: string): JournalEntry | undefined {
    for (let i = this.all.size - 1; i >= 0; i--) {
      const entry = this.all.at(i);
      if (entry?.id === id) return entry;
    }
    return undefined;
  }

  #refilter(): void {
    this.#filtered = this.all.toArray().filter((entry) => matchesFilters(entry, this.#filters));
    this.#head = 0;
  }
}

/** The detail view's tabs, in DevTools' order, plus the rules behind the answer. */
export const DETAIL_TABS = ['headers', 'request', 'response', 'why', 'timing'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

interface LogState {
  data: LogData;
  /** Bumped whenever `data` changes; components subscribe to it, not to the data. */
  version: number;
  filters: LogFilters;
  paused: boolean;
  /** Entries that arrived while paused, shown on resume. */
  held: JournalEntry[];
  /** The request id of the entry the detail view shows. */
  selectedId: string | undefined;
  /**
   * The selected entry itself: clients may reuse an X-Request-Id, so the id alone can name
   * several entries; this is the one that was picked.
   */
  selected: JournalEntry | undefined;
  /** The detail tab shown; kept from one selected request to the next, as in DevTools. */
  detailTab: DetailTab;
  setDetailTab(tab: DetailTab): void;
  append(entries: readonly JournalEntry[]): void;
  setFilters(filters: Partial<LogFilters>): void;
  setPaused(paused: boolean): void;
  clear(): void;
  resize(capacity: number): void;
  /** Selects an entry, or by request id the newest entry with that id. */
  select(target: JournalEntry | string | undefined): void;
}

export const useLogStore = create<LogState>()((set, get) => ({
  // The persisted cap, so entries that arrive before the panel loads are kept to it already.
  data: new LogData(useUiStore.getState().logCapacity),
  version: 0,
  filters: NO_FILTERS,
  paused: false,
  held: [],
  selectedId: undefined,
  selected: undefined,
  detailTab: 'headers',
  setDetailTab: (detailTab) => set({ detailTab }),
  append(entries) {
    const state = get();
    if (state.paused) {
      // Only the newest `capacity` held entries could survive the resume anyway.
      const capacity = state.data.all.capacity;
      const held = state.held.concat(entries);
      set({ held: held.length > capacity ? held.slice(-capacity) : held });
      return;
    }
    state.data.append(entries);
    set({ version: state.version + 1 });
  },
  setFilters(partial) {
    const filters = { ...get().filters, ...partial };
    get().data.setFilters(filters);
    set({ filters, version: get().version + 1 });
  },
  setPaused(paused) {
    const state = get();
    if (!paused && state.held.length > 0) state.data.append(state.held);
    set({ paused, held: [], version: state.version + 1 });
  },
  clear() {
    get().data.clear();
    set({ held: [], selectedId: undefined, selected: undefined, version: get().version + 1 });
  },
  resize(capacity) {
    get().data.resize(capacity);
    set({ version: get().version + 1 });
  },
  select(target) {
    const selected = typeof target === 'string' ? get().data.find(target) : target;
    set({ selected, selectedId: selected?.id });
  },
}));

import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface Draft {
  method: string;
  path: string;
  /** The headers editor's text: one `Name: value` per line. */
  headers: string;
  body: string;
}

export interface HistoryEntry extends Draft {
  id: string;
  /**
   * Virtual time it was sent (epoch ms), like every other time the app shows; null when the
   * clock was not known yet, and in entries kept from before (those held wall-clock times).
   */
  sentAt: number | null;
  /** Null when no response came back. */
  status: number | null;
  durationMs: number;
  /** Large bodies are not kept, so localStorage stays small. */
  bodyOmitted: boolean;
}

export const HISTORY_LIMIT = 50;
const KEPT_BODY_CHARS = 16_000;

interface ComposerState {
  draft: Draft;
  history: HistoryEntry[];
  setDraft(change: Partial<Draft>): void;
  record(entry: Omit<HistoryEntry, 'id' | 'bodyOmitted'>): void;
  clearHistory(): void;
}

export const INITIAL_DRAFT: Draft = {
  method: 'GET',
  path: '/api/v1/users?limit=5',
  headers: 'Accept: application/json',
  body: '',
};

/** The composer's draft and its last 50 requests, kept across reloads. */
export const useComposerStore = create<ComposerState>()(
  persist(
    (set) => ({
      draft: INITIAL_DRAFT,
      history: [],
      setDraft: (change) => set((state) => ({ draft: { ...state.draft, ...change } })),
      record: (entry) =>
        set((state) => {
          const bodyOmitted = entry.body.length > KEPT_BODY_CHARS;
          const kept: HistoryEntry = {
            ...entry,
            id: crypto.randomUUID(),
            body: bodyOmitted ? '' : entry.body,
            bodyOmitted,
          };
          return { history: [kept, ...state.history].slice(0, HISTORY_LIMIT) };
        }),
      clearHistory: () => set({ history: [] }),
    }),
    {
      name: 'restlab.composer',
      version: 2,
      // Version 1 kept wall-clock times: not comparable with the virtual clock, so dropped.
      migrate: (persisted) => {
        const state = persisted as Partial<ComposerState>;
        return {
          ...state,
          history: (state.history ?? []).map((entry) => ({ ...entry, sentAt: null })),
        } as ComposerState;
      },
    },
  ),
);

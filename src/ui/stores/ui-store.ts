import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type Theme = 'system' | 'light' | 'dark';

export interface UiState {
  theme: Theme;
  presenter: boolean;
  logHeight: number;
  logCollapsed: boolean;
  /** How many entries the request log keeps (ring buffer), 1,000–100,000. */
  logCapacity: number;
  /** The step the header's "advance clock" button uses, in ms. */
  clockStepMs: number;
  setTheme(theme: Theme): void;
  setPresenter(presenter: boolean): void;
  setLogHeight(height: number): void;
  setLogCollapsed(collapsed: boolean): void;
  setLogCapacity(capacity: number): void;
  setClockStepMs(ms: number): void;
}

export const LOG_HEIGHT_MIN = 120;
export const LOG_CAPACITY_MAX = 100_000;

/** Preferences a user expects to find again after a reload: kept in localStorage. */
export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      theme: 'system',
      presenter: false,
      logHeight: 260,
      logCollapsed: false,
      logCapacity: 10_000,
      clockStepMs: 10_000,
      setTheme: (theme) => set({ theme }),
      setPresenter: (presenter) => set({ presenter }),
      setLogHeight: (logHeight) =>
        set({ logHeight: Math.max(LOG_HEIGHT_MIN, Math.round(logHeight)) }),
      setLogCollapsed: (logCollapsed) => set({ logCollapsed }),
      setLogCapacity: (capacity) =>
        set({ logCapacity: Math.min(LOG_CAPACITY_MAX, Math.max(1000, Math.round(capacity))) }),
      setClockStepMs: (clockStepMs) => set({ clockStepMs }),
    }),
    { name: 'restlab.ui', version: 1 },
  ),
);

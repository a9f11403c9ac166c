import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type Theme = 'system' | 'light' | 'dark';

/**
 * Where the request log sits: `compact` (its toolbar and the last few requests, under the lab),
 * `tall` (under the lab, at a height the user drags) or `side` (beside the lab, full height).
 */
export type LogLayout = 'compact' | 'tall' | 'side';

export interface UiState {
  theme: Theme;
  presenter: boolean;
  logLayout: LogLayout;
  /** The tall log's height, px. */
  logHeight: number;
  /** The side log's width, px. */
  logWidth: number;
  logCollapsed: boolean;
  /** How many entries the request log keeps (ring buffer), 1,000–100,000. */
  logCapacity: number;
  /** The step the header's "advance clock" button uses, in ms. */
  clockStepMs: number;
  setTheme(theme: Theme): void;
  setPresenter(presenter: boolean): void;
  setLogLayout(layout: LogLayout): void;
  setLogHeight(height: number): void;
  setLogWidth(width: number): void;
  setLogCollapsed(collapsed: boolean): void;
  setLogCapacity(capacity: number): void;
  setClockStepMs(ms: number): void;
}

export const LOG_HEIGHT_MIN = 120;
export const LOG_WIDTH_MIN = 320;
export const LOG_CAPACITY_MAX = 100_000;

/** Preferences a user expects to find again after a reload: kept in localStorage. */
export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      theme: 'system',
      presenter: false,
      logLayout: 'compact',
      logHeight: 260,
      logWidth: 480,
      logCollapsed: false,
      logCapacity: 10_000,
      clockStepMs: 10_000,
      setTheme: (theme) => set({ theme }),
      setPresenter: (presenter) => set({ presenter }),
      setLogLayout: (logLayout) => set({ logLayout, logCollapsed: false }),
      setLogHeight: (logHeight) =>
        set({ logHeight: Math.max(LOG_HEIGHT_MIN, Math.round(logHeight)) }),
      setLogWidth: (logWidth) => set({ logWidth: Math.max(LOG_WIDTH_MIN, Math.round(logWidth)) }),
      setLogCollapsed: (logCollapsed) => set({ logCollapsed }),
      setLogCapacity: (capacity) =>
        set({ logCapacity: Math.min(LOG_CAPACITY_MAX, Math.max(1000, Math.round(capacity))) }),
      setClockStepMs: (clockStepMs) => set({ clockStepMs }),
    }),
    {
      name: 'restlab.ui',
      version: 2,
      // Version 1 had no layout and opened the log tall: everyone starts compact once.
      migrate: (persisted) => ({ ...(persisted as object), logLayout: 'compact' }),
    },
  ),
);

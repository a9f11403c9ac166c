import { useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { DriftSession, type DriftConfig } from '../../../../scenarios/pagination/drift-session.ts';
import type { DeleteTarget } from '../../../../scenarios/pagination/mutator.ts';
import { pageTransport } from '../../../shared/page-transport.ts';

/** One session for the page, kept across visits to the lab, on the page's real fetch. */
export const session = new DriftSession(pageTransport);

let version = 0;
session.subscribe(() => {
  version++;
});

/** Re-renders on every change of the session (each page read, each insert or delete). */
export function useDriftVersion(): number {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => version,
  );
}

export interface AutoRates {
  inserts: number;
  deletes: number;
  target: DeleteTarget | 'mixed';
  /** Real milliseconds per virtual second: speed only, never the outcome. */
  intervalMs: number;
}

interface DriftUiState {
  config: DriftConfig;
  rates: AutoRates;
  auto: boolean;
  busy: boolean;
  error: string | undefined;
  setConfig(config: Partial<DriftConfig>): void;
  setRates(rates: Partial<AutoRates>): void;
  setAuto(auto: boolean): void;
}

export const useDriftStore = create<DriftUiState>()((set) => ({
  config: { rows: 20, limit: 5, seed: 1 },
  rates: { inserts: 1, deletes: 0, target: 'mixed', intervalMs: 700 },
  auto: false,
  busy: false,
  error: undefined,
  setConfig: (config) => set((state) => ({ config: { ...state.config, ...config } })),
  setRates: (rates) => set((state) => ({ rates: { ...state.rates, ...rates } })),
  setAuto: (auto) => set({ auto }),
}));

/** Runs a session action from the UI: one at a time, errors shown rather than thrown. */
export async function act(action: () => Promise<void>): Promise<void> {
  useDriftStore.setState({ busy: true, error: undefined });
  try {
    await action();
  } catch (error) {
    useDriftStore.setState({
      error: error instanceof Error ? error.message : String(error),
      auto: false,
    });
  } finally {
    useDriftStore.setState({ busy: false });
  }
}

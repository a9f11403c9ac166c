import { useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { DriftSession, type DriftConfig } from '../../../../scenarios/pagination/drift-session.ts';
import type { DeleteTarget } from '../../../../scenarios/pagination/mutator.ts';
import { TooMuchData } from '../../../../scenarios/sandbox.ts';
import { pageSandbox } from '../../../panels/scenario-player/page-sandbox.ts';
import { pageTransport } from '../../../shared/page-transport.ts';

/** One session for the page, kept across visits to the lab, on the page's real fetch. */
export const session = new DriftSession(pageTransport);

let version = 0;
session.subscribe(() => {
  version++;
});

// Once the user's world is back, the demo's rows are gone: the walk cannot go on.
pageSandbox.subscribe(() => {
  if (!pageSandbox.active && session.tallies.length > 0)
    void session.forget('Your data and clock are back as you left them. Step starts a new demo.');
});

/** Re-renders on every change of the session (each page read, each insert or delete). */
export function useDriftVersion(): number {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => version,
  );
}

/** Re-renders when the sandbox is entered or left. */
export function useSandboxActive(): boolean {
  return useSyncExternalStore(
    (listener) => pageSandbox.subscribe(listener),
    () => pageSandbox.active,
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
  /** The user's data is too big to save and put back: the demo asks before replacing it. */
  tooBig: boolean;
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
  tooBig: false,
  setConfig: (config) => set((state) => ({ config: { ...state.config, ...config } })),
  setRates: (rates) => set((state) => ({ rates: { ...state.rates, ...rates } })),
  setAuto: (auto) => set({ auto }),
}));

/**
 * Starts a demo: the user's data, settings and clock are saved first (and put back when the
 * lab closes), then the demo's own data and paused clock replace them.
 */
export async function resetDemo(config: DriftConfig, options: { replace?: boolean } = {}) {
  try {
    await pageSandbox.enter({ data: !options.replace });
  } catch (error) {
    if (!(error instanceof TooMuchData)) throw error;
    useDriftStore.setState({ tooBig: true, auto: false });
    throw new Error(
      'Your data has more rows than the demo can save and put back afterwards (5,000).',
      { cause: error },
    );
  }
  useDriftStore.setState({ tooBig: false });
  await session.reset(config);
}

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

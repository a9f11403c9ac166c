import { create } from 'zustand';
import type { RateLimitEvent } from '../../../api/middleware/rate-limit/rate-limit-event.ts';
import type { RateLimitSettings } from '../../../api/middleware/rate-limit/policy.ts';
import type { PlayMode } from '../../../scenarios/rate-limit/play-trace.ts';
import type { TraceSpec } from '../../../scenarios/rate-limit/traces.ts';
import type { PolicyDraft } from './policy-draft.ts';

export interface Run {
  id: number;
  clientId: string;
  spec: TraceSpec;
  mode: PlayMode;
  state: 'running' | 'done' | 'stopped' | 'failed';
  error?: string;
  total: number;
  answered: number;
  /** ms from the start to the last planned request. */
  spanMs: number;
  /** Virtual ms the trace started at (known once the clock is set). */
  start?: number;
  /** Where a window-edge trace puts the edge. */
  edge?: number;
}

export interface LatestResponse {
  status: number;
  headers: [string, string][];
}

interface LabState {
  settings: RateLimitSettings | undefined;
  mode: PlayMode;
  run: Run | undefined;
  /** The limiter's decisions for the current run's client, in arrival order. */
  decisions: RateLimitEvent[];
  latest: LatestResponse | undefined;
  /** The policy form's edits not applied yet; undefined when the form shows the settings. */
  draft: PolicyDraft | undefined;
  /** The last Apply's 422, keyed by setting name ('' for the form). */
  policyErrors: Record<string, string>;
  setMode(mode: PlayMode): void;
  /** New settings from the engine: the form starts afresh from them. */
  receiveSettings(settings: RateLimitSettings): void;
  patchRun(patch: Partial<Run>): void;
}

/** The lab's own state: what the engine told it, and the run in progress. */
export const useLabStore = create<LabState>()((set) => ({
  settings: undefined,
  mode: 'fast-forward',
  run: undefined,
  decisions: [],
  latest: undefined,
  draft: undefined,
  policyErrors: {},
  setMode: (mode) => set({ mode }),
  receiveSettings: (settings) => set({ settings, draft: undefined, policyErrors: {} }),
  patchRun: (patch) => set((state) => (state.run ? { run: { ...state.run, ...patch } } : {})),
}));

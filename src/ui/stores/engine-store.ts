import { create } from 'zustand';
import type { ClockState } from '../../api/clock.ts';

export type EngineStatus =
  | { kind: 'starting' }
  | { kind: 'running' }
  | { kind: 'not-controlled' }
  | { kind: 'unsupported' }
  | { kind: 'failed'; message: string };

interface EngineState {
  status: EngineStatus;
  /** The clock as last announced, and the real time (performance.now) it was received. */
  clock: ClockState | undefined;
  clockReceivedAt: number;
  /** Bumped per collection when its data changes, so views can refetch. */
  dataVersion: Record<string, number>;
  seed: number | undefined;
  /** A big reseed being built aside (units of work), until its reset lands. */
  seeding: { done: number; total: number } | undefined;
}

/** What the engine last told the UI: status, clock, data versions. Written only by the bridge. */
export const useEngineStore = create<EngineState>()(() => ({
  status: { kind: 'starting' },
  clock: undefined,
  clockReceivedAt: 0,
  dataVersion: {},
  seed: undefined,
  seeding: undefined,
}));

import {
  checkExpectations,
  scenarioContext,
  type CheckResult,
  type Metric,
  type Scenario,
  type ScenarioContext,
  type Transport,
} from '../../../scenarios/scenario.ts';

/**
 * The scenario player's logic, framework-free (the React panel is a thin binding). Steps run
 * for real, in order, at most once each; the state after each one is recorded as a frame, so
 * stepping back shows exactly what playing straight to that step showed, and stepping forward
 * again replays the recording. Only the first visit to a step sends requests.
 */
export interface StepOutcome<View> {
  view: View;
  /** What happened, and which rule decided it. */
  narration: string;
}

export interface PlayerAdapter<Step extends { kind: string }, View> {
  scenario: Scenario<Step>;
  /** What the lab shows before the first step. */
  initial: View;
  /** Before the first step: e.g. save the world the experiment will change. */
  begin?(): Promise<void>;
  run(step: Step, index: number, context: ScenarioContext): Promise<StepOutcome<View>>;
  /** After the last step, or when the player closes first: e.g. put the world back. */
  end?(): Promise<void>;
}

export interface Frame<View> extends StepOutcome<View> {
  /** The metrics recorded up to and including this step. */
  metrics: Record<string, Metric>;
}

export interface PlayerState<View> {
  /** The step shown: -1 before the first. */
  cursor: number;
  frames: readonly Frame<View>[];
  total: number;
  playing: boolean;
  /** A step is running (its requests are in flight). */
  busy: boolean;
  /** Playback speed, a multiple of BASE_STEP_MS per step. */
  speed: number;
  error: string | undefined;
}

export const BASE_STEP_MS = 1600;
export const SPEEDS = [0.5, 1, 2, 4] as const;

export interface Player<View> {
  getState(): PlayerState<View>;
  subscribe(listener: () => void): () => void;
  /** The frame at the cursor (undefined before the first step). */
  frame(): Frame<View> | undefined;
  view(): View;
  /** The claims, against the metrics of the step shown (one not yet measured or holding is pending). */
  checks(): (CheckResult & { pending: boolean })[];
  forward(): Promise<void>;
  back(): void;
  /** Shows step `index` (-1: before the first), running the steps up to it if need be. */
  goTo(index: number): Promise<void>;
  play(): Promise<void>;
  pause(): void;
  setSpeed(speed: number): void;
  /** Stops playing and ends the experiment if it began and did not finish. */
  close(): Promise<void>;
}

export function createPlayer<Step extends { kind: string }, View>(
  adapter: PlayerAdapter<Step, View>,
  transport: Transport,
  options: { sleep?: (ms: number) => Promise<void> } = {},
): Player<View> {
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const { steps } = adapter.scenario;
  const listeners = new Set<() => void>();
  const context = scenarioContext(transport);
  const { metrics } = context;
  let state: PlayerState<View> = {
    cursor: -1,
    frames: [],
    total: steps.length,
    playing: false,
    busy: false,
    speed: 1,
    error: undefined,
  };
  let phase: 'idle' | 'begun' | 'ended' = 'idle';
  let queue: Promise<void> = Promise.resolve();
  let playToken = 0;

  const set = (patch: Partial<PlayerState<View>>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  /** One thing at a time: a click during a running step waits for it. */
  const serial = (action: () => Promise<void>) => {
    const next = queue.then(action);
    queue = next.catch(() => undefined);
    return next;
  };

  async function finish() {
    if (phase !== 'begun') return;
    phase = 'ended';
    await adapter.end?.();
  }

  /** Runs the next unrecorded step. */
  async function record(): Promise<void> {
    const index = state.frames.length;
    const step = steps[index];
    if (!step) return;
    set({ busy: true, error: undefined });
    try {
      if (phase === 'idle') {
        phase = 'begun';
        await adapter.begin?.();
      }
      const outcome = await adapter.run(step, index, context);
      set({ frames: [...state.frames, { ...outcome, metrics: { ...metrics } }] });
      if (state.frames.length === steps.length) await finish();
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error), playing: false });
      await finish().catch(() => undefined);
      throw error;
    } finally {
      set({ busy: false });
    }
  }

  const goTo = (index: number) =>
    serial(async () => {
      const target = Math.max(-1, Math.min(steps.length - 1, index));
      while (state.frames.length <= target && state.error === undefined) await record();
      set({ cursor: Math.min(target, state.frames.length - 1) });
    });

  const player: Player<View> = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    frame: () => state.frames[state.cursor],
    view: () => state.frames[state.cursor]?.view ?? adapter.initial,
    checks() {
      const shown = state.frames[state.cursor]?.metrics ?? {};
      const last = state.cursor === steps.length - 1;
      // Before the end a claim that does not hold yet is pending, not failed: it may hold later.
      return checkExpectations(adapter.scenario.expected, shown).map((check) => ({
        ...check,
        pending: check.actual === undefined || (!check.pass && !last),
      }));
    },
    forward: () => goTo(state.cursor + 1),
    back() {
      player.pause();
      set({ cursor: Math.max(-1, state.cursor - 1) });
    },
    goTo,
    async play() {
      const token = ++playToken;
      if (state.cursor >= steps.length - 1) set({ cursor: -1 });
      set({ playing: true });
      while (token === playToken && state.cursor < steps.length - 1 && !state.error) {
        await player.forward().catch(() => undefined);
        if (token !== playToken || state.cursor >= steps.length - 1) break;
        await sleep(BASE_STEP_MS / state.speed);
      }
      if (token === playToken) set({ playing: false });
    },
    pause() {
      playToken++;
      if (state.playing) set({ playing: false });
    },
    setSpeed: (speed) => set({ speed }),
    close() {
      player.pause();
      return serial(finish);
    },
  };
  return player;
}

/**
 * The virtual clock: the one source of time for every rule in the API (timestamps, token expiry,
 * rate-limit windows, key retention, max-age). Pausing, advancing and setting it makes demos
 * replay exactly and tests exact. Nothing in the core reads the wall clock directly.
 */
export interface ClockState {
  epoch_ms: number;
  now: string;
  paused: boolean;
}

export interface VirtualClock {
  /** Virtual epoch milliseconds (an integer). */
  now(): number;
  state(): ClockState;
  pause(): void;
  resume(): void;
  advance(ms: number): void;
  set(epochMs: number): void;
  subscribe(listener: (state: ClockState) => void): () => void;
}

export interface ClockOptions {
  /** Virtual time at creation. */
  startEpochMs: number;
  paused?: boolean;
  /** A monotonic real-time source in ms; performance.now() by default. */
  realNow?: () => number;
}

/** Earliest and latest instants the clock accepts: RFC 3339 needs a four-digit year. */
export const CLOCK_MIN_EPOCH_MS = 0;
export const CLOCK_MAX_EPOCH_MS = 253402300799999; // 9999-12-31T23:59:59.999Z

/** Formats virtual epoch ms as an RFC 3339 timestamp (UTC, millisecond precision). */
export function toRfc3339(epochMs: number): string {
  // eslint-disable-next-line no-restricted-globals -- formatting a given instant, not reading the time
  return new Date(epochMs).toISOString();
}

export function createVirtualClock(options: ClockOptions): VirtualClock {
  const realNow = options.realNow ?? (() => performance.now());
  let anchorVirtual = clamp(Math.floor(options.startEpochMs));
  let anchorReal = realNow();
  let paused = options.paused ?? false;
  const listeners = new Set<(state: ClockState) => void>();

  const now = () =>
    paused ? anchorVirtual : clamp(anchorVirtual + Math.floor(realNow() - anchorReal));
  const state = (): ClockState => {
    const epoch = now();
    return { epoch_ms: epoch, now: toRfc3339(epoch), paused };
  };
  const reanchor = (virtual: number) => {
    anchorVirtual = clamp(Math.floor(virtual));
    anchorReal = realNow();
    const snapshot = state();
    for (const listener of listeners) listener(snapshot);
  };

  return {
    now,
    state,
    pause() {
      const at = now();
      paused = true;
      reanchor(at);
    },
    resume() {
      const at = now();
      paused = false;
      reanchor(at);
    },
    advance(ms) {
      reanchor(now() + ms);
    },
    set(epochMs) {
      reanchor(epochMs);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function clamp(ms: number): number {
  return Math.min(CLOCK_MAX_EPOCH_MS, Math.max(CLOCK_MIN_EPOCH_MS, ms));
}

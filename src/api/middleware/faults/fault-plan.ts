import { mulberry32, type Random } from '../../store/random.ts';
import type { Settings } from '../../settings.ts';

export type FaultSettings = Settings['faults'];
export type QueuedKind = 'drop' | 'error' | 'delay';

/** What one matching request drew on arrival: every random choice it may need, in one go. */
export interface FaultDraw {
  error: number;
  jitter: number;
  drop: number;
}

/**
 * The faults of one API instance (shared API.md §8): a seeded sequence of draws, three per
 * matching request on arrival, so which request fails depends only on the seed and the order
 * requests arrive in (never on how they interleave afterwards); and the one-shot faults queued
 * by POST /__admin/faults/next, used first. The sequence restarts on reset and whenever the
 * `faults` settings change.
 */
export class FaultPlan {
  #random: Random = mulberry32(1);
  #seenKey: string | undefined;
  #seenSettings: FaultSettings | undefined;
  errors = 0;
  drops = 0;
  delays: number[] = [];

  /** The next request's draws under these settings. */
  draw(settings: FaultSettings): FaultDraw {
    if (settings !== this.#seenSettings) {
      this.#seenSettings = settings;
      // Settings are replaced whole on any change; restart only when this section differs.
      const key = JSON.stringify(settings);
      if (key !== this.#seenKey) {
        this.#seenKey = key;
        this.#random = mulberry32(settings.seed);
      }
    }
    return { error: this.#random(), jitter: this.#random(), drop: this.#random() };
  }

  queue(kind: QueuedKind, count: number, ms = 0): void {
    if (kind === 'error') this.errors += count;
    else if (kind === 'drop') this.drops += count;
    else for (let i = 0; i < count; i++) this.delays.push(ms);
  }

  /** Back to the start of the seeded sequence, nothing queued. */
  reset(): void {
    this.#seenKey = undefined;
    this.#seenSettings = undefined;
    this.errors = 0;
    this.drops = 0;
    this.delays = [];
  }
}

/** Whether the faults settings affect this request: its method and its path. */
export function affects(settings: FaultSettings, method: string, path: string): boolean {
  return (
    (settings.methods as readonly string[]).includes(method) &&
    path.startsWith(settings.path_prefix)
  );
}

/** `latency_ms` ± `jitter_ms`, from the request's own draw: never negative, whole ms. */
export function latencyOf(settings: FaultSettings, jitter: number): number {
  if (settings.latency_ms === 0 && settings.jitter_ms === 0) return 0;
  return Math.max(0, Math.round(settings.latency_ms + (2 * jitter - 1) * settings.jitter_ms));
}

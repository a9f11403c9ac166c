import { useEngineStore } from '../../stores/engine-store.ts';

/** The virtual clock's reading now (epoch ms), or undefined before the engine announced it. */
export function virtualNow(): number | undefined {
  const { clock, clockReceivedAt } = useEngineStore.getState();
  if (!clock) return undefined;
  if (clock.paused) return clock.epoch_ms;
  return clock.epoch_ms + Math.max(0, Math.floor(performance.now() - clockReceivedAt));
}

/** "HH:MM:SS" of a virtual instant, in UTC like the header's clock and the log. */
export function formatVirtualTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19);
}

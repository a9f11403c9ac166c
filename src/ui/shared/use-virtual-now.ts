import { useEffect, useState } from 'react';
import { useEngineStore } from '../stores/engine-store.ts';

/**
 * The virtual clock's reading, from what the bridge last heard (its state and the real time it
 * arrived), re-rendering every `everyMs` while the clock runs. When not `enabled` it does not
 * even subscribe: a fast-forward run steps the clock hundreds of times, and each step would
 * otherwise re-render its reader.
 */
export function useVirtualNow(
  everyMs = 250,
  enabled = true,
): { epochMs: number | undefined; paused: boolean } {
  const clock = useEngineStore((state) => (enabled ? state.clock : undefined));
  const receivedAt = useEngineStore((state) => state.clockReceivedAt);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!clock || clock.paused) return;
    const timer = setInterval(() => setNow(performance.now()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  if (!clock) return { epochMs: undefined, paused: false };
  if (clock.paused) return { epochMs: clock.epoch_ms, paused: true };
  return { epochMs: clock.epoch_ms + Math.max(0, Math.floor(now - receivedAt)), paused: false };
}

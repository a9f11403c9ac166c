import { useEffect, useState } from 'react';
import { useEngineStore } from '../../stores/engine-store.ts';

/**
 * The virtual clock's reading, refreshed every `everyMs` while it runs. When not `enabled` it
 * does not even subscribe: a fast-forward run steps the clock hundreds of times, and each step
 * would otherwise re-render the chart.
 */
export function useVirtualNow(everyMs: number, enabled = true): number | undefined {
  const clock = useEngineStore((state) => (enabled ? state.clock : undefined));
  const receivedAt = useEngineStore((state) => state.clockReceivedAt);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!clock || clock.paused) return;
    const timer = setInterval(() => setNow(performance.now()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  if (!clock) return undefined;
  return clock.paused ? clock.epoch_ms : clock.epoch_ms + Math.max(0, Math.floor(now - receivedAt));
}

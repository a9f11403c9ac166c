import { useEffect, useState } from 'react';
import { useEngineStore } from '../stores/engine-store.ts';

/** The virtual clock's current epoch ms, re-rendering `everyMs` while the clock runs. */
export function useVirtualNow(everyMs = 250): { epochMs: number | undefined; paused: boolean } {
  const clock = useEngineStore((state) => state.clock);
  const receivedAt = useEngineStore((state) => state.clockReceivedAt);
  const [, setTick] = useState(0);

  useEffect(() => {
    if (!clock || clock.paused) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);

  if (!clock) return { epochMs: undefined, paused: false };
  // eslint-disable-next-line react-hooks/purity -- deliberately read at render: the clock moves between renders
  const elapsed = clock.paused ? 0 : Math.floor(performance.now() - receivedAt);
  return { epochMs: clock.epoch_ms + elapsed, paused: clock.paused };
}

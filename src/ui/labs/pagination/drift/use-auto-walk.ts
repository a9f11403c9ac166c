import { useEffect } from 'react';
import { act, resetDemo, session, useDriftStore } from './drift-store.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The auto-walk: one virtual second per tick (the mutator acts at its rates, then every walker
 * steps), a tick every `intervalMs` real milliseconds, until every walker is done. The real
 * interval only sets the pace: the same seed and rates give the same demo at any speed.
 */
export function useAutoWalk(): void {
  const auto = useDriftStore((state) => state.auto);
  useEffect(() => {
    if (!auto) return;
    let stopped = false;
    void (async () => {
      if (session.tallies.length === 0) await act(() => resetDemo(useDriftStore.getState().config));
      while (!stopped && !session.allDone && useDriftStore.getState().error === undefined) {
        const { rates } = useDriftStore.getState();
        await act(() => session.advanceTick(rates));
        await pause(rates.intervalMs);
      }
      if (!stopped) useDriftStore.setState({ auto: false });
    })();
    return () => {
      stopped = true;
    };
  }, [auto]);
}

import type { RateLimitEvent } from '../../../api/middleware/rate-limit/rate-limit-event.ts';
import { onEngineEvent } from '../../bridge/engine-events.ts';
import { useLabStore, type LatestResponse } from './lab-store.ts';

/** How often a burst of events reaches the store (and the chart re-renders): 10 times a second. */
const FLUSH_MS = 250;

/**
 * Subscribes to the core's events while the lab is open: the limiter's decisions for the current
 * run's client, and settings changes. Decisions are batched, so a burst of a thousand requests
 * costs the chart ten renders a second, not a thousand.
 */
export function startLimiterFeed(): () => void {
  let pending: RateLimitEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = [];
    useLabStore.setState((state) => ({ decisions: [...state.decisions, ...batch] }));
  };
  const unsubscribe = [
    onEngineEvent('settings', (event) =>
      useLabStore.getState().receiveSettings(event.settings.rate_limit),
    ),
    onEngineEvent('reset', () => useLabStore.setState({ decisions: [] })),
    onEngineEvent('rate-limit', (event) => {
      const run = useLabStore.getState().run;
      if (!run || event.decision.partition !== `client:${run.clientId}`) return;
      pending.push(event.decision);
      timer ??= setTimeout(flush, FLUSH_MS);
    }),
  ];
  return () => {
    for (const stop of unsubscribe) stop();
    if (timer !== undefined) clearTimeout(timer);
  };
}

let latest: LatestResponse | undefined;
let answered = 0;
let latestTimer: ReturnType<typeof setTimeout> | undefined;

/** The newest response and the run's progress, handed to the store at most every 100 ms. */
export function showLatest(response: LatestResponse, answeredSoFar: number): void {
  latest = response;
  answered = answeredSoFar;
  latestTimer ??= setTimeout(() => {
    latestTimer = undefined;
    useLabStore.setState({ latest });
    useLabStore.getState().patchRun({ answered });
  }, FLUSH_MS);
}

import { useDeferredValue, useMemo } from 'react';
import { policyOf } from '../../../api/middleware/rate-limit/policy.ts';
import { maxInSpan } from '../../../api/middleware/rate-limit/replay.ts';
import { ALGORITHMS } from '../../../api/middleware/rate-limit/registry.ts';
import { binDecisions, binWidth, freshLevel, type Bin } from './chart-data.ts';
import { useShallow } from 'zustand/react/shallow';
import { useLabStore } from './lab-store.ts';
import { useVirtualNow } from './use-virtual-now.ts';

export interface LiveChart {
  bins: Bin[];
  binMs: number;
  spanSeconds: number;
  startLevel: number;
  capacity: number;
  levelName: string;
  algorithmName: string;
  edges: number[];
  quota: number;
  admitted: number;
  rejected: number;
  maxPerSecond: number;
}

const EMPTY_SPAN_MS = 10_000;

/**
 * The live chart's data: the run's decisions binned over virtual time, or, before any run, an
 * empty chart for the current policy (so the chart is on the page before the first burst).
 */
export function useLiveChart(): LiveChart | undefined {
  // Only what shapes the chart: a new `answered` count must not re-render it.
  const run = useLabStore(
    useShallow((state) =>
      state.run
        ? {
            start: state.run.start,
            edge: state.run.edge,
            spanMs: state.run.spanMs,
            state: state.run.state,
          }
        : undefined,
    ),
  );
  // Deferred: the chart re-renders at low priority, in slices React can interrupt, so a burst
  // of decisions never holds the page for a long task.
  const decisions = useDeferredValue(useLabStore((state) => state.decisions));
  const settings = useLabStore((state) => state.settings);
  // Following the clock only once the run is over: during it, the decisions move the chart.
  const now = useDeferredValue(useVirtualNow(500, run !== undefined && run.state !== 'running'));

  return useMemo(() => {
    const first = decisions[0];
    const origin = run?.start ?? first?.at;
    if (!first || !run || origin === undefined) {
      if (!settings) return undefined;
      const policy = policyOf(settings);
      const algorithm = ALGORITHMS[settings.algorithm];
      const binMs = binWidth(EMPTY_SPAN_MS);
      const fresh = algorithm.level(algorithm.create(0, policy), 0, policy);
      return {
        bins: binDecisions([], 0, EMPTY_SPAN_MS, binMs).map((bin) => ({ ...bin, level: fresh })),
        binMs,
        spanSeconds: EMPTY_SPAN_MS / 1000,
        startLevel: fresh,
        capacity: algorithm.capacity(policy),
        levelName: algorithm.levelName,
        algorithmName: algorithm.name,
        edges: [],
        quota: policy.quota,
        admitted: 0,
        rejected: 0,
        maxPerSecond: 0,
      };
    }
    const algorithm = ALGORITHMS[first.algorithm];
    const { windowMs } = first.policy;
    const lastAt = decisions.at(-1)?.at ?? origin;
    // Past the last request the chart follows the clock for two windows: the bucket refilling.
    const follow = now === undefined ? lastAt : Math.min(now, lastAt + 2 * windowMs);
    const span = Math.max(1000, run.spanMs + 1, lastAt + 1 - origin, follow - origin);
    const binMs = binWidth(span);
    const bins = binDecisions(decisions, origin, origin + Math.ceil(span / binMs) * binMs, binMs);
    const spanSeconds = (bins.length * binMs) / 1000;
    const edges: number[] = [];
    if (run.edge !== undefined) edges.push((run.edge - origin) / 1000);
    else if (first.algorithm === 'fixed_window') {
      // Fixed windows are aligned on the epoch: mark where each one starts.
      for (
        let k = Math.ceil(origin / windowMs);
        (k * windowMs - origin) / 1000 < spanSeconds;
        k++
      ) {
        edges.push((k * windowMs - origin) / 1000);
        if (edges.length === 20) break;
      }
    }
    const admittedTimes = decisions.filter((d) => d.admitted).map((d) => d.at);
    return {
      bins,
      binMs,
      spanSeconds,
      startLevel: freshLevel(first) ?? 0,
      capacity: algorithm.capacity(first.policy),
      levelName: algorithm.levelName,
      algorithmName: algorithm.name,
      edges,
      quota: first.policy.quota,
      admitted: admittedTimes.length,
      rejected: decisions.length - admittedTimes.length,
      maxPerSecond: maxInSpan(admittedTimes, 1000),
    };
  }, [decisions, run, settings, now]);
}

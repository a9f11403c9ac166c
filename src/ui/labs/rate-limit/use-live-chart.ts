import { useDeferredValue, useMemo } from 'react';
import { policyOf } from '../../../api/middleware/rate-limit/policy.ts';
import { ALGORITHMS } from '../../../api/middleware/rate-limit/registry.ts';
import {
  binDecisions,
  busiestWindow,
  chartRows,
  freshLevel,
  liveAxis,
  type ChartRow,
} from './chart-data.ts';
import { useShallow } from 'zustand/react/shallow';
import { useLabStore } from './lab-store.ts';
import { useVirtualNow } from './use-virtual-now.ts';

export interface LiveChart {
  rows: ChartRow[];
  binMs: number;
  spanSeconds: number;
  startLevel: number;
  capacity: number;
  levelName: string;
  algorithmName: string;
  edges: number[];
  quota: number;
  windowMs: number;
  admitted: number;
  rejected: number;
  /** The most admitted in any one window's length, to set against the quota. */
  busiest: number;
}

/**
 * The live chart's data: the run's decisions binned over virtual time, or, before any run, an
 * empty chart for the current policy (so the chart is on the page before the first burst).
 * The axis is chosen from the planned trace when it starts, so it does not rescale under the
 * viewer's eyes; the level line follows the clock up to its present reading.
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
      const axis = liveAxis(0, policy.windowMs);
      const fresh = algorithm.level(algorithm.create(0, policy), 0, policy);
      const bins = binDecisions([], 0, axis.spanMs, axis.binMs).map((bin) => ({
        ...bin,
        level: fresh,
      }));
      return {
        rows: chartRows(bins, axis.binMs),
        binMs: axis.binMs,
        spanSeconds: axis.spanMs / 1000,
        startLevel: fresh,
        capacity: algorithm.capacity(policy),
        levelName: algorithm.levelName,
        algorithmName: algorithm.name,
        edges: [],
        quota: policy.quota,
        windowMs: policy.windowMs,
        admitted: 0,
        rejected: 0,
        busiest: 0,
      };
    }
    const algorithm = ALGORITHMS[first.algorithm];
    const { windowMs, quota } = first.policy;
    const lastAt = decisions.at(-1)?.at ?? origin;
    const axis = liveAxis(run.spanMs, windowMs, lastAt - origin);
    const bins = binDecisions(decisions, origin, origin + axis.spanMs, axis.binMs);
    const spanSeconds = axis.spanMs / 1000;
    const known = (Math.max(now ?? lastAt, lastAt) - origin) / 1000;
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
      rows: chartRows(bins, axis.binMs, known),
      binMs: axis.binMs,
      spanSeconds,
      startLevel: freshLevel(first) ?? 0,
      capacity: algorithm.capacity(first.policy),
      levelName: algorithm.levelName,
      algorithmName: algorithm.name,
      edges,
      quota,
      windowMs,
      admitted: admittedTimes.length,
      rejected: decisions.length - admittedTimes.length,
      busiest: busiestWindow(admittedTimes, windowMs, quota).most,
    };
  }, [decisions, run, settings, now]);
}

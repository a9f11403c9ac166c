import type { AlgorithmId, Policy } from '../../../api/middleware/rate-limit/policy.ts';
import { compareAll } from '../../../api/middleware/rate-limit/replay.ts';
import { buildTrace, traceStart, type TraceSpec } from '../../../scenarios/rate-limit/traces.ts';
import { maxInSpan } from '../../../api/middleware/rate-limit/replay.ts';
import { binReplay, binWidth, chartRows, type ChartRow } from './chart-data.ts';

export interface ComparedAlgorithm {
  algorithm: AlgorithmId;
  admitted: number;
  rejected: number;
  /** Most admitted in any span one window long: set against the quota for that span. */
  busiest: number;
  startLevel: number;
  rows: ChartRow[];
}

export interface Comparison {
  requests: number;
  policy: Policy;
  binMs: number;
  spanSeconds: number;
  /** Epoch-aligned window edges within the chart, in seconds from its origin. */
  edges: number[];
  results: ComparedAlgorithm[];
}

/** A preset trace placed at `now` (a window-edge trace on a real boundary), as absolute times. */
export function presetTimes(spec: TraceSpec, now: number, windowMs: number): number[] {
  const trace = buildTrace(spec);
  const start = traceStart(trace, now, windowMs);
  return trace.offsets.map((offset) => start + offset);
}

/** Replays `times` through all five algorithms in the page's copy of the core: no HTTP. */
export function compare(times: readonly number[], policy: Policy): Comparison {
  const origin = times[0] ?? 0;
  const last = times.at(-1) ?? origin;
  // A little past the last request, so the charts show the buckets starting to recover.
  const tail = Math.min(policy.windowMs, Math.max(200, (last - origin) / 2));
  const span = last - origin + tail;
  // Fewer, wider bars than the live chart: five charts share the width.
  const binMs = binWidth(span, 30);
  const binCount = Math.ceil(span / binMs);
  const end = origin + binCount * binMs;
  const results = compareAll(times, policy, { start: origin, end, everyMs: binMs }).map(
    (replayed) => ({
      algorithm: replayed.algorithm,
      admitted: replayed.admittedCount,
      rejected: replayed.rejectedCount,
      busiest: maxInSpan(
        times.filter((_, i) => replayed.admitted[i]),
        policy.windowMs,
      ),
      startLevel: replayed.levels[0] ?? 0,
      rows: chartRows(binReplay(times, replayed, origin, binMs), binMs),
    }),
  );
  const edges: number[] = [];
  for (
    let k = Math.ceil(origin / policy.windowMs);
    k * policy.windowMs < end && edges.length < 20;
    k++
  )
    edges.push((k * policy.windowMs - origin) / 1000);
  return {
    requests: times.length,
    policy,
    binMs,
    spanSeconds: (binCount * binMs) / 1000,
    edges,
    results,
  };
}

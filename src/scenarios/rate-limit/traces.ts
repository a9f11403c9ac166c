/**
 * Traffic as data: the moments (ms from the start) at which one client sends its requests.
 * The lab's generator, the comparison and the scenarios all play the same traces, so a trace
 * gives the same decisions whether it goes through the worker, the core or a test.
 */
export type TraceSpec =
  | { kind: 'single' }
  | { kind: 'burst'; count: number }
  | { kind: 'steady'; perSecond: number; seconds: number }
  | { kind: 'window-edge'; perSide: number };

export interface Trace {
  spec: TraceSpec;
  /** ms from the start, non-decreasing. */
  offsets: number[];
  /** When set, the offset that must land exactly on a fixed-window boundary. */
  edgeAt?: number;
}

/** How long each side of the window-edge trace lasts: both sides fit in one second together. */
export const EDGE_SPREAD_MS = 200;
const INSTANTS_PER_SIDE = 10;

export function buildTrace(spec: TraceSpec): Trace {
  switch (spec.kind) {
    case 'single':
      return { spec, offsets: [0] };
    case 'burst':
      return { spec, offsets: new Array<number>(spec.count).fill(0) };
    case 'steady': {
      // One every 1/R s, the first after one interval: R·T requests in exactly T seconds.
      const count = Math.round(spec.perSecond * spec.seconds);
      const offsets = Array.from({ length: count }, (_, i) =>
        Math.round(((i + 1) * 1000) / spec.perSecond),
      );
      return { spec, offsets };
    }
    case 'window-edge': {
      // perSide over the last 200 ms before the edge and perSide over the first 200 ms after it,
      // at 10 instants a side (every 20 ms): fast-forward sets the clock once per instant.
      const instants = Math.min(INSTANTS_PER_SIDE, spec.perSide);
      const step = EDGE_SPREAD_MS / INSTANTS_PER_SIDE;
      const side = Array.from(
        { length: spec.perSide },
        (_, i) => Math.floor((i * instants) / spec.perSide) * step,
      );
      return {
        spec,
        offsets: [...side, ...side.map((offset) => offset + EDGE_SPREAD_MS)],
        edgeAt: EDGE_SPREAD_MS,
      };
    }
  }
}

/** The first start at or after `now` that puts the trace's edge on a multiple of `windowMs`. */
export function traceStart(trace: Trace, now: number, windowMs: number): number {
  if (trace.edgeAt === undefined) return now;
  const edge = Math.ceil((now + trace.edgeAt) / windowMs) * windowMs;
  return edge - trace.edgeAt;
}

export function describeTrace(spec: TraceSpec): string {
  switch (spec.kind) {
    case 'single':
      return 'one request';
    case 'burst':
      return `a burst of ${spec.count}`;
    case 'steady':
      return `${spec.perSecond}/s for ${spec.seconds} s`;
    case 'window-edge':
      return `${spec.perSide} just before and ${spec.perSide} just after a window edge`;
  }
}

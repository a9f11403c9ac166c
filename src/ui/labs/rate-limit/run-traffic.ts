import { playTrace } from '../../../scenarios/rate-limit/play-trace.ts';
import { buildTrace, type TraceSpec } from '../../../scenarios/rate-limit/traces.ts';
import { useLabStore } from './lab-store.ts';
import { showLatest } from './limiter-feed.ts';
import { coreTransport, pageTransport } from '../../shared/page-transport.ts';

/** This page's clients are lab-<session>-<run>: each run starts with fresh buckets. */
const session = Math.random().toString(36).slice(2, 6);
let runs = 0;
let controller: AbortController | undefined;

/**
 * Plays a trace as real requests through the worker. "One request" continues the current run
 * (same client, same chart); every other preset starts a new run with a new client.
 */
export async function runTraffic(spec: TraceSpec): Promise<void> {
  const store = useLabStore.getState();
  const { settings, mode } = store;
  if (!settings || store.run?.state === 'running') return;
  const trace = buildTrace(spec);
  const previous = spec.kind === 'single' ? store.run : undefined;
  const clientId = previous?.clientId ?? `lab-${session}-${++runs}`;
  let answered = previous?.answered ?? 0;
  useLabStore.setState({
    run: {
      id: previous?.id ?? runs,
      clientId,
      spec: previous?.spec ?? spec,
      mode,
      state: 'running',
      total: answered + trace.offsets.length,
      answered,
      spanMs: Math.max(previous?.spanMs ?? 0, trace.offsets.at(-1) ?? 0),
      start: previous?.start,
      edge: previous?.edge,
    },
    ...(previous ? {} : { decisions: [] }),
  });
  controller = new AbortController();
  try {
    const result = await playTrace(trace, {
      transport: pageTransport,
      control: coreTransport,
      clientId,
      mode,
      windowMs: settings.window_ms,
      signal: controller.signal,
      onStart: (start) =>
        store.patchRun({
          start: previous?.start ?? start,
          edge: trace.edgeAt === undefined ? previous?.edge : start + trace.edgeAt,
        }),
      onResponse: ({ status, headers }) =>
        showLatest({ status, headers: [...headers] }, ++answered),
    });
    store.patchRun({ state: 'done', answered: previous ? answered : result.times.length });
  } catch (error) {
    const stopped = controller.signal.aborted;
    store.patchRun({
      state: stopped ? 'stopped' : 'failed',
      answered,
      error: stopped ? undefined : String(error),
    });
  } finally {
    controller = undefined;
  }
}

export function stopTraffic(): void {
  controller?.abort();
}

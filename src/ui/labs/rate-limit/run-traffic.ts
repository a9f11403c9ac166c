import { playTrace } from '../../../scenarios/rate-limit/play-trace.ts';
import { buildTrace, type TraceSpec } from '../../../scenarios/rate-limit/traces.ts';
import { policyOf, type RateLimitSettings } from '../../../api/middleware/rate-limit/policy.ts';
import type { RateLimitEvent } from '../../../api/middleware/rate-limit/rate-limit-event.ts';
import { useLabStore } from './lab-store.ts';
import { showLatest } from './limiter-feed.ts';
import { coreTransport, pageTransport } from '../../shared/page-transport.ts';
import { applyDraft } from './settings-api.ts';

/** This page's clients are lab-<session>-<run>: each run starts with fresh buckets. */
const session = Math.random().toString(36).slice(2, 6);
let runs = 0;
let controller: AbortController | undefined;

let applying = false;

/**
 * Plays a trace as real requests through the worker. "One request" continues the current run
 * (same client, same chart); every other preset starts a new run with a new client. The policy
 * form's unapplied edits are applied first (a 422 stops here, the errors on their fields); the
 * spec is built after that, from the policy the limiter really has.
 */
export async function runTraffic(
  specFor: TraceSpec | ((settings: RateLimitSettings) => TraceSpec),
): Promise<void> {
  if (applying || useLabStore.getState().run?.state === 'running') return;
  applying = true;
  const applied = await applyDraft().finally(() => (applying = false));
  if (!applied) return;
  const store = useLabStore.getState();
  const { settings, mode } = store;
  if (!settings || store.run?.state === 'running') return;
  const spec = typeof specFor === 'function' ? specFor(settings) : specFor;
  // A policy change starts every client afresh: "One request" then starts a new run too.
  const trace = buildTrace(spec);
  const previous =
    spec.kind === 'single' && samePolicy(store.decisions, settings) ? store.run : undefined;
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

/** The current run's decisions were made under the policy the limiter has now. */
function samePolicy(decisions: readonly RateLimitEvent[], settings: RateLimitSettings): boolean {
  const last = decisions.at(-1);
  if (!last) return false;
  const policy = policyOf(settings);
  return (
    last.algorithm === settings.algorithm &&
    last.policy.quota === policy.quota &&
    last.policy.windowMs === policy.windowMs &&
    last.policy.burst === policy.burst
  );
}

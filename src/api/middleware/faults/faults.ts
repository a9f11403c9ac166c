import type { Middleware } from '../../compose.ts';
import { note, type ApiContext } from '../../context.ts';
import { ProblemError } from '../../problems.ts';
import { respondNetworkError } from '../../respond.ts';
import { cite } from '../../standards.ts';
import { answerThrown } from '../error-boundary/error-boundary.ts';
import { FAULT_NOTE } from './fault-note.ts';
import { affects, latencyOf, type FaultDraw, type FaultPlan } from './fault-plan.ts';

declare module '../../context.ts' {
  interface ContextVariables {
    /** The faults settings' draws for this request, when they affect it. */
    faultDraw: FaultDraw;
  }
}

export { FAULT_NOTE };
const RETRY_AFTER_S = 1;

/**
 * The faults slot (after the limiter and the route gate): an injected 503 on arrival, before any
 * idempotency record or work; and, once the inner layers committed and saved their record, the
 * answer dropped, so the client sees a network error for a request that did happen.
 */
export function injectFaults(plan: FaultPlan): Middleware<ApiContext> {
  return async (context, next) => {
    const settings = context.env.settings.current.faults;
    if (!affects(settings, context.method, context.url.pathname)) return next();
    const draw = plan.draw(settings);
    context.var.faultDraw = draw;

    const queuedError = plan.errors > 0;
    if (queuedError || draw.error < settings.error_rate) {
      if (queuedError) plan.errors--;
      const why = queuedError ? 'a queued one-shot error' : `error_rate ${settings.error_rate}`;
      note(
        context,
        `${FAULT_NOTE}503 on arrival (${why}), before any work: Retry-After ${RETRY_AFTER_S} s`,
        cite('RFC 9110 §15.6.4'),
      );
      throw new ProblemError(
        'service-unavailable',
        `The service is unavailable (an injected fault). Nothing was done; retry after ${RETRY_AFTER_S} s.`,
        { headers: { 'Retry-After': String(RETRY_AFTER_S) } },
      );
    }

    let thrown = false;
    try {
      await next();
    } catch (error) {
      thrown = true;
      if (!(plan.drops > 0 || draw.drop < settings.drop_rate)) throw error;
      // The answer this would have been is lost on the way all the same.
      answerThrown(context, error);
    }
    const queuedDrop = plan.drops > 0;
    if (queuedDrop || draw.drop < settings.drop_rate) {
      if (queuedDrop) plan.drops--;
      const why = queuedDrop ? 'a queued one-shot drop' : `drop_rate ${settings.drop_rate}`;
      const status = context.response?.status ?? 0;
      note(
        context,
        `${FAULT_NOTE}the ${status} answer dropped after the work was done (${why}): the client gets a network error${thrown ? '' : ', though the request happened'}`,
      );
      respondNetworkError(context);
    }
  };
}

/**
 * The latency slot (after the idempotency record exists, before the handler): `latency_ms` ±
 * `jitter_ms`, or a queued delay, in real time, so the request is really in flight meanwhile.
 */
export function injectLatency(
  plan: FaultPlan,
  sleep: (ms: number) => Promise<void>,
): Middleware<ApiContext> {
  return async (context, next) => {
    const draw = context.var.faultDraw;
    if (!draw) return next();
    const settings = context.env.settings.current.faults;
    const queued = plan.delays.shift();
    const ms = queued ?? latencyOf(settings, draw.jitter);
    if (ms > 0) {
      const why =
        queued !== undefined
          ? 'a queued one-shot delay'
          : `latency ${settings.latency_ms} ± ${settings.jitter_ms} ms, seed ${settings.seed}`;
      note(context, `${FAULT_NOTE}${ms} ms of real time before the handler (${why})`);
      await sleep(ms);
    }
    return next();
  };
}

/** Real time, as faults spend it; the virtual clock does not move meanwhile. */
export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

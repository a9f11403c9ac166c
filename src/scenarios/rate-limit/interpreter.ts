import { API_BASE } from '../../api/routes/api-base.ts';
import { maxInSpan } from '../../api/middleware/rate-limit/replay.ts';
import { fetchJson, type ScenarioContext, type StepInterpreter } from '../scenario.ts';
import { playTrace } from './play-trace.ts';
import type { RateLimitStep } from './steps.ts';

interface Saved {
  rateLimit: Record<string, unknown>;
  paused: boolean;
}

/**
 * A fresh interpreter for one run. Client names get a suffix unique to the run, so running a
 * scenario twice starts from fresh buckets both times.
 */
export function rateLimitInterpreter(
  runId = Math.random().toString(36).slice(2, 8),
): StepInterpreter<RateLimitStep> {
  let saved: Saved | undefined;
  let windowMs = 10_000;
  const client = (name: string) => `${name}-${runId}`;

  return async (step, context) => {
    const { transport } = context;
    switch (step.kind) {
      case 'policy': {
        if (!saved) {
          const settings = (await fetchJson(transport, 'GET', '/__admin/settings')) as {
            rate_limit: Record<string, unknown>;
          };
          const clock = (await fetchJson(transport, 'GET', '/__admin/clock')) as {
            paused: boolean;
          };
          saved = { rateLimit: settings.rate_limit, paused: clock.paused };
          // Exact from here on: time moves only when a step moves it.
          await fetchJson(transport, 'POST', '/__admin/clock', { action: 'pause' });
        }
        const next = (await fetchJson(transport, 'PATCH', '/__admin/settings', {
          rate_limit: { enabled: true, ...step.policy },
        })) as {
          rate_limit: { window_ms: number };
        };
        windowMs = next.rate_limit.window_ms;
        return;
      }
      case 'play': {
        const result = await playTrace(step.trace, {
          transport,
          clientId: client(step.client),
          mode: 'fast-forward',
          windowMs,
          signal: context.signal,
        });
        const admittedTimes = result.times.filter((_, i) => result.statuses[i] === 200);
        context.record(`${step.as}.start`, result.start);
        context.record(`${step.as}.sent`, result.times.length);
        context.record(`${step.as}.admitted`, admittedTimes.length);
        context.record(
          `${step.as}.rejected`,
          result.statuses.filter((status) => status === 429).length,
        );
        context.record(`${step.as}.maxPerSecond`, maxInSpan(admittedTimes, 1000));
        return;
      }
      case 'request':
        return request(context, client(step.client), step.as);
      case 'advance':
        await fetchJson(transport, 'POST', '/__admin/clock', { action: 'advance', ms: step.ms });
        return;
      case 'advance-retry-after': {
        const seconds = Number(context.metrics[`${step.from}.retryAfter`]);
        if (!(seconds > 0)) throw new Error(`${step.from} received no Retry-After`);
        await fetchJson(transport, 'POST', '/__admin/clock', {
          action: 'advance',
          ms: seconds * 1000 + (step.extraMs ?? 0),
        });
        return;
      }
      case 'restore':
        if (!saved) return;
        await fetchJson(transport, 'PATCH', '/__admin/settings', { rate_limit: saved.rateLimit });
        await fetchJson(transport, 'POST', '/__admin/clock', {
          action: saved.paused ? 'pause' : 'resume',
        });
        saved = undefined;
        return;
    }
  };
}

async function request(context: ScenarioContext, clientId: string, as: string): Promise<void> {
  const { transport } = context;
  const response = await transport.fetch(
    new Request(transport.origin + `${API_BASE}/users?limit=1`, {
      headers: { 'X-Client-Id': clientId },
    }),
  );
  await response.arrayBuffer();
  const retryAfter = response.headers.get('Retry-After');
  context.record(`${as}.status`, response.status);
  context.record(`${as}.retryAfter`, retryAfter === null ? -1 : Number(retryAfter));
  context.record(
    `${as}.retryAfterIsWhole`,
    retryAfter !== null && /^[1-9][0-9]*$/.test(retryAfter),
  );
}

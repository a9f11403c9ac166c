import type { RateLimitEvent } from '../../api/middleware/rate-limit/rate-limit-event.ts';
import type { AlgorithmId, RateLimitSettings } from '../../api/middleware/rate-limit/policy.ts';
import { ALGORITHMS } from '../../api/middleware/rate-limit/registry.ts';
import type { Metric, Scenario, ScenarioContext, StepInterpreter, Transport } from '../scenario.ts';
import { rateLimitInterpreter } from './interpreter.ts';
import type { RateLimitStep } from './steps.ts';
import { buildTrace, describeTrace } from './traces.ts';

/** What the player shows after a rate-limit step: the policy and one client's decisions. */
export interface RateLimitView {
  policy: Pick<RateLimitSettings, 'algorithm' | 'quota' | 'window_ms' | 'burst'> | undefined;
  /** The client the chart follows (the scenario's name for it, without the run's suffix). */
  client: string | undefined;
  /** Its decisions so far, in order. */
  decisions: RateLimitEvent[];
  /** Virtual ms of the client's first request: the chart's 0 s. */
  origin: number | undefined;
  /** The virtual clock after the step. */
  now: number;
  /** A window edge to mark (the window-edge trace puts one on a boundary). */
  edge: number | undefined;
}

export interface RateLimitStepper {
  initial: RateLimitView;
  run(
    step: RateLimitStep,
    context: ScenarioContext,
  ): Promise<{ view: RateLimitView; narration: string }>;
  stop(): void;
}

interface Events {
  subscribe(listener: (event: { type: string; decision?: RateLimitEvent }) => void): () => void;
}

/**
 * Runs a scenario's steps through the lab's interpreter while listening to the limiter's
 * decisions (the core's "rate-limit" events), and says after each step what happened and
 * which rule decided it.
 */
export function rateLimitStepper(options: {
  events: Events;
  /** Where the clock is read after each step (the page's core: not journaled). */
  control: Transport;
  runId: string;
}): RateLimitStepper {
  const interpret: StepInterpreter<RateLimitStep> = rateLimitInterpreter(options.runId);
  const byPartition = new Map<string, RateLimitEvent[]>();
  // Subscribed at the first step, so a stepper that never runs holds no listener.
  let unsubscribe: (() => void) | undefined;
  const listen = () =>
    options.events.subscribe((event) => {
      if (event.type !== 'rate-limit' || !event.decision) return;
      const list = byPartition.get(event.decision.partition);
      if (list) list.push(event.decision);
    });
  const partition = (client: string) => `client:${client}-${options.runId}`;
  let view: RateLimitView = {
    policy: undefined,
    client: undefined,
    decisions: [],
    origin: undefined,
    now: 0,
    edge: undefined,
  };

  return {
    initial: view,
    stop: () => {
      unsubscribe?.();
      unsubscribe = undefined;
    },
    async run(step, context) {
      unsubscribe ??= listen();
      if (
        (step.kind === 'play' || step.kind === 'request') &&
        !byPartition.has(partition(step.client))
      )
        byPartition.set(partition(step.client), []);
      const before = { ...context.metrics };
      await interpret(step, context);
      const now = await clockNow(options.control);
      const policy = step.kind === 'restore' ? view.policy : await readPolicy(options.control);
      const client = step.kind === 'play' || step.kind === 'request' ? step.client : view.client;
      const decisions = client ? [...(byPartition.get(partition(client)) ?? [])] : [];
      let edge = client === view.client ? view.edge : undefined;
      if (step.kind === 'play') {
        const trace = buildTrace(step.trace);
        const start = context.metrics[`${step.as}.start`];
        edge =
          trace.edgeAt !== undefined && typeof start === 'number'
            ? start + trace.edgeAt
            : undefined;
      }
      view = { policy, client, decisions, origin: decisions[0]?.at, now, edge };
      return { view, narration: narrate(step, policy, context.metrics, before) };
    },
  };
}

const RULES: Record<AlgorithmId, string> = {
  fixed_window:
    'fixed window counts requests per clock-aligned window and forgets the count at each edge',
  sliding_log:
    'sliding log remembers every admitted request for one window: never more than the quota in any window',
  sliding_window:
    'sliding window counter weighs the previous window’s count by how much of it still overlaps',
  token_bucket:
    'token bucket: each request takes a token; tokens refill at the quota per window, up to the bucket size',
  leaky_bucket:
    'leaky bucket (a meter): each request adds to the bucket, which drains at the quota per window; one that would overflow is refused',
};

type Policy = RateLimitView['policy'];

function describePolicy(policy: NonNullable<Policy>): string {
  const burst =
    policy.algorithm === 'token_bucket' || policy.algorithm === 'leaky_bucket'
      ? `, bucket of ${policy.burst ?? policy.quota}`
      : '';
  return `${ALGORITHMS[policy.algorithm].name}, ${policy.quota} per ${policy.window_ms / 1000} s${burst}`;
}

/** One line per step: what happened (the measured numbers) and the rule that decided it. */
export function narrate(
  step: RateLimitStep,
  policy: Policy,
  metrics: Readonly<Record<string, Metric>>,
  before: Readonly<Record<string, Metric>>,
): string {
  const rule = policy ? RULES[policy.algorithm] : '';
  switch (step.kind) {
    case 'policy':
      return policy ? `Policy: ${describePolicy(policy)}. Rule: ${rule}.` : 'Policy set.';
    case 'play': {
      const m = (name: string) => metrics[`${step.as}.${name}`];
      const refused = Number(m('rejected'));
      const why =
        refused > 0
          ? `the ${refused} refused got 429 with Retry-After (RFC 6585 §4)`
          : 'every request fitted';
      return `${capitalise(describeTrace(step.trace))} from “${step.client}”: ${m('admitted')} of ${m('sent')} admitted, most in any 1 s ${m('maxPerSecond')}; ${why}. Rule: ${rule}.`;
    }
    case 'request': {
      const status = metrics[`${step.as}.status`];
      const retry = Number(metrics[`${step.as}.retryAfter`]);
      return status === 429
        ? `One request from “${step.client}”: 429 Too Many Requests, Retry-After: ${retry} s, the earliest moment it would be admitted (RFC 9110 §10.2.3). Rule: ${rule}.`
        : `One request from “${step.client}”: ${status}, admitted: the window has room again. Rule: ${rule}.`;
    }
    case 'advance':
      return `The virtual clock moves on ${step.ms / 1000} s; nothing is sent.`;
    case 'advance-retry-after': {
      const retry = Number(metrics[`${step.from}.retryAfter`] ?? before[`${step.from}.retryAfter`]);
      const extra = step.extraMs ?? 0;
      const by = (retry * 1000 + extra) / 1000;
      return `The clock moves on ${by} s: Retry-After (${retry} s)${extra < 0 ? ` minus ${-extra / 1000} s, a little too early` : extra > 0 ? ` plus ${extra / 1000} s` : ''}.`;
    }
    case 'restore':
      return 'The policy and the clock are put back as they were before the scenario.';
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

async function clockNow(control: Transport): Promise<number> {
  const response = await control.fetch(new Request(control.origin + '/__admin/clock'));
  return ((await response.json()) as { epoch_ms: number }).epoch_ms;
}

async function readPolicy(control: Transport): Promise<Policy> {
  const response = await control.fetch(new Request(control.origin + '/__admin/settings'));
  const { rate_limit } = (await response.json()) as { rate_limit: RateLimitSettings };
  const { algorithm, quota, window_ms, burst } = rate_limit;
  return { algorithm, quota, window_ms, burst };
}

export type RateLimitScenario = Scenario<RateLimitStep>;

import type { Metric, ScenarioContext } from '../scenario.ts';
import type { ClientName, Exchange } from './cache-world.ts';
import { cachingRun } from './interpreter.ts';
import type { CachingStep } from './steps.ts';

/** What the player shows after a caching step: the requests so far and what each client holds. */
export interface CachingView {
  exchanges: Exchange[];
  /** How many of `exchanges` the step just shown made. */
  fresh: number;
  copies: Partial<Record<ClientName, { name: string; price_cents: number; etag: string | null }>>;
  entries: { cache: string; keys: string[] }[];
}

export interface CachingStepper {
  initial: CachingView;
  run(
    step: CachingStep,
    context: ScenarioContext,
  ): Promise<{ view: CachingView; narration: string }>;
}

const EMPTY: CachingView = { exchanges: [], fresh: 0, copies: {}, entries: [] };

/** Runs a caching scenario's steps and says after each what happened and which rule decided it. */
export function cachingStepper(runId?: string): CachingStepper {
  const run = cachingRun(runId);
  return {
    initial: EMPTY,
    async run(step, context) {
      const before = run.world()?.exchanges.length ?? 0;
      await run.interpret(step, context);
      const world = run.world();
      const exchanges = [...(world?.exchanges ?? [])];
      const copies: CachingView['copies'] = {};
      for (const [client, copy] of Object.entries(run.copies()) as [
        ClientName,
        { body: Record<string, unknown>; etag: string | null },
      ][])
        copies[client] = {
          name: String(copy.body.name),
          price_cents: Number(copy.body.price_cents),
          etag: copy.etag,
        };
      const entries = world
        ? [world.clients.a, world.clients.b, world.cdn].map((cache) => ({
            cache: cache.name,
            keys: cache.entries().map((entry) => entry.key),
          }))
        : [];
      const view = { exchanges, fresh: exchanges.length - before, copies, entries };
      return { view, narration: narrate(step, context.metrics, exchanges.slice(before)) };
    },
  };
}

const WHO: Record<ClientName, string> = { a: 'Alice (client A)', b: 'Bob (client B)' };

/** One line per step: what was sent, who answered, and the rule behind it. */
export function narrate(
  step: CachingStep,
  metrics: Readonly<Record<string, Metric>>,
  made: readonly Exchange[],
): string {
  const last = made.at(-1);
  const reached = (exchange: Exchange) =>
    exchange.apiStatus === undefined
      ? 'never reached the API'
      : `the API answered ${exchange.apiStatus} (${exchange.apiBytes} bytes)`;
  switch (step.kind) {
    case 'policy':
      return `Products now answer Cache-Control: ${step.directives} (RFC 9111 §5.2.2).`;
    case 'require-preconditions':
      return `conditional.require_preconditions is ${step.on ? 'on: every PUT, PATCH and DELETE must carry If-Match or If-Unmodified-Since (RFC 6585 §3)' : 'off'}.`;
    case 'get':
      return last
        ? `${WHO[step.client]} GETs ${step.target === 'page' ? 'a page of products' : 'the product'}: ${reached(last)}; ${last.why}.`
        : 'Nothing was sent.';
    case 'put': {
      if (!last) return 'Nothing was sent.';
      const guard = step.ifMatch ? 'with If-Match: the ETag it read' : 'without If-Match';
      const kept = metrics[`${step.as}.keptOthers`];
      const outcome =
        last.status === 412
          ? '412 Precondition Failed: the product changed since this client read it, and nothing was written (RFC 9110 §13.1.1)'
          : last.status === 428
            ? '428 Precondition Required: the server wants to know which version the client saw (RFC 6585 §3)'
            : kept === false
              ? `${last.status}: written, and the other client’s change is silently gone: a lost update`
              : `${last.status}: written`;
      return `${WHO[step.client]} PUTs the whole product ${guard}: ${outcome}.`;
    }
    case 'merge-retry':
      return `${WHO[step.client]} reads the product again (Cache-Control: no-cache, past its own cache), applies its change to the fresh copy and PUTs it with the new ETag: ${last?.status ?? '?'}${metrics[`${step.as}.keptOthers`] === true ? ', and the other client’s change is kept' : ''}.`;
    case 'advance':
      return `The virtual clock moves on ${step.ms / 1000} s; nothing is sent, but stored answers age.`;
    case 'restore':
      return 'The settings and the clock are put back as they were before the scenario.';
  }
}

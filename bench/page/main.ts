import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createHandlers } from '../../src/adapters/msw/handlers.ts';
import { createBenchApi } from '../bench-api.ts';
import {
  TARGET_ORDERS,
  type BenchPage,
  type Operation,
  type Target,
  type TargetResult,
} from '../protocol.ts';

/**
 * One MSW worker, two sets of handlers: baseline handlers that only return the JSON (MSW's own
 * round trip, the floor) and the full restlab pipeline. No persistence: the API without the
 * IndexedDB adapter (see bench-api.ts), so the figures are the core's cost and nothing else.
 */
async function start(): Promise<BenchPage> {
  const { api, userId, userBody } = await createBenchApi(location.origin);
  const userJson = JSON.parse(userBody) as Record<string, unknown>;

  // The baselines, one handler for both (GET 200, POST 201):
  //   bare: HttpResponse.json, MSW's idiomatic answer;
  //   raw:  a hand-made Response, the least a handler can do (HttpResponse.json also sizes the
  //         body with a Blob for Content-Length, about 0.1 ms in Chromium; the core does not).
  const baselines = http.all(`${location.origin}/bench/:baseline/*`, ({ request, params }) => {
    const status = request.method === 'POST' ? 201 : 200;
    return params.baseline === 'raw'
      ? new Response(JSON.stringify(userJson), {
          status,
          headers: { 'Content-Type': 'application/json' },
        })
      : HttpResponse.json(userJson, { status });
  });
  const worker = setupWorker(...createHandlers(api, location.origin));
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await startCachingBench(worker);
  // MSW parses a request against every handler it tries (path match and cookies: about 45 µs
  // per handler in a profile here), so before each turn the target's own handler goes first:
  // every request is matched by the first handler it meets, as /api requests are in the app.
  const putFirst = (target: Target) => {
    worker.resetHandlers();
    if (target !== 'full') worker.use(baselines);
  };

  let posted = 0;
  const prefix: Record<Target, string> = {
    bare: '/bench/bare/users',
    raw: '/bench/raw/users',
    full: '/api/v1/users',
  };
  // Every target gets the same request; emails stay unique so every full POST is a 201.
  // Returns undefined when the answer is the expected one, else what came instead.
  const send = async (target: Target, operation: Operation): Promise<string | undefined> => {
    const response =
      operation === 'GET'
        ? await fetch(`${prefix[target]}/${userId}`)
        : await fetch(prefix[target], {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: 'Bench User', email: `bench.${++posted}@example.com` }),
          });
    const body: unknown = await response.json();
    if (response.status === (operation === 'GET' ? 200 : 201)) return undefined;
    return `${response.status} ${JSON.stringify(body).slice(0, 300)}`;
  };

  const empty = (): TargetResult => ({
    ms: 0,
    requests: 0,
    latencies: [],
    failures: 0,
    firstFailure: undefined,
  });
  const record = (into: TargetResult, ms: number, outcomes: readonly (string | undefined)[]) => {
    into.ms += ms;
    into.requests += outcomes.length;
    for (const outcome of outcomes) {
      if (outcome === undefined) continue;
      into.failures++;
      into.firstFailure ??= outcome;
    }
  };
  const orderAt = (index: number) => TARGET_ORDERS[index % TARGET_ORDERS.length] ?? [];

  return {
    controlled: navigator.serviceWorker.controller !== null,
    isolated: crossOriginIsolated,
    async round(mode, operation, count, index) {
      const results: Record<Target, TargetResult> = { bare: empty(), raw: empty(), full: empty() };
      if (mode === 'sequential') {
        // Turns request by request: a burst of other work on the machine hits all targets alike.
        for (let i = 0; i < count; i++) {
          for (const target of orderAt(index + i)) {
            putFirst(target);
            const started = performance.now();
            const outcome = await send(target, operation);
            const ms = performance.now() - started;
            record(results[target], ms, [outcome]);
            results[target].latencies.push(ms);
          }
        }
      } else {
        for (const target of orderAt(index)) {
          putFirst(target);
          const started = performance.now();
          const outcomes = await Promise.all(
            Array.from({ length: count }, () => send(target, operation)),
          );
          record(results[target], performance.now() - started, outcomes);
        }
      }
      return results;
    },
  };
}

/**
 * The caching section's targets (bench/caching-bench.ts): `/caching/on/…` and `/caching/off/…`
 * hand the request, without its prefix, to one of two APIs made alike (1,000 users) except that
 * the second has no conditional mechanism: no ETag, no Last-Modified, no precondition. Both go
 * through the same handler, so the difference is the mechanism's cost alone.
 */
async function startCachingBench(worker: ReturnType<typeof setupWorker>): Promise<void> {
  const sizes = { users: 1000 };
  const on = await createBenchApi(location.origin, { sizes });
  const off = await createBenchApi(location.origin, { sizes, without: ['conditional'] });
  const prefix = /^\/caching\/(on|off)(\/.*)$/;
  const handler = http.all(
    ({ request }) => prefix.test(new URL(request.url).pathname),
    ({ request }) => {
      const url = new URL(request.url);
      const [, which, rest] = prefix.exec(url.pathname) ?? [];
      const target = which === 'on' ? on.api : off.api;
      return target.fetch(
        new Request(location.origin + (rest ?? '/') + url.search, { headers: request.headers }),
      );
    },
  );
  window.restlabCaching = {
    userId: on.userId,
    // Its handler first, and alone with the app's: the engine's turns reset the handlers.
    prepare: () => {
      worker.resetHandlers();
      worker.use(handler);
    },
  };
}

declare global {
  interface Window {
    /** The caching bench: the seeded user it GETs (the same id in both APIs), its handler. */
    restlabCaching?: { userId: string; prepare(): void };
  }
}

start().then(
  (bench) => {
    window.restlabBench = bench;
  },
  (error: unknown) => {
    window.restlabBenchError = String(error);
  },
);

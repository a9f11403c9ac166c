import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import autocannon from 'autocannon';
import { build } from 'vite';
import type { CpuReading, ServersReady } from './node/servers.ts';
import type { Mode, Operation, Target, TargetResult } from './protocol.ts';
import { serveStatic } from './support/static-server.ts';
import { median, pairedIqr, pairedRatio, summarize, type Summary } from './support/stats.ts';

/**
 * What the restlab core costs on top of its transport.
 *  1. In headless Chromium, ms per request through one MSW worker, GET by id and POST, one at a
 *     time and 100 at once, for three targets: `bare` (HttpResponse.json with the same JSON, the
 *     baseline of the target), `raw` (a hand-made Response, the least a handler can do) and
 *     `full` (the restlab pipeline). One at a time they take turns request by request; 100 at
 *     once, round by round; either way in all six orders (see TARGET_ORDERS).
 *  2. Over node:http, requests/s of the full pipeline versus a bare JSON server (autocannon),
 *     alternating the same way.
 * Ratios are taken within each round and then the median, so drift between rounds cancels.
 */

const PLAN = {
  warmup: { sequentialRequests: 100, concurrentRounds: 3 },
  /** 24 rounds of 25 = 600 requests per target and operation. */
  sequential: { rounds: 24, requestsPerRound: 25 },
  /** 24 rounds of Promise.all over 100 = 2,400 requests per target and operation. */
  concurrent: { rounds: 24, requestsPerRound: 100 },
  // Short rounds, many of them: a burst of other work then spoils one pair, not a third of the run.
  node: { warmupSeconds: 1, rounds: 6, secondsPerRound: 2, connections: 10 },
} as const;

/** full/bare, ms per request through the worker. */
export const TARGET_RATIO = 1.1;
const TARGETS: readonly Target[] = ['bare', 'raw', 'full'];
type NodeTarget = 'bare' | 'full';
const NODE_TARGETS: readonly NodeTarget[] = ['bare', 'full'];

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export interface BrowserScenario {
  mode: Mode;
  operation: Operation;
  rounds: number;
  requestsPerRound: number;
  /** ms per request, one value per round: the median request (sequential), wall time ÷ count (concurrent). */
  bare: Summary;
  raw: Summary;
  full: Summary;
  /** Median over rounds of full ÷ bare (or raw) measured in the same round. */
  ratios: { full_bare: number; full_raw: number };
  /** The middle half of the per-round full ÷ bare ratios (25th to 75th percentile): the noise. */
  full_bare_iqr: [number, number];
}

export interface NodeResult {
  connections: number;
  rounds: number;
  secondsPerRound: number;
  /** requests/s, one value per round. */
  bare: Summary;
  full: Summary;
  ratio: number;
  /**
   * The servers' CPU time (user + system, all threads) per request answered, one value per
   * round: unlike requests/s, it hardly depends on how much of a core the server was given.
   */
  cpu_us_per_request: { bare: Summary; full: Summary };
}

export interface EngineResult {
  browser: { version: string; isolated: boolean; scenarios: BrowserScenario[] };
  node: NodeResult;
}

export async function benchEngine(
  browser: Browser,
  log: (message: string) => void,
): Promise<EngineResult> {
  return { browser: await browserPart(browser, log), node: await nodePart(log) };
}

async function browserPart(
  browser: Browser,
  log: (message: string) => void,
): Promise<EngineResult['browser']> {
  log('engine: building the bench page (bench/page → dist-bench/)');
  await build({ configFile: here('./vite.config.ts'), logLevel: 'warn' });
  const site = await serveStatic(here('../dist-bench'));
  const page = await browser.newPage();
  try {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(site.url);
    await page.waitForFunction(() => window.restlabBench ?? window.restlabBenchError, undefined, {
      timeout: 30_000,
    });
    const state = await page.evaluate(() => ({
      controlled: window.restlabBench?.controlled ?? false,
      isolated: window.restlabBench?.isolated ?? false,
      error: window.restlabBenchError,
    }));
    if (state.error) throw new Error(`the bench page failed to start: ${state.error}`);
    if (!state.controlled) throw new Error('the bench page is not controlled by the MSW worker');

    const scenarios: BrowserScenario[] = [];
    for (const mode of ['sequential', 'concurrent'] as const) {
      for (const operation of ['GET', 'POST'] as const) {
        log(`engine: browser, ${operation} ${mode}`);
        scenarios.push(await measureInPage(page, mode, operation));
      }
    }
    if (pageErrors.length > 0)
      throw new Error(`the bench page logged errors:\n${pageErrors.join('\n')}`);
    return { version: browser.version(), isolated: state.isolated, scenarios };
  } finally {
    await page.close();
    site.server.close();
  }
}

async function measureInPage(
  page: Page,
  mode: Mode,
  operation: Operation,
): Promise<BrowserScenario> {
  const plan = PLAN[mode];
  const count = plan.requestsPerRound;
  const warmupRounds =
    mode === 'sequential'
      ? Math.ceil(PLAN.warmup.sequentialRequests / count)
      : PLAN.warmup.concurrentRounds;
  for (let i = 0; i < warmupRounds; i++) await pageRound(page, mode, operation, count, i);

  const perRequest: Record<Target, number[]> = { bare: [], raw: [], full: [] };
  for (let i = 0; i < plan.rounds; i++) {
    const results = await pageRound(page, mode, operation, count, i);
    for (const target of TARGETS) {
      const result = results[target];
      if (result.failures > 0) {
        throw new Error(
          `${target} ${operation} ${mode}: ${result.failures} unexpected answers, first: ${result.firstFailure}`,
        );
      }
      // One at a time: the round's median request (one slow request, say a GC pause, must not
      // decide a round); 100 at once: the round's wall time shared out.
      perRequest[target].push(
        mode === 'sequential' ? median(result.latencies) : result.ms / result.requests,
      );
    }
  }
  return {
    mode,
    operation,
    rounds: plan.rounds,
    requestsPerRound: count,
    bare: summarize(perRequest.bare, 3),
    raw: summarize(perRequest.raw, 3),
    full: summarize(perRequest.full, 3),
    ratios: {
      full_bare: pairedRatio(perRequest.full, perRequest.bare),
      full_raw: pairedRatio(perRequest.full, perRequest.raw),
    },
    full_bare_iqr: pairedIqr(perRequest.full, perRequest.bare),
  };
}

function pageRound(
  page: Page,
  mode: Mode,
  operation: Operation,
  count: number,
  index: number,
): Promise<Record<Target, TargetResult>> {
  return page.evaluate(
    ([mode, operation, count, index]) => {
      const bench = window.restlabBench;
      if (!bench) throw new Error('the bench page is not ready');
      return bench.round(mode, operation, count, index);
    },
    [mode, operation, count, index] as const,
  );
}

/** The node:http part alone (`npm run bench -- engine-node`): no browser needed. */
export function benchEngineNode(log: (message: string) => void): Promise<NodeResult> {
  return nodePart(log);
}

async function nodePart(log: (message: string) => void): Promise<NodeResult> {
  const { connections, rounds, secondsPerRound, warmupSeconds } = PLAN.node;
  // The servers run in their own process, so autocannon does not take their event loop's time.
  const child = fork(here('./node/servers.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await Promise.race([
      once(child, 'message').then(([message]) => message as ServersReady),
      once(child, 'exit').then(() => Promise.reject(new Error('the bench servers exited'))),
    ]);
    const cpu = async () => {
      child.send('cpu');
      const [reading] = (await once(child, 'message')) as [CpuReading];
      return reading.micros;
    };
    const cpuPerRequest: Record<NodeTarget, number[]> = { bare: [], full: [] };
    const load = async (target: NodeTarget, duration: number) => {
      const cpuBefore = await cpu();
      const result = await autocannon({
        url: `http://127.0.0.1:${ready[target]}/api/v1/users/${ready.userId}`,
        connections,
        duration,
      });
      if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
        throw new Error(
          `${target} server: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
        );
      }
      cpuPerRequest[target].push(((await cpu()) - cpuBefore) / result.requests.total);
      return result.requests.total / result.duration;
    };

    log('engine: node:http warm-up');
    for (const target of NODE_TARGETS) await load(target, warmupSeconds);
    for (const target of NODE_TARGETS) cpuPerRequest[target].length = 0;
    const perSecond: Record<NodeTarget, number[]> = { bare: [], full: [] };
    for (let i = 0; i < rounds; i++) {
      // Alternate, and alternate which goes first (ABBA), as in the page.
      const order = i % 2 === 0 ? NODE_TARGETS : [...NODE_TARGETS].reverse();
      for (const target of order) {
        log(`engine: node:http ${target} round ${i + 1} of ${rounds}`);
        perSecond[target].push(await load(target, secondsPerRound));
      }
    }
    return {
      connections,
      rounds,
      secondsPerRound,
      bare: summarize(perSecond.bare, 0),
      full: summarize(perSecond.full, 0),
      ratio: pairedRatio(perSecond.full, perSecond.bare),
      cpu_us_per_request: {
        bare: summarize(cpuPerRequest.bare, 1),
        full: summarize(cpuPerRequest.full, 1),
      },
    };
  } finally {
    child.kill();
  }
}

const row = (cells: readonly string[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(18) : cell.padStart(10))).join('  ');

/** The engine's figures as table lines, for bench/run.ts. */
export function describeEngine({ browser, node }: EngineResult): string[] {
  return [
    'Through the MSW worker: ms per request (median of rounds); ratios paired by round',
    row(['scenario', 'bare', 'raw', 'full', 'full/bare', 'IQR', 'full/raw', 'target']),
    ...browser.scenarios.map((s) =>
      row([
        `${s.operation} ${s.mode}`,
        s.bare.median.toFixed(3),
        s.raw.median.toFixed(3),
        s.full.median.toFixed(3),
        s.ratios.full_bare.toFixed(3),
        s.full_bare_iqr.map((value) => value.toFixed(2)).join('–'),
        s.ratios.full_raw.toFixed(3),
        s.ratios.full_bare <= TARGET_RATIO ? 'met' : 'MISSED',
      ]),
    ),
    ...describeEngineNode(node),
  ];
}

/** The node:http figures as table lines. */
export function describeEngineNode(node: NodeResult): string[] {
  return [
    `node:http, GET by id: requests/s (median of ${node.rounds} × ${node.secondsPerRound} s, ${node.connections} connections)`,
    row(['server', 'bare', 'full', 'full/bare']),
    row(['GET by id', String(node.bare.median), String(node.full.median), node.ratio.toFixed(3)]),
    row([
      'CPU µs/request',
      String(node.cpu_us_per_request.bare.median),
      String(node.cpu_us_per_request.full.median),
      '',
    ]),
  ];
}

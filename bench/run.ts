import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { format, resolveConfig } from 'prettier';
import { benchAuth, describeAuth } from './auth-bench.ts';
import {
  benchEngine,
  benchEngineNode,
  describeEngine,
  describeEngineNode,
} from './engine-bench.ts';
import { benchCaching, describeCaching } from './caching-bench.ts';
import { benchFirstLoad, describeFirstLoad } from './first-load-bench.ts';
import { benchKeyedPosts, benchRecords, describeIdempotency } from './idempotency-bench.ts';
import { benchRequestLog, describeRequestLog } from './log-bench.ts';
import { benchPagination, describePagination } from './pagination-bench.ts';
import {
  benchBurstChart,
  benchDecisions,
  benchLimiterPipeline,
  describeRateLimit,
} from './rate-limit-bench.ts';
import { serveBuiltApp, type BuiltApp } from './support/built-app.ts';
import { launchChromium } from '../e2e/chromium.ts';
import { round } from './support/stats.ts';

/**
 * `npm run bench [-- section …]`: every speed and size figure the project promises, measured in
 * one run on this machine, each as a ratio against a baseline where the cost is relative.
 * Sections: engine (the core over its transports), first-load, log (the request log),
 * pagination, rate-limit, auth, caching, idempotency; engine-node (engine's node:http part alone) only when named. Prints verdict lines and writes bench/results.json. Method: BENCHMARKS.md.
 */

interface SectionContext {
  /** Headless Chromium, launched on first use (the engine's Node part needs none). */
  browser(): Promise<Browser>;
  /** The built app on loopback, built on first use. */
  app(): Promise<BuiltApp>;
  log(message: string): void;
}

interface Section {
  name: string;
  /** Run only when named: a part of another section, not a figure of its own. */
  onlyWhenNamed?: boolean;
  run(context: SectionContext): Promise<{ figures: unknown; lines: string[] }>;
}

const SECTIONS: readonly Section[] = [
  {
    name: 'engine',
    async run({ browser, log }) {
      const figures = await benchEngine(await browser(), log);
      return { figures, lines: describeEngine(figures) };
    },
  },
  {
    // The node:http half of `engine` alone, without a browser: for work on the Node adapter.
    name: 'engine-node',
    onlyWhenNamed: true,
    async run({ log }) {
      const figures = await benchEngineNode(log);
      return { figures, lines: describeEngineNode(figures) };
    },
  },
  {
    name: 'first-load',
    async run({ browser, app }) {
      const { url, outDir } = await app();
      const figures = await benchFirstLoad(await browser(), url, outDir);
      return { figures, lines: describeFirstLoad(figures) };
    },
  },
  {
    name: 'log',
    async run({ browser, app }) {
      const page = await (await browser()).newPage({ viewport: { width: 1280, height: 720 } });
      try {
        const figures = await benchRequestLog(page, `${(await app()).url}/`);
        return { figures, lines: describeRequestLog(figures) };
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'pagination',
    async run({ browser, app, log }) {
      log('pagination: core, 1,000,000 users');
      const core = await benchPagination();
      const page = await (await browser()).newPage({ viewport: { width: 1280, height: 720 } });
      try {
        await page.goto(`${(await app()).url}/`);
        log('pagination: through the worker, 1,000,000 users');
        const worker = await benchPagination(page);
        return {
          figures: { core, worker },
          lines: [...describePagination(core), ...describePagination(worker)],
        };
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'rate-limit',
    async run({ browser, app, log }) {
      log('rate-limit: decisions, 10,000 clients');
      const decisions = benchDecisions();
      const base = `${(await app()).url}/`;
      const onPage = async <T>(measure: (page: Page) => Promise<T>) => {
        const page = await (await browser()).newPage({ viewport: { width: 1280, height: 720 } });
        try {
          return await measure(page);
        } finally {
          await page.close();
        }
      };
      log('rate-limit: limiter on and off through the worker');
      const pipeline = await onPage((page) => benchLimiterPipeline(page, base));
      log('rate-limit: a 1,000-request burst charted');
      const burst = await onPage((page) => benchBurstChart(page, base));
      return {
        figures: { decisions, pipeline, burst },
        lines: describeRateLimit(decisions, pipeline, burst),
      };
    },
  },
  {
    name: 'auth',
    async run({ browser, app, log }) {
      log('auth: enforce all and off through the worker, sign-in cost');
      const page = await (await browser()).newPage({ viewport: { width: 1280, height: 720 } });
      try {
        const figures = await benchAuth(page, `${(await app()).url}/`);
        return { figures, lines: describeAuth(figures) };
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'caching',
    async run({ browser, log }) {
      const figures = await benchCaching(await browser(), log);
      return { figures, lines: describeCaching(figures) };
    },
  },
  {
    name: 'idempotency',
    async run({ browser, app, log }) {
      log('idempotency: records in Node, memory and expiry');
      const records = benchRecords();
      log('idempotency: POST with a key and without, through the worker');
      const page = await (await browser()).newPage({ viewport: { width: 1280, height: 720 } });
      try {
        const keyed = await benchKeyedPosts(page, `${(await app()).url}/`);
        return { figures: { keyed, records }, lines: describeIdempotency(keyed, records) };
      } finally {
        await page.close();
      }
    },
  },
];

const started = performance.now();
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SECTIONS.some((section) => section.name === name));
if (unknown.length > 0) {
  console.error(
    `unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}
const chosen = SECTIONS.filter((section) =>
  wanted.length === 0 ? !section.onlyWhenNamed : wanted.includes(section.name),
);

// Other work on the machine shows up as noise in every figure: recorded, and warned about.
const loadBefore = os.loadavg()[0] ?? 0;
let launched: Promise<Browser> | undefined;
let built: Promise<BuiltApp> | undefined;
const context: SectionContext = {
  browser: () => (launched ??= launchChromium()),
  log,
  app: () => (built ??= serveBuiltApp()),
};
const results: Record<string, unknown> = {};
const report: string[] = [];
try {
  for (const section of chosen) {
    log(`${section.name}: start`);
    const { figures, lines } = await section.run(context);
    results[section.name] = figures;
    report.push('', `── ${section.name}`, ...lines);
  }
} finally {
  if (launched) await (await launched).close();
  if (built) await (await built).close();
}
const loadAfter = os.loadavg()[0] ?? 0;
const seconds = round((performance.now() - started) / 1000, 1);

const resultsFile = fileURLToPath(new URL('./results.json', import.meta.url));
const document = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    load_average_1min: { before: round(loadBefore, 2), after: round(loadAfter, 2) },
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: launched ? (await launched).version() : null,
  },
  sections: results,
  seconds,
};
// Formatted as the repository's Prettier config wants, so `npm test`'s format check stays green.
await writeFile(
  resultsFile,
  await format(JSON.stringify(document), {
    ...(await resolveConfig(resultsFile)),
    filepath: resultsFile,
  }),
);
for (const line of report) console.log(line);
if (Math.max(loadBefore, loadAfter) > os.cpus().length) {
  console.log(
    `\nwarning: the 1-minute load average was ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after, on ${os.cpus().length} cores: other work was running, so these figures are noisy`,
  );
}
console.log(`\nbench took ${seconds} s; results in bench/results.json`);

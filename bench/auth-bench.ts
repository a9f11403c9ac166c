import type { Page } from '@playwright/test';
import { createApi } from '../src/api/create-api.ts';
import { median, pairedRatio, round } from './support/stats.ts';

/**
 * The auth section (issue 10): the cost of `auth.enforce: all` against `off` on GET by id,
 * through the worker, one at a time and 100 at once, as a ratio in the same run (target ≤ 1.10).
 * Both send the same bearer token (the app's client always does once signed in), so the ratio
 * is the guard: reading the header, the cached verification (its key and jti checked), the
 * scope and Vary. Also: what one sign-in costs (PBKDF2-SHA-256, 600,000 iterations) in the page
 * and in Node, and one BCP verification without the cache, in Node.
 */
export const AUTH_BENCH_PLAN = { pairs: 20, sequential: 100, concurrent: 100, logins: 5 } as const;

export interface AuthFigures {
  pairs: number;
  sequentialOffMs: number;
  sequentialAllMs: number;
  sequentialRatio: number;
  concurrentOffMs: number;
  concurrentAllMs: number;
  concurrentRatio: number;
  /** Median ms of one POST /api/v1/auth/login through the worker. */
  loginPageMs: number;
  /** The same straight into the core, in Node. */
  loginNodeMs: number;
  /** One ES256 verification by the BCP verifier, cache missed (a token never seen), in Node. */
  verifyUncachedNodeMs: number;
}

export async function benchAuth(page: Page, baseUrl: string): Promise<AuthFigures> {
  await page.goto(baseUrl);
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.waitForFunction(() => window.restlab?.controlled === true);
  const plan = AUTH_BENCH_PLAN;
  const result = await page.evaluate(async (plan) => {
    const json = { 'Content-Type': 'application/json' };
    const patch = (body: unknown) =>
      fetch('/__admin/settings', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify(body),
      }).then((response) => response.text());
    // The limiter on, with a quota no round reaches, as the app runs.
    await patch({ rate_limit: { quota: 1_000_000 } });
    const users = (await (await fetch('/api/v1/users?limit=100')).json()) as {
      data: { id: string; email: string; role: string }[];
    };
    const member = users.data.find((user) => user.role === 'member');
    if (!member) throw new Error('no member');
    const logins: number[] = [];
    let token = '';
    for (let i = 0; i < plan.logins; i++) {
      const started = performance.now();
      const reply = await fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: member.email, password: 'restlab-demo' }),
      });
      token = ((await reply.json()) as { access_token: string }).access_token;
      logins.push(performance.now() - started);
    }
    await patch({ auth: { access_ttl_s: 86_400 } });
    const again = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: member.email, password: 'restlab-demo' }),
    });
    token = ((await again.json()) as { access_token: string }).access_token;
    const get = () =>
      fetch(`/api/v1/users/${member.id}`, {
        headers: { Authorization: `Bearer ${token}`, 'X-Client-Id': 'bench' },
      }).then((response) => {
        if (response.status !== 200) throw new Error(`GET answered ${response.status}`);
        return response.text();
      });
    const time = async (run: () => Promise<unknown>, count: number) => {
      const started = performance.now();
      await run();
      return (performance.now() - started) / count;
    };
    const sequential = async () => {
      for (let i = 0; i < plan.sequential; i++) await get();
    };
    const concurrent = () => Promise.all(Array.from({ length: plan.concurrent }, get));
    const rounds: { all: boolean; sequential: number; concurrent: number }[] = [];
    for (let pair = 0; pair < plan.pairs; pair++) {
      for (const all of pair % 2 === 0 ? [false, true] : [true, false]) {
        await patch({ auth: { enforce: all ? 'all' : 'off' } });
        await time(sequential, plan.sequential); // warm-up, not counted
        rounds.push({
          all,
          sequential: await time(sequential, plan.sequential),
          concurrent: await time(concurrent, plan.concurrent),
        });
      }
    }
    await patch({ auth: null, rate_limit: null });
    return { rounds, logins };
  }, plan);

  const pick = (all: boolean, key: 'sequential' | 'concurrent') =>
    result.rounds.filter((r) => r.all === all).map((r) => r[key]);
  const node = await nodeCosts();
  return {
    pairs: plan.pairs,
    sequentialOffMs: round(median(pick(false, 'sequential')), 3),
    sequentialAllMs: round(median(pick(true, 'sequential')), 3),
    sequentialRatio: pairedRatio(pick(true, 'sequential'), pick(false, 'sequential')),
    concurrentOffMs: round(median(pick(false, 'concurrent')), 3),
    concurrentAllMs: round(median(pick(true, 'concurrent')), 3),
    concurrentRatio: pairedRatio(pick(true, 'concurrent'), pick(false, 'concurrent')),
    loginPageMs: round(median(result.logins), 1),
    ...node,
  };
}

async function nodeCosts(): Promise<Pick<AuthFigures, 'loginNodeMs' | 'verifyUncachedNodeMs'>> {
  const api = createApi();
  const origin = 'http://bench.test';
  const users = await (await api.fetch(new Request(`${origin}/api/v1/users?limit=100`))).json();
  const member = users.data.find((user: { role: string }) => user.role === 'member');
  const logins: number[] = [];
  for (let i = 0; i < AUTH_BENCH_PLAN.logins; i++) {
    const started = performance.now();
    await (
      await api.fetch(
        new Request(`${origin}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: member.email, password: 'restlab-demo' }),
        }),
      )
    ).text();
    logins.push(performance.now() - started);
  }
  // Fresh tokens, each verified once: the cache never helps.
  const verifies: number[] = [];
  for (let i = 0; i < 50; i++) {
    const minted = await (
      await api.fetch(
        new Request(`${origin}/__admin/tokens`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ sub: member.id }),
        }),
      )
    ).json();
    const started = performance.now();
    await (
      await api.fetch(
        new Request(`${origin}/api/v1/me`, {
          headers: { Authorization: `Bearer ${minted.access_token}` },
        }),
      )
    ).text();
    verifies.push(performance.now() - started);
  }
  return {
    loginNodeMs: round(median(logins), 1),
    verifyUncachedNodeMs: round(median(verifies), 3),
  };
}

export function describeAuth(figures: AuthFigures): string[] {
  const verdict = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  return [
    `${verdict(figures.sequentialRatio <= 1.1)} enforce all/off on GET by id through the worker, one at a time: ${figures.sequentialRatio} (${figures.sequentialAllMs} vs ${figures.sequentialOffMs} ms; target ≤ 1.10)`,
    `${verdict(figures.concurrentRatio <= 1.1)} enforce all/off on GET by id through the worker, 100 at once: ${figures.concurrentRatio} (${figures.concurrentAllMs} vs ${figures.concurrentOffMs} ms; target ≤ 1.10)`,
    `     sign-in (PBKDF2-SHA-256, 600,000 iterations): ${figures.loginPageMs} ms through the worker, ${figures.loginNodeMs} ms in Node`,
    `     one BCP verification, cache missed (ES256, GET /me in Node): ${figures.verifyUncachedNodeMs} ms`,
  ];
}

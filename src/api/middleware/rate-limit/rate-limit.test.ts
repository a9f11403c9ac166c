import { parseList, type Item } from 'structured-headers';
import { beforeEach, describe, expect, it } from 'vitest';
import { compose } from '../../compose.ts';
import { createContext, type ApiContext } from '../../context.ts';
import type { Api } from '../../create-api.ts';
import type { ApiEvent } from '../../events.ts';
import { START_MS, call, expectProblem, makeApi, type Reply } from '../../test-support.ts';
import { Limiter } from './limiter.ts';
import { ALGORITHM_IDS } from './policy.ts';
import { rateLimit, stampRateLimitHeaders } from './rate-limit.ts';

const USERS = '/api/v1/users?limit=1';
let api: Api;

beforeEach(() => {
  api = makeApi({ rateLimit: true });
});

const settings = (rateLimit: Record<string, unknown>) =>
  call(api, 'PATCH', '/__admin/settings', { json: { rate_limit: rateLimit } });
const advance = (ms: number) =>
  call(api, 'POST', '/__admin/clock', { json: { action: 'advance', ms } });
const get = (client?: string, path = USERS) =>
  call(api, 'GET', path, client === undefined ? {} : { headers: { 'X-Client-Id': client } });

/** A one-item structured-field List, decoded by a real RFC 8941 parser. */
function field(reply: Reply, name: string): { name: string; params: Record<string, unknown> } {
  const value = reply.headers.get(name);
  if (value === null) throw new Error(`no ${name} header`);
  const list = parseList(value);
  expect(list).toHaveLength(1);
  const [bare, params] = list[0] as Item;
  return { name: String(bare), params: Object.fromEntries(params) };
}

async function exhaust(client: string): Promise<Reply> {
  for (let i = 0; i < 1000; i++) {
    const reply = await get(client);
    if (reply.status === 429) return reply;
  }
  throw new Error('never limited');
}

describe('defaults: token bucket, 100 per 10 s, both header styles', () => {
  it('admits 100 at one instant, then answers 429 quota-exceeded with violated-policies', async () => {
    for (let i = 1; i <= 100; i++) {
      const reply = await get();
      expect(reply.status).toBe(200);
      expect(field(reply, 'RateLimit-Policy')).toEqual({
        name: 'default',
        params: { q: 100, w: 10 },
      });
      // One token comes back every 100 ms: the whole quota is back after `used` × 0.1 s.
      expect(field(reply, 'RateLimit')).toEqual({
        name: 'default',
        params: { r: 100 - i, t: Math.ceil(i / 10) },
      });
    }
    const refused = await get();
    const body = expectProblem(refused, 'quota-exceeded', '/api/v1/users');
    expect(body['violated-policies']).toEqual(['default']);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(field(refused, 'RateLimit').params).toEqual({ r: 0, t: 10 });
    expect(refused.headers.get('X-RateLimit-Limit')).toBe('100');
    expect(refused.headers.get('X-RateLimit-Remaining')).toBe('0');
    expect(refused.headers.get('X-RateLimit-Reset')).toBe(String(START_MS / 1000 + 10));

    await advance(99);
    expect((await get()).status).toBe(429);
    await advance(1);
    expect((await get()).status).toBe(200);
  });

  it('notes the 429 in the journal with its rule and standard', async () => {
    await exhaust('noted');
    const [entry] = (await call(api, 'GET', '/__admin/requests?limit=1')).json.data;
    expect(entry.response.status).toBe(429);
    expect(entry.notes).toContainEqual({
      rule: 'token bucket: client "noted" has no token left (bucket of 100, refilled 100 requests per 10 s) → 429, Retry-After 1 s',
      standard: { cite: 'RFC 6585 §4', href: 'https://www.rfc-editor.org/rfc/rfc6585#section-4' },
    });
  });
});

describe('Retry-After is honest', () => {
  it.each(ALGORITHM_IDS)(
    '%s: a whole number ≥ 1, and retrying after it is admitted',
    async (algorithm) => {
      await settings({ algorithm, quota: 5, window_ms: 3000, burst: 2 });
      for (let round = 0; round < 5; round++) {
        const refused = await exhaust(`retry-${algorithm}`);
        const retryAfter = refused.headers.get('Retry-After') ?? '';
        expect(retryAfter).toMatch(/^[1-9]\d*$/);
        await advance(Number(retryAfter) * 1000);
        expect((await get(`retry-${algorithm}`)).status).toBe(200);
        await advance(137 * round);
      }
    },
  );

  it('fixed window: Retry-After is the time to the next epoch-aligned window, rounded up', async () => {
    await settings({ algorithm: 'fixed_window', quota: 2, window_ms: 60_000 });
    // START_MS is a whole day, so a multiple of 60 s: the window ends 60 s after it.
    await advance(58_500);
    await get('edge');
    await get('edge');
    const refused = await get('edge');
    expect(refused.headers.get('Retry-After')).toBe('2');
    expect(field(refused, 'RateLimit').params).toEqual({ r: 0, t: 2 });
    await advance(1_499);
    expect((await get('edge')).status).toBe(429);
    await advance(1);
    expect((await get('edge')).status).toBe(200);
  });
});

describe('partitions (X-Client-Id, else the token subject, else anonymous)', () => {
  it('counts each X-Client-Id apart from the others and from anonymous requests', async () => {
    await settings({ quota: 1, window_ms: 60_000 });
    expect((await get('alice')).status).toBe(200);
    expect((await get('alice')).status).toBe(429);
    expect((await get('bob')).status).toBe(200);
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
    expect((await get('anonymous')).status).toBe(200);
  });

  it('refuses a malformed X-Client-Id with 400 naming the header', async () => {
    for (const bad of ['has space', '', 'x'.repeat(129), 'café']) {
      const reply = await call(api, 'GET', USERS, { headers: { 'X-Client-Id': bad } });
      const body = expectProblem(reply, 'invalid-header');
      expect(body.errors).toEqual([{ header: 'X-Client-Id', detail: expect.any(String) }]);
    }
  });
});

describe('headers', () => {
  it('every limited answer carries them: 404, 405, HEAD, OPTIONS, 422', async () => {
    const replies = [
      await call(api, 'GET', '/api/v1/nothing'),
      await call(api, 'DELETE', '/api/v1/users'),
      await call(api, 'HEAD', USERS),
      await call(api, 'OPTIONS', '/api/v1/users'),
      await call(api, 'POST', '/api/v1/users', { json: { name: '' } }),
    ];
    expect(replies.map((r) => r.status)).toEqual([404, 405, 200, 204, 422]);
    expect(replies.map((r) => field(r, 'RateLimit').params.r)).toEqual([99, 98, 97, 96, 95]);
  });

  it.each([
    ['ietf', ['ratelimit', 'ratelimit-policy']],
    ['legacy', ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']],
    [
      'both',
      [
        'ratelimit',
        'ratelimit-policy',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
      ],
    ],
  ])('headers: %s', async (style, names) => {
    await settings({ headers: style });
    const reply = await get();
    expect([...reply.headers.keys()].filter((name) => name.includes('ratelimit')).sort()).toEqual(
      names,
    );
  });

  it('none and no limit when the limiter is off; the admin API is never limited', async () => {
    await settings({ enabled: false, quota: 1 });
    for (let i = 0; i < 3; i++) {
      const reply = await get();
      expect(reply.status).toBe(200);
      expect(reply.headers.get('RateLimit')).toBeNull();
    }
    await settings({ enabled: true });
    for (let i = 0; i < 3; i++) {
      const reply = await call(api, 'GET', '/__admin/clock');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('RateLimit')).toBeNull();
    }
  });
});

describe('limiter state', () => {
  it('POST /__admin/reset clears it; a new policy starts afresh; a new header style does not', async () => {
    await settings({ quota: 1, window_ms: 60_000 });
    await exhaust('state');
    expect((await call(api, 'POST', '/__admin/reset')).status).toBe(204);
    expect((await get('state')).status).toBe(200);
    expect((await get('state')).status).toBe(429);
    await settings({ headers: 'ietf' });
    expect((await get('state')).status).toBe(429);
    await settings({ algorithm: 'fixed_window' });
    expect((await get('state')).status).toBe(200);
  });

  it('a clock set back starts a client afresh', async () => {
    await settings({ quota: 1, window_ms: 60_000 });
    await exhaust('back');
    await call(api, 'POST', '/__admin/clock', { json: { action: 'set', epoch_ms: START_MS - 1 } });
    expect((await get('back')).status).toBe(200);
  });

  it('announces each decision with the state to chart it', async () => {
    const seen: ApiEvent[] = [];
    api.events.subscribe((event) => seen.push(event));
    await settings({ algorithm: 'fixed_window', quota: 2 });
    await get('evented');
    const decision = seen.find((event) => event.type === 'rate-limit');
    expect(decision).toEqual({
      type: 'rate-limit',
      decision: {
        partition: 'client:evented',
        algorithm: 'fixed_window',
        policy: { quota: 2, windowMs: 10_000, burst: 2 },
        at: START_MS,
        admitted: true,
        remaining: 1,
        resetMs: 10_000,
        retryMs: 0,
        state: { window: START_MS / 10_000, count: 1 },
      },
    });
  });
});

describe('exactness over HTTP', () => {
  it('token bucket, a request every 10 ms for 60 s from full: burst + ⌊T·quota/window⌋', async () => {
    await settings({ algorithm: 'token_bucket', quota: 100, window_ms: 10_000, burst: 20 });
    let admitted = 0;
    for (let t = 0; t <= 60_000; t += 10) {
      if ((await get('steady')).status === 200) admitted++;
      await advance(10);
    }
    expect(admitted).toBe(20 + Math.floor((60 * 100) / 10));
  });
});

describe('stampRateLimitHeaders', () => {
  it('stamps even an answer whose headers are immutable', async () => {
    const context = createContext(new Request('http://restlab.test/x'), api.env);
    await compose([
      stampRateLimitHeaders,
      rateLimit(new Limiter()),
      (ctx: ApiContext) => {
        ctx.response = Response.redirect('http://restlab.test/y', 302);
      },
    ])(context);
    expect(context.response?.status).toBe(302);
    expect(context.response?.headers.get('Location')).toBe('http://restlab.test/y');
    expect(context.response?.headers.get('RateLimit')).toBe('"default";r=99;t=1');
  });
});

import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../create-api.ts';
import type { MechanismFactory } from '../../pipeline.ts';
import { respondJson } from '../../respond.ts';
import { defineRoute } from '../../routes/route.ts';
import { call, expectProblem, makeApi, snapshot } from '../../test-support.ts';
import { varyOn, varyValue } from './vary.ts';

let api: Api;
let productId: string;
let userId: string;
const product = () => `/api/v1/products/${productId}`;
const patchStock = (stock: number, headers: Record<string, string> = {}) =>
  call(api, 'PATCH', product(), { json: { stock }, headers });

beforeEach(async () => {
  api = makeApi({ rateLimit: true });
  productId = (await call(api, 'GET', '/api/v1/products?limit=1')).json.data[0].id;
  userId = (await call(api, 'GET', '/api/v1/users?limit=1')).json.data[0].id;
});

describe('validators (shared API.md §9)', () => {
  it('a single resource has a strong ETag that changes with its representation, clock paused', async () => {
    const first = await call(api, 'GET', product());
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect((await call(api, 'GET', product())).headers.get('ETag')).toBe(etag);
    const once = await patchStock(first.json.stock + 1);
    const twice = await patchStock(first.json.stock + 2);
    // The clock is paused: both writes have the same updated_at, yet the tag moves with the bytes.
    expect(twice.json.updated_at).toBe(once.json.updated_at);
    const tags = [etag, once.headers.get('ETag'), twice.headers.get('ETag')];
    expect(new Set(tags).size).toBe(3);
    expect((await call(api, 'GET', product())).headers.get('ETag')).toBe(tags[2]);
  });

  it('Last-Modified is updated_at as an HTTP-date; list pages carry a weak ETag', async () => {
    const item = await call(api, 'GET', product());
    expect(item.headers.get('Last-Modified')).toBe(new Date(item.json.updated_at).toUTCString());
    const page = await call(api, 'GET', '/api/v1/products?limit=5');
    expect(page.headers.get('ETag')).toMatch(/^W\/"/);
    expect(page.headers.get('Last-Modified')).toBeNull();
    const other = await call(api, 'GET', '/api/v1/products?limit=6');
    expect(other.headers.get('ETag')).not.toBe(page.headers.get('ETag'));
  });

  it('Cache-Control per resource from the settings; writes and problems are no-store', async () => {
    expect((await call(api, 'GET', product())).headers.get('Cache-Control')).toBe(
      'public, max-age=60',
    );
    expect((await call(api, 'GET', `/api/v1/users/${userId}`)).headers.get('Cache-Control')).toBe(
      'private, no-cache',
    );
    expect((await call(api, 'GET', '/api/v1/users')).headers.get('Cache-Control')).toBe('no-cache');
    expect((await patchStock(3)).headers.get('Cache-Control')).toBe('no-store');
    expect((await call(api, 'GET', '/api/v1/users/nobody')).headers.get('Cache-Control')).toBe(
      'no-store',
    );
    await call(api, 'PATCH', '/__admin/settings', {
      json: { caching: { policies: { products: 'no-store' } } },
    });
    expect((await call(api, 'GET', product())).headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('304 Not Modified', () => {
  it('has no body and carries what the 200 would about caching, and the request id and limits', async () => {
    const first = await call(api, 'GET', product());
    const etag = first.headers.get('ETag') ?? '';
    const reply = await call(api, 'GET', product(), { headers: { 'If-None-Match': etag } });
    expect(reply.status).toBe(304);
    expect(reply.text).toBe('');
    for (const name of ['ETag', 'Last-Modified', 'Cache-Control'])
      expect(reply.headers.get(name), name).toBe(first.headers.get(name));
    expect(reply.headers.get('Content-Type')).toBeNull();
    expect(reply.headers.get('X-Request-Id')).toBeTruthy();
    expect(reply.headers.get('RateLimit')).toBeTruthy();
    const head = await call(api, 'HEAD', product(), { headers: { 'If-None-Match': `W/${etag}` } });
    expect(head.status).toBe(304);
    const since = await call(api, 'GET', product(), {
      headers: { 'If-Modified-Since': first.headers.get('Last-Modified') ?? '' },
    });
    expect(since.status).toBe(304);
    const journal = (await call(api, 'GET', '/__admin/requests?limit=1')).json.data[0];
    expect(journal.notes.map((n: { rule: string }) => n.rule).join('\n')).toMatch(
      /If-Modified-Since → 304/,
    );
  });

  it('a list page answers 304 to its weak tag until the page would change', async () => {
    const page = await call(api, 'GET', '/api/v1/products?limit=5');
    const etag = page.headers.get('ETag') ?? '';
    expect(
      (await call(api, 'GET', '/api/v1/products?limit=5', { headers: { 'If-None-Match': etag } }))
        .status,
    ).toBe(304);
    await call(api, 'POST', '/api/v1/products', {
      json: { name: 'New', price_cents: 1, stock: 1 },
    });
    expect(
      (await call(api, 'GET', '/api/v1/products?limit=5', { headers: { 'If-None-Match': etag } }))
        .status,
    ).toBe(200);
  });

  it('an unknown id stays 404, whatever the preconditions', async () => {
    const conditions: Record<string, string>[] = [{ 'If-None-Match': '*' }, { 'If-Match': '"x"' }];
    for (const headers of conditions) {
      expectProblem(await call(api, 'GET', '/api/v1/products/prd_none', { headers }), 'not-found');
      expectProblem(
        await call(api, 'PUT', '/api/v1/products/prd_none', {
          json: { name: 'x', price_cents: 1, stock: 1 },
          headers,
        }),
        'not-found',
      );
    }
  });
});

describe('a 304 spends no quota (shared API.md §9)', () => {
  const remaining = (reply: { headers: Headers }) =>
    Number(/r=(\d+)/.exec(reply.headers.get('RateLimit') ?? '')?.[1]);

  it('carries r as before the request, and the next request finds it unspent', async () => {
    const first = await call(api, 'GET', product());
    const etag = first.headers.get('ETag') ?? '';
    const r = remaining(first);
    for (let i = 0; i < 5; i++) {
      const reply = await call(api, 'GET', product(), { headers: { 'If-None-Match': etag } });
      expect(reply.status).toBe(304);
      expect(remaining(reply)).toBe(r);
    }
    expect(remaining(await call(api, 'GET', product()))).toBe(r - 1);
    const journal = (await call(api, 'GET', '/__admin/requests?limit=2')).json.data[1];
    expect(journal.notes.map((n: { rule: string }) => n.rule).join('\n')).toMatch(
      /spends no quota/,
    );
  });

  it('spends it when rate_limit.free_304 is off, and a 200 always spends it', async () => {
    await call(api, 'PATCH', '/__admin/settings', { json: { rate_limit: { free_304: false } } });
    const first = await call(api, 'GET', product());
    const etag = first.headers.get('ETag') ?? '';
    const reply = await call(api, 'GET', product(), { headers: { 'If-None-Match': etag } });
    expect(reply.status).toBe(304);
    expect(remaining(reply)).toBe(remaining(first) - 1);
    const miss = await call(api, 'GET', product(), { headers: { 'If-None-Match': '"other"' } });
    expect(miss.status).toBe(200);
    expect(remaining(miss)).toBe(remaining(first) - 2);
  });
});

describe('the lost update, prevented (If-Match → 412)', () => {
  it('the second writer with the old tag is refused, and nothing changes', async () => {
    const read = await call(api, 'GET', product());
    const etag = read.headers.get('ETag') ?? '';
    const alice = await patchStock(5, { 'If-Match': etag });
    expect(alice.status).toBe(200);
    const before = snapshot(api);
    const bob = await patchStock(7, { 'If-Match': etag });
    const body = expectProblem(bob, 'precondition-failed');
    expect(body.failed_precondition).toBe('If-Match');
    expect(snapshot(api)).toEqual(before);
    // Refetch, merge, retry with the new tag: it goes through.
    const fresh = (await call(api, 'GET', product())).headers.get('ETag') ?? '';
    expect((await patchStock(7, { 'If-Match': fresh })).status).toBe(200);
  });

  it('If-None-Match: * on a PUT to an existing id is 412; a malformed If-Match is 412', async () => {
    const put = await call(api, 'PUT', product(), {
      json: { name: 'x', price_cents: 1, stock: 1 },
      headers: { 'If-None-Match': '*' },
    });
    expectProblem(put, 'precondition-failed');
    expectProblem(await patchStock(1, { 'If-Match': 'no-quotes' }), 'precondition-failed');
    expect((await patchStock(1, { 'If-Match': '*' })).status).toBe(200);
  });

  it('preconditions come before the body: a 412 is given for a body that is not even JSON', async () => {
    const reply = await call(api, 'PATCH', product(), {
      body: '{not json',
      contentType: 'application/merge-patch+json',
      headers: { 'If-Match': '"stale"' },
    });
    expectProblem(reply, 'precondition-failed');
  });

  it('a change made while the body was arriving is caught inside the write', async () => {
    const etag = (await call(api, 'GET', product())).headers.get('ETag') ?? '';
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        await gate;
        controller.enqueue(new TextEncoder().encode('{"stock": 11}'));
        controller.close();
      },
    });
    const slow = api.fetch(
      new Request(`http://restlab.test${product()}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': etag },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await patchStock(99)).status).toBe(200);
    release();
    const reply = await slow;
    expect(reply.status).toBe(412);
    expect((await call(api, 'GET', product())).json.stock).toBe(99);
  });

  it('428 when preconditions are required, saying how to resend', async () => {
    await call(api, 'PATCH', '/__admin/settings', {
      json: { conditional: { require_preconditions: true } },
    });
    const body = expectProblem(await patchStock(1), 'precondition-required');
    expect(body.detail).toMatch(/If-Match/);
    expectProblem(await call(api, 'DELETE', product()), 'precondition-required');
    const etag = (await call(api, 'GET', product())).headers.get('ETag') ?? '';
    expect((await patchStock(1, { 'If-Match': etag })).status).toBe(200);
  });
});

describe('a 304 exactly when the representation is unchanged (fast-check)', () => {
  it('holds for any sequence of writes and conditional reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant('write' as const),
              stock: fc.integer({ min: 0, max: 3 }),
            }),
            fc.record({ kind: fc.constant('read' as const), tag: fc.integer({ min: 0, max: 5 }) }),
          ),
          { maxLength: 25 },
        ),
        async (steps) => {
          const local = makeApi();
          const path = `/api/v1/products/${(await call(local, 'GET', '/api/v1/products?limit=1')).json.data[0].id}`;
          const seen: { etag: string; body: string }[] = [];
          const read = await call(local, 'GET', path);
          seen.push({ etag: read.headers.get('ETag') ?? '', body: read.text });
          for (const step of steps) {
            if (step.kind === 'write') {
              await call(local, 'PATCH', path, { json: { stock: step.stock } });
              continue;
            }
            const remembered = seen[step.tag % seen.length];
            if (!remembered) continue;
            const reply = await call(local, 'GET', path, {
              headers: { 'If-None-Match': remembered.etag },
            });
            const now = (await call(local, 'GET', path)).text;
            expect(reply.status).toBe(now === remembered.body ? 304 : 200);
            if (reply.status === 200)
              seen.push({ etag: reply.headers.get('ETag') ?? '', body: reply.text });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('what the server tells caches and the journal', () => {
  const rules = async (limit = 1) =>
    (
      (await call(api, 'GET', `/__admin/requests?limit=${limit}`)).json.data[0].notes as {
        rule: string;
        standard?: { cite: string };
      }[]
    ).map((n) => `${n.rule} [${n.standard?.cite ?? ''}]`);

  it('every answer carries Date from the virtual clock, a 304 and a problem too', async () => {
    const now = new Date(api.env.clock.now()).toUTCString();
    const first = await call(api, 'GET', product());
    expect(first.headers.get('Date')).toBe(now);
    const etag = first.headers.get('ETag') ?? '';
    const again = await call(api, 'GET', product(), { headers: { 'If-None-Match': etag } });
    expect(again.headers.get('Date')).toBe(now);
    expect((await call(api, 'GET', '/api/v1/products/none')).headers.get('Date')).toBe(now);
  });

  it('each outcome is a journal note citing its section', async () => {
    const etag = (await call(api, 'GET', product())).headers.get('ETag') ?? '';
    await call(api, 'GET', product(), { headers: { 'If-None-Match': etag } });
    expect(await rules()).toContain('If-None-Match → 304 [RFC 9110 §13.1.2]');
    await patchStock(4, { 'If-Match': etag });
    expect(await rules()).toContain(
      'Every precondition holds → the request proceeds [RFC 9110 §13.2.2]',
    );
    await patchStock(5, { 'If-Match': etag });
    expect(await rules()).toContain('If-Match failed → 412 (RFC 9110 §13.1.1) [RFC 9110 §13.1.1]');
    await call(api, 'PATCH', '/__admin/settings', {
      json: { conditional: { require_preconditions: true } },
    });
    await patchStock(6);
    expect((await rules()).join('\n')).toMatch(/→ 428 \(RFC 6585 §3\) \[RFC 6585 §3\]/);
  });

  it('the evaluation is announced as an event, the trace the lab shows', async () => {
    const seen: { requestId: string; evaluation: { outcome: string; trace: unknown[] } }[] = [];
    api.events.subscribe((event) => {
      if (event.type === 'preconditions') seen.push(event);
    });
    const etag = (await call(api, 'GET', product())).headers.get('ETag') ?? '';
    const reply = await call(api, 'GET', product(), {
      headers: { 'If-None-Match': `"other", ${etag}`, 'If-Modified-Since': 'garbage' },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.requestId).toBe(reply.headers.get('X-Request-Id'));
    expect(seen[0]?.evaluation.outcome).toBe('not-modified');
    expect(seen[0]?.evaluation.trace).toEqual([
      expect.objectContaining({ header: 'If-None-Match', comparison: 'weak', held: false }),
    ]);
  });
});

describe('Vary where the answer depends on a request field', () => {
  const greeting: MechanismFactory = () => ({
    name: 'greeting',
    routes: [
      defineRoute({
        method: 'GET',
        path: '/api/v1/greeting',
        operationId: 'greeting',
        summary: 'A greeting in the language asked for',
        tags: ['Test'],
        policies: { validators: 'item' },
        responses: { 200: { description: 'The greeting.' } },
        handler: (context) => {
          varyOn(context, 'Accept-Language');
          const french = context.request.headers.get('Accept-Language') === 'fr';
          respondJson(context, 200, { text: french ? 'bonjour' : 'hello' });
        },
      }),
    ],
  });

  it('the 200 and its 304 name the field; the variants have their own tags', async () => {
    const local = makeApi({ mechanisms: [greeting] });
    const english = await call(local, 'GET', '/api/v1/greeting');
    expect(english.headers.get('Vary')).toBe('Accept-Language');
    const french = await call(local, 'GET', '/api/v1/greeting', {
      headers: { 'Accept-Language': 'fr' },
    });
    expect(french.headers.get('ETag')).not.toBe(english.headers.get('ETag'));
    const revalidated = await call(local, 'GET', '/api/v1/greeting', {
      headers: { 'Accept-Language': 'fr', 'If-None-Match': french.headers.get('ETag') ?? '' },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('Vary')).toBe('Accept-Language');
  });

  it('merges with a Vary already there, and * stays *', () => {
    expect(varyValue('Accept', ['accept', 'Authorization'])).toBe('Accept, Authorization');
    expect(varyValue('*', ['Authorization'])).toBe('*');
    expect(varyValue(null, [])).toBe('');
  });
});

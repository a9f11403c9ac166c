import { parseList, type Item } from 'structured-headers';
import { describe, expect, it } from 'vitest';
import { expectJson, expectProblem, mergePatch, type ContractTarget } from './contract-target.ts';

const PATH = '/api/v1/users?limit=1';

/** A one-item structured-field List (RFC 8941), decoded by a real parser: name and parameters. */
function decode(response: Response, name: string): [string, Record<string, unknown>] {
  const value = response.headers.get(name);
  expect(value, name).not.toBeNull();
  const [item, ...rest] = parseList(value ?? '');
  expect(rest).toEqual([]);
  const [bare, params] = item as Item;
  return [String(bare), Object.fromEntries(params)];
}

/** API.md §5, over every transport: the default policy, its headers, 429 and partitions. */
export function rateLimitContract(target: ContractTarget): void {
  const get = (client?: string) =>
    target.fetch('GET', PATH, client ? { headers: { 'X-Client-Id': client } } : {});
  const policy = async (rateLimit: Record<string, unknown> | null) =>
    expectJson(
      await target.fetch('PATCH', '/__admin/settings', mergePatch({ rate_limit: rateLimit })),
      200,
    );

  describe('§5 rate limiting', () => {
    it('is on by default: token bucket, 100 per 10 s, IETF and legacy headers', async () => {
      const first = await get();
      await expectJson(first, 200);
      expect(decode(first, 'RateLimit-Policy')).toEqual(['default', { q: 100, w: 10 }]);
      const [name, { r, t }] = decode(first, 'RateLimit');
      expect([name, r]).toEqual(['default', 99]);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(first.headers.get('X-RateLimit-Limit')).toBe('100');
      expect(first.headers.get('X-RateLimit-Remaining')).toBe('99');
      expect(Number(first.headers.get('X-RateLimit-Reset'))).toBeGreaterThan(1_700_000_000);
      const second = await get();
      await second.text();
      expect(decode(second, 'RateLimit')[1].r).toBe(98);
    });

    it('over the quota: 429 quota-exceeded, violated-policies, a whole Retry-After ≥ 1', async () => {
      // A minute-long sliding log: the clock runs, but not a minute's worth during the test.
      await policy({ algorithm: 'sliding_log', quota: 2, window_ms: 60_000 });
      try {
        for (let i = 0; i < 2; i++) await expectJson(await get('contract-a'), 200);
        const refused = await get('contract-a');
        expect(decode(refused, 'RateLimit')[1].r).toBe(0);
        const retryAfter = refused.headers.get('Retry-After') ?? '';
        expect(retryAfter).toMatch(/^[1-9]\d*$/);
        expect(Number(retryAfter)).toBeLessThanOrEqual(60);
        const body = await expectProblem(refused, 429, 'quota-exceeded', '/api/v1/users');
        expect(body['violated-policies']).toEqual(['default']);
        // Another client has its own quota.
        await expectJson(await get('contract-b'), 200);
      } finally {
        // Back to the default policy (null removes the section: RFC 7396), for whatever runs next.
        await policy(null);
      }
    });
  });
}

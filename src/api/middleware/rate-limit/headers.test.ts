import fc from 'fast-check';
import { parseList, type Item } from 'structured-headers';
import { describe, expect, it } from 'vitest';
import { rateLimitHeaders, retryAfterSeconds } from './headers.ts';

const decoded = (value: string | undefined): [unknown, Record<string, unknown>][] =>
  parseList(value ?? '').map((member) => {
    const [bare, params] = member as Item;
    return [bare, Object.fromEntries(params)];
  });

describe('rateLimitHeaders', () => {
  it('writes RFC 8941 lists that a real parser reads back exactly, for any policy and decision', () => {
    fc.assert(
      fc.property(
        fc.record({
          quota: fc.integer({ min: 1, max: 1_000_000 }),
          windowMs: fc.integer({ min: 1, max: 86_400 }).map((s) => s * 1000),
          burst: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        fc.record({
          admitted: fc.boolean(),
          remaining: fc.integer({ min: 0, max: 1_000_000 }),
          resetMs: fc.integer({ min: 0, max: 86_400_000 }),
          retryMs: fc.integer({ min: 0, max: 86_400_000 }),
        }),
        fc.integer({ min: 0, max: 253402300799999 }),
        (policy, decision, now) => {
          const headers = rateLimitHeaders('both', policy, decision, now);
          expect(decoded(headers['RateLimit-Policy'])).toEqual([
            ['default', { q: policy.quota, w: policy.windowMs / 1000 }],
          ]);
          expect(decoded(headers['RateLimit'])).toEqual([
            ['default', { r: decision.remaining, t: Math.ceil(decision.resetMs / 1000) }],
          ]);
          expect(headers['X-RateLimit-Reset']).toBe(
            String(Math.ceil((now + decision.resetMs) / 1000)),
          );
        },
      ),
    );
  });

  it('writes only the style asked for', () => {
    const decision = { admitted: true, remaining: 1, resetMs: 1, retryMs: 0 };
    const policy = { quota: 2, windowMs: 1000, burst: 2 };
    expect(Object.keys(rateLimitHeaders('ietf', policy, decision, 0))).toEqual([
      'RateLimit-Policy',
      'RateLimit',
    ]);
    expect(Object.keys(rateLimitHeaders('legacy', policy, decision, 0))).toEqual([
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
    ]);
  });

  it('Retry-After is whole seconds, at least 1, never earlier than the exact wait', () => {
    expect([1, 999, 1000, 1001, 0].map(retryAfterSeconds)).toEqual([1, 1, 1, 2, 1]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (ms) => {
        const seconds = retryAfterSeconds(ms);
        expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
        expect(seconds * 1000).toBeGreaterThanOrEqual(ms);
        expect((seconds - 1) * 1000).toBeLessThan(Math.max(ms, 1000));
      }),
    );
  });
});

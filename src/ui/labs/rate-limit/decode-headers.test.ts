import { describe, expect, it } from 'vitest';
import { decodeRateLimitHeaders } from './decode-headers.ts';

describe('decodeRateLimitHeaders', () => {
  it('reads the structured fields and the legacy trio in plain words', () => {
    const decoded = decodeRateLimitHeaders([
      ['content-type', 'application/json'],
      ['ratelimit-policy', '"default";q=100;w=10'],
      ['ratelimit', '"default";r=57;t=4'],
      ['x-ratelimit-limit', '100'],
      ['x-ratelimit-remaining', '57'],
      ['x-ratelimit-reset', '1767312004'],
      ['retry-after', '1'],
    ]);
    expect(decoded.map((header) => [header.name, header.meaning])).toEqual([
      ['RateLimit-Policy', 'policy “default”: 100 requests per 10 seconds'],
      ['RateLimit', '“default”: 57 requests left now; the whole quota is back in 4 seconds'],
      ['X-RateLimit-Limit', '100 requests per window (legacy)'],
      ['X-RateLimit-Remaining', '57 left (legacy)'],
      [
        'X-RateLimit-Reset',
        'whole quota back at 00:00:04 UTC, virtual time (legacy, epoch seconds)',
      ],
      ['Retry-After', 'wait 1 second, then retry: it will be admitted'],
    ]);
    expect(decoded.every((header) => header.ok)).toBe(true);
  });

  it('says what is wrong with a value it cannot read, rather than guessing', () => {
    const decoded = decodeRateLimitHeaders([
      ['RateLimit', 'default;r=1;t=2'],
      ['RateLimit-Policy', '"default";w=10'],
      ['Retry-After', 'soon'],
    ]);
    expect(decoded.map((header) => header.ok)).toEqual([false, false, false]);
    // In the order the panel shows them: the policy first.
    expect(decoded.map((header) => header.meaning).slice(0, 2)).toEqual([
      'no integer parameter q',
      'the policy name must be a String',
    ]);
  });
});

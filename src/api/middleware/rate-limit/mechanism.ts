import type { MechanismFactory } from '../../pipeline.ts';
import { RATE_LIMIT_HEADERS } from '../../routes/headers.ts';
import { Limiter } from './limiter.ts';
import { verifiedSubject } from './partition.ts';
import { rateLimit, stampRateLimitHeaders } from './rate-limit.ts';

/** Rate limiting (shared API.md §5): the limiter, its headers on every answer, its 429. */
export const rateLimitMechanism: MechanismFactory = () => {
  const limiter = new Limiter();
  return {
    name: 'rate-limit',
    layers: {
      'response-headers': stampRateLimitHeaders,
      'rate-limit': rateLimit(limiter, verifiedSubject),
    },
    reset: () => limiter.clear(),
    describe: () => ({
      headers: RATE_LIMIT_HEADERS,
      requestHeaders: ['X-Client-Id'],
      problems: { 400: ['invalid-header'], 429: ['quota-exceeded'] },
    }),
  };
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.ts';
import { ALGORITHM_IDS } from './policy.ts';
import { REFERENCE_MODELS } from './reference-models.ts';

describe('Limiter', () => {
  it.each(ALGORITHM_IDS)(
    '%s: thousands of interleaved clients, idle ones swept, decide as each alone would',
    (algorithm) => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 2999 }), fc.integer({ min: 0, max: 40 })), {
            minLength: 3000,
            maxLength: 6000,
          }),
          (requests) => {
            const policy = { quota: 3, windowMs: 2000, burst: 4 };
            const limiter = new Limiter();
            const perClient = new Map<number, { times: number[]; admitted: boolean[] }>();
            let now = 1767312000000;
            let peak = 0;
            for (const [client, gap] of requests) {
              now += gap;
              const decision = limiter.decide(`client:${client}`, now, algorithm, policy);
              const mine = perClient.get(client) ?? { times: [], admitted: [] };
              mine.times.push(now);
              mine.admitted.push(decision.admitted);
              perClient.set(client, mine);
              peak = Math.max(peak, limiter.size);
            }
            for (const { times, admitted } of perClient.values())
              expect(admitted).toEqual(REFERENCE_MODELS[algorithm](times, policy));
            // Memory follows the active clients: idle ones were forgotten along the way.
            expect(peak).toBeLessThan(perClient.size);
          },
        ),
        { numRuns: 5 },
      );
    },
  );
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.ts';
import { ALGORITHM_IDS, type Policy } from './policy.ts';
import { ALGORITHMS } from './registry.ts';

const BASE = 1767312000000;
const policyArb: fc.Arbitrary<Policy> = fc.record({
  quota: fc.integer({ min: 1, max: 8 }),
  windowMs: fc.constantFrom(1000, 2000, 5000),
  burst: fc.integer({ min: 1, max: 10 }),
});
const gapsArb = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })), {
  minLength: 1,
  maxLength: 60,
});

describe.each(ALGORITHM_IDS)('%s: a request given back is as if it never came', (id) => {
  const algorithm = ALGORITHMS[id];

  it('refunded at once, every later decision is the one the trace without it gives', () => {
    fc.assert(
      fc.property(policyArb, gapsArb, fc.nat(), (policy, gaps, pick) => {
        let t = BASE;
        const times = gaps.map((gap) => (t += gap));
        const refunded = pick % times.length;
        const withRefund = new Limiter();
        const without = new Limiter();
        const seen: boolean[] = [];
        const expected: boolean[] = [];
        for (const [i, at] of times.entries()) {
          const { decision, refund } = withRefund.decideRefundable('c', at, id, policy);
          if (i === refunded) {
            refund?.(at);
            continue;
          }
          seen.push(decision.admitted);
          expected.push(without.decide('c', at, id, policy).admitted);
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('status reports what the decision reported', () => {
    fc.assert(
      fc.property(policyArb, gapsArb, (policy, gaps) => {
        let t = BASE;
        const state = algorithm.create(BASE, policy);
        for (const gap of gaps) {
          t += gap;
          const decision = algorithm.decide(state, t, policy);
          const status = algorithm.status(state, t, policy);
          expect(status.remaining).toBe(decision.remaining);
          expect(status.resetMs).toBe(decision.resetMs);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with another decision in between, one request is still given back', () => {
    const policy = { quota: 5, windowMs: 10_000, burst: 5 };
    const limiter = new Limiter();
    const first = limiter.decideRefundable('c', BASE, id, policy);
    const second = limiter.decideRefundable('c', BASE + 1, id, policy);
    const before = second.decision.remaining;
    const after = first.refund?.(BASE + 1);
    expect(after?.remaining).toBe(before + 1);
  });
});

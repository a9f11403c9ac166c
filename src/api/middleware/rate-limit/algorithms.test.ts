import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Algorithm } from './algorithm.ts';
import { ALGORITHM_IDS, type AlgorithmId, type Policy } from './policy.ts';
import { REFERENCE_MODELS } from './reference-models.ts';
import { ALGORITHMS } from './registry.ts';

/** 2026-01-02T00:00:00Z, plus up to a minute so fixed windows fall anywhere. */
const BASE = 1767312000000;

const policyArb: fc.Arbitrary<Policy> = fc.record({
  quota: fc.integer({ min: 1, max: 12 }),
  windowMs: fc.constantFrom(1000, 2000, 3000, 5000, 10_000),
  burst: fc.integer({ min: 1, max: 16 }),
});

/** Non-decreasing times: bursts (gap 0), quick runs and pauses longer than a window. */
const traceArb: fc.Arbitrary<number[]> = fc
  .tuple(
    fc.integer({ min: 0, max: 60_000 }),
    fc.array(
      fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 12_000 }),
        // Round gaps land requests exactly on window edges and expiry instants.
        fc.constantFrom(250, 500, 1000, 2000, 3000, 5000),
      ),
      { minLength: 1, maxLength: 150 },
    ),
  )
  .map(([start, gaps]) => {
    let t = BASE + start;
    return gaps.map((gap) => (t += gap));
  });

function run(algorithm: Algorithm, times: readonly number[], policy: Policy) {
  const state = algorithm.create(times[0] ?? BASE, policy);
  return { state, decisions: times.map((t) => algorithm.decide(state, t, policy)) };
}

/** Calls `check` after every decision of the trace, with a copy of the state to experiment on. */
function eachDecision(
  id: AlgorithmId,
  check: (
    copy: () => unknown,
    at: number,
    decision: ReturnType<Algorithm['decide']>,
    policy: Policy,
  ) => void,
) {
  fc.assert(
    fc.property(traceArb, policyArb, (times, policy) => {
      const algorithm = ALGORITHMS[id];
      const state = algorithm.create(times[0] ?? BASE, policy);
      for (const t of times) {
        const decision = algorithm.decide(state, t, policy);
        check(() => structuredClone(state), t, decision, policy);
      }
    }),
    { numRuns: 150 },
  );
}

describe.each(ALGORITHM_IDS)('%s', (id) => {
  const algorithm = ALGORITHMS[id];

  it('admits exactly the requests its plain reference model admits, over random traces', () => {
    fc.assert(
      fc.property(traceArb, policyArb, (times, policy) => {
        const admitted = run(algorithm, times, policy).decisions.map((d) => d.admitted);
        expect(admitted).toEqual(REFERENCE_MODELS[id](times, policy));
      }),
      { numRuns: 300 },
    );
  });

  it('reports as remaining (r) exactly how many more requests it would admit at that instant', () => {
    eachDecision(id, (copy, t, decision, policy) => {
      const state = copy();
      for (let i = 0; i < decision.remaining; i++)
        expect(algorithm.decide(state, t, policy).admitted).toBe(true);
      expect(algorithm.decide(state, t, policy).admitted).toBe(false);
    });
  });

  it('gives an exact retry time: rejected 1 ms before it, admitted at it and at the whole second', () => {
    eachDecision(id, (copy, t, decision, policy) => {
      if (decision.admitted) return expect(decision.retryMs).toBe(0);
      expect(decision.retryMs).toBeGreaterThan(0);
      expect(algorithm.decide(copy(), t + decision.retryMs - 1, policy).admitted).toBe(false);
      expect(algorithm.decide(copy(), t + decision.retryMs, policy).admitted).toBe(true);
      const retryAfter = Math.max(1, Math.ceil(decision.retryMs / 1000));
      expect(algorithm.decide(copy(), t + retryAfter * 1000, policy).admitted).toBe(true);
    });
  });

  it('gives an exact reset time (t): the whole quota is back then, and not a millisecond sooner', () => {
    eachDecision(id, (copy, t, decision, policy) => {
      const state = copy();
      expect(algorithm.idle(state, t + decision.resetMs, policy)).toBe(true);
      if (decision.resetMs > 0)
        expect(algorithm.idle(state, t + decision.resetMs - 1, policy)).toBe(false);
    });
  });

  it('charts a level between 0 and its capacity', () => {
    eachDecision(id, (copy, t, _decision, policy) => {
      const level = algorithm.level(copy(), t, policy);
      expect(level).toBeGreaterThanOrEqual(0);
      expect(level).toBeLessThanOrEqual(algorithm.capacity(policy));
    });
  });
});

describe('exactness (shared API.md §5)', () => {
  // While the bucket never overflows between requests: (burst − 1)·window ≥ quota (per ms).
  it('token bucket over T ms from full, a request every ms: burst + ⌊T·quota/window⌋', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), policyArb, (span, policy) => {
        fc.pre((policy.burst - 1) * policy.windowMs >= policy.quota);
        const times = Array.from({ length: span + 1 }, (_, i) => BASE + i);
        const admitted = run(ALGORITHMS.token_bucket, times, policy).decisions.filter(
          (d) => d.admitted,
        ).length;
        expect(admitted).toBe(
          Math.min(
            times.length,
            policy.burst + Math.floor((span * policy.quota) / policy.windowMs),
          ),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('leaky bucket as a meter admits exactly what the token bucket admits', () => {
    fc.assert(
      fc.property(traceArb, policyArb, (times, policy) => {
        const token = run(ALGORITHMS.token_bucket, times, policy).decisions;
        const leaky = run(ALGORITHMS.leaky_bucket, times, policy).decisions;
        expect(leaky).toEqual(token);
      }),
      { numRuns: 200 },
    );
  });

  it('fixed window admits twice the quota across a window edge; sliding log only the quota', () => {
    const policy = { quota: 100, windowMs: 10_000, burst: 100 };
    const edge = BASE + 10_000 * 7;
    const times = [
      ...Array.from({ length: 100 }, (_, i) => edge - 200 + 2 * i),
      ...Array.from({ length: 100 }, (_, i) => edge + 2 * i),
    ];
    const count = (id: AlgorithmId) =>
      run(ALGORITHMS[id], times, policy).decisions.filter((d) => d.admitted).length;
    expect(count('fixed_window')).toBe(200);
    expect(count('sliding_log')).toBe(100);
  });
});

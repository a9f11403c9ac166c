import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario } from './scenario.ts';

type CountStep = { kind: 'count'; times: number };

describe('runScenario', () => {
  const transport = {
    origin: 'http://localhost',
    fetch: async () => new Response(null, { status: 204 }),
  };
  const scenario: Scenario<CountStep> = {
    id: 'count',
    lab: 'test',
    title: 'Counts',
    summary: 'Counts steps',
    steps: [
      { kind: 'count', times: 2 },
      { kind: 'count', times: 3 },
    ],
    expected: [
      { metric: 'total', op: 'eq', value: 5, claim: 'adds up' },
      { metric: 'total', op: 'lt', value: 5, claim: 'is below five (must fail)' },
      { metric: 'missing', op: 'eq', value: 1, claim: 'a metric never recorded fails' },
    ],
  };

  it('interprets each step in order and checks the expectations against the metrics', async () => {
    const seen: number[] = [];
    const result = await runScenario(
      scenario,
      async (step, context) => {
        context.record('total', Number(context.metrics.total ?? 0) + step.times);
      },
      transport,
      { onStep: (index) => seen.push(index) },
    );
    expect(seen).toEqual([0, 1]);
    expect(result.metrics.total).toBe(5);
    expect(result.checks.map((check) => check.pass)).toEqual([true, false, false]);
    expect(result.pass).toBe(false);
  });
});

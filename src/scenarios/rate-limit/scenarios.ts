import type { Scenario } from '../scenario.ts';
import type { RateLimitStep } from './steps.ts';

/**
 * The rate-limit lab's three claims, as data. The lab's Run buttons, scenarios.test.ts (against
 * the core) and e2e/rate-limit.spec.ts (through the worker) all run exactly these.
 */
export const RATE_LIMIT_SCENARIOS: readonly Scenario<RateLimitStep>[] = [
  {
    id: 'fixed-window-edge',
    lab: 'rate-limit',
    title: 'Fixed window lets 2× through at the edge',
    summary:
      'Quota 20 per 10 s. 20 requests in the last 200 ms of a window and 20 in the first 200 ms of the next: fixed window admits all 40 within 400 ms. Sliding log, given the same traffic, admits 20.',
    steps: [
      { kind: 'policy', policy: { algorithm: 'fixed_window', quota: 20, window_ms: 10_000 } },
      {
        kind: 'play',
        trace: { kind: 'window-edge', perSide: 20 },
        client: 'edge-fixed',
        as: 'fixed',
      },
      { kind: 'policy', policy: { algorithm: 'sliding_log' } },
      { kind: 'play', trace: { kind: 'window-edge', perSide: 20 }, client: 'edge-log', as: 'log' },
      { kind: 'restore' },
    ],
    expected: [
      {
        metric: 'fixed.admitted',
        op: 'eq',
        value: 40,
        claim: 'fixed window admits all 40: twice the quota',
      },
      {
        metric: 'fixed.maxPerSecond',
        op: 'eq',
        value: 40,
        claim: '…and all of them within one second',
      },
      { metric: 'log.admitted', op: 'eq', value: 20, claim: 'sliding log admits only the quota' },
      {
        metric: 'log.maxPerSecond',
        op: 'eq',
        value: 20,
        claim: 'so no second ever sees more than 20',
      },
    ],
  },
  {
    id: 'token-bucket-burst',
    lab: 'rate-limit',
    title: 'Token bucket absorbs a burst, then holds the rate',
    summary:
      'Quota 10 per 10 s (one token a second), bucket of 20. A burst of 30 at once, then 4 requests a second for 20 s: the full bucket takes 20 of the burst, then exactly one request a second gets through: burst + ⌊T·quota/window⌋ = 20 + 20.',
    steps: [
      {
        kind: 'policy',
        policy: { algorithm: 'token_bucket', quota: 10, window_ms: 10_000, burst: 20 },
      },
      { kind: 'play', trace: { kind: 'burst', count: 30 }, client: 'bucket', as: 'burst' },
      {
        kind: 'play',
        trace: { kind: 'steady', perSecond: 4, seconds: 20 },
        client: 'bucket',
        as: 'steady',
      },
      { kind: 'restore' },
    ],
    expected: [
      {
        metric: 'burst.admitted',
        op: 'eq',
        value: 20,
        claim: 'the full bucket absorbs 20 of the 30',
      },
      { metric: 'burst.rejected', op: 'eq', value: 10, claim: 'the other 10 get 429' },
      {
        metric: 'steady.admitted',
        op: 'eq',
        value: 20,
        claim: 'then one a second: 20 of 80 in 20 s',
      },
      {
        metric: 'steady.maxPerSecond',
        op: 'lte',
        value: 1,
        claim: 'never more than the refill rate',
      },
    ],
  },
  {
    id: 'retry-after-honest',
    lab: 'rate-limit',
    title: 'Retry-After is honest',
    summary:
      'Sliding log, 5 per 10 s. Five requests use the quota; 3 s later a sixth gets 429 with Retry-After: 7, the time until the oldest leaves the window. Retrying 1 s early is refused; retrying after exactly Retry-After succeeds.',
    steps: [
      { kind: 'policy', policy: { algorithm: 'sliding_log', quota: 5, window_ms: 10_000 } },
      { kind: 'play', trace: { kind: 'burst', count: 5 }, client: 'retry', as: 'fill' },
      { kind: 'advance', ms: 3000 },
      { kind: 'request', client: 'retry', as: 'over' },
      { kind: 'advance-retry-after', from: 'over', extraMs: -1000 },
      { kind: 'request', client: 'retry', as: 'early' },
      { kind: 'advance', ms: 1000 },
      { kind: 'request', client: 'retry', as: 'retry' },
      { kind: 'restore' },
    ],
    expected: [
      { metric: 'fill.admitted', op: 'eq', value: 5, claim: 'five requests use the quota' },
      { metric: 'over.status', op: 'eq', value: 429, claim: 'the sixth is refused' },
      {
        metric: 'over.retryAfterIsWhole',
        op: 'eq',
        value: true,
        claim: 'Retry-After is a whole number ≥ 1',
      },
      {
        metric: 'over.retryAfter',
        op: 'eq',
        value: 7,
        claim: 'it is 7 s: when the oldest request leaves the window',
      },
      { metric: 'early.status', op: 'eq', value: 429, claim: 'a second early is still too early' },
      {
        metric: 'retry.status',
        op: 'eq',
        value: 200,
        claim: 'after Retry-After the retry is admitted',
      },
    ],
  },
];

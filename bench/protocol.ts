/** What the bench page offers the runner (bench/run.ts drives it through page.evaluate). */

/**
 * `bare`: an MSW handler returning the same JSON with HttpResponse.json; `raw`: the same with a
 * hand-made Response; `full`: the restlab core behind MSW.
 */
export type Target = 'bare' | 'raw' | 'full';
export type Operation = 'GET' | 'POST';
export type Mode = 'sequential' | 'concurrent';

/**
 * The orders the targets take turns in, used one after another: each target comes first, second
 * and third, and right after each other one, equally often, so none is favoured by position.
 */
export const TARGET_ORDERS: readonly (readonly Target[])[] = [
  ['bare', 'raw', 'full'],
  ['full', 'bare', 'raw'],
  ['raw', 'full', 'bare'],
  ['full', 'raw', 'bare'],
  ['bare', 'full', 'raw'],
  ['raw', 'bare', 'full'],
];

export interface TargetResult {
  /** Time spent on this target's requests in the round, ms. */
  ms: number;
  requests: number;
  /** sequential only: each request's time, ms (from fetch to the body read). */
  latencies: number[];
  /** Responses whose status was not the expected one (200 for GET, 201 for POST). */
  failures: number;
  /** The first unexpected answer: status and the start of its body. */
  firstFailure: string | undefined;
}

export interface BenchPage {
  /** True when the service worker controls the page, i.e. requests really go through it. */
  readonly controlled: boolean;
  /** True when performance.now() has its fine (5 µs) resolution rather than 100 µs. */
  readonly isolated: boolean;
  /**
   * One round: `count` requests per target.
   * sequential: one at a time, the targets taking turns request by request (each timed alone);
   * concurrent: per target, all `count` at once (one Promise.all), the targets one after another.
   * `index` (the round's number) picks where in TARGET_ORDERS the turns start.
   */
  round(
    mode: Mode,
    operation: Operation,
    count: number,
    index: number,
  ): Promise<Record<Target, TargetResult>>;
}

declare global {
  interface Window {
    restlabBench?: BenchPage;
    restlabBenchError?: string;
  }
}

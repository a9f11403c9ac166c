import { writeMediaType } from '../api/routes/methods.ts';
/**
 * A scenario is data: steps to take and the outcomes they must produce. The same scenario runs
 * three ways: from its lab's Run button (through the service worker), in vitest (against the
 * core directly) and in Playwright (through the UI). Each lab defines its own step kinds and an
 * interpreter for them; this file holds only the shape and the runner.
 */

/** How a scenario reaches the API: `api.fetch` in vitest, the page's `fetch` in the browser. */
export interface Transport {
  fetch(request: Request): Promise<Response>;
  /** Absolute base for request URLs, e.g. "http://localhost" or location.origin. */
  origin: string;
}

/** A measured outcome: a number, string or boolean a step recorded under a name. */
/** A request as scenarios send them: a JSON body (JSON Merge Patch for PATCH) when there is one. */
export function jsonRequest(
  transport: Transport,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Request {
  const sent =
    body === undefined ? headers : { ...headers, 'Content-Type': writeMediaType(method) };
  return new Request(transport.origin + path, {
    method,
    headers: sent,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Sends a scenario request and reads its JSON answer; any status of 400 or more stops the run. */
export async function fetchJson(
  transport: Transport,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await transport.fetch(jsonRequest(transport, method, path, body));
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}

export type Metric = number | string | boolean;

export type Comparison = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

/** One expected outcome, as data: metric `metric` compared with `value`. */
export interface Expectation {
  metric: string;
  op: Comparison;
  value: Metric;
  /** Says in plain words what this shows, e.g. "fixed window admits twice the quota at the edge". */
  claim: string;
}

export interface Scenario<Step extends { kind: string } = { kind: string }> {
  id: string;
  lab: string;
  title: string;
  summary: string;
  steps: readonly Step[];
  expected: readonly Expectation[];
}

export interface ScenarioContext {
  transport: Transport;
  /** Records a metric (later values overwrite earlier ones). */
  record(metric: string, value: Metric): void;
  metrics: Readonly<Record<string, Metric>>;
  /** Called after each step, e.g. to update a UI progress display. */
  onStep?: (index: number, step: { kind: string }) => void;
  signal?: AbortSignal;
}

/** A fresh context for one run of a scenario: its transport and the metrics its steps record. */
export function scenarioContext(
  transport: Transport,
): ScenarioContext & { metrics: Record<string, Metric> } {
  const metrics: Record<string, Metric> = {};
  return {
    transport,
    metrics,
    record: (metric, value) => {
      metrics[metric] = value;
    },
  };
}

export type StepInterpreter<Step extends { kind: string }> = (
  step: Step,
  context: ScenarioContext,
) => Promise<void>;

export interface CheckResult {
  expectation: Expectation;
  actual: Metric | undefined;
  pass: boolean;
}

export interface ScenarioResult {
  metrics: Record<string, Metric>;
  checks: CheckResult[];
  pass: boolean;
}

export async function runScenario<Step extends { kind: string }>(
  scenario: Scenario<Step>,
  interpret: StepInterpreter<Step>,
  transport: Transport,
  options: { onStep?: ScenarioContext['onStep']; signal?: AbortSignal } = {},
): Promise<ScenarioResult> {
  const context = { ...scenarioContext(transport), onStep: options.onStep, signal: options.signal };
  const { metrics } = context;
  for (const [index, step] of scenario.steps.entries()) {
    options.signal?.throwIfAborted();
    await interpret(step, context);
    options.onStep?.(index, step);
  }
  const checks = checkExpectations(scenario.expected, metrics);
  return { metrics, checks, pass: checks.every((check) => check.pass) };
}

/** Each expectation against the metrics recorded so far (a metric never recorded fails). */
export function checkExpectations(
  expected: readonly Expectation[],
  metrics: Readonly<Record<string, Metric>>,
): CheckResult[] {
  return expected.map((expectation) => {
    const actual = metrics[expectation.metric];
    return {
      expectation,
      actual,
      pass: actual !== undefined && compare(actual, expectation.op, expectation.value),
    };
  });
}

function compare(actual: Metric, op: Comparison, expected: Metric): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
  }
}

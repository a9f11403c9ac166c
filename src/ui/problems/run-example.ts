/**
 * Runs a problem's example: a short sequence of requests where later steps may use values read
 * from earlier answers (`{{name}}`, or `{{name|upper}}`). Framework-free, so the page (through the
 * service worker) and a vitest file (straight into the core) run exactly the same steps.
 */
export interface ExampleStep {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Printed instead of the body when the body is too long to show. */
  bodyShown?: string;
  /** Values later steps can use, each read from this step's JSON answer by JSON Pointer. */
  capture?: Record<string, string>;
  /** Why this step is here. */
  why?: string;
  /**
   * Send the same request again until the answer has this status (at most `max` times in all);
   * only the last answer is kept. For limits that a running clock keeps refilling.
   */
  until?: { status: number; max: number };
}

export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface ExampleResponse {
  status: number;
  headers: [string, string][];
  text: string;
  /** The parsed JSON body, if it is JSON. */
  json: unknown;
}

export type ExampleTransport = (request: SentRequest) => Promise<ExampleResponse>;

export interface StepResult {
  step: ExampleStep;
  request: SentRequest;
  response: ExampleResponse;
  /** How many times the request was sent (more than once only with `until`). */
  sent: number;
}

const PLACEHOLDER = /\{\{(\w+)(\|upper)?\}\}/g;

/** A fresh value for `{{run}}`: new on every run, e.g. for a client id that must start with a full quota. */
export const newRunId = (): string => crypto.randomUUID().slice(0, 8);

export async function runExample(
  steps: readonly ExampleStep[],
  transport: ExampleTransport,
  runId: string = newRunId(),
): Promise<StepResult[]> {
  const values: Record<string, string> = { run: runId };
  const results: StepResult[] = [];
  for (const [index, step] of steps.entries()) {
    const fill = (template: string, escape: (value: string) => string) =>
      template.replace(PLACEHOLDER, (_, name: string, upper: string | undefined) => {
        const value = values[name];
        if (value === undefined)
          throw new Error(`Step ${index + 1} uses {{${name}}} before it is read.`);
        return escape(upper ? value.toUpperCase() : value);
      });
    const request: SentRequest = {
      method: step.method,
      path: fill(step.path, encodeURIComponent),
      headers: Object.fromEntries(
        Object.entries(step.headers ?? {}).map(([name, value]) => [name, fill(value, String)]),
      ),
      // Inside a JSON string, a value must be escaped as JSON.
      body:
        step.body === undefined
          ? undefined
          : fill(step.body, (value) => JSON.stringify(value).slice(1, -1)),
    };
    let response = await transport(request);
    let sent = 1;
    while (step.until && response.status !== step.until.status && sent < step.until.max) {
      response = await transport(request);
      sent++;
    }
    results.push({ step, request, response, sent });
    for (const [name, pointer] of Object.entries(step.capture ?? {})) {
      const value = readPointer(response.json, pointer);
      if (typeof value !== 'string' && typeof value !== 'number')
        throw new Error(
          `Step ${index + 1}: the answer has nothing at ${pointer} (status ${response.status}).`,
        );
      values[name] = String(value);
    }
  }
  return results;
}

/** RFC 6901 JSON Pointer lookup. */
export function readPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, token))
      return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/**
 * A step as the reader sees it before it runs: `{{run}}` filled with the id this run will use,
 * and a value read from an earlier answer named for where it comes from, never `{{…}}` as is.
 */
export function showStep(
  step: ExampleStep,
  steps: readonly ExampleStep[],
  runId: string,
): ExampleStep {
  const show = (template: string) =>
    template.replace(PLACEHOLDER, (_, name: string, upper: string | undefined) => {
      if (name === 'run') return upper ? runId.toUpperCase() : runId;
      const from = steps.findIndex((other) => other.capture && Object.hasOwn(other.capture, name));
      const source = from >= 0 ? ` from step ${from + 1}` : '';
      return `‹${name}${source}${upper ? ', in capitals' : ''}›`;
    });
  return {
    ...step,
    path: show(step.path),
    headers: Object.fromEntries(
      Object.entries(step.headers ?? {}).map(([name, value]) => [name, show(value)]),
    ),
    body: step.body === undefined ? undefined : show(step.body),
    bodyShown: step.bodyShown === undefined ? undefined : show(step.bodyShown),
  };
}

/** The request as HTTP/1.1 text, as a reader would write it on a whiteboard. */
export function formatRequest(step: ExampleStep | SentRequest, bodyShown?: string): string {
  const headers = Object.entries(step.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  const body = bodyShown ?? step.body;
  const head = [`${step.method} ${step.path} HTTP/1.1`, ...headers].join('\n');
  return body === undefined ? head : `${head}\n\n${body}`;
}

import type { Transport } from '../scenario.ts';

/** The lab's requests share one rate-limit partition (API.md §5), apart from other labs'. */
export const CLIENT_ID = 'pagination-lab';

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/**
 * One real request through the scenario's transport (the page's fetch through the worker, or
 * the core in vitest), read as JSON. A problem answer is returned, not thrown: walkers show it.
 */
export async function request<T = unknown>(
  transport: Transport,
  method: string,
  path: string,
  json?: unknown,
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'X-Client-Id': CLIENT_ID };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await transport.fetch(
    new Request(transport.origin + path, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
}

/** Like `request`, but a status other than `expected` is an error that says what came back. */
export async function expectStatus<T = unknown>(
  expected: number,
  transport: Transport,
  method: string,
  path: string,
  json?: unknown,
): Promise<T> {
  const answer = await request<T>(transport, method, path, json);
  if (answer.status !== expected) {
    const detail = (answer.body as { detail?: string } | null)?.detail ?? '';
    throw new Error(`${method} ${path} → ${answer.status} ${detail}`.trim());
  }
  return answer.body;
}

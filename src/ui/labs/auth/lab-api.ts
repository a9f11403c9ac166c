import { jsonRequest } from '../../../scenarios/scenario.ts';
import { labTransport } from './lab-http.ts';

export interface LabReply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- panels read arbitrary members
  json: any;
}

/** One real request through the worker (in the log), carrying exactly the headers given. */
export async function labCall(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LabReply> {
  const response = await labTransport.fetch(jsonRequest(labTransport, method, path, body, headers));
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json };
}

/** The parameters of a Bearer challenge (RFC 6750 §3), decoded. */
export function decodeChallenge(
  value: string | null,
): { scheme: string; params: [string, string][] } | undefined {
  if (!value) return undefined;
  const [scheme = '', ...rest] = value.split(' ');
  const params: [string, string][] = [];
  const pattern = /([a-z_]+)="([^"]*)"/g;
  for (const match of rest.join(' ').matchAll(pattern))
    params.push([match[1] ?? '', match[2] ?? '']);
  return { scheme, params };
}

import { request, type AuthReply } from '../../../scenarios/auth/auth-http.ts';
import { labTransport } from './lab-http.ts';

export type LabReply = AuthReply;

/** One real request through the worker (in the log), carrying exactly the headers given. */
export const labCall = (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LabReply> => request(labTransport, method, path, body, headers);

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

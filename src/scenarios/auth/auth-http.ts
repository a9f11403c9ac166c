import { jsonRequest, type Transport } from '../scenario.ts';

/** One answer as the auth scenarios read it. */
export interface AuthReply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- scenario steps read arbitrary members
  json: any;
}

export async function request(
  transport: Transport,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<AuthReply> {
  const response = await transport.fetch(jsonRequest(transport, method, path, body, headers));
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json };
}

export const SEED_PASSWORD = 'restlab-demo';

/** The email of a seeded user of this role (the first of the seed is an admin, the second a member). */
export async function seededEmail(transport: Transport, role: 'admin' | 'member'): Promise<string> {
  for (let offset = 0; offset < 1000; offset += 100) {
    const page = await request(transport, 'GET', `/api/v1/users?limit=100&offset=${offset}`);
    const rows = (page.json?.data ?? []) as { email: string; role: string }[];
    const found = rows.find((row) => row.role === role);
    if (found) return found.email;
    if (rows.length < 100) break;
  }
  throw new Error(`no ${role} among the users`);
}

export async function signIn(transport: Transport, email: string, password = SEED_PASSWORD) {
  const reply = await request(transport, 'POST', '/api/v1/auth/login', { email, password });
  if (reply.status !== 200) throw new Error(`sign-in failed with ${reply.status}`);
  return reply.json as { access_token: string; refresh_token: string; scope: string };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function changeSettings(transport: Transport, auth: Record<string, unknown>) {
  const reply = await request(transport, 'PATCH', '/__admin/settings', { auth });
  if (reply.status !== 200) throw new Error(`settings refused: ${reply.status}`);
  return reply.json as { auth: Record<string, unknown> };
}

/** What the API said about one token at GET /api/v1/me (guarded whatever `enforce` says). */
export interface TokenVerdict {
  status: number;
  accepted: boolean;
  check: string | undefined;
  challenge: string | null;
}

export async function present(transport: Transport, token: string): Promise<TokenVerdict> {
  const reply = await request(transport, 'GET', '/api/v1/me', undefined, bearer(token));
  return {
    status: reply.status,
    accepted: reply.status === 200,
    check: reply.json?.check,
    challenge: reply.headers.get('WWW-Authenticate'),
  };
}

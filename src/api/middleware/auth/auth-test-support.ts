/** Helpers shared by the auth mechanism's vitest files. */
import type { Api } from '../../create-api.ts';
import { call, type Reply } from '../../test-support.ts';
import type { Row } from '../../store/row.ts';
import { SEED_PASSWORD } from './password.ts';

export const ORIGIN = 'http://restlab.test';

export function seededUser(api: Api, role: 'admin' | 'member'): Row {
  const row = [...api.env.store.collection('users').all()].find(
    (candidate) => candidate.role === role,
  );
  if (!row) throw new Error(`no seeded ${role}`);
  return row;
}

export async function login(
  api: Api,
  role: 'admin' | 'member',
): Promise<{ access: string; refresh: string; user: Row; reply: Reply }> {
  const user = seededUser(api, role);
  const reply = await call(api, 'POST', '/api/v1/auth/login', {
    json: { email: user.email, password: SEED_PASSWORD },
  });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.text}`);
  return { access: reply.json.access_token, refresh: reply.json.refresh_token, user, reply };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const enforce = (
  api: Api,
  mode: 'off' | 'writes' | 'all',
  more: Record<string, unknown> = {},
) => call(api, 'PATCH', '/__admin/settings', { json: { auth: { enforce: mode, ...more } } });

export const advance = (api: Api, ms: number) =>
  call(api, 'POST', '/__admin/clock', { json: { action: 'advance', ms } });

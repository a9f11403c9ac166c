import { decodeJwt } from 'jose';
import { onEngineEvent } from '../bridge/engine-events.ts';
import { send, type HttpResult } from './http.ts';
import { SIGNED_OUT, useSession } from './session.ts';

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  scope: string;
  expires_in: number;
}

export const SEED_PASSWORD = 'restlab-demo';

function adopt(email: string, pair: TokenResponse): void {
  const claims = decodeJwt(pair.access_token);
  useSession.setState({
    email,
    sub: claims.sub,
    role: pair.scope.split(' ').includes('admin') ? 'admin' : 'member',
    scope: pair.scope,
    accessToken: pair.access_token,
    refreshToken: pair.refresh_token,
    expiresAtMs: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
  });
}

/** Signs in (POST /api/v1/auth/login): the answer, a problem to show when it is not 200. */
export async function signIn(email: string, password: string): Promise<HttpResult> {
  const result = await send<TokenResponse>('/api/v1/auth/login', {
    method: 'POST',
    json: { email, password },
  });
  if (result.status === 200) adopt(email, result.body as TokenResponse);
  return result;
}

/** The email of the first seeded user with this role (the seed's first user is an admin). */
export async function seedEmail(role: 'admin' | 'member'): Promise<string | undefined> {
  const page = await send<{ data: { email: string; role: string }[] }>(
    '/api/v1/users?limit=100&sort=created_at',
  );
  const rows = typeof page.body === 'object' && page.body ? page.body.data : [];
  return rows.find((row) => row.role === role)?.email;
}

export async function signInAsSeed(role: 'admin' | 'member'): Promise<HttpResult | undefined> {
  const email = await seedEmail(role);
  return email ? signIn(email, SEED_PASSWORD) : undefined;
}

/** Rotates the pair (POST /api/v1/auth/refresh); a refused refresh signs out. */
export async function refreshSession(): Promise<HttpResult | undefined> {
  const { refreshToken, email } = useSession.getState();
  if (!refreshToken || !email) return undefined;
  const result = await send<TokenResponse>('/api/v1/auth/refresh', {
    method: 'POST',
    json: { refresh_token: refreshToken },
  });
  if (result.status === 200) adopt(email, result.body as TokenResponse);
  else useSession.setState({ ...SIGNED_OUT });
  return result;
}

/** Signs out (POST /api/v1/auth/logout revokes the family), then forgets the pair. */
export async function signOut(): Promise<void> {
  if (useSession.getState().accessToken) await send('/api/v1/auth/logout', { method: 'POST' });
  useSession.setState({ ...SIGNED_OUT });
}

// A reset makes a new signing key: the tokens of before stop verifying, so forget them.
onEngineEvent('reset', () => useSession.setState({ ...SIGNED_OUT }));

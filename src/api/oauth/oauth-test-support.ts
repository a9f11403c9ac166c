/** Helpers shared by the OAuth mechanism's vitest files: a client's side of each step. */
import type { Api } from '../create-api.ts';
import { ORIGIN, seededUser } from '../middleware/auth/auth-test-support.ts';
import { SEED_PASSWORD } from '../middleware/auth/password.ts';
import { call, type Reply } from '../test-support.ts';
import { newVerifier, s256 } from './pkce.ts';

export const CALLBACK = `${ORIGIN}/oauth/callback`;
export const FORM = 'application/x-www-form-urlencoded';

export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = newVerifier();
  return { verifier, challenge: await s256(verifier) };
}

export function authorizeQuery(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) params.set(name, value);
  return params.toString();
}

export function spaRequest(challenge: string, more: Record<string, string | undefined> = {}) {
  return {
    response_type: 'code',
    client_id: 'restlab-spa',
    redirect_uri: CALLBACK,
    scope: 'read write',
    state: 'st-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...more,
  };
}

export const postForm = (
  api: Api,
  path: string,
  values: Record<string, string | undefined>,
  headers: Record<string, string> = {},
): Promise<Reply> =>
  call(api, 'POST', path, { body: authorizeQuery(values), contentType: FORM, headers });

/** The redirect's query, from a 303's Location. */
export function redirectParams(reply: Reply): URLSearchParams {
  const location = reply.headers.get('Location');
  if (reply.status !== 303 || !location)
    throw new Error(`not a redirect: ${reply.status} ${reply.text}`);
  return new URL(location).searchParams;
}

/** Sign-in and consent as a member; answers the code and the verifier. */
export async function authorize(
  api: Api,
  more: Record<string, string | undefined> = {},
  role: 'admin' | 'member' = 'member',
) {
  const { verifier, challenge } = await pkcePair();
  const user = seededUser(api, role);
  const reply = await postForm(api, '/oauth/authorize', {
    ...spaRequest(challenge, more),
    email: String(user.email),
    password: SEED_PASSWORD,
    decision: 'allow',
  });
  const params = redirectParams(reply);
  return { code: params.get('code') ?? '', verifier, challenge, params, user, reply };
}

export const basic = (id: string, secret: string) => ({
  Authorization: `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`,
});

export function exchange(
  api: Api,
  code: string,
  verifier: string | undefined,
  more: Record<string, string | undefined> = {},
) {
  return postForm(api, '/oauth/token', {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CALLBACK,
    code_verifier: verifier,
    client_id: 'restlab-spa',
    ...more,
  });
}

import type { Transport } from '../scenario.ts';

/**
 * The client's side of OAuth, one function per arrow of the lab's sequence diagram: each sends
 * one real request (it appears in the request log) and answers what the client learnt. Used by
 * the lab, the scenarios, vitest and Playwright alike. A browser's fetch follows the consent
 * step's 303 itself; the core's answers it raw: `callbackOf` reads either.
 */
export const SPA = 'restlab-spa';
export const SERVICE = 'restlab-service';
export const SERVICE_SECRET = 'restlab-service-secret';
export const PASSWORD = 'restlab-demo';
export const FORM_TYPE = 'application/x-www-form-urlencoded';

export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- steps read arbitrary members
  json: any;
  text: string;
}

async function read(response: Response): Promise<Reply> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

export const callbackUri = (transport: Transport) => `${transport.origin}/oauth/callback`;

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** RFC 7636 §4.1–4.2: a 32-byte random verifier and its S256 challenge; a random state. */
export async function makePkce(): Promise<{ verifier: string; challenge: string; state: string }> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(12)));
  return { verifier, challenge: base64Url(new Uint8Array(digest)), state };
}

export async function discover(transport: Transport): Promise<Reply> {
  return read(
    await transport.fetch(
      new Request(`${transport.origin}/.well-known/oauth-authorization-server`),
    ),
  );
}

export interface AuthorizeParams {
  challenge: string;
  state: string;
  method?: string;
  redirectUri?: string;
  scope?: string;
  clientId?: string;
}

export function authorizeQuery(transport: Transport, params: AuthorizeParams): URLSearchParams {
  return new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId ?? SPA,
    redirect_uri: params.redirectUri ?? callbackUri(transport),
    scope: params.scope ?? 'read write',
    state: params.state,
    code_challenge: params.challenge,
    code_challenge_method: params.method ?? 'S256',
  });
}

/**
 * Where a redirect sent the browser: the 303's Location (the core answers it raw), or the URL a
 * browser's fetch followed it to. Chromium leaves `redirected` false when the service worker made
 * the 303, so the final URL, different from the one asked, is what tells.
 */
export function callbackOf(response: Response, asked: string): URL | undefined {
  const location = response.headers.get('Location');
  if (response.status === 303 && location) return new URL(location);
  if (response.url && response.url !== asked) return new URL(response.url);
  return undefined;
}

export interface AuthorizeOutcome {
  reply: Reply;
  /** The redirect back to the client, when there was one (an error, or the code). */
  callback: URL | undefined;
}

/** GET /oauth/authorize, as the app's consent screen asks it (JSON: the request to consent to). */
export async function authorizeRequest(
  transport: Transport,
  params: AuthorizeParams,
): Promise<AuthorizeOutcome> {
  const url = `${transport.origin}/oauth/authorize?${authorizeQuery(transport, params).toString()}`;
  const response = await transport.fetch(
    new Request(url, { headers: { Accept: 'application/json' } }),
  );
  return { callback: callbackOf(response, url), reply: await read(response) };
}

/** POST /oauth/authorize: the user signs in and allows (or denies), as the form sends it. */
export async function consent(
  transport: Transport,
  params: AuthorizeParams,
  user: { email: string; password?: string; decision?: 'allow' | 'deny' },
): Promise<AuthorizeOutcome> {
  const body = authorizeQuery(transport, params);
  body.set('email', user.email);
  body.set('password', user.password ?? PASSWORD);
  body.set('decision', user.decision ?? 'allow');
  const response = await transport.fetch(
    new Request(`${transport.origin}/oauth/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': FORM_TYPE },
      body: body.toString(),
    }),
  );
  return {
    callback: callbackOf(response, `${transport.origin}/oauth/authorize`),
    reply: await read(response),
  };
}

/** What the client checks on the redirect before it uses the code (RFC 6749 §10.12, RFC 9207 §2.4). */
export function checkCallback(
  callback: URL,
  expected: { state: string; issuer: string },
): { ok: true; code: string } | { ok: false; why: string } {
  const params = callback.searchParams;
  if (params.get('iss') !== expected.issuer)
    return {
      ok: false,
      why: `iss is ${params.get('iss') ?? 'missing'}, not ${expected.issuer} (mix-up)`,
    };
  if (params.get('state') !== expected.state)
    return { ok: false, why: 'state does not match the one this client sent (CSRF)' };
  const error = params.get('error');
  if (error) return { ok: false, why: `the server answered ${error}` };
  const code = params.get('code');
  return code ? { ok: true, code } : { ok: false, why: 'no code' };
}

async function tokenRequest(
  transport: Transport,
  form: Record<string, string | undefined>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) if (value !== undefined) body.set(name, value);
  return read(
    await transport.fetch(
      new Request(`${transport.origin}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': FORM_TYPE, ...headers },
        body: body.toString(),
      }),
    ),
  );
}

export function exchangeCode(transport: Transport, code: string, verifier: string | undefined) {
  return tokenRequest(transport, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: callbackUri(transport),
    code_verifier: verifier,
    client_id: SPA,
  });
}

export function refresh(transport: Transport, refreshToken: string) {
  return tokenRequest(transport, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: SPA,
  });
}

export function clientCredentials(transport: Transport, scope?: string) {
  return tokenRequest(
    transport,
    { grant_type: 'client_credentials', scope },
    { Authorization: `Basic ${btoa(`${SERVICE}:${SERVICE_SECRET}`)}` },
  );
}

export async function callApi(transport: Transport, path: string, token: string): Promise<Reply> {
  return read(
    await transport.fetch(
      new Request(transport.origin + path, { headers: { Authorization: `Bearer ${token}` } }),
    ),
  );
}

/** A seeded member's email (sign-in needs one). */
export async function memberEmail(transport: Transport): Promise<string> {
  const page = await read(
    await transport.fetch(new Request(`${transport.origin}/api/v1/users?limit=100`)),
  );
  const rows = (page.json?.data ?? []) as { email: string; role: string }[];
  const member = rows.find((row) => row.role === 'member');
  if (!member) throw new Error('no member among the first 100 users');
  return member.email;
}

import type { Transport } from '../../../scenarios/scenario.ts';
import {
  authorizeRequest,
  callApi,
  checkCallback,
  clientCredentials,
  consent,
  discover,
  exchangeCode,
  makePkce,
  memberEmail,
  refresh,
  SERVICE,
  SPA,
} from '../../../scenarios/oauth/oauth-client.ts';

/**
 * The lab's two flows as data: each step an arrow between two lanes, the parameters it carries
 * with what each defends against, and `run`, which sends the arrow's real request (so it shows
 * in the request log) and says what came back. The client's memory (`Held`) threads through.
 */
export type Lane = 'user' | 'client' | 'as' | 'rs';
export const LANES: readonly { id: Lane; name: string }[] = [
  { id: 'user', name: 'User (browser)' },
  { id: 'client', name: 'Client' },
  { id: 'as', name: 'Authorization server' },
  { id: 'rs', name: 'Resource server (API)' },
];

export interface Param {
  name: string;
  value: string;
  /** What it defends against, or what it is for. */
  defends: string;
}

export interface Held {
  verifier?: string;
  challenge?: string;
  state?: string;
  email?: string;
  code?: string;
  iss?: string;
  access?: string;
  refreshToken?: string;
}

export interface StepResult {
  /** The request line as sent, e.g. "POST /oauth/token → 200". */
  line: string;
  status: number | null;
  ok: boolean;
  summary: string;
  params: Param[];
}

export interface FlowStep {
  id: string;
  from: Lane;
  to: Lane;
  label: string;
  run(held: Held, transport: Transport): Promise<StepResult>;
}

const short = (text: string | undefined, keep = 18) =>
  text === undefined ? '—' : text.length > keep ? `${text.slice(0, keep)}…` : text;

export const AUTH_CODE_FLOW: readonly FlowStep[] = [
  {
    id: 'pkce',
    from: 'client',
    to: 'client',
    label: 'make verifier, S256 challenge, state',
    async run(held) {
      Object.assign(held, await makePkce());
      return {
        line: 'no request: the client works alone',
        status: null,
        ok: true,
        summary: 'The client keeps the verifier secret and will send only its SHA-256.',
        params: [
          {
            name: 'code_verifier',
            value: short(held.verifier),
            defends: 'a stolen code: only this client can prove it started the flow (RFC 7636)',
          },
          {
            name: 'code_challenge',
            value: short(held.challenge),
            defends: 'BASE64URL(SHA-256(verifier)): seeing it does not reveal the verifier',
          },
          {
            name: 'state',
            value: held.state ?? '',
            defends:
              'CSRF: the client accepts a redirect only with the state it sent (RFC 6749 §10.12)',
          },
        ],
      };
    },
  },
  {
    id: 'discover',
    from: 'client',
    to: 'as',
    label: 'GET /.well-known/oauth-authorization-server',
    async run(held, transport) {
      const reply = await discover(transport);
      held.iss = reply.json?.issuer;
      return {
        line: `GET /.well-known/oauth-authorization-server → ${reply.status}`,
        status: reply.status,
        ok: reply.status === 200 && held.iss === transport.origin,
        summary: 'RFC 8414 metadata: the endpoints, and the issuer the client will expect back.',
        params: [
          {
            name: 'issuer',
            value: String(held.iss),
            defends: 'mix-up: must equal the URL it was fetched from, and comes back as iss',
          },
          {
            name: 'code_challenge_methods_supported',
            value: JSON.stringify(reply.json?.code_challenge_methods_supported),
            defends: 'S256 only: plain would send the verifier itself',
          },
        ],
      };
    },
  },
  {
    id: 'authorize',
    from: 'user',
    to: 'as',
    label: 'GET /oauth/authorize?…',
    async run(held, transport) {
      const { reply } = await authorizeRequest(transport, {
        challenge: held.challenge ?? '',
        state: held.state ?? '',
      });
      return {
        line: `GET /oauth/authorize → ${reply.status}`,
        status: reply.status,
        ok: reply.status === 200,
        summary:
          'The client sends the browser to the authorization server; it answers the sign-in and consent step.',
        params: [
          { name: 'client_id', value: SPA, defends: 'who asks: a public client, so no secret' },
          {
            name: 'redirect_uri',
            value: `${transport.origin}/oauth/callback`,
            defends:
              'must match a registered URI exactly: the code cannot be sent elsewhere (RFC 9700 §4.1.3)',
          },
          {
            name: 'code_challenge',
            value: short(held.challenge),
            defends: 'binds the code to the verifier the client kept',
          },
          {
            name: 'code_challenge_method',
            value: 'S256',
            defends: 'plain is refused (RFC 9700 §2.1.1)',
          },
          {
            name: 'state',
            value: held.state ?? '',
            defends: 'CSRF: echoed back for the client to compare',
          },
          {
            name: 'scope',
            value: 'read write',
            defends: 'least privilege: the grant may be narrower',
          },
        ],
      };
    },
  },
  {
    id: 'consent',
    from: 'user',
    to: 'as',
    label: 'POST /oauth/authorize (sign in, allow)',
    async run(held, transport) {
      held.email ??= await memberEmail(transport);
      const { reply, callback } = await consent(
        transport,
        { challenge: held.challenge ?? '', state: held.state ?? '' },
        { email: held.email },
      );
      held.code = callback?.searchParams.get('code') ?? undefined;
      const checked = callback
        ? checkCallback(callback, { state: held.state ?? '', issuer: held.iss ?? transport.origin })
        : undefined;
      return {
        line: `POST /oauth/authorize → ${callback ? 303 : reply.status}`,
        status: callback ? 303 : reply.status,
        ok: checked?.ok === true,
        summary: `Signed in as ${held.email} (password restlab-demo) and allowed. The password goes to the authorization server only, never to the client.`,
        params: [
          {
            name: 'email',
            value: held.email,
            defends: 'the user authenticates at the server, not the client',
          },
          {
            name: 'password',
            value: '••••',
            defends: 'never seen by the client, never in the log',
          },
          { name: 'decision', value: 'allow', defends: 'consent: deny answers access_denied' },
        ],
      };
    },
  },
  {
    id: 'redirect',
    from: 'as',
    to: 'client',
    label: 'redirect: /oauth/callback?code&state&iss',
    async run(held, transport) {
      const ok = held.code !== undefined;
      return {
        line: 'the 303 of the POST above, followed by the browser',
        status: 303,
        ok,
        summary: ok
          ? 'The client checked state and iss before touching the code.'
          : 'No code came back.',
        params: [
          {
            name: 'code',
            value: short(held.code),
            defends: 'single use, 60 s, bound to client, redirect URI, challenge, user and scope',
          },
          {
            name: 'state',
            value: held.state ?? '',
            defends:
              'equal to the one sent: this redirect answers this client’s own request (CSRF)',
          },
          {
            name: 'iss',
            value: held.iss ?? transport.origin,
            defends: 'mix-up: the code came from the server the client talked to (RFC 9207)',
          },
        ],
      };
    },
  },
  {
    id: 'token',
    from: 'client',
    to: 'as',
    label: 'POST /oauth/token (authorization_code)',
    async run(held, transport) {
      const reply = await exchangeCode(transport, held.code ?? '', held.verifier);
      held.access = reply.json?.access_token;
      held.refreshToken = reply.json?.refresh_token;
      return {
        line: `POST /oauth/token → ${reply.status}`,
        status: reply.status,
        ok: reply.status === 200,
        summary:
          reply.status === 200
            ? `Tokens: scope "${reply.json.scope}", expires_in ${reply.json.expires_in} s.`
            : `Refused: ${reply.json?.error}`,
        params: [
          {
            name: 'code',
            value: short(held.code),
            defends: 'spent now: a second use is invalid_grant and revokes these tokens',
          },
          {
            name: 'code_verifier',
            value: short(held.verifier),
            defends: 'proves the client that asked is the one redeeming (SHA-256 = challenge)',
          },
          {
            name: 'redirect_uri',
            value: `${transport.origin}/oauth/callback`,
            defends: 'must equal the authorization request’s',
          },
          {
            name: 'access_token',
            value: short(held.access, 24),
            defends: 'an RFC 9068 JWT: aud, iss, exp checked by the API',
          },
        ],
      };
    },
  },
  {
    id: 'api',
    from: 'client',
    to: 'rs',
    label: 'GET /api/v1/me (Bearer)',
    async run(held, transport) {
      const reply = await callApi(transport, '/api/v1/me', held.access ?? '');
      return {
        line: `GET /api/v1/me → ${reply.status}`,
        status: reply.status,
        ok: reply.status === 200,
        summary:
          reply.status === 200
            ? `The API knows the user: ${reply.json.email}.`
            : `Refused: ${reply.headers.get('WWW-Authenticate')}`,
        params: [
          {
            name: 'Authorization',
            value: `Bearer ${short(held.access, 16)}`,
            defends: 'the token, verified by signature, iss, aud and exp (RFC 6750)',
          },
        ],
      };
    },
  },
  {
    id: 'refresh',
    from: 'client',
    to: 'as',
    label: 'POST /oauth/token (refresh_token)',
    async run(held, transport) {
      const before = held.refreshToken;
      const reply = await refresh(transport, held.refreshToken ?? '');
      held.access = reply.json?.access_token ?? held.access;
      held.refreshToken = reply.json?.refresh_token ?? held.refreshToken;
      return {
        line: `POST /oauth/token → ${reply.status}`,
        status: reply.status,
        ok: reply.status === 200,
        summary: 'A new pair; the old refresh token is spent (rotation).',
        params: [
          {
            name: 'refresh_token (sent)',
            value: short(before),
            defends: 'spent now: presented again, it revokes the whole family (RFC 9700 §4.14.2)',
          },
          {
            name: 'refresh_token (new)',
            value: short(held.refreshToken),
            defends: 'the only one that works next',
          },
        ],
      };
    },
  },
];

export const CLIENT_CREDENTIALS_FLOW: readonly FlowStep[] = [
  {
    id: 'cc-token',
    from: 'client',
    to: 'as',
    label: 'POST /oauth/token (client_credentials, Basic)',
    async run(held, transport) {
      const reply = await clientCredentials(transport);
      held.access = reply.json?.access_token;
      return {
        line: `POST /oauth/token → ${reply.status}`,
        status: reply.status,
        ok: reply.status === 200,
        summary: `No user: the service's own token, scope "${reply.json?.scope}", no refresh token.`,
        params: [
          {
            name: 'Authorization',
            value: 'Basic ••••',
            defends: `${SERVICE} proves itself with its secret: a confidential client`,
          },
          {
            name: 'grant_type',
            value: 'client_credentials',
            defends: 'a public client asking this is unauthorized_client',
          },
          {
            name: 'sub',
            value: SERVICE,
            defends: 'the token names the service, no user: /me answers 403',
          },
        ],
      };
    },
  },
  {
    id: 'cc-api',
    from: 'client',
    to: 'rs',
    label: 'GET /api/v1/products?limit=3 (Bearer)',
    async run(held, transport) {
      const reply = await callApi(transport, '/api/v1/products?limit=3', held.access ?? '');
      return {
        line: `GET /api/v1/products?limit=3 → ${reply.status}`,
        status: reply.status,
        ok: reply.status === 200,
        summary: `The service reads ${reply.json?.data?.length ?? 0} products.`,
        params: [
          {
            name: 'Authorization',
            value: `Bearer ${short(held.access, 16)}`,
            defends: 'the same verifier as any token: iss, aud, exp, scope',
          },
        ],
      };
    },
  },
];

import type { Scenario } from '../scenario.ts';

/**
 * The OAuth lab's steps. `as` names whose request it is: the real client, or a thief who has
 * the code (from a log, a referrer, a malicious app on the redirect) but not the verifier.
 */
export type OAuthStep =
  | { kind: 'start' }
  | { kind: 'authorize' }
  | { kind: 'consent' }
  | { kind: 'exchange'; as: 'client' | 'thief' | 'replay'; record: string }
  | { kind: 'call-api'; path: string; token: 'code' | 'service'; record: string }
  | { kind: 'refresh'; record: string }
  | { kind: 'client-credentials'; scope?: string; record: string };

/**
 * The OAuth lab's three claims, as data. The lab's Run buttons, scenarios.test.ts (against the
 * core) and e2e/oauth.spec.ts (through the worker) all run exactly these.
 */
export const OAUTH_SCENARIOS: readonly Scenario<OAuthStep>[] = [
  {
    id: 'pkce-stops-a-stolen-code',
    lab: 'oauth',
    title: 'PKCE stops a stolen code',
    summary:
      'A member signs in and allows; the code comes back on the redirect. A thief who copied it sends it to the token endpoint with a verifier of their own: invalid_grant, because SHA-256 of their verifier is not the challenge. The real client, who kept the verifier, then redeems the same code and calls the API.',
    steps: [
      { kind: 'start' },
      { kind: 'authorize' },
      { kind: 'consent' },
      { kind: 'exchange', as: 'thief', record: 'thief' },
      { kind: 'exchange', as: 'client', record: 'client' },
      { kind: 'call-api', path: '/api/v1/me', token: 'code', record: 'api' },
    ],
    expected: [
      { metric: 'thief.status', op: 'eq', value: 400, claim: 'the thief’s exchange is refused' },
      { metric: 'thief.error', op: 'eq', value: 'invalid_grant', claim: '…as invalid_grant' },
      {
        metric: 'client.status',
        op: 'eq',
        value: 200,
        claim: 'the client with the verifier gets tokens',
      },
      {
        metric: 'api.status',
        op: 'eq',
        value: 200,
        claim: 'and its access token works at the API',
      },
    ],
  },
  {
    id: 'a-code-works-once',
    lab: 'oauth',
    title: 'A code works once',
    summary:
      'The client redeems its code and calls the API. The same code sent again (an attacker who replays it, or a buggy retry) is invalid_grant, and the server revokes every token the code gave: the next API call with the first access token is 401.',
    steps: [
      { kind: 'start' },
      { kind: 'authorize' },
      { kind: 'consent' },
      { kind: 'exchange', as: 'client', record: 'first' },
      { kind: 'call-api', path: '/api/v1/me', token: 'code', record: 'before' },
      { kind: 'exchange', as: 'replay', record: 'replay' },
      { kind: 'call-api', path: '/api/v1/me', token: 'code', record: 'after' },
    ],
    expected: [
      { metric: 'first.status', op: 'eq', value: 200, claim: 'the first exchange gives tokens' },
      { metric: 'before.status', op: 'eq', value: 200, claim: 'which work' },
      {
        metric: 'replay.error',
        op: 'eq',
        value: 'invalid_grant',
        claim: 'the code again is invalid_grant',
      },
      { metric: 'after.status', op: 'eq', value: 401, claim: 'and the tokens it gave are revoked' },
    ],
  },
  {
    id: 'client-credentials-for-a-service',
    lab: 'oauth',
    title: 'Client credentials for a service',
    summary:
      'No user at all: the back-office service authenticates with its own id and secret (HTTP Basic) and gets a token naming itself. It reads products; it has no refresh token (it can simply ask again), and /me answers 403 because the token names no user.',
    steps: [
      { kind: 'client-credentials', record: 'token' },
      { kind: 'call-api', path: '/api/v1/products?limit=3', token: 'service', record: 'read' },
      { kind: 'call-api', path: '/api/v1/me', token: 'service', record: 'me' },
    ],
    expected: [
      { metric: 'token.status', op: 'eq', value: 200, claim: 'the service gets a token' },
      { metric: 'token.scope', op: 'eq', value: 'read write', claim: 'with the client’s scope' },
      { metric: 'token.refresh', op: 'eq', value: false, claim: 'and no refresh token' },
      { metric: 'read.status', op: 'eq', value: 200, claim: 'it reads products' },
      { metric: 'me.status', op: 'eq', value: 403, claim: '/me is 403: the token names no user' },
    ],
  },
];

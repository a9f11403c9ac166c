import type { Scenario } from '../scenario.ts';
import type { AuthStep } from './steps.ts';

const PRODUCT = '/api/v1/products?limit=1';

/**
 * The auth lab's five claims, as data. The lab's player, scenarios.test.ts (against the core)
 * and e2e/auth.spec.ts (through the worker) run exactly these. Each sets what it needs; in the
 * page the player puts the settings and the clock back when it ends.
 */
export const AUTH_SCENARIOS: readonly Scenario<AuthStep>[] = [
  {
    id: '401-or-403',
    lab: 'auth',
    title: '401 or 403',
    summary:
      '401 means “who are you?”: no token, or one that fails a check. 403 means “I know who you are, and you may not”: a valid token without the scope. Each carries its WWW-Authenticate challenge.',
    steps: [
      { kind: 'settings', auth: { enforce: 'writes', verifier: 'bcp' }, say: 'enforce: writes.' },
      {
        kind: 'sign-in',
        role: 'member',
        as: 'member',
        say: 'A member signs in: scope "read write".',
      },
      {
        kind: 'call',
        method: 'POST',
        path: '/api/v1/products',
        token: { none: true },
        body: { name: 'Lamp', price_cents: 1200, stock: 3 },
        as: 'none',
        say: 'No token: 401, a bare challenge (no error code: nothing was wrong, something was missing).',
      },
      {
        kind: 'call',
        method: 'POST',
        path: '/api/v1/products',
        token: { literal: 'not.a.token' },
        body: { name: 'Lamp', price_cents: 1200, stock: 3 },
        as: 'bad',
        say: 'A token that is not one: 401 error="invalid_token".',
      },
      {
        kind: 'call',
        method: 'POST',
        path: '/api/v1/products',
        token: 'member',
        body: { name: 'Lamp', price_cents: 1200, stock: 3 },
        as: 'member',
        say: 'A valid member token: 403 error="insufficient_scope", scope="admin". Signing in again will not help.',
      },
    ],
    expected: [
      { metric: 'none.status', op: 'eq', value: 401, claim: 'no token → 401' },
      { metric: 'none.error', op: 'eq', value: 'none', claim: '…with no error code' },
      { metric: 'bad.status', op: 'eq', value: 401, claim: 'a bad token → 401' },
      { metric: 'bad.error', op: 'eq', value: 'invalid_token', claim: '…invalid_token' },
      {
        metric: 'member.status',
        op: 'eq',
        value: 403,
        claim: 'a valid token without the scope → 403',
      },
      {
        metric: 'member.error',
        op: 'eq',
        value: 'insufficient_scope',
        claim: '…insufficient_scope',
      },
    ],
  },
  {
    id: 'expired-token',
    lab: 'auth',
    title: 'An expired token',
    summary:
      'An access token lives access_ttl_s (900 s) on the virtual clock. After that it is refused with check exp, and the refresh token gets a new one without signing in again.',
    steps: [
      { kind: 'sign-in', role: 'member', as: 'a', say: 'Sign in.' },
      { kind: 'settings', auth: { enforce: 'all', verifier: 'bcp' }, say: 'enforce: all.' },
      {
        kind: 'call',
        method: 'GET',
        path: PRODUCT,
        token: 'a',
        as: 'fresh',
        say: 'A fresh token reads: 200.',
      },
      { kind: 'advance', ms: 900_000, say: 'The virtual clock moves 15 minutes: exp is now.' },
      {
        kind: 'call',
        method: 'GET',
        path: PRODUCT,
        token: 'a',
        as: 'late',
        say: 'The same token: 401, check exp (RFC 7519 §4.1.4).',
      },
      { kind: 'refresh', from: 'a', as: 'b', say: 'The refresh token buys a new pair.' },
      {
        kind: 'call',
        method: 'GET',
        path: PRODUCT,
        token: 'b',
        as: 'renewed',
        say: 'The new token reads: 200.',
      },
    ],
    expected: [
      { metric: 'fresh.status', op: 'eq', value: 200, claim: 'a fresh token is accepted' },
      { metric: 'late.status', op: 'eq', value: 401, claim: 'at exp it is refused' },
      { metric: 'late.check', op: 'eq', value: 'exp', claim: '…by the exp check' },
      { metric: 'renewed.status', op: 'eq', value: 200, claim: 'a refreshed token works again' },
    ],
  },
  {
    id: 'refresh-reuse',
    lab: 'auth',
    title: 'Refresh reuse revokes the family',
    summary:
      'Each refresh spends its token. A spent one presented again means two parties hold the chain; the API cannot tell the thief, so it revokes the whole family (RFC 9700 §4.14.2).',
    steps: [
      { kind: 'settings', auth: { verifier: 'bcp' }, say: 'The BCP verifier.' },
      {
        kind: 'sign-in',
        role: 'member',
        as: 'a',
        say: 'Sign in: the family’s first refresh token.',
      },
      { kind: 'refresh', from: 'a', as: 'b', say: 'Refresh: token a is spent, b is live.' },
      {
        kind: 'refresh',
        from: 'a',
        as: 'reuse',
        say: 'Spent token a again: reuse! 401, and the family is revoked.',
      },
      { kind: 'refresh', from: 'b', as: 'after', say: 'Even b, never used, is dead now.' },
      {
        kind: 'call',
        method: 'GET',
        path: '/api/v1/me',
        token: 'b',
        as: 'access',
        say: 'And so is b’s access token: check revoked.',
      },
    ],
    expected: [
      { metric: 'b.status', op: 'eq', value: 200, claim: 'the first refresh works' },
      { metric: 'reuse.status', op: 'eq', value: 401, claim: 'a spent token is refused' },
      {
        metric: 'after.status',
        op: 'eq',
        value: 401,
        claim: 'the family’s live refresh token dies with it',
      },
      {
        metric: 'access.check',
        op: 'eq',
        value: 'revoked',
        claim: 'and its access tokens are revoked',
      },
    ],
  },
  {
    id: 'alg-none-naive',
    lab: 'auth',
    title: 'alg none against the naive verifier',
    summary:
      'A token with alg "none" and no signature, claiming admin. The BCP verifier refuses it (RFC 8725 §3.1: the key decides the alg); the naive one trusts the header and lets it in.',
    steps: [
      { kind: 'sign-in', role: 'member', as: 'member', say: 'A member’s real token, captured.' },
      {
        kind: 'forge',
        attack: 'alg-none',
        from: 'member',
        as: 'forged',
        say: 'alg "none", scope admin, no signature.',
      },
      { kind: 'settings', auth: { verifier: 'bcp' }, say: 'The BCP verifier.' },
      {
        kind: 'call',
        method: 'GET',
        path: '/api/v1/me',
        token: 'forged',
        as: 'bcp',
        say: 'Refused: check alg.',
      },
      { kind: 'settings', auth: { verifier: 'naive' }, say: 'The naive verifier.' },
      {
        kind: 'call',
        method: 'GET',
        path: '/api/v1/me',
        token: 'forged',
        as: 'naive',
        say: 'Accepted: 200.',
      },
    ],
    expected: [
      { metric: 'bcp.status', op: 'eq', value: 401, claim: 'BCP refuses alg none' },
      { metric: 'bcp.check', op: 'eq', value: 'alg', claim: '…by the alg check' },
      { metric: 'naive.status', op: 'eq', value: 200, claim: 'naive accepts it' },
    ],
  },
  {
    id: 'rotated-key-grace',
    lab: 'auth',
    title: 'A rotated key’s grace',
    summary:
      'After a rotation the old key stops signing but still verifies for key_grace_s (900 s), so tokens already out keep working; one millisecond later it is gone from the JWKS and its tokens are refused.',
    steps: [
      {
        kind: 'settings',
        auth: { access_ttl_s: 3600, key_grace_s: 900, verifier: 'bcp' },
        say: 'Tokens live an hour; grace is 15 minutes.',
      },
      { kind: 'pause', say: 'The clock is paused, so each instant is exact.' },
      { kind: 'sign-in', role: 'member', as: 'a', say: 'A token signed by key 1.' },
      { kind: 'rotate', say: 'Rotate: key 2 signs from now on.' },
      {
        kind: 'call',
        method: 'GET',
        path: '/api/v1/me',
        token: 'a',
        as: 'during',
        say: 'Key 1 is in its grace window: 200.',
      },
      { kind: 'advance', ms: 899_999, say: '14:59.999 later.' },
      {
        kind: 'call',
        method: 'GET',
        path: '/api/v1/me',
        token: 'a',
        as: 'last',
        say: 'Still in grace: 200.',
      },
      { kind: 'advance', ms: 1, say: 'One more millisecond.' },
      {
        kind: 'call',
        method: 'GET',
        path: '/api/v1/me',
        token: 'a',
        as: 'after',
        say: 'Grace over: 401, check kid.',
      },
    ],
    expected: [
      {
        metric: 'during.status',
        op: 'eq',
        value: 200,
        claim: 'the old key verifies in its grace window',
      },
      { metric: 'last.status', op: 'eq', value: 200, claim: '…up to its last millisecond' },
      { metric: 'after.status', op: 'eq', value: 401, claim: 'then its tokens are refused' },
      { metric: 'after.check', op: 'eq', value: 'kid', claim: '…by the kid check' },
    ],
  },
];

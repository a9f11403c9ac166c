import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../create-api.ts';
import { call, expectProblem, makeApi, START_MS } from '../../test-support.ts';
import { advance, bearer, enforce, login } from './auth-test-support.ts';

let api: Api;
beforeEach(() => {
  api = makeApi();
});

const me = (token: string) => call(api, 'GET', '/api/v1/me', { headers: bearer(token) });
const jwksKids = async () =>
  (await call(api, 'GET', '/.well-known/jwks.json')).json.keys.map(
    (key: { kid: string }) => key.kid,
  );
const refresh = (token: string) =>
  call(api, 'POST', '/api/v1/auth/refresh', { json: { refresh_token: token } });

describe('key rotation with a grace window, on the virtual clock', () => {
  it('the old key verifies for key_grace_s after a rotation, then is dropped', async () => {
    const { access } = await login(api, 'member');
    const oldKid = decodeProtectedHeader(access).kid;
    const rotated = await call(api, 'POST', '/__admin/keys/rotate');
    expect(rotated.status).toBe(200);
    const [current, previous] = rotated.json.data;
    expect(current.state).toBe('current');
    expect(previous).toMatchObject({ kid: oldKid, state: 'grace' });
    expect(previous.grace_ends_at).toBe(new Date(START_MS + 900_000).toISOString());
    expect(await jwksKids()).toEqual([current.kid, oldKid]);

    // New tokens are signed by the new key.
    const { access: fresh } = await login(api, 'member');
    expect(decodeProtectedHeader(fresh).kid).toBe(current.kid);

    // The token signed by the retired key still verifies: the key is in its grace window.
    expect((await me(access)).status).toBe(200);
  });

  it('grace ends exactly at key_grace_s: the last millisecond verifies, the next does not', async () => {
    await call(api, 'PATCH', '/__admin/settings', { json: { auth: { access_ttl_s: 7200 } } });
    const { access } = await login(api, 'member');
    await call(api, 'POST', '/__admin/keys/rotate');
    await advance(api, 899_999);
    expect((await me(access)).status).toBe(200);
    expect(await jwksKids()).toHaveLength(2);
    await advance(api, 1);
    const reply = await me(access);
    expect(expectProblem(reply, 'invalid-token').check).toBe('kid');
    expect(await jwksKids()).toHaveLength(1);
  });

  it('changing alg rotates to a key of that alg; the old keeps its grace', async () => {
    await call(api, 'PATCH', '/__admin/settings', { json: { auth: { access_ttl_s: 7200 } } });
    const { access } = await login(api, 'member');
    await call(api, 'PATCH', '/__admin/settings', { json: { auth: { alg: 'EdDSA' } } });
    const { access: eddsa } = await login(api, 'member');
    expect(decodeProtectedHeader(eddsa).alg).toBe('EdDSA');
    expect((await me(eddsa)).status).toBe(200);
    expect((await me(access)).status).toBe(200);
    const keys = (await call(api, 'GET', '/.well-known/jwks.json')).json.keys;
    expect(keys.map((key: { alg: string }) => key.alg)).toEqual(['EdDSA', 'ES256']);
  });

  it.each(['RS256', 'HS256'] as const)('signs and verifies with %s', async (alg) => {
    await call(api, 'PATCH', '/__admin/settings', { json: { auth: { alg } } });
    const { access } = await login(api, 'admin');
    expect(decodeProtectedHeader(access).alg).toBe(alg);
    expect((await me(access)).status).toBe(200);
  });

  it('a reset makes a new key: tokens from before stop verifying', async () => {
    const { access } = await login(api, 'member');
    await call(api, 'POST', '/__admin/reset');
    expect(expectProblem(await me(access), 'invalid-token').check).toBe('kid');
  });
});

describe('refresh rotation and reuse detection (RFC 9700 §4.14.2)', () => {
  it('spends the used refresh token and keeps the family’s expiry', async () => {
    const first = await login(api, 'member');
    await advance(api, 600_000);
    const second = await refresh(first.refresh);
    expect(second.status).toBe(200);
    expect(second.headers.get('Cache-Control')).toBe('no-store');
    expect(second.json.refresh_token).not.toBe(first.refresh);
    expect(decodeJwt(second.json.access_token).iat).toBe(Math.floor((START_MS + 600_000) / 1000));
    // The family expires refresh_ttl_s after sign-in, whatever the refreshes.
    await advance(api, 604_800_000 - 600_000 - 1);
    const third = await refresh(second.json.refresh_token);
    expect(third.status).toBe(200);
    await advance(api, 1);
    const late = await refresh(third.json.refresh_token);
    expect(expectProblem(late, 'invalid-token').detail).toMatch(/expired/);
  });

  it('a spent token presented again revokes every refresh and access token of the family', async () => {
    const first = await login(api, 'member');
    const second = await refresh(first.refresh);
    const reused = await refresh(first.refresh);
    expectProblem(reused, 'invalid-token');
    expect(reused.headers.get('WWW-Authenticate')).toMatch(
      /^Bearer realm="restlab", error="invalid_token"/,
    );
    expectProblem(await refresh(second.json.refresh_token), 'invalid-token');
    for (const token of [first.access, second.json.access_token])
      expect(expectProblem(await me(token), 'invalid-token').check).toBe('revoked');
    const families = (await call(api, 'GET', '/__admin/sessions')).json.data;
    expect(families[0].revoked_why).toMatch(/reuse/);
    expect(families[0].chain).toHaveLength(2);
    expect(families[0].access.every((access: { revoked: boolean }) => access.revoked)).toBe(true);
    // Another sign-in is another family, untouched.
    const other = await login(api, 'member');
    expect((await me(other.access)).status).toBe(200);
  });

  it('an unknown refresh token is 401', async () => {
    expectProblem(await refresh('rt_nothing'), 'invalid-token');
  });

  it('logout revokes the family as reuse detection does', async () => {
    const first = await login(api, 'member');
    expect(
      (await call(api, 'POST', '/api/v1/auth/logout', { headers: bearer(first.access) })).status,
    ).toBe(204);
    expectProblem(await me(first.access), 'invalid-token');
    expectProblem(await refresh(first.refresh), 'invalid-token');
    expectProblem(await call(api, 'POST', '/api/v1/auth/logout'), 'unauthenticated');
  });
});

describe('in the browser, keys, families and revocations survive a reload until Reset', () => {
  it('a restored instance verifies the tokens of before and remembers revocations', async () => {
    const kept = await login(api, 'member');
    const revoked = await login(api, 'member');
    await call(api, 'POST', '/api/v1/auth/logout', { headers: bearer(revoked.access) });
    const saved = api.saveMechanisms();
    const restored = createApi({
      clock: api.env.clock,
      restore: {
        meta: api.env.store.meta,
        rows: [],
        mechanisms: JSON.parse(JSON.stringify(saved)),
      },
    });
    const ask = (token: string) => call(restored, 'GET', '/api/v1/me', { headers: bearer(token) });
    expect((await ask(kept.access)).status).toBe(200);
    expect(expectProblem(await ask(revoked.access), 'invalid-token').check).toBe('revoked');
    const next = await call(restored, 'POST', '/api/v1/auth/refresh', {
      json: { refresh_token: kept.refresh },
    });
    expect(next.status).toBe(200);
  });
});

describe('the verification cache', () => {
  it('never outlives a revocation, a reset or the token’s exp', async () => {
    await enforce(api, 'all');
    const { access } = await login(api, 'member');
    const read = () => call(api, 'GET', '/api/v1/users?limit=1', { headers: bearer(access) });
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200); // cached
    await advance(api, 900_000);
    expect(expectProblem(await read(), 'invalid-token').check).toBe('exp');
  });
});

import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../create-api.ts';
import { call, expectProblem, makeApi, newProduct, newUser } from '../../test-support.ts';
import { advance, bearer, enforce, login, seededUser } from './auth-test-support.ts';
import { SEED_PASSWORD } from './password.ts';

let api: Api;
beforeEach(() => {
  api = makeApi();
});

describe('sign-in', () => {
  it('answers an RFC 9068 access token and a refresh token, no-store', async () => {
    const { reply, user } = await login(api, 'member');
    expect(reply.headers.get('Cache-Control')).toBe('no-store');
    expect(reply.json).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'read write',
    });
    const header = decodeProtectedHeader(reply.json.access_token);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(typeof header.kid).toBe('string');
    const claims = decodeJwt(reply.json.access_token);
    expect(claims).toMatchObject({
      iss: 'http://restlab.test',
      aud: 'restlab-api',
      sub: user.id,
      client_id: 'restlab',
      scope: 'read write',
    });
    // Times from the virtual clock (paused at START_MS), not the wall clock.
    expect(claims.iat).toBe(1767312000);
    expect(claims.exp).toBe(1767312000 + 900);
    // No personal data in the token.
    expect(JSON.stringify(claims)).not.toContain(String(user.email));
    expect(JSON.stringify(claims)).not.toContain(String(user.name));
  });

  it('gives an admin the admin scope', async () => {
    expect((await login(api, 'admin')).reply.json.scope).toBe('read write admin');
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const user = seededUser(api, 'member');
    const wrong = await call(api, 'POST', '/api/v1/auth/login', {
      json: { email: user.email, password: 'not-the-password' },
    });
    const unknown = await call(api, 'POST', '/api/v1/auth/login', {
      json: { email: 'nobody@example.com', password: SEED_PASSWORD },
    });
    for (const reply of [wrong, unknown]) {
      expectProblem(reply, 'invalid-credentials');
      expect(reply.headers.get('WWW-Authenticate')).toBe('Bearer realm="restlab"');
    }
    expect(wrong.json.detail).toBe(unknown.json.detail);
  });

  it('signs in a created user with the password it was given, and never answers it', async () => {
    const created = await call(api, 'POST', '/api/v1/users', {
      json: newUser(1, { password: 'correct horse battery' }),
    });
    expect(created.status).toBe(201);
    expect(created.json).not.toHaveProperty('password');
    const ok = await call(api, 'POST', '/api/v1/auth/login', {
      json: { email: 'test.user.1@example.com', password: 'correct horse battery' },
    });
    expect(ok.status).toBe(200);
    const changed = await call(api, 'PATCH', `/api/v1/users/${created.json.id}`, {
      json: { password: 'another password' },
    });
    expect(changed.status).toBe(200);
    // The representation did not change, so neither did updated_at.
    expect(changed.json.updated_at).toBe(created.json.updated_at);
    const old = await call(api, 'POST', '/api/v1/auth/login', {
      json: { email: 'test.user.1@example.com', password: 'correct horse battery' },
    });
    expectProblem(old, 'invalid-credentials');
  });

  it('gives a user created without a password no way to sign in', async () => {
    await call(api, 'POST', '/api/v1/users', { json: newUser(2) });
    const reply = await call(api, 'POST', '/api/v1/auth/login', {
      json: { email: 'test.user.2@example.com', password: SEED_PASSWORD },
    });
    expectProblem(reply, 'invalid-credentials');
  });

  it('refuses a password outside 8–128 characters with 422, naming the field only', async () => {
    const reply = await call(api, 'POST', '/api/v1/users', {
      json: newUser(3, { password: 'short' }),
    });
    const body = expectProblem(reply, 'validation-failed');
    expect(body.errors).toEqual([
      { pointer: '/password', detail: 'must be 8 to 128 characters long' },
    ]);
    expect(reply.text).not.toContain('short');
  });
});

describe('the password never appears', () => {
  it('in any response or journal entry, searched', async () => {
    const secret = 'S3cret-Never-Shown';
    const created = await call(api, 'POST', '/api/v1/users', {
      json: newUser(4, { password: secret }),
    });
    const id = created.json.id as string;
    const replies = [
      created,
      await call(api, 'PUT', `/api/v1/users/${id}`, { json: newUser(4, { password: secret }) }),
      await call(api, 'PATCH', `/api/v1/users/${id}`, { json: { password: secret } }),
      await call(api, 'POST', '/api/v1/auth/login', {
        json: { email: 'test.user.4@example.com', password: secret },
      }),
      await call(api, 'POST', '/api/v1/auth/login', {
        json: { email: 'test.user.4@example.com', password: secret + 'x' },
      }),
      await call(api, 'POST', '/api/v1/users', { json: newUser(4, { password: secret }) }), // 409
      await call(api, 'POST', '/api/v1/users', { body: `{"password": "${secret}",` }), // 400
      await call(api, 'GET', `/api/v1/users/${id}`),
      await call(api, 'GET', '/api/v1/users?limit=100'),
    ];
    for (const reply of replies) {
      expect(reply.text).not.toContain(secret);
      expect(reply.text).not.toContain('pbkdf2');
    }
    const journal = await call(api, 'GET', '/__admin/requests?limit=100');
    expect(journal.json.data.length).toBeGreaterThanOrEqual(replies.length);
    expect(journal.text).not.toContain(secret);
    expect(journal.text).toContain('••••');
    const saved = JSON.stringify(api.saveMechanisms());
    expect(saved).not.toContain(secret);
  });

  it('nor Basic credentials in the journal', async () => {
    await call(api, 'GET', '/api/v1/me', { headers: { Authorization: 'Basic YWRhOnNlY3JldA==' } });
    const journal = await call(api, 'GET', '/__admin/requests?limit=1');
    expect(journal.text).not.toContain('YWRhOnNlY3JldA==');
  });
});

describe('/me and the JWKS', () => {
  it('answers the signed-in user, private and no-store, whatever enforce says', async () => {
    const { access, user } = await login(api, 'member');
    const reply = await call(api, 'GET', '/api/v1/me', { headers: bearer(access) });
    expect(reply.status).toBe(200);
    expect(reply.json.id).toBe(user.id);
    expect(reply.headers.get('Cache-Control')).toBe('private, no-store');
    expectProblem(await call(api, 'GET', '/api/v1/me'), 'unauthenticated');
  });

  it('publishes public keys only', async () => {
    const reply = await call(api, 'GET', '/.well-known/jwks.json');
    expect(reply.json.keys).toHaveLength(1);
    const [key] = reply.json.keys;
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(key).not.toHaveProperty('d');
  });

  it('publishes nothing for HS256', async () => {
    await enforce(api, 'off', { alg: 'HS256' });
    const reply = await call(api, 'GET', '/.well-known/jwks.json');
    // The ES256 key of before is in its grace window; no HS256 secret is ever published.
    expect(reply.json.keys.every((key: { kty: string }) => key.kty !== 'oct')).toBe(true);
  });
});

describe('enforce (RFC 6750 §3)', () => {
  it('off: everything answers without a token', async () => {
    expect((await call(api, 'GET', '/api/v1/users?limit=1')).status).toBe(200);
    expect((await call(api, 'POST', '/api/v1/products', { json: newProduct(1) })).status).toBe(201);
  });

  it('writes: a write without a token is 401 with a bare challenge; reads stay open', async () => {
    await enforce(api, 'writes');
    expect((await call(api, 'GET', '/api/v1/users?limit=1')).status).toBe(200);
    const reply = await call(api, 'POST', '/api/v1/users', { json: newUser(5) });
    expectProblem(reply, 'unauthenticated');
    expect(reply.headers.get('WWW-Authenticate')).toBe('Bearer realm="restlab"');
    expect(reply.headers.get('Vary')).toContain('Authorization');
  });

  it('all: reads need a token too, and answers carry Vary: Authorization', async () => {
    await enforce(api, 'all');
    expectProblem(await call(api, 'GET', '/api/v1/users?limit=1'), 'unauthenticated');
    const { access } = await login(api, 'member');
    const reply = await call(api, 'GET', '/api/v1/users?limit=1', { headers: bearer(access) });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('Vary')).toContain('Authorization');
  });

  it('never guards sign-in, refresh or the JWKS, and an unknown route stays 404', async () => {
    await enforce(api, 'all');
    expect((await call(api, 'GET', '/.well-known/jwks.json')).status).toBe(200);
    expect((await login(api, 'member')).reply.status).toBe(200);
    expectProblem(await call(api, 'GET', '/api/v1/nothing'), 'not-found');
    expectProblem(await call(api, 'DELETE', '/api/v1/users'), 'method-not-allowed');
  });

  it.each([
    ['Basic YWRhOnNlY3JldA==', 'another scheme'],
    ['Bearer', 'no token'],
    ['Bearer ', 'no token, a space'],
    ['Bearer abc def', 'two tokens'],
    ['Bearer abc, Bearer def', 'the header twice'],
    ['Bearer ab"c', 'a character outside b64token'],
  ])('a malformed Authorization (%s: %s) → 400 invalid_request', async (value) => {
    await enforce(api, 'all');
    const reply = await call(api, 'GET', '/api/v1/users?limit=1', {
      headers: { Authorization: value },
    });
    const body = expectProblem(reply, 'invalid-request');
    expect(body.errors?.[0]).toMatchObject({ header: 'Authorization' });
    expect(reply.headers.get('WWW-Authenticate')).toMatch(
      /^Bearer realm="restlab", error="invalid_request"/,
    );
  });

  it('a token that fails a check → 401 invalid_token naming the check', async () => {
    await enforce(api, 'all');
    const { access } = await login(api, 'member');
    await advance(api, 900_000);
    const reply = await call(api, 'GET', '/api/v1/users?limit=1', { headers: bearer(access) });
    const body = expectProblem(reply, 'invalid-token');
    expect(body.check).toBe('exp');
    expect(reply.headers.get('WWW-Authenticate')).toBe(
      'Bearer realm="restlab", error="invalid_token", error_description="exp: the token has expired (exp ? now)"',
    );
  });
});

describe('scopes and ownership', () => {
  beforeEach(async () => {
    await enforce(api, 'writes');
  });

  it('a member may not write products, delete anything or set a role: 403 with scope="admin"', async () => {
    const { access, user } = await login(api, 'member');
    const product = [...api.env.store.collection('products').all()][0];
    const attempts = [
      call(api, 'POST', '/api/v1/products', { json: newProduct(2), headers: bearer(access) }),
      call(api, 'PATCH', `/api/v1/products/${product?.id}`, {
        json: { stock: 1 },
        headers: bearer(access),
      }),
      call(api, 'DELETE', `/api/v1/users/${user.id}`, { headers: bearer(access) }),
      call(api, 'PATCH', `/api/v1/users/${user.id}`, {
        json: { role: 'admin' },
        headers: bearer(access),
      }),
      call(api, 'POST', '/api/v1/users', {
        json: newUser(6, { role: 'admin' }),
        headers: bearer(access),
      }),
    ];
    for (const reply of await Promise.all(attempts)) {
      expectProblem(reply, 'insufficient-scope');
      expect(reply.headers.get('WWW-Authenticate')).toMatch(
        /error="insufficient_scope".*scope="admin"/,
      );
    }
  });

  it('a member may change their own record (the role unchanged), not another’s', async () => {
    const { access, user } = await login(api, 'member');
    const own = await call(api, 'PATCH', `/api/v1/users/${user.id}`, {
      json: { name: 'New Name', role: 'member' },
      headers: bearer(access),
    });
    expect(own.status).toBe(200);
    const other = seededUser(api, 'admin');
    const reply = await call(api, 'PATCH', `/api/v1/users/${other.id}`, {
      json: { name: 'Not Yours' },
      headers: bearer(access),
    });
    expectProblem(reply, 'insufficient-scope');
    expect(api.env.store.collection('users').get(other.id)?.name).toBe(other.name);
  });

  it('an admin may do all of it', async () => {
    const { access } = await login(api, 'admin');
    const member = seededUser(api, 'member');
    const replies = await Promise.all([
      call(api, 'POST', '/api/v1/products', { json: newProduct(3), headers: bearer(access) }),
      call(api, 'PATCH', `/api/v1/users/${member.id}`, {
        json: { role: 'admin' },
        headers: bearer(access),
      }),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([201, 200]);
    expect(
      (await call(api, 'DELETE', `/api/v1/users/${member.id}`, { headers: bearer(access) })).status,
    ).toBe(204);
  });
});

describe('the rate limiter', () => {
  it('partitions by the verified sub', async () => {
    const limited = makeApi({ rateLimit: true });
    const { access } = await login(limited, 'member');
    const get = (headers: Record<string, string> = {}) =>
      call(limited, 'GET', '/api/v1/users?limit=1', { headers });
    await get(bearer(access));
    await get(bearer(access));
    const signedIn = await get(bearer(access));
    const anonymous = await get();
    // The sign-in itself counted as anonymous: its token did not exist yet.
    expect(signedIn.headers.get('RateLimit')).toBe('"default";r=97;t=1');
    expect(anonymous.headers.get('RateLimit')).toBe('"default";r=98;t=1');
  });
});

import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../create-api.ts';
import { advance, bearer, ORIGIN, seededUser } from '../middleware/auth/auth-test-support.ts';
import { call, makeApi, type Reply } from '../test-support.ts';
import {
  authorize,
  authorizeQuery,
  basic,
  CALLBACK,
  exchange,
  pkcePair,
  postForm,
  redirectParams,
  spaRequest,
} from './oauth-test-support.ts';

let api: Api;
beforeEach(() => {
  api = makeApi();
});

const service = basic('restlab-service', 'restlab-service-secret');

/** An RFC 6749 §5.2 error: the code, the status, no-store, and the challenge only on 401. */
function expectOAuthError(reply: Reply, error: string, status = 400) {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('Content-Type')).toBe('application/json');
  expect(reply.headers.get('Cache-Control')).toBe('no-store');
  expect(reply.json).toEqual({ error, error_description: expect.any(String) });
  expect(reply.headers.get('WWW-Authenticate')).toBe(
    status === 401 ? 'Basic realm="restlab"' : null,
  );
}

describe('metadata (RFC 8414)', () => {
  it('names the origin as issuer exactly, absolute endpoints, S256 only and iss in responses', async () => {
    const reply = await call(api, 'GET', '/.well-known/oauth-authorization-server');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      issuer: ORIGIN,
      authorization_endpoint: `${ORIGIN}/oauth/authorize`,
      token_endpoint: `${ORIGIN}/oauth/token`,
      revocation_endpoint: `${ORIGIN}/oauth/revoke`,
      jwks_uri: `${ORIGIN}/.well-known/jwks.json`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      revocation_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
        'none',
      ],
      scopes_supported: ['read', 'write', 'admin'],
      authorization_response_iss_parameter_supported: true,
    });
  });
});

describe('the authorization endpoint', () => {
  const get = (query: Record<string, string | undefined>, accept?: string) =>
    call(api, 'GET', `/oauth/authorize?${authorizeQuery(query)}`, {
      headers: accept ? { Accept: accept } : {},
    });

  it('answers a valid request with the HTML sign-in and consent form, framing refused', async () => {
    const { challenge } = await pkcePair();
    const reply = await get(spaRequest(challenge));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(reply.headers.get('Content-Security-Policy')).toBe("frame-ancestors 'none'");
    expect(reply.text).toContain('<form method="post" action="/oauth/authorize">');
    expect(reply.text).toContain(`name="code_challenge" value="${challenge}"`);
    expect(reply.text).toContain('name="decision" value="allow"');
  });

  it.each([
    ['an unknown client', { client_id: 'nobody' }],
    ['no client_id', { client_id: undefined }],
    ['no redirect_uri', { redirect_uri: undefined }],
    ['an unregistered redirect URI', { redirect_uri: 'https://attacker.example/callback' }],
    ['a redirect URI with a different path', { redirect_uri: `${ORIGIN}/oauth/callback/x` }],
    ['localhost, which is no loopback literal', { redirect_uri: 'http://localhost:9000/callback' }],
    ['the service client, which has no redirect URIs', { client_id: 'restlab-service' }],
  ])('refuses %s with 400 and no redirect (HTML, or problem+json for JSON)', async (_, more) => {
    const { challenge } = await pkcePair();
    const page = await get(spaRequest(challenge, more));
    expect(page.status).toBe(400);
    expect(page.headers.get('Location')).toBeNull();
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('cannot go on');
    const json = await get(spaRequest(challenge, more), 'application/json');
    expect(json.status).toBe(400);
    expect(json.headers.get('Content-Type')).toBe('application/problem+json');
    expect(json.json).toMatchObject({
      type: '/problems/invalid-authorization-request',
      status: 400,
    });
  });

  it('accepts a loopback redirect on any port, IPv4 and IPv6 (RFC 8252 §7.3)', async () => {
    const { challenge } = await pkcePair();
    for (const uri of [
      'http://127.0.0.1:51234/callback',
      'http://[::1]:8080/callback',
      'http://127.0.0.1/callback',
    ])
      expect((await get(spaRequest(challenge, { redirect_uri: uri }))).status, uri).toBe(200);
  });

  it.each([
    ['no response_type', { response_type: undefined }, 'invalid_request'],
    ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
    ['no code_challenge', { code_challenge: undefined }, 'invalid_request'],
    ['no code_challenge_method', { code_challenge_method: undefined }, 'invalid_request'],
    ['plain PKCE', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['a short challenge', { code_challenge: 'abc' }, 'invalid_request'],
    ['a scope that does not exist', { scope: 'read delete' }, 'invalid_scope'],
  ])('redirects %s back with error, state and iss (303)', async (_, more, error) => {
    const { challenge } = await pkcePair();
    const reply = await get(spaRequest(challenge, more));
    expect(reply.status).toBe(303);
    const params = redirectParams(reply);
    expect(reply.headers.get('Location')?.startsWith(`${CALLBACK}?`)).toBe(true);
    expect(params.get('error')).toBe(error);
    expect(params.get('state')).toBe('st-123');
    expect(params.get('iss')).toBe(ORIGIN);
    expect(params.get('code')).toBeNull();
  });

  it('redirects a parameter given twice as invalid_request, and ignores unknown ones', async () => {
    const { challenge } = await pkcePair();
    const query = authorizeQuery(spaRequest(challenge));
    const twice = await call(api, 'GET', `/oauth/authorize?${query}&scope=admin`);
    expect(redirectParams(twice).get('error')).toBe('invalid_request');
    const unknown = await call(api, 'GET', `/oauth/authorize?${query}&prompt=login`);
    expect(unknown.status).toBe(200);
  });

  it('consent: allow gives a code with state and iss; deny gives access_denied', async () => {
    const { params } = await authorize(api);
    expect(params.get('code')).toMatch(/^ac_/);
    expect(params.get('state')).toBe('st-123');
    expect(params.get('iss')).toBe(ORIGIN);
    const { challenge } = await pkcePair();
    const denied = await postForm(api, '/oauth/authorize', {
      ...spaRequest(challenge),
      decision: 'deny',
    });
    expect(redirectParams(denied).get('error')).toBe('access_denied');
    expect(redirectParams(denied).get('iss')).toBe(ORIGIN);
  });

  it('consent: wrong credentials show the form again (200), no redirect, no code', async () => {
    const { challenge } = await pkcePair();
    const user = seededUser(api, 'member');
    const reply = await postForm(api, '/oauth/authorize', {
      ...spaRequest(challenge),
      email: String(user.email),
      password: 'wrong-password',
      decision: 'allow',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('Location')).toBeNull();
    expect(reply.text).toContain('The email or the password is wrong.');
  });

  it('consent re-checks the request: a POST with plain PKCE is redirected as invalid_request', async () => {
    const { challenge } = await pkcePair();
    const reply = await postForm(api, '/oauth/authorize', {
      ...spaRequest(challenge, { code_challenge_method: 'plain' }),
      decision: 'allow',
    });
    expect(redirectParams(reply).get('error')).toBe('invalid_request');
  });

  it('leaves out a scope the user may not have; the token response says what was granted', async () => {
    const { code, verifier } = await authorize(api, { scope: 'read write admin' }, 'member');
    const reply = await exchange(api, code, verifier);
    expect(reply.json.scope).toBe('read write');
    const admin = await authorize(api, { scope: 'read write admin' }, 'admin');
    expect((await exchange(api, admin.code, admin.verifier)).json.scope).toBe('read write admin');
  });
});

describe('the token endpoint: authorization_code', () => {
  it('exchanges code + verifier for the §6 tokens: client_id restlab-spa, no-store, and they work', async () => {
    const { code, verifier, user } = await authorize(api);
    const reply = await exchange(api, code, verifier);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers.get('Cache-Control')).toBe('no-store');
    expect(reply.headers.get('Pragma')).toBe('no-cache');
    expect(reply.json).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'read write',
    });
    const claims = decodeJwt(reply.json.access_token);
    expect(claims).toMatchObject({
      iss: ORIGIN,
      aud: 'restlab-api',
      sub: user.id,
      client_id: 'restlab-spa',
    });
    const me = await call(api, 'GET', '/api/v1/me', { headers: bearer(reply.json.access_token) });
    expect(me.status).toBe(200);
    expect(me.json.id).toBe(user.id);
  });

  it('a stolen code without the verifier, or with a wrong one, is invalid_grant; the owner still redeems it', async () => {
    const { code, verifier } = await authorize(api);
    expectOAuthError(await exchange(api, code, undefined), 'invalid_grant');
    expectOAuthError(await exchange(api, code, (await pkcePair()).verifier), 'invalid_grant');
    expect((await exchange(api, code, verifier)).status).toBe(200);
  });

  it('a code used twice is invalid_grant, and the tokens it gave are revoked', async () => {
    const { code, verifier } = await authorize(api);
    const first = await exchange(api, code, verifier);
    const token = first.json.access_token as string;
    expect((await call(api, 'GET', '/api/v1/me', { headers: bearer(token) })).status).toBe(200);
    expectOAuthError(await exchange(api, code, verifier), 'invalid_grant');
    const me = await call(api, 'GET', '/api/v1/me', { headers: bearer(token) });
    expect(me.status).toBe(401);
    const refreshed = await postForm(api, '/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: first.json.refresh_token,
      client_id: 'restlab-spa',
    });
    expectOAuthError(refreshed, 'invalid_grant');
  });

  it('a code is bound to its redirect URI and client, and lives 60 s on the virtual clock', async () => {
    const a = await authorize(api);
    expectOAuthError(
      await exchange(api, a.code, a.verifier, { redirect_uri: 'http://127.0.0.1:9/callback' }),
      'invalid_grant',
    );
    expectOAuthError(
      await exchange(api, a.code, a.verifier, { redirect_uri: undefined }),
      'invalid_request',
    );
    await call(api, 'POST', '/__admin/clients', {
      json: {
        client_id: 'other-spa',
        client_name: 'Other',
        client_type: 'public',
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
      },
    });
    expectOAuthError(
      await exchange(api, a.code, a.verifier, { client_id: 'other-spa' }),
      'invalid_grant',
    );
    const b = await authorize(api);
    await advance(api, 59_999);
    expect((await exchange(api, b.code, b.verifier)).status).toBe(200);
    const c = await authorize(api);
    await advance(api, 60_000);
    expectOAuthError(await exchange(api, c.code, c.verifier), 'invalid_grant');
  });

  it('an unknown code is invalid_grant; a malformed verifier is invalid_request', async () => {
    const { code } = await authorize(api);
    expectOAuthError(await exchange(api, 'ac_nope', (await pkcePair()).verifier), 'invalid_grant');
    expectOAuthError(await exchange(api, code, 'short'), 'invalid_request');
  });
});

describe('the token endpoint: errors of every kind (RFC 6749 §5.2)', () => {
  it.each([
    ['no grant_type', { client_id: 'restlab-spa' }, {}, 'invalid_request', 400],
    [
      'an unknown grant_type',
      { grant_type: 'password', client_id: 'restlab-spa' },
      {},
      'unsupported_grant_type',
      400,
    ],
    [
      'an implicit-era grant',
      { grant_type: 'implicit', client_id: 'restlab-spa' },
      {},
      'unsupported_grant_type',
      400,
    ],
    ['no client at all', { grant_type: 'client_credentials' }, {}, 'invalid_client', 401],
    [
      'an unknown client',
      { grant_type: 'client_credentials' },
      basic('nobody', 'x'),
      'invalid_client',
      401,
    ],
    [
      'a wrong secret',
      { grant_type: 'client_credentials' },
      basic('restlab-service', 'guess'),
      'invalid_client',
      401,
    ],
    [
      'a confidential client without its secret',
      { grant_type: 'client_credentials', client_id: 'restlab-service' },
      {},
      'invalid_client',
      401,
    ],
    [
      'a public client with a secret',
      { grant_type: 'client_credentials', client_id: 'restlab-spa', client_secret: 'x' },
      {},
      'invalid_client',
      401,
    ],
    [
      'Basic and client_secret both',
      { grant_type: 'client_credentials', client_secret: 'restlab-service-secret' },
      service,
      'invalid_request',
      400,
    ],
    [
      'a Bearer header instead of client authentication',
      { grant_type: 'client_credentials' },
      { Authorization: 'Bearer abc' },
      'invalid_client',
      401,
    ],
    [
      'client_credentials for a public client',
      { grant_type: 'client_credentials', client_id: 'restlab-spa' },
      {},
      'unauthorized_client',
      400,
    ],
    [
      'authorization_code for the service',
      { grant_type: 'authorization_code', code: 'x' },
      service,
      'unauthorized_client',
      400,
    ],
    [
      'refresh_token for the service',
      { grant_type: 'refresh_token', refresh_token: 'x' },
      service,
      'unauthorized_client',
      400,
    ],
    [
      'a scope that does not exist',
      { grant_type: 'client_credentials', scope: 'read delete' },
      service,
      'invalid_scope',
      400,
    ],
    [
      'a scope beyond the client’s',
      { grant_type: 'client_credentials', scope: 'admin' },
      service,
      'invalid_scope',
      400,
    ],
    [
      'no refresh_token',
      { grant_type: 'refresh_token', client_id: 'restlab-spa' },
      {},
      'invalid_request',
      400,
    ],
    [
      'an unknown refresh_token',
      { grant_type: 'refresh_token', client_id: 'restlab-spa', refresh_token: 'rt_x' },
      {},
      'invalid_grant',
      400,
    ],
    [
      'no code',
      { grant_type: 'authorization_code', client_id: 'restlab-spa' },
      {},
      'invalid_request',
      400,
    ],
  ])('%s → %s', async (_, form, headers, error, status) => {
    expectOAuthError(await postForm(api, '/oauth/token', form, headers), error, status);
  });

  it('a parameter twice or a JSON body is invalid_request', async () => {
    const twice = await call(api, 'POST', '/oauth/token', {
      body: 'grant_type=client_credentials&grant_type=client_credentials',
      contentType: 'application/x-www-form-urlencoded',
      headers: service,
    });
    expectOAuthError(twice, 'invalid_request');
    const json = await call(api, 'POST', '/oauth/token', {
      json: { grant_type: 'client_credentials' },
      headers: service,
    });
    expectOAuthError(json, 'invalid_request');
  });
});

describe('client credentials and refresh', () => {
  it('client credentials: Basic or client_secret_post, sub and client_id are the service, no refresh token', async () => {
    const viaBasic = await postForm(
      api,
      '/oauth/token',
      { grant_type: 'client_credentials' },
      service,
    );
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.json.refresh_token).toBeUndefined();
    expect(viaBasic.json.scope).toBe('read write');
    expect(decodeJwt(viaBasic.json.access_token)).toMatchObject({
      sub: 'restlab-service',
      client_id: 'restlab-service',
    });
    const viaPost = await postForm(api, '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: 'restlab-service',
      client_secret: 'restlab-service-secret',
      scope: 'read',
    });
    expect(viaPost.json.scope).toBe('read');
    // A service token names no user: /me is 403 (§6); a read works.
    const token = viaBasic.json.access_token as string;
    expect((await call(api, 'GET', '/api/v1/me', { headers: bearer(token) })).status).toBe(403);
    await call(api, 'PATCH', '/__admin/settings', { json: { auth: { enforce: 'all' } } });
    expect(
      (await call(api, 'GET', '/api/v1/products?limit=1', { headers: bearer(token) })).status,
    ).toBe(200);
  });

  it('refresh rotates as in §6; a spent refresh token again is invalid_grant and revokes the family', async () => {
    const { code, verifier } = await authorize(api);
    const first = (await exchange(api, code, verifier)).json;
    const refresh = (token: string) =>
      postForm(api, '/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: token,
        client_id: 'restlab-spa',
      });
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.json.refresh_token).not.toBe(first.refresh_token);
    expectOAuthError(await refresh(first.refresh_token), 'invalid_grant');
    expectOAuthError(await refresh(second.json.refresh_token), 'invalid_grant');
    expect(
      (await call(api, 'GET', '/api/v1/me', { headers: bearer(second.json.access_token) })).status,
    ).toBe(401);
  });

  it('a refresh token works only for its client; a login’s one is not the SPA’s', async () => {
    const user = seededUser(api, 'member');
    const login = await call(api, 'POST', '/api/v1/auth/login', {
      json: { email: user.email, password: 'restlab-demo' },
    });
    const reply = await postForm(api, '/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: login.json.refresh_token,
      client_id: 'restlab-spa',
    });
    expectOAuthError(reply, 'invalid_grant');
    // And it was not spent by the refused attempt.
    const own = await call(api, 'POST', '/api/v1/auth/refresh', {
      json: { refresh_token: login.json.refresh_token },
    });
    expect(own.status).toBe(200);
  });
});

describe('revocation (RFC 7009)', () => {
  it('200 for known and unknown tokens; a refresh token takes its family, access tokens included', async () => {
    const { code, verifier } = await authorize(api);
    const tokens = (await exchange(api, code, verifier)).json;
    const revoke = (token: string) =>
      postForm(api, '/oauth/revoke', { token, client_id: 'restlab-spa' });
    const unknown = await revoke('nothing-at-all');
    expect(unknown.status).toBe(200);
    expect(unknown.text).toBe('');
    // Another client's revocation leaves the token alone.
    expect(
      (await postForm(api, '/oauth/revoke', { token: tokens.refresh_token }, service)).status,
    ).toBe(200);
    expect(
      (await call(api, 'GET', '/api/v1/me', { headers: bearer(tokens.access_token) })).status,
    ).toBe(200);
    expect((await revoke(tokens.refresh_token)).status).toBe(200);
    expect(
      (await call(api, 'GET', '/api/v1/me', { headers: bearer(tokens.access_token) })).status,
    ).toBe(401);
  });

  it('revokes an access token; refuses an unauthenticated client (401) and a missing token (400)', async () => {
    const cc = (await postForm(api, '/oauth/token', { grant_type: 'client_credentials' }, service))
      .json;
    await call(api, 'PATCH', '/__admin/settings', { json: { auth: { enforce: 'all' } } });
    expect((await postForm(api, '/oauth/revoke', { token: cc.access_token }, service)).status).toBe(
      200,
    );
    const after = await call(api, 'GET', '/api/v1/products?limit=1', {
      headers: bearer(cc.access_token),
    });
    expect(after.status).toBe(401);
    expectOAuthError(
      await postForm(api, '/oauth/revoke', { token: 'x' }, basic('restlab-service', 'no')),
      'invalid_client',
      401,
    );
    expectOAuthError(await postForm(api, '/oauth/revoke', {}, service), 'invalid_request');
  });
});

describe('clients (control API) and the journal', () => {
  it('lists the seeded clients without secrets, adds one, refuses duplicates and bad ones; reset removes it', async () => {
    const list = await call(api, 'GET', '/__admin/clients');
    expect(list.json.data.map((client: { client_id: string }) => client.client_id)).toEqual([
      'restlab-spa',
      'restlab-service',
    ]);
    expect(list.text).not.toContain('restlab-service-secret');
    expect(list.json.data[0].redirect_uris[0]).toBe(CALLBACK);
    const body = {
      client_id: 'report-bot',
      client_name: 'Report bot',
      client_type: 'confidential',
      grant_types: ['client_credentials'],
      scope: 'read',
    };
    const added = await call(api, 'POST', '/__admin/clients', { json: body });
    expect(added.status).toBe(201);
    expect(added.json.client_secret).toMatch(/^cs_/);
    const token = await postForm(
      api,
      '/oauth/token',
      { grant_type: 'client_credentials' },
      basic('report-bot', added.json.client_secret),
    );
    expect(token.json.scope).toBe('read');
    expect((await call(api, 'POST', '/__admin/clients', { json: body })).status).toBe(409);
    const publicCc = { ...body, client_id: 'x-public', client_type: 'public' };
    expect((await call(api, 'POST', '/__admin/clients', { json: publicCc })).status).toBe(422);
    await call(api, 'POST', '/__admin/reset', { json: {} });
    expect((await call(api, 'GET', '/__admin/clients')).json.data).toHaveLength(2);
  });

  it('the journal shows neither the password, the client secret nor the Basic credentials', async () => {
    await authorize(api);
    await postForm(api, '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: 'restlab-service',
      client_secret: 'restlab-service-secret',
    });
    await postForm(api, '/oauth/token', { grant_type: 'client_credentials' }, service);
    const journal = await call(api, 'GET', '/__admin/requests?limit=10');
    expect(journal.text).not.toContain('restlab-demo');
    expect(journal.text).not.toContain('restlab-service-secret');
    expect(journal.text).not.toContain(service.Authorization.slice(6));
  });
});

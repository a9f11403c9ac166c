import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/create-api.ts';
import { createApiServer } from './server.ts';

/**
 * A standard OAuth client (oauth4webapi, which follows RFC 6749, 7636, 8414, 9207 and 9700
 * strictly) against the API over real HTTP, as `npm run serve` answers it: discovery, the
 * authorization code with PKCE (the consent POST driven as the form would be), client
 * credentials, refresh, an API call with the token, revocation, and RFC 9068 validation.
 */
let server: Server;
let issuer: URL;
let as: oauth.AuthorizationServer;
const insecure = { [oauth.allowInsecureRequests]: true };

beforeAll(async () => {
  server = createApiServer(createApi());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure });
  as = await oauth.processDiscoveryResponse(issuer, response);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const spa: oauth.Client = { client_id: 'restlab-spa' };
const redirectUri = () => `${issuer.origin}/oauth/callback`;

/** The user's part: the consent form's POST, as the HTML page sends it; answers the callback URL. */
async function consent(authorizationUrl: URL): Promise<URL> {
  const page = await fetch(authorizationUrl);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Sign in to restlab');
  const users = await (await fetch(`${issuer.origin}/api/v1/users?limit=100`)).json();
  const member = users.data.find((user: { role: string }) => user.role === 'member');
  const form = new URLSearchParams(authorizationUrl.searchParams);
  form.set('email', member.email);
  form.set('password', 'restlab-demo');
  form.set('decision', 'allow');
  const answer = await fetch(`${issuer.origin}/oauth/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get('Location') ?? '');
}

async function startAuthorization(state: string) {
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  const url = new URL(as.authorization_endpoint ?? '');
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: spa.client_id,
    redirect_uri: redirectUri(),
    scope: 'read write',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return { verifier, url };
}

describe('oauth4webapi against node:http', () => {
  it('discovers the metadata: the issuer is exactly the origin it was fetched from', () => {
    expect(as.issuer).toBe(issuer.origin);
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.authorization_response_iss_parameter_supported).toBe(true);
  });

  it('authorization code + PKCE, an API call with the token, a refresh, a revocation', async () => {
    const state = oauth.generateRandomState();
    const { verifier, url } = await startAuthorization(state);
    const callback = await consent(url);
    // Checks iss (RFC 9207) and state, and that there is no error.
    const params = oauth.validateAuthResponse(as, spa, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      spa,
      oauth.None(),
      params,
      redirectUri(),
      verifier,
      insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, spa, response);
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.scope).toBe('read write');

    const me = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL('/api/v1/me', issuer),
      undefined,
      undefined,
      insecure,
    );
    expect(me.status).toBe(200);

    // The access token is an RFC 9068 JWT that a resource server validates against the JWKS.
    const request = new Request(new URL('/api/v1/me', issuer), {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    const claims = await oauth.validateJwtAccessToken(as, request, 'restlab-api', insecure);
    expect(claims.client_id).toBe('restlab-spa');

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      spa,
      await oauth.refreshTokenGrantRequest(
        as,
        spa,
        oauth.None(),
        tokens.refresh_token ?? '',
        insecure,
      ),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

    const revoked = await oauth.revocationRequest(
      as,
      spa,
      oauth.None(),
      refreshed.refresh_token ?? '',
      insecure,
    );
    await oauth.processRevocationResponse(revoked);
    // The revoked family's access token is refused with a Bearer challenge (RFC 6750 §3).
    const after = oauth.protectedResourceRequest(
      refreshed.access_token,
      'GET',
      new URL('/api/v1/me', issuer),
      undefined,
      undefined,
      insecure,
    );
    await expect(after).rejects.toMatchObject({
      cause: [
        expect.objectContaining({
          scheme: 'bearer',
          parameters: expect.objectContaining({ error: 'invalid_token' }),
        }),
      ],
    });
  });

  it('a stolen code without the verifier fails with invalid_grant; a replayed code too', async () => {
    const state = oauth.generateRandomState();
    const { verifier, url } = await startAuthorization(state);
    const params = oauth.validateAuthResponse(as, spa, await consent(url), state);
    const thief = oauth.generateRandomCodeVerifier();
    const stolen = await oauth.authorizationCodeGrantRequest(
      as,
      spa,
      oauth.None(),
      params,
      redirectUri(),
      thief,
      insecure,
    );
    await expect(oauth.processAuthorizationCodeResponse(as, spa, stolen)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    const exchange = () =>
      oauth.authorizationCodeGrantRequest(
        as,
        spa,
        oauth.None(),
        params,
        redirectUri(),
        verifier,
        insecure,
      );
    await oauth.processAuthorizationCodeResponse(as, spa, await exchange());
    await expect(
      oauth.processAuthorizationCodeResponse(as, spa, await exchange()),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('client credentials with client_secret_basic, then a read with the token', async () => {
    const service: oauth.Client = { client_id: 'restlab-service' };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      service,
      oauth.ClientSecretBasic('restlab-service-secret'),
      { scope: 'read' },
      insecure,
    );
    const tokens = await oauth.processClientCredentialsResponse(as, service, response);
    expect(tokens.scope).toBe('read');
    expect(tokens.refresh_token).toBeUndefined();
    const products = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL('/api/v1/products?limit=1', issuer),
      undefined,
      undefined,
      insecure,
    );
    expect(products.status).toBe(200);

    const wrong = await oauth.clientCredentialsGrantRequest(
      as,
      service,
      oauth.ClientSecretBasic('guess'),
      {},
      insecure,
    );
    // A 401 with WWW-Authenticate reaches the client as a challenge (RFC 6749 §5.2).
    await expect(oauth.processClientCredentialsResponse(as, service, wrong)).rejects.toMatchObject({
      status: 401,
    });
  });
});

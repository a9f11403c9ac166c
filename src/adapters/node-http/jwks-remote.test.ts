import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/create-api.ts';
import { createApiServer } from './server.ts';

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createApiServer(createApi());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('issued tokens verify as a separate client would (node:http, jose createRemoteJWKSet)', () => {
  it('verifies an access token against the published JWKS, before and after a rotation', async () => {
    const users = await (await fetch(`${origin}/api/v1/users?limit=100`)).json();
    const member = users.data.find((user: { role: string }) => user.role === 'member');
    const signIn = async () => {
      const reply = await fetch(`${origin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: member.email, password: 'restlab-demo' }),
      });
      expect(reply.status).toBe(200);
      return (await reply.json()).access_token as string;
    };
    const token = await signIn();
    const jwks = createRemoteJWKSet(new URL(`${origin}/.well-known/jwks.json`));
    const options = {
      issuer: origin,
      audience: 'restlab-api',
      typ: 'at+jwt',
      algorithms: ['ES256'],
    };
    const { payload, protectedHeader } = await jwtVerify(token, jwks, options);
    expect(payload.sub).toBe(member.id);
    expect(protectedHeader.typ).toBe('at+jwt');

    // After a rotation the new key's token verifies too: jose fetches the JWKS again for a new kid.
    expect((await fetch(`${origin}/__admin/keys/rotate`, { method: 'POST' })).status).toBe(200);
    const next = await signIn();
    const fresh = createRemoteJWKSet(new URL(`${origin}/.well-known/jwks.json`));
    await expect(jwtVerify(next, fresh, options)).resolves.toBeTruthy();
    await expect(jwtVerify(token, fresh, options)).resolves.toBeTruthy();
  });
});

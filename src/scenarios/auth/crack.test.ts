import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { makeApi } from '../../api/test-support.ts';
import type { Transport } from '../scenario.ts';
import { bearer, request, seededEmail, signIn } from './auth-http.ts';
import { crackHs256, WORDLIST } from './crack.ts';

describe('a weak HS256 secret', () => {
  it('is cracked from one token, and the forged admin token passes even the BCP verifier', async () => {
    const api = makeApi();
    const transport: Transport = { origin: 'http://restlab.test', fetch: (r) => api.fetch(r) };
    await request(transport, 'PATCH', '/__admin/settings', {
      auth: { alg: 'HS256', hs256_secret: 'sunshine', verifier: 'bcp', enforce: 'writes' },
    });
    const member = await signIn(transport, await seededEmail(transport, 'member'));
    const { secret } = await crackHs256(member.access_token, WORDLIST);
    expect(secret).toBe('sunshine');
    const [header = ''] = member.access_token.split('.');
    const kid = JSON.parse(atob(header.replace(/-/g, '+').replace(/_/g, '/'))).kid;
    const forged = await new SignJWT({
      ...decodeJwt(member.access_token),
      scope: 'read write admin',
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid })
      .sign(new TextEncoder().encode(secret));
    const product = await request(
      transport,
      'POST',
      '/api/v1/products',
      { name: 'Forged', price_cents: 1, stock: 1 },
      bearer(forged),
    );
    expect(product.status).toBe(201);
  });

  it('a random 256-bit key is not in any wordlist', async () => {
    const api = makeApi();
    const transport: Transport = { origin: 'http://restlab.test', fetch: (r) => api.fetch(r) };
    await request(transport, 'PATCH', '/__admin/settings', { auth: { alg: 'HS256' } });
    const member = await signIn(transport, await seededEmail(transport, 'member'));
    expect((await crackHs256(member.access_token, WORDLIST)).secret).toBeUndefined();
  });
});

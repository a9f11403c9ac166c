import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../create-api.ts';
import { call, makeApi, newProduct, newUser } from '../../test-support.ts';
import { bearer, login, seededUser } from './auth-test-support.ts';
import { scopeNeeded } from './policy.ts';

let api: Api;
let member: { access: string; id: string };
let admin: { access: string; id: string };

beforeAll(async () => {
  api = makeApi();
  await call(api, 'PATCH', '/__admin/settings', { json: { auth: { access_ttl_s: 86_400 } } });
  const m = await login(api, 'member');
  const a = await login(api, 'admin');
  member = { access: m.access, id: m.user.id };
  admin = { access: a.access, id: a.user.id };
});

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('BCP verifier, for all inputs', () => {
  it('refuses any change to any one character of a valid token', async () => {
    const token = member.access;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(...B64URL, '.', '='),
        async (index, replacement) => {
          fc.pre(token[index] !== replacement);
          const forged = token.slice(0, index) + replacement + token.slice(index + 1);
          const reply = await call(api, 'GET', '/api/v1/me', { headers: bearer(forged) });
          // A changed character is a different token: refused (401), or unreadable (400).
          expect([400, 401]).toContain(reply.status);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('accepts a claim set inside the rules and refuses any outside them', async () => {
    const now = Math.floor(api.env.clock.now() / 1000);
    const claimSet = fc.record({
      exp: fc.oneof(
        fc.constant(now + 60),
        fc.constant(now),
        fc.constant(now - 1),
        fc.constant(null),
      ),
      nbf: fc.oneof(fc.constant(undefined), fc.constant(now), fc.constant(now + 1)),
      iss: fc.constantFrom('http://restlab.test', 'https://issuer.example', null),
      aud: fc.constantFrom('restlab-api', 'billing-api', null),
      jti: fc.constantFrom('ok', null),
      client_id: fc.constantFrom('restlab', null),
      typ: fc.constantFrom('at+jwt', 'application/at+jwt', 'JWT', null),
    });
    await fc.assert(
      fc.asyncProperty(claimSet, async (set) => {
        const { typ, nbf, jti, ...claims } = set;
        const minted = await call(api, 'POST', '/__admin/tokens', {
          json: {
            sub: member.id,
            claims: {
              ...claims,
              ...(nbf === undefined ? {} : { nbf }),
              ...(jti === 'ok' ? {} : { jti }),
            },
            header: { typ },
          },
        });
        const reply = await call(api, 'GET', '/api/v1/me', {
          headers: bearer(minted.json.access_token),
        });
        const inside =
          set.exp === now + 60 &&
          (nbf === undefined || nbf <= now) &&
          set.iss === 'http://restlab.test' &&
          set.aud === 'restlab-api' &&
          jti === 'ok' &&
          set.client_id === 'restlab' &&
          (typ === 'at+jwt' || typ === 'application/at+jwt');
        expect(reply.status, JSON.stringify({ set, body: reply.json })).toBe(inside ? 200 : 401);
      }),
      { numRuns: 80 },
    );
  });
});

describe('the scope matrix, for all requests', () => {
  it('allows exactly what the rules allow, for every enforce mode, caller, method and resource', async () => {
    const target = fc.record({
      enforce: fc.constantFrom('off', 'writes', 'all'),
      caller: fc.constantFrom('none', 'member', 'admin'),
      resource: fc.constantFrom('users', 'products'),
      method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE'),
      own: fc.boolean(),
      role: fc.constantFrom(undefined, 'admin', 'member'),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(target, async ({ enforce, caller, resource, method, own, role }) => {
        n += 1;
        await call(api, 'PATCH', '/__admin/settings', { json: { auth: { enforce } } });
        const users = api.env.store.collection('users');
        // A fresh member row per run, so deletes and role changes never interfere.
        const created = await call(api, 'POST', '/api/v1/users', {
          json: newUser(`matrix-${n}`),
          headers: bearer(admin.access),
        });
        const victim =
          resource === 'users'
            ? created.json.id
            : [...api.env.store.collection('products').all()][0]?.id;
        // The member's own row is a PATCH or GET target, never deleted (its token would name no one).
        const targetId =
          resource === 'users' && own && caller === 'member' && method !== 'DELETE'
            ? member.id
            : victim;
        const headers: Record<string, string> =
          caller === 'none' ? {} : bearer(caller === 'member' ? member.access : admin.access);
        const body =
          resource === 'users'
            ? method === 'POST'
              ? newUser(`matrix-new-${n}`, role ? { role } : {})
              : { name: `Renamed ${n}`, ...(role ? { role } : {}) }
            : method === 'POST'
              ? newProduct(n)
              : { stock: n };
        const path = method === 'POST' ? `/api/v1/${resource}` : `/api/v1/${resource}/${targetId}`;
        const before = users.get(member.id)?.role;
        const reply = await call(api, method, path, {
          headers,
          ...(method === 'GET' || method === 'DELETE' ? {} : { json: body }),
        });
        const guarded = enforce === 'all' || (enforce === 'writes' && method !== 'GET');
        const scopes = caller === 'admin' ? ['read', 'write', 'admin'] : ['read', 'write'];
        let expected: number;
        if (!guarded) expected = method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200;
        else if (caller === 'none') expected = 401;
        else {
          let needed = scopeNeeded(method, undefined);
          if (resource === 'products' && method !== 'GET') needed = 'admin';
          const isAdmin = scopes.includes('admin');
          const current =
            resource === 'users' && method !== 'POST' ? users.get(targetId)?.role : undefined;
          const roleChange =
            resource === 'users' &&
            role !== undefined &&
            (method === 'POST' ? role !== 'member' : method === 'PATCH' && role !== current);
          const notOwn = resource === 'users' && method === 'PATCH' && targetId !== member.id;
          if (needed && !scopes.includes(needed)) expected = 403;
          else if (!isAdmin && (roleChange || notOwn)) expected = 403;
          else expected = method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200;
        }
        expect(
          reply.status,
          `${enforce} ${caller} ${method} ${path} ${JSON.stringify(body)}: ${reply.text}`,
        ).toBe(expected);
        // Behind the guard, a member never makes itself an admin.
        if (guarded && caller === 'member') expect(users.get(member.id)?.role).toBe(before);
      }),
      { numRuns: 120 },
    );
  });
});

export { seededUser };

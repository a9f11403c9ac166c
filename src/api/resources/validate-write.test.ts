import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../create-api.ts';
import { ProblemError } from '../problems.ts';
import {
  call,
  expectProblem,
  makeApi,
  newProduct,
  newUser,
  pointers,
  snapshot,
} from '../test-support.ts';
import { products } from './products.ts';
import { users } from './users.ts';
import { validateWrite } from './validate-write.ts';

let api: Api;
let userId: string;
let productId: string;

beforeEach(async () => {
  api = makeApi();
  userId = (await call(api, 'GET', '/api/v1/users?limit=1')).json.data[0].id;
  productId = (await call(api, 'GET', '/api/v1/products?limit=1')).json.data[0].id;
});

/** POSTs `body` and PUTs it, and PATCHes `patch` (default: `body`); each must be the same 422. */
async function expect422(
  resource: 'users' | 'products',
  body: Record<string, unknown>,
  expected: Record<string, RegExp | string>,
  patch: Record<string, unknown> | null = body,
) {
  const id = resource === 'users' ? userId : productId;
  const attempts: [string, string, Record<string, unknown>][] = [
    ['POST', `/api/v1/${resource}`, body],
    ['PUT', `/api/v1/${resource}/${id}`, body],
  ];
  if (patch) attempts.push(['PATCH', `/api/v1/${resource}/${id}`, patch]);
  for (const [method, path, json] of attempts) {
    const before = snapshot(api);
    const reply = await call(api, method, path, { json });
    const problem = expectProblem(reply, 'validation-failed', path);
    expect(pointers(problem), method).toEqual(Object.keys(expected).sort());
    for (const error of problem.errors ?? []) {
      expect('pointer' in error).toBe(true);
      if ('pointer' in error) expect(error.detail).toMatch(expected[error.pointer] ?? /^$/);
    }
    expect(snapshot(api), method).toEqual(before);
  }
}

describe('422: read-only and unknown fields (no mass assignment)', () => {
  it.each(['id', 'created_at', 'updated_at'])('%s is read-only', async (field) => {
    await expect422('users', newUser(1, { [field]: 'x' }), { [`/${field}`]: /read-only/ });
    await expect422('products', newProduct(1, { [field]: null }), {
      [`/${field}`]: /read-only/,
    });
  });

  it('an unknown field is named', async () => {
    await expect422('users', newUser(1, { is_admin: true }), { '/is_admin': /not a field/ });
  });

  it('every problem at once: read-only, unknown, and invalid values', async () => {
    await expect422(
      'users',
      { id: 'usr_mine', nickname: 'x', name: '', email: 'nope', role: 'root' },
      {
        '/id': /read-only/,
        '/nickname': /not a field/,
        '/name': /1 to 100/,
        '/email': /email/,
        '/role': /member.*admin/,
      },
    );
  });

  it.each([
    ['a/b', '/a~1b'],
    ['a~b', '/a~0b'],
    ['~1', '/~01'],
    ['/~', '/~1~0'],
    ['', '/'],
    ['with space', '/with space'],
  ])('unknown key %j is pointed at as %s (RFC 6901 escaping)', async (key, pointer) => {
    await expect422('users', newUser(1, { [key]: 1 }), { [pointer]: /not a field/ });
  });
});

describe('422: required fields, types, formats and ranges', () => {
  it('missing fields on POST and PUT; PATCH may omit them', async () => {
    await expect422('users', {}, { '/name': 'is required', '/email': 'is required' }, null);
    await expect422(
      'products',
      { name: 'Lamp' },
      { '/price_cents': 'is required', '/stock': 'is required' },
      null,
    );
  });

  it.each([
    ['name', 42, /string/],
    ['name', ['x'], /string/],
    ['name', { first: 'x' }, /string/],
    ['name', true, /string/],
    ['email', 7, /string/],
    ['role', 1, /"member" or "admin"/],
  ])('users.%s = %j is the wrong type', async (field, value, detail) => {
    await expect422(
      'users',
      newUser(1, { [field]: value }),
      { [`/${field}`]: detail },
      {
        [field]: value,
      },
    );
  });

  it.each([
    ['name', '', /1 to 100/],
    ['name', 'x'.repeat(101), /1 to 100/],
    ['name', '   ', /blank/],
    ['name', 'tab\there', /control/],
    ['name', 'bell\u0007', /control/],
    ['name', 'lone \ud800 surrogate', /well-formed/],
    ['email', 'not-an-email', /email/],
    ['email', 'a@b', /email/],
    ['email', '@example.com', /email/],
    ['email', `${'a'.repeat(250)}@example.com`, /254/],
    ['role', 'owner', /"member" or "admin"/],
    ['role', 'Admin', /"member" or "admin"/],
  ])('users.%s = %j breaks a format or range', async (field, value, detail) => {
    await expect422(
      'users',
      newUser(1, { [field]: value }),
      { [`/${field}`]: detail },
      {
        [field]: value,
      },
    );
  });

  it.each([
    ['price_cents', -1, /0 or more/],
    ['price_cents', 1.5, /whole number/],
    ['price_cents', '100', /number/],
    ['price_cents', 2 ** 53, /whole number|at most/],
    ['stock', -5, /0 or more/],
    ['stock', 0.1, /whole number/],
    ['stock', null, /number|required/],
    ['name', 'y'.repeat(101), /1 to 100/],
  ])('products.%s = %j breaks a type or range', async (field, value, detail) => {
    await expect422(
      'products',
      newProduct(1, { [field]: value }),
      { [`/${field}`]: detail },
      {
        [field]: value,
      },
    );
  });

  it('boundaries that are valid: 1 and 100 characters (code points, not UTF-16 units), 0 cents', async () => {
    for (const name of ['x', 'x'.repeat(100), '😀'.repeat(100), 'Ünïcødé ✓']) {
      const reply = await call(api, 'POST', '/api/v1/users', {
        json: { name, email: `${name.length}.${crypto.randomUUID()}@example.com` },
      });
      expect(reply.status, name).toBe(201);
      expect(reply.json.name).toBe(name);
    }
    const free = await call(api, 'POST', '/api/v1/products', {
      json: { name: 'Free', price_cents: 0, stock: Number.MAX_SAFE_INTEGER },
    });
    expect(free.status).toBe(201);
  });
});

describe('validateWrite', () => {
  it('returns only schema fields with defaults applied', () => {
    const body = { name: 'Ada', email: 'ada@example.com' };
    expect(validateWrite(users, body, body)).toEqual({ ...body, role: 'member' });
  });

  it('throws one ProblemError with every error, in the order found', () => {
    const body = { price_cents: -1, colour: 'red', updated_at: 'now' };
    let thrown: unknown;
    try {
      validateWrite(products, body, body);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    const problem = thrown as ProblemError;
    expect(problem.slug).toBe('validation-failed');
    expect(problem.errors?.map((error) => ('pointer' in error ? error.pointer : ''))).toEqual([
      '/colour',
      '/updated_at',
      '/name',
      '/price_cents',
      '/stock',
    ]);
  });

  it('keeps a __proto__ key as data and never reaches the prototype', () => {
    const body = JSON.parse('{"__proto__":{"role":"admin"},"name":"Ada","email":"a@b.co"}');
    expect(() => validateWrite(users, body, body)).toThrow(ProblemError);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});

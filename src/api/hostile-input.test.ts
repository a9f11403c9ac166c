/**
 * Hostile input: whatever a client sends, the answer is a 4xx problem+json (never a 500, never a
 * hang or a crash) and the store is exactly as it was. Object.prototype must stay clean too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from './create-api.ts';
import { call, makeApi, snapshot, type CallOptions, type Reply } from './test-support.ts';

interface Case {
  name: string;
  method: string;
  path: string;
  options?: CallOptions;
}

let api: Api;
let userPath: string;
let productPath: string;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  api = makeApi();
  userPath = `/api/v1/users/${(await call(api, 'GET', '/api/v1/users?limit=1')).json.data[0].id}`;
  productPath = `/api/v1/products/${(await call(api, 'GET', '/api/v1/products?limit=1')).json.data[0].id}`;
});

afterAll(() => {
  // Nothing any case sent may have reached the shared prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  for (const key of ['polluted', 'role', 'isAdmin', 'limits', 'x']) {
    expect(({} as Record<string, unknown>)[key], key).toBeUndefined();
  }
});

/** Sends the case and checks the answer and that nothing changed. */
async function expectRefused(c: Case, statuses?: readonly number[]): Promise<Reply> {
  const before = snapshot(api);
  const settings = structuredClone(api.env.settings.current);
  const reply = await call(
    api,
    c.method,
    c.path.replace('USER', userPath).replace('PRODUCT', productPath),
    c.options,
  );
  const where = `${c.name} → ${reply.status} ${reply.text.slice(0, 300)}`;
  expect(reply.status, where).toBeGreaterThanOrEqual(400);
  expect(reply.status, where).toBeLessThan(500);
  if (statuses) expect(statuses, where).toContain(reply.status);
  expect(reply.headers.get('Content-Type'), where).toBe('application/problem+json');
  expect(reply.json.type, where).toMatch(/^\/problems\/[a-z-]+$/);
  expect(reply.json.status, where).toBe(reply.status);
  expect(reply.headers.get('X-Request-Id'), where).toBeTruthy();
  expect(snapshot(api), where).toEqual(before);
  expect(api.env.settings.current, where).toEqual(settings);
  return reply;
}

/** The same body sent as every write: POST, PUT and PATCH on users, and PATCH on products. */
function asWrites(
  name: string,
  body: BodyInit | (() => BodyInit),
  extra: CallOptions = {},
): Case[] {
  const make = () => (typeof body === 'function' ? body() : body);
  return [
    {
      name: `POST ${name}`,
      method: 'POST',
      path: '/api/v1/users',
      options: { body: make(), contentType: 'application/json', ...extra },
    },
    {
      name: `PUT ${name}`,
      method: 'PUT',
      path: 'USER',
      options: { body: make(), contentType: 'application/json', ...extra },
    },
    {
      name: `PATCH ${name}`,
      method: 'PATCH',
      path: 'USER',
      options: { body: make(), contentType: 'application/merge-patch+json', ...extra },
    },
    {
      name: `PATCH product ${name}`,
      method: 'PATCH',
      path: 'PRODUCT',
      options: { body: make(), contentType: 'application/merge-patch+json', ...extra },
    },
  ];
}

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('deep nesting', () => {
  it('within the default limit: 30,000 nested arrays and 10,000 nested objects', async () => {
    const cases = [
      ...asWrites('30k nested arrays as the body', nestedArrays(30_000)),
      ...asWrites('30k nested arrays in a field', `{"name":${nestedArrays(30_000)}}`),
      ...asWrites('10k nested objects as the body', nestedObjects(10_000)),
      ...asWrites('10k nested objects in a field', `{"name":${nestedObjects(10_000)}}`),
    ];
    for (const c of cases) await expectRefused(c);
  });

  it('50,000 levels of arrays and of objects after raising max_body_bytes', async () => {
    const raised = await call(api, 'PATCH', '/__admin/settings', {
      json: { limits: { max_body_bytes: 1_048_576 } },
    });
    expect(raised.status).toBe(200);
    try {
      const cases = [
        ...asWrites('50k nested arrays', nestedArrays(50_000)),
        ...asWrites('50k nested arrays in a field', `{"stock":${nestedArrays(50_000)}}`),
        ...asWrites('50k nested objects', nestedObjects(50_000)),
        ...asWrites('50k nested objects in a field', `{"email":${nestedObjects(50_000)}}`),
        {
          name: 'settings 50k deep',
          method: 'PATCH',
          path: '/__admin/settings',
          options: {
            body: `{"limits":${nestedObjects(50_000)}}`,
            contentType: 'application/merge-patch+json',
          },
        },
        {
          name: 'reset 50k deep',
          method: 'POST',
          path: '/__admin/reset',
          options: { body: `{"sizes":${nestedArrays(50_000)}}`, contentType: 'application/json' },
        },
        {
          name: 'clock 50k deep',
          method: 'POST',
          path: '/__admin/clock',
          options: { body: `{"action":${nestedObjects(50_000)}}`, contentType: 'application/json' },
        },
      ];
      for (const c of cases) await expectRefused(c);
    } finally {
      // Only the raised limit goes back (null = its default); the rest stays as makeApi set it.
      await call(api, 'PATCH', '/__admin/settings', { json: { limits: { max_body_bytes: null } } });
    }
  });
});

describe('huge strings', () => {
  const cases: Case[] = [
    ...asWrites(
      'a 60,000-character name',
      JSON.stringify({
        name: 'x'.repeat(60_000),
        email: 'big@example.com',
        price_cents: 1,
        stock: 1,
      }),
    ),
    ...asWrites('15,000 emoji in a name', JSON.stringify({ name: '😀'.repeat(15_000) })),
    ...asWrites('a 60,000-character key', JSON.stringify({ ['k'.repeat(60_000)]: 1 })),
    ...asWrites(
      'a 60,000-character email',
      JSON.stringify({ email: `${'a'.repeat(60_000)}@example.com` }),
    ),
    ...asWrites('10,000 escaped NULs', `{"name":"${'\\u0000'.repeat(10_000)}"}`),
    ...asWrites('a number with 60,000 digits', `{"price_cents":${'9'.repeat(60_000)}}`),
    ...asWrites('1e400 (Infinity when parsed)', '{"stock":1e400}'),
    ...asWrites('a string over the limit', JSON.stringify({ name: 'x'.repeat(70_000) })),
  ];
  it.each(cases)('$name', async (c) => {
    await expectRefused(c);
  });
});

describe('non-object JSON', () => {
  const texts = [
    '[]',
    '[{"name":"Ada","email":"ada@example.com"}]',
    '"a string"',
    '42',
    '-0',
    '1e999',
    'null',
    'true',
    'false',
  ];
  const cases: Case[] = texts.flatMap((text) => [
    ...asWrites(text, text),
    {
      name: `reset ${text}`,
      method: 'POST',
      path: '/__admin/reset',
      options: { body: text, contentType: 'application/json' },
    },
    {
      name: `settings ${text}`,
      method: 'PATCH',
      path: '/__admin/settings',
      options: { body: text, contentType: 'application/merge-patch+json' },
    },
    {
      name: `clock ${text}`,
      method: 'POST',
      path: '/__admin/clock',
      options: { body: text, contentType: 'application/json' },
    },
  ]);
  it.each(cases)('$name → 400', async (c) => {
    const reply = await expectRefused(c, [400]);
    expect(reply.json.type).toBe('/problems/invalid-body');
  });
});

describe('__proto__, constructor and prototype keys', () => {
  const bodies = [
    '{"__proto__":{"role":"admin","polluted":true},"name":"Ada","email":"proto@example.com","price_cents":1,"stock":1}',
    '{"constructor":{"prototype":{"polluted":true,"isAdmin":true}},"name":"Ada","email":"ctor@example.com"}',
    '{"prototype":{"polluted":true},"name":"Ada","email":"p@example.com"}',
    '{"name":"Ada","email":"nested@example.com","role":{"__proto__":{"polluted":true}}}',
    '{"__proto__":null}',
    '{"__proto__":[]}',
    '{"hasOwnProperty":1,"toString":"x","valueOf":null}',
  ];
  const cases: Case[] = bodies.flatMap((body, i) => [
    ...asWrites(`body ${i}: ${body.slice(0, 60)}`, body),
    {
      name: `reset body ${i}`,
      method: 'POST',
      path: '/__admin/reset',
      options: { body, contentType: 'application/json' },
    },
    // A merge patch may null a member that does not exist (RFC 7396): see the test below.
    ...(body === '{"__proto__":null}'
      ? []
      : [
          {
            name: `settings body ${i}`,
            method: 'PATCH',
            path: '/__admin/settings',
            options: { body, contentType: 'application/merge-patch+json' },
          },
        ]),
  ]);
  cases.push(
    {
      name: 'settings limits.__proto__',
      method: 'PATCH',
      path: '/__admin/settings',
      options: {
        body: '{"limits":{"__proto__":{"max_body_bytes":1}}}',
        contentType: 'application/merge-patch+json',
      },
    },
    {
      name: 'settings limits.constructor.prototype',
      method: 'PATCH',
      path: '/__admin/settings',
      options: {
        body: '{"limits":{"constructor":{"prototype":{"x":1}}}}',
        contentType: 'application/merge-patch+json',
      },
    },
    { name: 'query ?__proto__=1', method: 'GET', path: '/api/v1/users?__proto__=1' },
    { name: 'query ?constructor=x', method: 'GET', path: '/api/v1/users?constructor=x' },
    { name: 'path /api/v1/__proto__', method: 'GET', path: '/api/v1/__proto__' },
    { name: 'id __proto__', method: 'DELETE', path: '/api/v1/users/__proto__' },
    {
      name: 'id constructor',
      method: 'PATCH',
      path: '/api/v1/users/constructor',
      options: { json: { name: 'x' } },
    },
  );
  it.each(cases)('$name', async (c) => {
    await expectRefused(c);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.role).toBeUndefined();
  });

  it('a settings patch that nulls __proto__ removes nothing and touches no prototype', async () => {
    const before = structuredClone(api.env.settings.current);
    const reply = await call(api, 'PATCH', '/__admin/settings', {
      body: '{"__proto__":null}',
      contentType: 'application/merge-patch+json',
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(before);
    expect(Object.getPrototypeOf(api.env.settings.current)).toBe(Object.prototype);
  });

  it('a read-only key named __proto__ is still named in errors[].pointer', async () => {
    const reply = await expectRefused(asWrites('', bodies[0] as string)[0] as Case, [422]);
    expect(reply.json.errors).toContainEqual({ pointer: '/__proto__', detail: expect.any(String) });
  });
});

describe('lone surrogates and invalid UTF-8', () => {
  const cases: Case[] = [
    ...asWrites(
      'escaped \\ud800 in a value',
      '{"name":"\\ud800","email":"s@example.com","price_cents":1,"stock":1}',
    ),
    ...asWrites('escaped \\udfff in a value', '{"name":"a\\udfffb"}'),
    ...asWrites('escaped \\ud800 in an email', '{"email":"\\ud800@example.com"}'),
    ...asWrites('escaped \\ud800 as a key', '{"\\ud800":1}'),
    ...asWrites('raw CESU-8 surrogate bytes', () =>
      bytes(...utf8('{"name":"'), 0xed, 0xa0, 0x80, ...utf8('"}')),
    ),
    ...asWrites('raw 0xFF byte', () => bytes(...utf8('{"name":"'), 0xff, ...utf8('"}'))),
    ...asWrites('a truncated sequence', () =>
      bytes(...utf8('{"name":"'), 0xe2, 0x82, ...utf8('"}')),
    ),
    ...asWrites('an overlong "/"', () => bytes(...utf8('{"name":"'), 0xc0, 0xaf, ...utf8('"}'))),
    ...asWrites('Latin-1 bytes', () => bytes(...utf8('{"name":"Caf'), 0xe9, ...utf8('"}'))),
    ...asWrites('UTF-16LE', () => bytes(0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00)),
  ];
  it.each(cases)('$name', async (c) => {
    await expectRefused(c, [400, 422]);
  });

  it('a lone surrogate is answered with well-formed JSON', async () => {
    const reply = await expectRefused(asWrites('', '{"\\ud800":1}')[0] as Case, [422]);
    expect(reply.text.isWellFormed()).toBe(true);
    expect(reply.json.errors[0].pointer).toBe('/\ud800');
  });
});

describe('wrong content types', () => {
  const body = JSON.stringify({ name: 'Ada', email: 'ct@example.com', price_cents: 1, stock: 1 });
  const types = [
    null,
    '',
    'text/plain',
    'text/html',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json-patch+json',
    'application/jsonx',
    'application/json; charset=utf-16',
    'application/json; charset=iso-8859-1',
    ';;;',
    '*/*',
    'application/*',
  ];
  const cases: Case[] = types.flatMap((type) =>
    asWrites(`Content-Type ${JSON.stringify(type)}`, body, { contentType: type }),
  );
  cases.push(
    {
      name: 'POST with merge-patch',
      method: 'POST',
      path: '/api/v1/users',
      options: { body, contentType: 'application/merge-patch+json' },
    },
    {
      name: 'PUT with merge-patch',
      method: 'PUT',
      path: 'USER',
      options: { body, contentType: 'application/merge-patch+json' },
    },
    {
      name: 'PATCH with application/json',
      method: 'PATCH',
      path: 'USER',
      options: { body, contentType: 'application/json' },
    },
    {
      name: 'a FormData body',
      method: 'POST',
      path: '/api/v1/users',
      options: { body: formData(), contentType: undefined },
    },
    {
      name: 'a URLSearchParams body',
      method: 'POST',
      path: '/api/v1/users',
      options: { body: new URLSearchParams({ name: 'Ada', email: 'a@b.co' }) },
    },
  );
  it.each(cases)('$name → 415', async (c) => {
    await expectRefused(c, [415]);
  });

  function formData(): FormData {
    const form = new FormData();
    form.set('name', 'Ada');
    form.set('email', 'form@example.com');
    return form;
  }
});

describe('empty and oversized bodies', () => {
  const big = JSON.stringify({ name: 'x'.repeat(70_000) });
  const cases: Case[] = [
    ...asWrites('an empty body', ''),
    ...asWrites('only whitespace', ' \r\n\t '),
    {
      name: 'POST with no body at all',
      method: 'POST',
      path: '/api/v1/users',
      options: { contentType: 'application/json' },
    },
    {
      name: 'PATCH with no body at all',
      method: 'PATCH',
      path: 'USER',
      options: { contentType: 'application/merge-patch+json' },
    },
    {
      name: 'clock with no body',
      method: 'POST',
      path: '/__admin/clock',
      options: { contentType: 'application/json' },
    },
    ...asWrites('oversized, no Content-Length', big),
    ...asWrites('oversized, with Content-Length', big, {
      headers: { 'Content-Length': String(big.length) },
    }),
    ...asWrites('small body, Content-Length claims 1 GB', '{}', {
      headers: { 'Content-Length': '1073741824' },
    }),
    ...asWrites('oversized body, Content-Length claims 2', big, {
      headers: { 'Content-Length': '2' },
    }),
    ...asWrites('oversized, streamed in chunks', () => chunked(big)),
    {
      name: 'oversized settings patch',
      method: 'PATCH',
      path: '/__admin/settings',
      options: { body: big, contentType: 'application/merge-patch+json' },
    },
    {
      name: 'oversized reset',
      method: 'POST',
      path: '/__admin/reset',
      options: { body: big, contentType: 'application/json' },
    },
  ];
  it.each(cases)('$name', async (c) => {
    const reply = await expectRefused(c, [400, 413]);
    if (c.name.includes('oversized') || c.name.includes('1 GB')) expect(reply.status).toBe(413);
    else expect(reply.status).toBe(400);
  });

  function chunked(text: string): ReadableStream<Uint8Array> {
    const data = new TextEncoder().encode(text);
    let offset = 0;
    return new ReadableStream({
      pull(controller) {
        if (offset >= data.length) return controller.close();
        controller.enqueue(data.slice(offset, offset + 4096));
        offset += 4096;
      },
    });
  }
});

describe('odd paths', () => {
  const paths = [
    '//api/v1/users',
    '/api//v1/users',
    '/api/v1//users',
    '/api/v1/users/%',
    '/api/v1/users/%zz',
    '/api/v1/users/%ED%A0%80',
    '/api/v1/users/%00',
    '/api/v1/users/..%2f..',
    '/api/v1/users/..%2F..%2F__admin%2Freset',
    '/api/v1/users/%2e%2e',
    '/api/v1/users/USR_X',
    '/API/v1/users',
    '/api/V1/users',
    '/api/v1/Users',
    '/api/v1/users.json',
    '/api/v1/users;id=1',
    '/api/v1/users/x/y/z',
    `/api/v1/users/${'a'.repeat(20_000)}`,
    `/${'a/'.repeat(10_000)}`,
    `/api/v1/${'%41'.repeat(5_000)}`,
    '/__admin',
    '/__admin/',
    '/__admin/reset/extra',
  ];
  const cases: Case[] = paths.flatMap((path) => [
    { name: `GET ${path.slice(0, 60)}`, method: 'GET', path },
    { name: `DELETE ${path.slice(0, 60)}`, method: 'DELETE', path },
    {
      name: `PUT ${path.slice(0, 60)}`,
      method: 'PUT',
      path,
      options: { json: { name: 'Ada', email: 'odd@example.com' } },
    },
    {
      name: `PATCH ${path.slice(0, 60)}`,
      method: 'PATCH',
      path,
      options: { json: { name: 'Odd' } },
    },
  ]);
  it.each(cases)('$name', async (c) => {
    await expectRefused(c, [404, 405]);
  });
});

describe('odd query strings', () => {
  const queries = [
    '?limit=1.5',
    '?limit=1e2',
    '?limit=-1',
    '?limit=',
    '?limit',
    '?limit=abc&limit=2',
    '?limit=2&limit=2',
    '?%zz=1',
    '?limit=%zz',
    '?limit=0x10',
    '?limit=%2B5',
    '?limit=5%00',
    '?limit=Infinity',
    '?limit=99999999999999999999999',
    '?offset=-0',
    '?offset=1e3',
    '?limit[]=1',
    '?=1',
    '?&&&=',
    `?limit=${'9'.repeat(10_000)}`,
    `?${'x'.repeat(10_000)}=1`,
  ];
  const cases: Case[] = queries.flatMap((query) => [
    { name: `users ${query.slice(0, 40)}`, method: 'GET', path: `/api/v1/users${query}` },
    { name: `products ${query.slice(0, 40)}`, method: 'GET', path: `/api/v1/products${query}` },
  ]);
  it.each(cases)('$name → 400 with errors[].parameter', async (c) => {
    const reply = await expectRefused(c, [400]);
    expect(reply.json.type).toBe('/problems/invalid-parameter');
    expect(reply.json.errors.length).toBeGreaterThan(0);
    for (const error of reply.json.errors) expect(typeof error.parameter).toBe('string');
  });

  it('journal ?limit is checked the same way', async () => {
    for (const query of ['?limit=1.5', '?limit=-1', '?limit=', '?limit=abc&limit=2', '?%zz=1']) {
      await expectRefused({ name: query, method: 'GET', path: `/__admin/requests${query}` }, [400]);
    }
  });
});

describe('odd methods', () => {
  const methods = [
    'TRACE',
    'CONNECT',
    'TRACK',
    'PROPFIND',
    'MKCOL',
    'COPY',
    'MOVE',
    'LOCK',
    'M-SEARCH',
    'FOO',
    'patch',
    'delete',
    'Get',
    'X'.repeat(200),
  ];
  const cases: Case[] = methods.flatMap((method) =>
    ['/api/v1/users', 'USER', '/__admin/reset', '/__admin/settings'].map((path) => ({
      name: `${method.slice(0, 20)} ${path}`,
      method,
      path,
    })),
  );
  it.each(cases)('$name → 405 with Allow', async (c) => {
    const reply = await expectRefused(c, [405]);
    expect(reply.headers.get('Allow')).toMatch(/OPTIONS$/);
  });

  it('an odd method on an unknown path is 404', async () => {
    await expectRefused({ name: 'PROPFIND /nowhere', method: 'PROPFIND', path: '/nowhere' }, [404]);
  });
});

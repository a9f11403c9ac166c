import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../create-api.ts';
import { PROBLEM_TYPES } from '../problems.ts';
import { call, makeApi, newUser } from '../test-support.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is read as plain JSON
type Json = any;

let api: Api;
let doc: Json;

beforeAll(async () => {
  api = makeApi({ rateLimit: true });
  const reply = await call(api, 'GET', '/api/openapi.json');
  expect(reply.status).toBe(200);
  expect(reply.headers.get('Content-Type')).toBe('application/json');
  doc = reply.json;
});

const operation = (path: string, method: string): Json => doc.paths[path]?.[method.toLowerCase()];
const component = (ref: string): Json => doc.components.schemas[ref.split('/').at(-1) ?? ''];

describe('the OpenAPI document (GET /api/openapi.json)', () => {
  it('is OpenAPI 3.1, names the origin it was asked on, and describes every route of the table', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'http://restlab.test' })]);
    expect(api.routes.length).toBeGreaterThanOrEqual(16);
    for (const route of api.routes) {
      const op = operation(route.path, route.method);
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op.operationId).toBe(route.operationId);
      for (const status of Object.keys(route.responses)) expect(op.responses[status]).toBeDefined();
    }
  });

  it('lists every path the API answers: anything not 404 is documented, later labs’ paths included', async () => {
    const candidates = [
      ...Object.keys(doc.paths),
      '/api/v1/orders',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/me',
      '/.well-known/jwks.json',
      '/.well-known/oauth-authorization-server',
      '/oauth/authorize',
      '/oauth/token',
      '/oauth/revoke',
      '/api/v2/users',
      '/__admin/keys',
      '/__admin/clients',
      '/__admin/idempotency',
      '/__admin/faults/next',
    ];
    const id = (await call(api, 'GET', '/api/v1/users?limit=1')).json.data[0].id as string;
    for (const template of candidates) {
      const path = template.replace('{id}', id);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const reply = await call(api, method, path, { headers: { 'X-Client-Id': 'crawler' } });
        if (reply.status === 404 || reply.status === 405) continue;
        expect(
          operation(template, method),
          `${method} ${path} answers ${reply.status}`,
        ).toBeDefined();
      }
    }
  });

  it('keeps every rule of the schemas: lengths, formats, enums, ranges, read-only fields', () => {
    const user = doc.components.schemas.User;
    expect(user.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });
    expect(user.properties.email).toMatchObject({
      type: 'string',
      format: 'email',
      maxLength: 254,
    });
    expect(user.properties.role).toMatchObject({ enum: ['member', 'admin'] });
    for (const field of ['id', 'created_at', 'updated_at'])
      expect(user.properties[field].readOnly).toBe(true);
    expect(user.additionalProperties).toBe(false);
    const product = doc.components.schemas.Product;
    expect(product.properties.price_cents).toMatchObject({ type: 'integer', minimum: 0 });

    const create = operation('/api/v1/users', 'POST').requestBody.content['application/json']
      .schema;
    expect(create.required).toEqual(['name', 'email']); // role has a default
    expect(create.properties.id).toBeUndefined(); // read-only fields are not in what a client sends
    const patch = operation('/api/v1/users/{id}', 'PATCH').requestBody.content;
    expect(Object.keys(patch)).toEqual(['application/merge-patch+json']);

    const params = operation('/api/v1/users', 'GET').parameters;
    const limit = params.find((p: Json) => p.name === 'limit');
    expect(limit).toMatchObject({
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: 100 },
    });
    const sort = params.find((p: Json) => p.name === 'sort');
    expect(sort.schema.enum).toEqual(['-created_at', 'created_at', 'name', '-name']);
    const idParam = operation('/api/v1/users/{id}', 'GET').parameters[0];
    expect(idParam).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  it('names the problem type of every error response, with its status', () => {
    let problems = 0;
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        for (const [status, response] of Object.entries<Json>(op.responses)) {
          if (Number(status) < 400) continue;
          // The one exception (shared API.md §1): OAuth's token and revocation endpoints answer
          // RFC 6749 §5.2 JSON, documented as its own schema.
          const oauth = response.content?.['application/json']?.schema?.$ref;
          if (oauth === '#/components/schemas/OAuthError' && path.startsWith('/oauth/')) continue;
          const schema = response.content?.['application/problem+json']?.schema;
          expect(schema, `${method} ${path} ${status}`).toBeDefined();
          const refs: string[] = schema.oneOf
            ? schema.oneOf.map((s: Json) => s.$ref)
            : [schema.$ref];
          for (const ref of refs) {
            const typed = component(ref).allOf[1].properties;
            expect(typed.status.const, `${ref} under ${status}`).toBe(Number(status));
            const slug = typed.type.const.replace('/problems/', '') as keyof typeof PROBLEM_TYPES;
            expect(PROBLEM_TYPES[slug].status).toBe(Number(status));
            problems++;
          }
        }
      }
    }
    expect(problems).toBeGreaterThan(50);
    const list = operation('/api/v1/users', 'GET').responses;
    expect(Object.keys(list)).toEqual(expect.arrayContaining(['200', '400', '429', '500']));
  });

  it('describes the headers sent: Location, Link, RateLimit, Retry-After, X-Request-Id', () => {
    const headersOf = (path: string, method: string, status: number) =>
      Object.keys(operation(path, method).responses[status].headers ?? {});
    expect(headersOf('/api/v1/users', 'POST', 201)).toEqual(
      expect.arrayContaining(['Location', 'X-Request-Id', 'RateLimit', 'RateLimit-Policy']),
    );
    expect(headersOf('/api/v1/users', 'GET', 200)).toContain('Link');
    expect(headersOf('/api/v1/users', 'GET', 429)).toContain('Retry-After');
    // The control API is not rate-limited, and says so by not naming the fields.
    expect(headersOf('/__admin/clock', 'GET', 200)).toEqual(['X-Request-Id']);
    for (const name of ['Location', 'Link', 'RateLimit', 'Retry-After', 'X-Request-Id'])
      expect(doc.components.headers[name].description).toEqual(expect.any(String));
  });

  it('its schemas accept what the API really answers', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
    const check = (schema: Json, body: unknown, what: string) => {
      const rebased = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components', '"doc#/components'),
      );
      const validate = ajv.compile(rebased);
      expect(validate(body), `${what}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    };
    const created = await call(api, 'POST', '/api/v1/users', { json: newUser('schema') });
    const schemaOf = (path: string, method: string, status: number, type = 'application/json') =>
      operation(path, method).responses[status].content[type].schema;
    check(schemaOf('/api/v1/users', 'POST', 201), created.json, 'POST 201');
    const id = created.json.id as string;
    const read = await call(api, 'GET', `/api/v1/users/${id}`);
    check(schemaOf('/api/v1/users/{id}', 'GET', 200), read.json, 'GET 200');
    const page = await call(api, 'GET', '/api/v1/products?limit=3');
    check(schemaOf('/api/v1/products', 'GET', 200), page.json, 'list 200');
    const cursorPage = await call(
      api,
      'GET',
      `/api/v1/users?cursor=${page.json.pagination.next_cursor}`,
    );
    check(
      schemaOf('/api/v1/users', 'GET', 400, 'application/problem+json'),
      cursorPage.json,
      'cursor 400',
    );
    const invalid = await call(api, 'POST', '/api/v1/users', { json: { name: '' } });
    check(schemaOf('/api/v1/users', 'POST', 422, 'application/problem+json'), invalid.json, '422');
    const clock = await call(api, 'GET', '/__admin/clock');
    check(schemaOf('/__admin/clock', 'GET', 200), clock.json, 'clock');
    const settings = await call(api, 'GET', '/__admin/settings');
    check(schemaOf('/__admin/settings', 'GET', 200), settings.json, 'settings');
    const journal = await call(api, 'GET', '/__admin/requests?limit=5');
    check(schemaOf('/__admin/requests', 'GET', 200), journal.json, 'journal');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../create-api.ts';
import {
  call,
  expectProblem,
  makeApi,
  newUser,
  snapshot,
  type CallOptions,
} from '../../test-support.ts';
import { parseMediaType } from './read-json-body.ts';

let api: Api;
let userPath: string;

beforeEach(async () => {
  api = makeApi();
  userPath = `/api/v1/users/${(await call(api, 'GET', '/api/v1/users?limit=1')).json.data[0].id}`;
});

/** The three writes, each with the media type it takes. */
const writes = () =>
  [
    ['POST', '/api/v1/users', 'application/json'],
    ['PUT', userPath, 'application/json'],
    ['PATCH', userPath, 'application/merge-patch+json'],
  ] as const;

async function expectUnchanged(method: string, path: string, options: CallOptions) {
  const before = snapshot(api);
  const reply = await call(api, method, path, options);
  expect(snapshot(api)).toEqual(before);
  return reply;
}

describe('400: malformed JSON and bodies that are not one object (RFC 9110 §15.5.1)', () => {
  it.each(['{', '{"name":}', "{'name':'x'}", '{"a":1,}', 'nul', '{"a":1}{"b":2}', '\u0000'])(
    'malformed JSON %j → 400 malformed-json on every write',
    async (text) => {
      for (const [method, path, type] of writes()) {
        const reply = await expectUnchanged(method, path, { body: text, contentType: type });
        expectProblem(reply, 'malformed-json', path);
      }
    },
  );

  it.each(['[]', '[{"name":"x"}]', '"text"', '42', '-1.5e3', 'null', 'true', 'false'])(
    'JSON %s is not an object → 400 invalid-body on every write',
    async (text) => {
      for (const [method, path, type] of writes()) {
        const reply = await expectUnchanged(method, path, { body: text, contentType: type });
        const body = expectProblem(reply, 'invalid-body', path);
        expect(body.detail).toMatch(/must be a JSON object/);
      }
    },
  );

  it.each(['', '   ', '\n\t'])('an empty body %j → 400 invalid-body', async (text) => {
    for (const [method, path, type] of writes()) {
      const reply = await expectUnchanged(method, path, { body: text, contentType: type });
      expectProblem(reply, 'invalid-body', path);
    }
  });

  it('a body that is not UTF-8 → 400 malformed-json', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    const reply = await expectUnchanged('POST', '/api/v1/users', {
      body: bytes,
      contentType: 'application/json',
    });
    expect(expectProblem(reply, 'malformed-json').detail).toContain('UTF-8');
  });

  it('JSON whitespace around the object is fine', async () => {
    const reply = await call(api, 'POST', '/api/v1/users', {
      body: `\n  ${JSON.stringify(newUser(1))}  \r\n`,
      contentType: 'application/json',
    });
    expect(reply.status).toBe(201);
  });
});

describe('415: the media type each method takes (RFC 9110 §15.5.16, RFC 5789)', () => {
  it.each([
    null,
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/jsonx',
    'application/json-patch+json',
    'text/json',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
  ])('POST and PUT refuse %j', async (contentType) => {
    for (const [method, path] of writes().slice(0, 2)) {
      const reply = await expectUnchanged(method, path, {
        body: JSON.stringify(newUser(1)),
        contentType,
      });
      const body = expectProblem(reply, 'unsupported-media-type', path);
      expect(body.errors).toEqual([{ header: 'Content-Type', detail: expect.any(String) }]);
      expect(body.detail).toContain('application/json');
    }
  });

  it('POST refuses application/merge-patch+json: it is not a patch', async () => {
    const reply = await expectUnchanged('POST', '/api/v1/users', {
      json: newUser(1),
      contentType: 'application/merge-patch+json',
    });
    expectProblem(reply, 'unsupported-media-type');
    expect(reply.headers.get('Accept-Patch')).toBeNull();
  });

  it.each([null, 'application/json', 'text/plain', 'application/json-patch+json'])(
    'PATCH refuses %j and names merge-patch in Accept-Patch',
    async (contentType) => {
      const reply = await expectUnchanged('PATCH', userPath, {
        body: '{"name":"Renamed"}',
        contentType,
      });
      const body = expectProblem(reply, 'unsupported-media-type', userPath);
      expect(reply.headers.get('Accept-Patch')).toBe('application/merge-patch+json');
      expect(body.detail).toContain('application/merge-patch+json');
    },
  );

  it.each([
    'application/json; charset=utf-8',
    'Application/JSON',
    'application/json;charset="UTF-8"',
    ' application/json ',
  ])('accepts the JSON media type written as %j', async (contentType) => {
    const reply = await call(api, 'POST', '/api/v1/users', { json: newUser(1), contentType });
    expect(reply.status).toBe(201);
  });

  it('415 is decided before the body is read: a huge body of the wrong type is 415, not 413', async () => {
    const reply = await call(api, 'POST', '/api/v1/users', {
      body: 'x'.repeat(100_000),
      contentType: 'text/plain',
    });
    expectProblem(reply, 'unsupported-media-type');
  });
});

describe('413: limits.max_body_bytes (RFC 9110 §15.5.14)', () => {
  const bodyOf = (bytes: number) => {
    const base = JSON.stringify(newUser(1, { name: '' }));
    return base.replace('"name":""', `"name":"${'x'.repeat(bytes - base.length)}"`);
  };

  it('over 65,536 bytes by default → 413, exactly 65,536 is read (and then judged)', async () => {
    for (const [method, path, type] of writes()) {
      const over = await expectUnchanged(method, path, {
        body: bodyOf(65_537),
        contentType: type,
      });
      const problem = expectProblem(over, 'content-too-large', path);
      expect(problem.detail).toContain('65536');
      // The name is too long for a user, so it gets as far as validation.
      const at = await expectUnchanged(method, path, { body: bodyOf(65_536), contentType: type });
      expectProblem(at, 'validation-failed', path);
    }
  });

  it('counts bytes, not characters', async () => {
    const emoji = '😀'.repeat(16_385); // 65,540 bytes in UTF-8, 32,770 UTF-16 units
    const reply = await expectUnchanged('POST', '/api/v1/users', {
      json: newUser(1, { name: emoji }),
    });
    expectProblem(reply, 'content-too-large');
  });

  it('a declared Content-Length over the limit is refused before reading', async () => {
    const reply = await expectUnchanged('POST', '/api/v1/users', {
      json: newUser(1),
      headers: { 'Content-Length': '70000' },
    });
    expectProblem(reply, 'content-too-large');
  });

  it('a streamed body with no Content-Length is cut off once it passes the limit', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(16_384));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled === 1) controller.enqueue(new TextEncoder().encode('{"name":"'));
        else if (pulled > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const reply = await expectUnchanged('POST', '/api/v1/users', {
      body: stream,
      contentType: 'application/json',
    });
    expectProblem(reply, 'content-too-large');
    expect(pulled).toBeLessThan(10);
  });

  it('follows the limit after PATCH /__admin/settings lowers it, and after DELETE restores it', async () => {
    const lowered = await call(api, 'PATCH', '/__admin/settings', {
      json: { limits: { max_body_bytes: 100 } },
    });
    expect(lowered.status).toBe(200);
    expect(lowered.json.limits.max_body_bytes).toBe(100);

    const fits = JSON.stringify({ name: 'Al', email: 'al@example.com' }); // 38 bytes
    const tooBig = JSON.stringify(newUser(1, { name: 'y'.repeat(80) }));
    expect(tooBig.length).toBeGreaterThan(100);
    expectProblem(
      await expectUnchanged('POST', '/api/v1/users', {
        body: tooBig,
        contentType: 'application/json',
      }),
      'content-too-large',
    );
    expect(
      (await call(api, 'POST', '/api/v1/users', { body: fits, contentType: 'application/json' }))
        .status,
    ).toBe(201);
    // Admin bodies obey the same limit.
    expectProblem(
      await call(api, 'POST', '/__admin/clock', {
        json: { action: 'advance', ms: 1, padding: 'p'.repeat(200) },
      }),
      'content-too-large',
    );

    await call(api, 'DELETE', '/__admin/settings');
    expect(
      (
        await call(api, 'POST', '/api/v1/users', {
          body: tooBig,
          contentType: 'application/json',
        })
      ).status,
    ).toBe(201);
  });
});

describe('parseMediaType (RFC 9110 §8.3.1)', () => {
  it.each([
    ['application/json', { essence: 'application/json' }],
    ['Application/JSON ; Charset=UTF-8', { essence: 'application/json', charset: 'utf-8' }],
    ['application/json;charset="utf-8"', { essence: 'application/json', charset: 'utf-8' }],
    ['text/plain; format=flowed', { essence: 'text/plain' }],
    ['', { essence: '' }],
  ])('%j → %o', (value, expected) => {
    expect(parseMediaType(value)).toEqual(expected);
  });

  it('no header → undefined', () => {
    expect(parseMediaType(null)).toBeUndefined();
  });
});

describe('a cloned request over the limit', () => {
  it('still answers 413 (cancelling a tee’d body must not wait for the other branch)', async () => {
    const api = makeApi();
    const request = new Request('http://localhost/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(70_000),
    });
    request.clone();
    const response = await api.fetch(request);
    expect(response.status).toBe(413);
  });
});

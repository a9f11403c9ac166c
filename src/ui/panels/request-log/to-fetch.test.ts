import { describe, expect, it } from 'vitest';
import { BROWSER_HEADERS, makeEntry } from './test-entries.ts';
import { jsString, toFetch } from './to-fetch.ts';

/** Runs the generated code with a stand-in fetch and returns what it was called with. */
async function callsOf(code: string): Promise<[string, RequestInit]> {
  const calls: [string, RequestInit][] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push([url, init]);
    return new Response(null);
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...args: unknown[]) => Promise<unknown>;
  await new AsyncFunction('fetch', code)(fetch);
  expect(calls).toHaveLength(1);
  return calls[0] as [string, RequestInit];
}

describe('toFetch', () => {
  it('reproduces method, path, headers and the exact body', async () => {
    const body = `{"name":"Zoë O'Brien \\"x\\" 🚀\\u2028","email":"z@example.com"}`;
    const code = toFetch(
      makeEntry({
        method: 'POST',
        url: '/api/v1/users?dry=1',
        request: {
          headers: {
            ...BROWSER_HEADERS,
            'content-type': 'application/json',
            'idempotency-key': 'k-1',
          },
          body,
        },
      }),
    );
    expect(code).toMatch(/^await fetch\('\/api\/v1\/users\?dry=1', \{/);
    const [url, init] = await callsOf(code);
    expect(url).toBe('/api/v1/users?dry=1');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json', 'idempotency-key': 'k-1' });
    expect(init.body).toBe(body);
  });

  it('writes JSON bodies as JSON.stringify only when the bytes match', async () => {
    const compact = toFetch(
      makeEntry({ method: 'PUT', request: { headers: {}, body: '{"a":1}' } }),
    );
    expect(compact).toContain('body: JSON.stringify({');
    expect((await callsOf(compact))[1].body).toBe('{"a":1}');

    const spaced = toFetch(
      makeEntry({ method: 'PUT', request: { headers: {}, body: '{ "a": 1.0 }' } }),
    );
    expect(spaced).toContain(`body: '{ "a": 1.0 }'`);
    expect((await callsOf(spaced))[1].body).toBe('{ "a": 1.0 }');
  });

  it('keeps a path that starts with // on this origin', () => {
    expect(toFetch(makeEntry({ url: '//evil.example/x' }))).toMatch(
      /^await fetch\(location\.origin \+ '\/\/evil\.example\/x', \{/,
    );
  });

  it('leaves out the body of GET and HEAD', async () => {
    const [, init] = await callsOf(toFetch(makeEntry({ method: 'HEAD' })));
    expect(init).toEqual({ method: 'HEAD', headers: { accept: 'application/json' } });
  });
});

describe('jsString', () => {
  it('escapes quotes, backslashes, control and line-separator characters', () => {
    const value = `a'b\\c\n\r\t\u0000\u2028"`;
    expect(jsString(value)).toBe(`'a\\'b\\\\c\\n\\r\\t\\u0000\\u2028"'`);
    expect(new Function(`return ${jsString(value)}`)()).toBe(value);
  });
});

import { execFile } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../api/create-api.ts';
import { createApiServer } from '../../../adapters/node-http/server.ts';
import { BROWSER_HEADERS, journalEntryOf, makeEntry } from './test-entries.ts';
import { shellQuote, toCurl } from './to-curl.ts';

const run = promisify(execFile);

describe('shellQuote', () => {
  it('survives quotes, $, backslashes and newlines in bash', async () => {
    const nasty = `it's "quoted" $HOME \\n \`ls\` ${'\n'}line 2 — Zoë 🚀`;
    const { stdout } = await run('bash', ['-c', `printf %s ${shellQuote(nasty)}`]);
    expect(stdout).toBe(nasty);
  });
});

describe('toCurl', () => {
  it('writes method, absolute URL, replayable headers and the raw body', () => {
    const command = toCurl(
      makeEntry({
        method: 'PATCH',
        url: '/api/v1/users/usr_1',
        request: {
          headers: {
            ...BROWSER_HEADERS,
            'content-type': 'application/merge-patch+json',
            'if-match': '"v1"',
          },
          body: '{"name":"Ada"}',
        },
      }),
      'http://localhost:5173',
    );
    expect(command).toBe(
      [
        `curl -i -X PATCH 'http://localhost:5173/api/v1/users/usr_1'`,
        `-H 'content-type: application/merge-patch+json'`,
        `-H 'if-match: "v1"'`,
        `--data-raw '{"name":"Ada"}'`,
      ].join(' \\\n  '),
    );
  });

  it('uses --head for HEAD, and no -X for GET', () => {
    expect(toCurl(makeEntry({ method: 'HEAD', url: '/api/v1/users' }), 'http://h')).toMatch(
      /^curl --head 'http:\/\/h\/api\/v1\/users'/,
    );
    expect(toCurl(makeEntry({ method: 'GET', url: '/api/v1/users' }), 'http://h')).toMatch(
      /^curl -i 'http:\/\/h\/api\/v1\/users'/,
    );
  });

  it('keeps curl from globbing brackets or squashing dot segments', () => {
    expect(toCurl(makeEntry({ url: '/api/v1/users?x[0]=1' }), 'http://h')).toContain('--globoff');
    expect(toCurl(makeEntry({ url: '/api/v1/../v1/users' }), 'http://h')).toContain('--path-as-is');
  });

  it('sends an empty header with ; and drops the form type curl would add to a body', () => {
    const command = toCurl(
      makeEntry({ method: 'POST', request: { headers: { 'x-empty': '' }, body: 'a=1' } }),
      'http://h',
    );
    expect(command).toContain(`-H 'x-empty;'`);
    expect(command).toContain(`-H 'Content-Type:'`);
  });

  describe('run with bash against the node:http server', () => {
    let server: Server;
    let origin: string;

    beforeAll(async () => {
      server = createApiServer(createApi());
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      server.close();
      await once(server, 'close');
    });

    it('creates a user from a POST whose JSON has single and double quotes and Unicode', async () => {
      const name = `Zoë O'Brien "the Rocket" 🚀 — 日本語 \\ $HOME`;
      const body = JSON.stringify({ name, email: 'zoe.obrien@example.com' });
      // The entry as the core journals it in the page, plus what a browser adds on its own.
      const entry = await journalEntryOf(
        createApi(),
        new Request('http://localhost:5173/api/v1/users', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'X-Request-Id': 'curl-replay-1',
          },
          body,
        }),
      );
      entry.request.headers = { ...BROWSER_HEADERS, ...entry.request.headers };

      const { stdout } = await run('bash', ['-c', toCurl(entry, origin)], { timeout: 10_000 });

      const [head = '', responseBody = ''] = stdout.split(/\r\n\r\n/);
      expect(head).toMatch(/^HTTP\/1\.1 201 Created/);
      expect(head).toMatch(/^x-request-id: curl-replay-1$/im);
      expect(head).toMatch(/^location: \/api\/v1\/users\//im);
      expect(JSON.parse(responseBody)).toMatchObject({ name, email: 'zoe.obrien@example.com' });
    });

    it('replays HEAD and a query string', async () => {
      const head = await run('bash', [
        '-c',
        toCurl(makeEntry({ method: 'HEAD', url: '/api/v1/users?limit=2' }), origin),
      ]);
      expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK/);
      const get = await run('bash', [
        '-c',
        toCurl(makeEntry({ method: 'GET', url: '/api/v1/users?limit=2' }), origin),
      ]);
      expect(JSON.parse(get.stdout.split(/\r\n\r\n/)[1] ?? '').data).toHaveLength(2);
    });
  });
});

import { request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../adapters/node-http/server.ts';
import { createApi } from '../api/create-api.ts';
import { contractSuite, FORBIDDEN_METHODS, type ContractRequestInit } from './contract-suite.ts';

let server: Server;
let port = 0;
const origin = () => `http://127.0.0.1:${port}`;

beforeAll(async () => {
  server = createApiServer(createApi());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

contractSuite({
  name: 'a running node:http server',
  fetch(method, path, init = {}) {
    if (FORBIDDEN_METHODS.has(method)) return sendWithNodeHttp(method, origin() + path, init);
    return fetch(origin() + path, {
      method,
      headers: init.headers,
      body: init.body ?? null,
      duplex: 'half',
    } as RequestInit);
  },
});

describe('what only the real server can be sent', () => {
  it('treats a POST with neither Content-Length nor Transfer-Encoding as bodiless (curl -X POST)', async () => {
    const answer = await sendRaw('POST /__admin/reset HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(answer.statusLine).toBe('HTTP/1.1 204 No Content');
  });

  it('keeps the path of an origin-form target that starts with "//"', async () => {
    const answer = await sendRaw('GET //api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 404 /);
    expect(JSON.parse(answer.body)).toMatchObject({ instance: '//api/v1/users' });
  });

  it('survives a Host header that is not a host, and keeps serving', async () => {
    for (const host of ['a b', 'x/y?z', '[::1']) {
      const answer = await sendRaw(`GET /api/v1/users?limit=1 HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      expect(answer.statusLine).toBe('HTTP/1.1 200 OK');
    }
    expect((await fetch(`${origin()}/api/v1/users?limit=1`)).status).toBe(200);
  });

  it('closes a connection whose body it did not read, so the next request does not hang', async () => {
    const big = new Uint8Array(512 * 1024).fill(0x20);
    const started = performance.now();
    for (let round = 0; round < 3; round++) {
      const refused = await fetch(`${origin()}/api/v1/users`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: new Blob([big]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(refused.status).toBe(413);
      expect(refused.headers.get('Connection')).toBe('close');
      await refused.text();
      expect((await fetch(`${origin()}/__admin/clock`)).status).toBe(200);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

/** For the methods global fetch refuses to send: node:http sends any token. */
function sendWithNodeHttp(
  method: string,
  url: string,
  init: ContractRequestInit,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers: init.headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          for (const item of [value ?? []].flat()) headers.append(name, item);
        }
        const body = Buffer.concat(chunks);
        resolve(
          new Response(body.byteLength ? body : null, { status: incoming.statusCode, headers }),
        );
      });
    });
    outgoing.on('error', reject);
    if (typeof init.body === 'string') outgoing.end(init.body);
    else outgoing.end();
  });
}

/** Writes bytes no HTTP client would, and reads the answer up to the end of its body. */
function sendRaw(head: string): Promise<{ statusLine: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(head.replace(/\r\n\r\n$/, '\r\nConnection: close\r\n\r\n')),
    );
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const split = text.indexOf('\r\n\r\n');
      resolve({ statusLine: text.slice(0, text.indexOf('\r\n')), body: text.slice(split + 4) });
    });
  });
}

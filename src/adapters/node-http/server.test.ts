import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/create-api.ts';
import { dropAnswersTo, expectLostOrderReplayed } from '../../api/test-support.ts';
import { createApiServer } from './server.ts';

// The real API with a fault layer: this path's answers end as a network error.
const BROKEN = '/api/v1/users/broken';

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createApiServer(dropAnswersTo(createApi(), BROKEN));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('node:http adapter: Response.error() is a network error', () => {
  it('closes the connection without writing a byte, and keeps serving new connections', async () => {
    const { port } = server.address() as AddressInfo;
    const seen = await new Promise<{ bytes: number; error: boolean }>((resolve, reject) => {
      let bytes = 0;
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`GET ${BROKEN} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`),
      );
      socket.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      socket.on('error', reject);
      socket.on('close', (error) => resolve({ bytes, error }));
    });
    expect(seen).toEqual({ bytes: 0, error: false });
    const next = await fetch(`${origin}/api/v1/users?limit=1`);
    expect(next.status).toBe(200);
    await next.text();
  });

  it('makes fetch reject with a TypeError', async () => {
    await expect(fetch(`${origin}${BROKEN}`)).rejects.toThrow(TypeError);
    expect((await fetch(`${origin}/__admin/clock`)).status).toBe(200);
  });
});

describe('node:http: an answer dropped after the commit (shared API.md §8)', () => {
  it('fails the fetch, the order exists, and the retry with its key is a replay', async () => {
    const fresh = createApiServer(createApi());
    await new Promise<void>((resolve) => fresh.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(fresh.address() as AddressInfo).port}`;
    try {
      await expectLostOrderReplayed((path, init) => fetch(`${at}${path}`, init));
    } finally {
      fresh.closeAllConnections();
      await new Promise((resolve) => fresh.close(resolve));
    }
  });
});

import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../api/create-api.ts';
import { createApiServer } from './server.ts';

const BROKEN = '/api/v1/users/broken';

/** The real API, except that one path ends as a network error, as a fault layer will make it. */
function withNetworkError(api: Api): Api {
  return {
    events: api.events,
    env: api.env,
    fetch: (request, init) =>
      new URL(request.url).pathname === BROKEN
        ? Promise.resolve(Response.error())
        : api.fetch(request, init),
  };
}

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createApiServer(withNetworkError(createApi()));
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

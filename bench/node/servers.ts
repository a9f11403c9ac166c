import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiServer } from '../../src/adapters/node-http/server.ts';
import { createBenchApi } from '../bench-api.ts';

/**
 * The two servers the Node part of the bench loads, run in a child process of bench/run.ts so
 * that autocannon (in the parent) and the server under test each get their own core. Only one of
 * them is under load at any moment. Tells the parent its ports over IPC.
 */
export interface ServersReady {
  type: 'ready';
  bare: number;
  full: number;
  userId: string;
}

/** This process's CPU time so far (user + system, µs), asked for before and after each round. */
export interface CpuReading {
  type: 'cpu';
  micros: number;
}

const { api, userId, userBody } = await createBenchApi('http://127.0.0.1');
// The same bytes the full pipeline sends for this user.
const body = Buffer.from(userBody);

const bare = createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': String(body.byteLength),
  });
  response.end(body);
});
const full = createApiServer(api);

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

const ready: ServersReady = {
  type: 'ready',
  bare: await listen(bare),
  full: await listen(full),
  userId,
};
process.send?.(ready);
process.on('message', () => {
  const { user, system } = process.cpuUsage();
  process.send?.({ type: 'cpu', micros: user + system } satisfies CpuReading);
});
// The parent ends this process when it is done; losing the parent ends it too.
process.on('disconnect', () => process.exit(0));

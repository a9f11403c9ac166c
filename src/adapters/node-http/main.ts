import type { AddressInfo } from 'node:net';
import { createApi } from '../../api/create-api.ts';
import { createApiServer } from './server.ts';

/** `npm run serve`: the same API the browser runs, on http://127.0.0.1:8787 (or $PORT, $HOST). */
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const server = createApiServer(createApi());
server.on('error', (error: NodeJS.ErrnoException) => {
  // Say what to do instead of printing a stack trace.
  const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is taken; try PORT=8788)` : '';
  console.error(`restlab: cannot listen on ${host}:${port}: ${error.message}${hint}`);
  process.exit(1);
});
server.listen(port, host, () => {
  // PORT=0 asks the system for a free port: print the one it gave.
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  console.log(`restlab API on ${origin}/api/v1 (control API under /__admin)`);
  console.log(`try: curl -i ${origin}/api/v1/users?limit=2`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));

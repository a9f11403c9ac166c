import { createApi } from '../../api/create-api.ts';
import { createApiServer } from './server.ts';

/** `npm run serve`: the same API the browser runs, on http://127.0.0.1:8787 (or $PORT). */
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const server = createApiServer(createApi());
server.listen(port, host, () => {
  console.log(`restlab API on http://${host}:${port}/api/v1 (control API under /__admin)`);
  console.log(`try: curl -i http://${host}:${port}/api/v1/users?limit=2`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));

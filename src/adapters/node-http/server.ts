import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Api } from '../../api/create-api.ts';

/** Methods fetch's Request refuses (Fetch standard); node:http accepts them, the core answers them. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const FALLBACK_ORIGIN = 'http://127.0.0.1';

/**
 * Serves the core over node:http for curl, k6 and the contract tests: IncomingMessage →
 * Request → api.fetch → ServerResponse, and nothing else. Every HTTP rule lives in the core; this
 * file only translates, so the server answers exactly as api.fetch does.
 */
export function createApiServer(api: Api): Server {
  return createServer((incoming, outgoing) => {
    handle(api, incoming, outgoing).catch(() => {
      // api.fetch never throws; this is a socket failing mid-answer. One request must never
      // take the server down (an unhandled rejection would end the process).
      if (!outgoing.headersSent) outgoing.writeHead(500, { connection: 'close' });
      outgoing.end();
    });
  });
}

async function handle(api: Api, incoming: IncomingMessage, outgoing: ServerResponse) {
  const method = incoming.method ?? 'GET';
  // A bodiless GET stands in for TRACE and friends; the core is told the real method.
  const forbidden = FORBIDDEN_METHODS.has(method);
  const request = toRequest(incoming, forbidden ? 'GET' : method);
  const response = await api.fetch(request, forbidden ? { method } : undefined);
  await send(incoming, outgoing, response);
}

function toRequest(incoming: IncomingMessage, method: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const body = hasBody(incoming, method) ? Readable.toWeb(incoming) : null;
  return new Request(requestUrl(incoming), {
    method,
    headers,
    body: body as ReadableStream<Uint8Array> | null,
    // Required by undici for a streamed body.
    ...(body ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * RFC 9112 §6.3: a request has a body only when it says so with Content-Length or
 * Transfer-Encoding. `curl -X POST` sends neither, and must reach the core as a bodiless
 * request, as it would in-process, not as an empty stream of unknown length.
 */
function hasBody(incoming: IncomingMessage, method: string): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  const length = incoming.headers['content-length'];
  return incoming.headers['transfer-encoding'] !== undefined || (!!length && length !== '0');
}

function requestUrl(incoming: IncomingMessage): URL {
  const target = incoming.url ?? '/';
  const origin = hostOrigin(incoming.headers.host);
  // Origin-form is joined as text: new URL('//api/v1', base) would read "api" as a host.
  if (target.startsWith('/')) return new URL(origin + target);
  // Absolute-form (as proxies send it), else asterisk-form ("OPTIONS *"), which no route has.
  return URL.canParse(target) ? new URL(target) : new URL(`${origin}/${target}`);
}

/** The Host header is client input: one that is not a plain host[:port] is not used. */
function hostOrigin(host: string | undefined): string {
  if (!host || !URL.canParse(`http://${host}`)) return FALLBACK_ORIGIN;
  const url = new URL(`http://${host}`);
  return url.host === host.toLowerCase() ? url.origin : FALLBACK_ORIGIN;
}

async function send(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  response: Response,
): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body) headers['content-length'] = String(body.byteLength);
  // The core answered before reading the whole body (413, 415, 404 …): the rest of it is still
  // on the wire, so this connection cannot carry another request. Say so and close it, or the
  // client's next request on it would hang and then fail.
  if (!incoming.complete) headers.connection = 'close';
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

import { FETCH_FORBIDDEN_METHODS } from '../../api/routes/methods.ts';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Api } from '../../api/create-api.ts';
import type { ApiRequest } from '../../api/context.ts';
import { createWriteBatch } from './write-batch.ts';

const FALLBACK_ORIGIN = 'http://127.0.0.1';

/**
 * Serves the core over node:http for curl, k6 and the contract tests: IncomingMessage →
 * Request → api.fetch → ServerResponse, and nothing else. Every HTTP rule lives in the core; this
 * file only translates, so the server answers exactly as api.fetch does.
 */
export function createApiServer(api: Api): Server {
  const defer = createWriteBatch();
  return createServer((incoming, outgoing) => {
    handle(api, incoming, outgoing, defer).catch(() => fail(outgoing));
  });
}

/**
 * api.fetch never throws; this is a socket failing mid-answer. One request must never take the
 * server down (an unhandled rejection would end the process).
 */
function fail(outgoing: ServerResponse): void {
  if (!outgoing.headersSent) outgoing.writeHead(500, { connection: 'close' });
  outgoing.end();
}

async function handle(
  api: Api,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  defer: (write: () => void) => void,
) {
  const method = incoming.method ?? 'GET';
  // A bodiless GET stands in for TRACE and friends; the core is told the real method.
  const forbidden = FETCH_FORBIDDEN_METHODS.has(method);
  const request = toRequest(incoming, forbidden ? 'GET' : method);
  const { response, text } = await api.answer(request, forbidden ? { method } : undefined);
  const write = await prepare(incoming, outgoing, response, text);
  if (write) {
    defer(() => {
      try {
        write();
      } catch {
        fail(outgoing);
      }
    });
  }
}

/**
 * What the core reads of a request, without a fetch `Request`: on Node one costs an
 * AbortSignal and a transferable object per request, which the core never uses.
 */
function toRequest(incoming: IncomingMessage, method: string): ApiRequest {
  return {
    url: requestUrl(incoming),
    method,
    headers: new Headers(requestHeaders(incoming)),
    body: hasBody(incoming, method)
      ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array<ArrayBuffer>>)
      : null,
  };
}

/** The fields as node:http reads them (repeats joined, or dropped where RFC 9110 allows one). */
function requestHeaders(incoming: IncomingMessage): HeadersInit {
  const headers = incoming.headers;
  for (const name in headers) {
    // Only Set-Cookie comes as an array; a request rarely carries it.
    if (typeof headers[name] !== 'string') return pairsOf(headers);
  }
  return headers as Record<string, string>;
}

function pairsOf(headers: IncomingMessage['headers']): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value) pairs.push([name, item]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
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

/** The URL as text: the core parses it once. */
function requestUrl(incoming: IncomingMessage): string {
  const target = incoming.url ?? '/';
  const origin = hostOrigin(incoming.headers.host);
  // Origin-form is joined as text: new URL('//api/v1', base) would read "api" as a host.
  if (target.startsWith('/')) return origin + target;
  // Absolute-form (as proxies send it), else asterisk-form ("OPTIONS *"), which no route has.
  return URL.canParse(target) ? target : `${origin}/${target}`;
}

// The last Host seen and its origin: a client sends the same one on every request, and one
// entry cannot grow, whatever hosts clients send.
let lastHost: string | undefined;
let lastOrigin = FALLBACK_ORIGIN;

/** The Host header is client input: one that is not a plain host[:port] is not used. */
function hostOrigin(host: string | undefined): string {
  if (host === lastHost) return lastOrigin;
  let origin = FALLBACK_ORIGIN;
  if (host && URL.canParse(`http://${host}`)) {
    const url = new URL(`http://${host}`);
    if (url.host === host.toLowerCase()) origin = url.origin;
  }
  lastHost = host;
  lastOrigin = origin;
  return origin;
}

/** The answer as writes to `outgoing`, to run in this turn's batch; none for a network error. */
async function prepare(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  response: Response,
  text: string | undefined,
): Promise<(() => void) | undefined> {
  // Response.error() is a network error (Fetch standard): no status line, no bytes at all. The
  // client sees the connection close (curl: "Empty reply from server"); others are unaffected.
  if (response.type === 'error') {
    incoming.socket.destroy();
    return undefined;
  }
  const body = await bodyBytes(response, text);
  // The core answered before reading the whole body (413, 415, 404 …): the rest of it is still
  // on the wire, so this connection cannot carry another request. Say so and close it, or the
  // client's next request on it would hang and then fail.
  const close = !incoming.complete;
  // writeHead takes a flat [name, value, …] list as it is, and keeps repeated fields apart.
  const headers: string[] = [];
  response.headers.forEach((value, name) => {
    // Both are this file's to say: the length of the bytes it writes, and the close above.
    if ((body && name === 'content-length') || (close && name === 'connection')) return;
    headers.push(name, value);
  });
  if (body) headers.push('content-length', String(body.byteLength));
  if (close) headers.push('connection', 'close');
  const { status } = response;
  return () => {
    outgoing.writeHead(status, headers);
    outgoing.end(body);
  };
}

/** Most bodies come as the text the core made them from (Api.answer); the rest as a stream. */
async function bodyBytes(
  response: Response,
  text: string | undefined,
): Promise<Buffer | undefined> {
  if (text !== undefined) return Buffer.from(text);
  return response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
}

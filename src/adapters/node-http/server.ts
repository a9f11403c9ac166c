import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Api } from '../../api/create-api.ts';

/**
 * Serves the core over node:http for curl, k6 and the contract tests: IncomingMessage →
 * Request → api.fetch → ServerResponse, and nothing else.
 */
export function createApiServer(api: Api): Server {
  return createServer((incoming, outgoing) => {
    void handle(api, incoming, outgoing);
  });
}

async function handle(
  api: Api,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const host = incoming.headers.host ?? '127.0.0.1';
  const url = new URL(incoming.url ?? '/', `http://${host}`);
  let request: Request;
  let method: string | undefined;
  try {
    request = toRequest(incoming, url);
  } catch {
    // fetch's Request refuses some methods (TRACE, CONNECT, TRACK); the core still answers them
    // (405 with Allow) when told the method beside a bodiless stand-in request.
    request = toRequest(
      { ...incoming, method: 'GET', headers: incoming.headers } as IncomingMessage,
      url,
    );
    method = incoming.method;
  }
  try {
    await send(outgoing, await api.fetch(request, method === undefined ? undefined : { method }));
  } catch {
    if (!outgoing.headersSent) outgoing.writeHead(500);
    outgoing.end();
  }
}

function toRequest(incoming: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : null,
    // Required by undici for a streamed body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(outgoing: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body) headers['content-length'] = String(body.byteLength);
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

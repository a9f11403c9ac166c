import { HttpCache, type CacheAnswer } from '../../ui/shared/client-cache/http-cache.ts';
import type { Transport } from '../scenario.ts';

export type ClientName = 'a' | 'b';

/** One request as it went: the client's cache, the CDN's, and the API (when it got that far). */
export interface Exchange {
  client: ClientName;
  method: string;
  path: string;
  /** The precondition the client sent itself (`If-Match: "…"`), if any. */
  precondition: string | undefined;
  /** What the client's own private cache did. */
  private: CacheAnswer['outcome'];
  /** What the shared cache did; undefined when the client's cache answered alone. */
  shared: CacheAnswer['outcome'] | undefined;
  /** The API's status, or undefined when no request reached it. */
  apiStatus: number | undefined;
  /** Body bytes the API sent for this request. */
  apiBytes: number;
  /** What the client received in the end. */
  status: number;
  body: string;
  etag: string | null;
  why: string;
}

const encoder = new TextEncoder();

/**
 * The caching lab's model of a small web: two clients, each with its own private cache, and one
 * shared cache (a CDN) between them and the API. Every cache is http-cache-semantics on the
 * virtual clock; every request the CDN forwards is a real request to the API (the request log
 * shows it). The clock is read from `now`, which the scenarios keep in step with the paused
 * virtual clock.
 */
export class CacheWorld {
  readonly cdn: HttpCache;
  readonly clients: Record<ClientName, HttpCache>;
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly transport: Transport,
    readonly now: () => number,
    private readonly clientIds: Record<ClientName, string>,
  ) {
    this.cdn = new HttpCache({ name: 'CDN', shared: true, now });
    this.clients = {
      a: new HttpCache({ name: 'client A', shared: false, now }),
      b: new HttpCache({ name: 'client B', shared: false, now }),
    };
  }

  /** One request from a client, through its private cache and the CDN, to the API if need be. */
  async send(
    client: ClientName,
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; viaCdn?: boolean } = {},
  ): Promise<Exchange> {
    let apiStatus: number | undefined;
    let apiBytes = 0;
    let shared: CacheAnswer | undefined;
    const toApi = async (request: Request) => {
      const response = await this.transport.fetch(request);
      const text = await response.clone().text();
      apiStatus = response.status;
      apiBytes = encoder.encode(text).length;
      return response;
    };
    const toCdn = async (request: Request) => {
      shared = await this.cdn.fetch(request, toApi);
      return shared.response;
    };
    const headers: Record<string, string> = {
      'X-Client-Id': this.clientIds[client],
      ...init.headers,
    };
    if (init.body !== undefined)
      headers['Content-Type'] =
        method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
    const request = new Request(this.transport.origin + path, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const answer = await this.clients[client].fetch(request, init.viaCdn ? toCdn : toApi);
    const exchange: Exchange = {
      client,
      method,
      path,
      precondition: init.headers?.['If-Match']
        ? `If-Match: ${init.headers['If-Match']}`
        : undefined,
      private: answer.outcome,
      shared: (shared as CacheAnswer | undefined)?.outcome,
      apiStatus,
      apiBytes,
      status: answer.response.status,
      body: answer.body,
      etag: answer.response.headers.get('ETag'),
      why: [answer.why, (shared as CacheAnswer | undefined)?.why].filter(Boolean).join('; CDN: '),
    };
    this.exchanges.push(exchange);
    return exchange;
  }
}

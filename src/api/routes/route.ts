import type { z } from 'zod';
import type { Middleware } from '../compose.ts';
import type { BodyMediaType } from '../middleware/body/read-json-body.ts';
import type { ApiContext } from '../context.ts';
import type { ProblemSlug } from '../problems.ts';
import type { Settings } from '../settings.ts';
import type { HeaderName } from './headers.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query schema: a strict zod object whose members each read one parameter's string value. */
export type QuerySchema = z.ZodObject;

/** What a handler receives besides the context: the request's parts, already validated. */
export interface RouteInput<Q extends QuerySchema> {
  query: z.output<Q>;
}

export type Handler<Q extends QuerySchema = QuerySchema> = (
  context: ApiContext,
  input: RouteInput<Q>,
) => void | Promise<void>;

/** HTML forms and OAuth's endpoints (RFC 6749 §3.2): read by the route itself. */
export const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The body a route accepts: its media type and the schema of its content. */
export interface BodySpec {
  contentType: BodyMediaType | typeof FORM_TYPE;
  schema: z.ZodType;
  /** A bodiless request is taken as `{}` (the control API's reset). */
  optional?: boolean;
}

/** One possible answer, for the OpenAPI document. */
export interface ResponseSpec {
  description: string;
  /** The JSON body; absent for 204, 304 and problems (their schema is the problem's). */
  schema?: z.ZodType;
  /** The headers this answer carries beyond those every answer carries. */
  headers?: readonly HeaderName[];
  /** For a 4xx/5xx: the problem types it may be, each a /problems/<slug> page. */
  problems?: readonly ProblemSlug[];
  /**
   * Bodies in other media types than JSON, by type: an HTML page, or OAuth's own error JSON
   * (RFC 6749 §5.2), which replaces problem+json where that standard defines its format.
   */
  content?: Readonly<Record<string, z.ZodType>>;
}

/**
 * What mechanisms read from a route: each mechanism adds its own member by declaration merging
 * in its own folder (the auth lab a scope, the caching lab a cache policy, the idempotency lab
 * its rule), so a route states its promises in one place and no mechanism reaches into a handler.
 *
 *   declare module '../../routes/route.ts' {
 *     interface RoutePolicies { scope: 'read' | 'write' | 'admin' }
 *   }
 */
export interface RoutePolicies {
  /** The resource collection this route serves, when it serves one (users, products, …). */
  resource?: string;
}

/**
 * A route is data: method, path, handler, and everything it promises. The router matches on
 * method and path first; the pipeline's mechanisms then read the matched route (so an unknown
 * route is 404 before any mechanism speaks); then the route's own middleware runs, then the
 * handler. The same table generates the OpenAPI document (src/api/openapi).
 */
export interface RouteDefinition<Q extends QuerySchema = QuerySchema> {
  method: Method;
  /** OpenAPI path template, e.g. "/api/v1/users/{id}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  request?: {
    /** Path parameters, for the document (the router decodes them). */
    params?: z.ZodObject;
    /**
     * The query parameters it accepts; any other, or one given twice, is 400. A function when
     * the rules depend on the settings (limit ≤ limits.max_page_size), called once per settings.
     */
    query?: Q | ((settings: Settings) => Q);
    /**
     * The handler reads the query itself (the schema only documents it): OAuth's authorization
     * endpoint must ignore unknown parameters and answer a repeated one by redirect, in its own
     * error format (RFC 6749 §3.1, §4.1.2.1).
     */
    ownQuery?: boolean;
    /** Headers it reads, for the document. */
    headers?: readonly HeaderName[];
    body?: BodySpec;
  };
  responses: Readonly<Partial<Record<number, ResponseSpec>>>;
  policies?: RoutePolicies;
  /** Middleware of this route only, run after the pipeline's and before the handler. */
  middleware?: readonly Middleware<ApiContext>[];
  handler: Handler<Q>;
}

/** A route as the router keeps it: its definition, and its query schema for the settings in force. */
export interface CompiledRoute {
  readonly definition: AnyRoute;
  querySchema(settings: Settings): QuerySchema;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table holds routes of every query type
export type AnyRoute = RouteDefinition<any>;

/** Declares a route; only a typing aid, so the handler sees the query its schema parses to. */
export function defineRoute<Q extends QuerySchema>(definition: RouteDefinition<Q>): AnyRoute {
  return definition;
}

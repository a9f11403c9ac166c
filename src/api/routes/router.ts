import { compose, type Middleware } from '../compose.ts';
import { note, type ApiContext } from '../context.ts';
import { ProblemError } from '../problems.ts';
import { parseQuery } from '../query.ts';
import { MERGE_PATCH_TYPE, respondEmpty } from '../respond.ts';
import { cite } from '../standards.ts';
import type { Method } from './route.ts';
import type { PathEntry, RouteTable } from './route-table.ts';

declare module '../context.ts' {
  interface ContextVariables {
    /** What the router found, kept for the gate: the answer when no route will run. */
    routing:
      | { kind: 'route' }
      | { kind: 'options'; entry: PathEntry }
      | { kind: 'refused'; problem: ProblemError };
  }
}

/**
 * Matches first (RFC 9110's method rules are ours): the route is put on the context, so every
 * mechanism after this layer can read what the route promises. When nothing will run (unknown
 * path → 404 §15.5.5; known path, other method → 405 with Allow §15.5.6; OPTIONS → 204 with
 * Allow §9.3.7), the answer waits for `routeGate`: mechanisms that need a route skip the request,
 * and those that count every request (the rate limiter) still see it. HEAD is served by GET's
 * route (the head layer drops the body, §9.3.2). A trailing slash matches the same route.
 */
export function matchRoute(table: RouteTable): Middleware<ApiContext> {
  return (context, next) => {
    const { pathname } = context.url;
    const match = table.match(pathname);
    if (match.kind === 'unknown-path') {
      context.var.routing = refused(
        new ProblemError('not-found', `No route matches ${pathname}.`, {
          rule: 'Unknown path → 404 (RFC 9110 §15.5.5)',
        }),
      );
      return next();
    }
    if (match.kind === 'undecodable') {
      // Broken percent-encoding can name no resource.
      context.var.routing = refused(
        new ProblemError(
          'not-found',
          `The path segment "${match.segment}" is not valid percent-encoding.`,
          { rule: 'Undecodable path → 404' },
        ),
      );
      return next();
    }
    const { entry, params } = match;
    context.params = params;
    const method = context.method;
    if (method === 'OPTIONS') {
      context.var.routing = { kind: 'options', entry };
      return next();
    }
    const route = entry.methods.get((method === 'HEAD' ? 'GET' : method) as Method);
    if (!route) {
      context.var.routing = refused(
        new ProblemError(
          'method-not-allowed',
          `${pathname} does not support ${method}; it supports ${entry.allow}.`,
          {
            headers: { Allow: entry.allow },
            rule: `${method} not in Allow (${entry.allow}) → 405 (RFC 9110 §15.5.6)`,
          },
        ),
      );
      return next();
    }
    context.route = route;
    context.var.routing = { kind: 'route' };
    return next();
  };
}

const refused = (problem: ProblemError) => ({ kind: 'refused', problem }) as const;

/** Where the router's own answers (404, 405, OPTIONS) are given, once every counter has seen them. */
export const routeGate: Middleware<ApiContext> = async (context, next) => {
  const routing = context.var.routing;
  if (!routing) throw new Error('routeGate runs after matchRoute');
  if (routing.kind === 'refused') throw routing.problem;
  if (routing.kind === 'options') {
    note(context, 'OPTIONS → 204 with Allow', cite('RFC 9110 §9.3.7'));
    const headers: Record<string, string> = { Allow: routing.entry.allow };
    if (routing.entry.acceptsPatch) headers['Accept-Patch'] = MERGE_PATCH_TYPE;
    respondEmpty(context, 204, headers);
    return;
  }
  await next();
};

/**
 * The innermost layer: the query checked against the route's schema (the same strictness on
 * every route), then the route's own middleware, then its handler.
 */
export const dispatch: Middleware<ApiContext> = async (context) => {
  const route = context.route;
  if (!route) throw new Error('dispatch runs after routeGate');
  const query = route.definition.request?.ownQuery
    ? {}
    : parseQuery(context.url, route.querySchema(context.env.settings.current));
  const { middleware, handler } = route.definition;
  if (!middleware?.length) return handler(context, { query });
  await compose<ApiContext>([...middleware, (inner) => handler(inner, { query })])(context);
};

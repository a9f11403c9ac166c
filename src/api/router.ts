import { addRoute, createRouter, findRoute } from 'rou3';
import type { Middleware } from './compose.ts';
import { note, type ApiContext } from './context.ts';
import { ProblemError } from './problems.ts';
import { MERGE_PATCH_TYPE, respondEmpty } from './respond.ts';
import { cite } from './standards.ts';

export type Handler = (context: ApiContext) => void | Promise<void>;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  /** rou3 pattern, e.g. "/api/v1/users/:id". */
  path: string;
  methods: Partial<Record<Method, Handler>>;
}

/**
 * Matches paths with rou3 (a radix router) and applies the method rules of RFC 9110 itself:
 * unknown path → 404; known path, other method → 405 with Allow (§15.5.6); HEAD wherever GET
 * is (its body is dropped by the head middleware, §9.3.2); OPTIONS → 204 with Allow (§9.3.7). A trailing slash matches
 * the same route.
 */
export function createRouterMiddleware(routes: readonly Route[]): Middleware<ApiContext> {
  const router = createRouter<Route>();
  for (const route of routes) addRoute(router, '', route.path, route);

  return async (context) => {
    const match = findRoute(router, '', context.url.pathname);
    if (!match) {
      throw new ProblemError('not-found', `No route matches ${context.url.pathname}.`, {
        rule: 'Unknown path → 404 (RFC 9110 §15.5.5)',
      });
    }
    const route = match.data;
    context.params = decodeParams(match.params);
    const allow = allowedMethods(route);
    const method = context.method;

    if (method === 'OPTIONS') {
      note(context, 'OPTIONS → 204 with Allow', cite('RFC 9110 §9.3.7'));
      const headers: Record<string, string> = { Allow: allow };
      if (route.methods.PATCH) headers['Accept-Patch'] = MERGE_PATCH_TYPE;
      respondEmpty(context, 204, headers);
      return;
    }
    const handler = method === 'HEAD' ? route.methods.GET : route.methods[method as Method];
    if (!handler) {
      throw new ProblemError(
        'method-not-allowed',
        `${context.url.pathname} does not support ${method}; it supports ${allow}.`,
        {
          headers: { Allow: allow },
          rule: `${method} not in Allow (${allow}) → 405 (RFC 9110 §15.5.6)`,
        },
      );
    }
    await handler(context);
  };
}

function allowedMethods(route: Route): string {
  const methods: string[] = Object.keys(route.methods);
  if (route.methods.GET) methods.splice(methods.indexOf('GET') + 1, 0, 'HEAD');
  methods.push('OPTIONS');
  return methods.join(', ');
}

function decodeParams(params: Record<string, string> | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(params ?? {})) {
    try {
      decoded[name] = decodeURIComponent(raw);
    } catch {
      // Broken percent-encoding can name no resource.
      throw new ProblemError(
        'not-found',
        `The path segment "${raw}" is not valid percent-encoding.`,
        {
          rule: 'Undecodable path → 404',
        },
      );
    }
  }
  return decoded;
}

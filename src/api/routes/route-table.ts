import { addRoute, createRouter, findRoute } from 'rou3';
import { z } from 'zod';
import type { Settings } from '../settings.ts';
import type { AnyRoute, CompiledRoute, Method, QuerySchema } from './route.ts';

/** One path and the routes it has, by method. */
export interface PathEntry {
  readonly template: string;
  readonly methods: ReadonlyMap<Method, CompiledRoute>;
  /** The Allow header: its methods, HEAD beside GET, and OPTIONS (RFC 9110 §10.2.1). */
  readonly allow: string;
  readonly acceptsPatch: boolean;
}

export type Match =
  | { kind: 'found'; entry: PathEntry; params: Record<string, string> }
  | { kind: 'unknown-path' }
  | { kind: 'undecodable'; segment: string };

const NO_QUERY = z.strictObject({});

/**
 * The routes of one pipeline, matched by path with rou3 (a radix router; docs/decisions/0001)
 * and then by method. Routes with the same path share one entry, which knows its Allow.
 */
export class RouteTable {
  readonly routes: readonly AnyRoute[];
  readonly #router = createRouter<PathEntry>();

  constructor(routes: readonly AnyRoute[]) {
    this.routes = routes;
    const byPath = new Map<string, Map<Method, CompiledRoute>>();
    for (const route of routes) {
      const methods = byPath.get(route.path) ?? new Map<Method, CompiledRoute>();
      if (methods.has(route.method))
        throw new Error(`two routes for ${route.method} ${route.path}`);
      methods.set(route.method, compile(route));
      byPath.set(route.path, methods);
    }
    for (const [template, methods] of byPath) {
      const names: string[] = [...methods.keys()];
      if (methods.has('GET')) names.splice(names.indexOf('GET') + 1, 0, 'HEAD');
      names.push('OPTIONS');
      const entry: PathEntry = {
        template,
        methods,
        allow: names.join(', '),
        acceptsPatch: methods.has('PATCH'),
      };
      addRoute(this.#router, '', toRou3(template), entry);
    }
  }

  match(pathname: string): Match {
    const found = findRoute(this.#router, '', pathname);
    if (!found) return { kind: 'unknown-path' };
    const params: Record<string, string> = {};
    for (const [name, raw] of Object.entries(found.params ?? {})) {
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        return { kind: 'undecodable', segment: raw };
      }
    }
    return { kind: 'found', entry: found.data, params };
  }
}

/** "/api/v1/users/{id}" → "/api/v1/users/:id". */
function toRou3(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}

function compile(definition: AnyRoute): CompiledRoute {
  const query = definition.request?.query;
  if (typeof query !== 'function') {
    const schema: QuerySchema = query ?? NO_QUERY;
    return { definition, querySchema: () => schema };
  }
  // Settings are replaced whole, never mutated: the schema is rebuilt only when they change.
  let seen: Settings | undefined;
  let schema: QuerySchema = NO_QUERY;
  return {
    definition,
    querySchema(settings) {
      if (settings !== seen) {
        seen = settings;
        schema = query(settings);
      }
      return schema;
    },
  };
}

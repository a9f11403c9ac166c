import type { z } from 'zod';
import { SLOTS, type Mechanism, type MechanismSetup, type RouteContribution } from '../pipeline.ts';
import { PROBLEM_TYPES, problemTypeUri, type ProblemSlug } from '../problems.ts';
import { PROBLEM_JSON_TYPE } from '../respond.ts';
import { HEADERS, type HeaderName } from '../routes/headers.ts';
import type { AnyRoute, ResponseSpec } from '../routes/route.ts';
import { defaultSettings } from '../settings.ts';
import { problemSchemas } from './problem-schemas.ts';
import { SchemaCollector, type JsonSchema } from './json-schema.ts';

export const OPENAPI_PATH = '/api/openapi.json';

const TAG_DESCRIPTIONS: Record<string, string> = {
  Users: 'People who use the API (shared API.md §2).',
  Products: 'Things for sale, with their stock (shared API.md §2).',
  'Control API':
    'For the UI, scenarios, tests and scripts: reset, settings, the virtual clock and the journal. Never rate-limited, authenticated or journaled (shared API.md §4).',
  Meta: 'The API describing itself.',
  OAuth:
    'OAuth 2 authorization server: metadata, the authorization endpoint with its sign-in and consent step, the token endpoint and revocation (shared API.md §7).',
  Auth: 'Sign-in, refresh rotation, sign-out, the signed-in user and the public keys (shared API.md §6).',
};

const ADMIN_SLOTS = new Set<string>(SLOTS.filter((slot) => slot.admin).map((slot) => slot.slot));

type Operation = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document of every route, made from the route table (src/api/routes) and the
 * zod schemas it names: documentation that cannot drift from the code. Each mechanism adds what
 * it does to every route it runs on (the limiter its 429 and RateLimit fields, request-id its
 * header and 400, the error boundary its 500), so a route states only what is its own.
 * @see https://spec.openapis.org/oas/v3.1.1.html
 */
export function generateOpenApi(setup: MechanismSetup, origin: string): Record<string, unknown> {
  const schemas = new SchemaCollector();
  const usedProblems = new Set<ProblemSlug>();
  const usedHeaders = new Set<HeaderName>();
  const paths: Record<string, Record<string, Operation>> = {};
  const tags = new Set<string>();
  const settings = defaultSettings();
  const mechanisms = setup.mechanisms();

  for (const route of setup.routes()) {
    const contributions = mechanisms
      .filter((mechanism) => runsOn(mechanism, route))
      .map((mechanism) => mechanism.describe?.(route) ?? {});
    for (const tag of route.tags) tags.add(tag);
    const operation: Operation = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [...route.tags],
    };

    const parameters: Record<string, unknown>[] = [];
    for (const [name, schema] of shapeOf(route.request?.params))
      parameters.push(parameter(schemas, name, 'path', schema, true));
    const query = route.request?.query;
    const querySchema = typeof query === 'function' ? query(settings) : query;
    for (const [name, schema] of shapeOf(querySchema))
      parameters.push(parameter(schemas, name, 'query', schema, false));
    const requestHeaders = new Set<HeaderName>([
      ...(route.request?.headers ?? []),
      ...contributions.flatMap((contribution) => contribution.requestHeaders ?? []),
    ]);
    for (const name of requestHeaders) {
      const header = HEADERS[name];
      parameters.push({
        name,
        in: 'header',
        required: false,
        description: header.description,
        schema: header.schema,
      });
    }
    if (parameters.length > 0) operation.parameters = parameters;

    const body = route.request?.body;
    if (body) {
      operation.requestBody = {
        required: !body.optional,
        content: { [body.contentType]: { schema: schemas.convert(body.schema, 'input') } },
      };
    }

    const responses = mergeResponses(route, contributions);
    const everywhere = contributions.flatMap((contribution) => contribution.headers ?? []);
    const onSuccess = contributions.flatMap((contribution) => contribution.successHeaders ?? []);
    const out: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(responses).sort(
      ([a], [b]) => Number(a) - Number(b),
    )) {
      const success = Number(status) >= 200 && Number(status) < 300;
      const headerNames = new Set<HeaderName>([
        ...everywhere,
        ...(success ? onSuccess : []),
        ...(spec.headers ?? []),
      ]);
      if (Number(status) === 429) headerNames.add('Retry-After');
      const headers: Record<string, unknown> = {};
      for (const name of headerNames) {
        usedHeaders.add(name);
        headers[name] = { $ref: `#/components/headers/${name}` };
      }
      const response: Record<string, unknown> = { description: spec.description };
      if (headerNames.size > 0) response.headers = headers;
      if (spec.problems?.length) {
        for (const slug of spec.problems) usedProblems.add(slug);
        const refs = spec.problems.map((slug) => ({
          $ref: `#/components/schemas/${problemComponent(slug)}`,
        }));
        response.content = {
          [PROBLEM_JSON_TYPE]: { schema: refs.length === 1 ? refs[0] : { oneOf: refs } },
        };
      } else if (spec.schema) {
        response.content = {
          'application/json': { schema: schemas.convert(spec.schema, 'output') },
        };
      } else if (Number(status) === 200 && !spec.content) {
        response.content = { 'application/json': { schema: {} } };
      }
      for (const [type, schema] of Object.entries(spec.content ?? {})) {
        const content = (response.content ??= {}) as Record<string, unknown>;
        content[type] = { schema: schemas.convert(schema, 'output') };
      }
      out[status] = response;
    }
    operation.responses = out;
    // Security as the auth mechanism describes it; `{}` first: the route also answers without
    // credentials while `auth.enforce` does not guard it.
    const security = contributions.flatMap((contribution) =>
      contribution.security ? [contribution.security] : [],
    );
    operation.security = security.flatMap(({ scheme, scopes, optional }) => [
      ...(optional ? [{}] : []),
      { [scheme]: [...scopes] },
    ]);

    const pathItem = (paths[route.path] ??= {});
    pathItem[route.method.toLowerCase()] = operation;
  }

  const problemComponents = problemSchemas(usedProblems);
  const headerComponents: Record<string, unknown> = {};
  for (const name of [...usedHeaders].sort()) {
    const header = HEADERS[name];
    headerComponents[name] = {
      description: header.description,
      schema: header.schema,
      ...('example' in header ? { example: header.example } : {}),
    };
  }

  return {
    openapi: '3.1.1',
    info: {
      title: 'restlab API',
      version: '1.0.0',
      summary: 'The REST API restlab runs in the browser, in Node and behind curl, from one core.',
      description:
        'Every 4xx and 5xx is RFC 9457 problem+json with a `type` of `/problems/<slug>`, a page that explains it. HEAD works wherever GET does (RFC 9110 §9.3.2); OPTIONS answers 204 with `Allow` (§9.3.7); a known path with another method answers 405 with `Allow` (§15.5.6). Time comes from the virtual clock of the control API.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      { url: origin, description: 'This API, as the request for this document addressed it.' },
    ],
    tags: [...tags].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    paths,
    components: {
      schemas: { ...schemas.components, ...problemComponents },
      headers: headerComponents,
      securitySchemes: Object.assign(
        {},
        ...mechanisms.map((mechanism) => mechanism.securitySchemes ?? {}),
      ) as Record<string, unknown>,
    },
  };
}

/** A mechanism documents itself on the routes of the pipelines its layers run in. */
function runsOn(mechanism: Mechanism, route: AnyRoute): boolean {
  const slots = Object.keys(mechanism.layers ?? {});
  if (slots.length === 0) return false;
  return !route.path.startsWith('/__admin') || slots.some((slot) => ADMIN_SLOTS.has(slot));
}

/** The route's own answers, and each mechanism's problems under their statuses. */
function mergeResponses(
  route: AnyRoute,
  contributions: readonly RouteContribution[],
): Record<string, ResponseSpec> {
  const responses: Record<string, ResponseSpec> = {};
  for (const [status, spec] of Object.entries(route.responses))
    if (spec) responses[status] = { ...spec };
  for (const contribution of contributions) {
    for (const [status, spec] of Object.entries(contribution.responses ?? {})) {
      if (!spec) continue;
      const current = responses[status];
      responses[status] = current
        ? {
            ...current,
            problems: [...new Set([...(current.problems ?? []), ...(spec.problems ?? [])])],
            headers: [...new Set([...(current.headers ?? []), ...(spec.headers ?? [])])],
          }
        : { ...spec };
    }
    for (const [status, slugs] of Object.entries(contribution.problems ?? {})) {
      if (!slugs) continue;
      const current = responses[status];
      if (current) {
        const problems = [...new Set([...(current.problems ?? []), ...slugs])];
        responses[status] = { ...current, problems };
      } else {
        const titles = slugs.map((slug) => PROBLEM_TYPES[slug].title.toLowerCase()).join(' or ');
        responses[status] = { description: capitalize(titles) + '.', problems: slugs };
      }
    }
  }
  return responses;
}

function parameter(
  schemas: SchemaCollector,
  name: string,
  where: 'path' | 'query',
  schema: z.ZodType,
  required: boolean,
): Record<string, unknown> {
  const { description, ...rest } = schemas.convert(schema, 'input') as JsonSchema & {
    description?: string;
  };
  // zod lets a parameter's inner rule (integerParam's integer meta) win over the member's own
  // meta; the member's default and description are what a reader needs.
  const own = schema.meta();
  if (own?.default !== undefined) rest.default = own.default;
  const text = typeof own?.description === 'string' ? own.description : description;
  return { name, in: where, required, ...(text ? { description: text } : {}), schema: rest };
}

function shapeOf(schema: z.ZodObject | undefined): [string, z.ZodType][] {
  return schema ? (Object.entries(schema.shape) as [string, z.ZodType][]) : [];
}

export const problemComponent = (slug: ProblemSlug) => `Problem-${slug}`;
export const problemUri = problemTypeUri;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

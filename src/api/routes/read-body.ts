import type { ApiContext } from '../context.ts';
import { FORM_TYPE } from './route.ts';
import { readJsonObject, type JsonObject } from '../middleware/body/read-json-body.ts';
import type { ProblemError } from '../problems.ts';

declare module '../context.ts' {
  interface ContextVariables {
    /**
     * The body, read early by a mechanism that needs it before the handler (the idempotency
     * fingerprint), or the problem reading it raised, which the handler meets when it asks.
     */
    routeBody: { value: JsonObject } | { problem: ProblemError };
  }
}

/**
 * Reads the body the matched route declares (its media type, whether it may be absent): the
 * handler decides when, so that an unknown id is 404 before any body problem (shared API.md §9:
 * preconditions and existence come before the content is processed).
 */
export async function readRouteBody(context: ApiContext): Promise<JsonObject> {
  const early = context.var.routeBody;
  if (early) {
    if ('problem' in early) throw early.problem;
    return early.value;
  }
  const spec = context.route?.definition.request?.body;
  if (!spec)
    throw new Error(`${context.route?.definition.operationId ?? 'this route'} declares no body`);
  if (spec.contentType === FORM_TYPE) throw new Error('a form body is read by its route');
  const body = await readJsonObject(context, spec.contentType, {
    optional: spec.optional ?? false,
  });
  return body ?? {};
}

import type { ApiContext } from '../context.ts';
import { FORM_TYPE } from './route.ts';
import { readJsonObject, type JsonObject } from '../middleware/body/read-json-body.ts';

/**
 * Reads the body the matched route declares (its media type, whether it may be absent): the
 * handler decides when, so that an unknown id is 404 before any body problem (shared API.md §9:
 * preconditions and existence come before the content is processed).
 */
export async function readRouteBody(context: ApiContext): Promise<JsonObject> {
  const spec = context.route?.definition.request?.body;
  if (!spec)
    throw new Error(`${context.route?.definition.operationId ?? 'this route'} declares no body`);
  if (spec.contentType === FORM_TYPE) throw new Error('a form body is read by its route');
  const body = await readJsonObject(context, spec.contentType, {
    optional: spec.optional ?? false,
  });
  return body ?? {};
}

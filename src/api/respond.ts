import type { ApiContext } from './context.ts';
import { problemBody, PROBLEM_TYPES, type ProblemError } from './problems.ts';

export const JSON_TYPE = 'application/json';
export const PROBLEM_JSON_TYPE = 'application/problem+json';
export const MERGE_PATCH_TYPE = 'application/merge-patch+json';

declare module './context.ts' {
  interface ContextVariables {
    /** The answer respondText made and the text of its body (see Api.answer). */
    bodyOf: { response: Response; text: string };
  }
}

/** Answers with a JSON body and keeps its text for the journal. */
export function respondJson(
  context: ApiContext,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = JSON_TYPE,
): void {
  respondText(context, status, JSON.stringify(body), headers, contentType);
}

/** Answers with a body already serialized (a document made once and served many times). */
export function respondText(
  context: ApiContext,
  status: number,
  text: string,
  headers: Record<string, string> = {},
  contentType = JSON_TYPE,
): void {
  context.responseBodyText = text;
  context.response = new Response(context.bodyAsText ? null : text, {
    status,
    headers: { ...headers, 'Content-Type': contentType, 'X-Request-Id': context.requestId },
  });
  context.var.bodyOf = { response: context.response, text };
}

/** Answers with no body (204, or 304 later). */
export function respondEmpty(
  context: ApiContext,
  status: number,
  headers: Record<string, string> = {},
): void {
  context.responseBodyText = undefined;
  context.response = new Response(null, {
    status,
    headers: { ...headers, 'X-Request-Id': context.requestId },
  });
}

/**
 * Ends the request as a network error: the client gets no response at all (`fetch` rejects, the
 * socket closes), as when a connection drops after the server did its work. Every adapter turns
 * `Response.error()` into exactly that; the outer layers leave it untouched.
 */
export function respondNetworkError(context: ApiContext): void {
  context.responseBodyText = undefined;
  context.response = Response.error();
}

export const isNetworkError = (response: Response | undefined): boolean =>
  response?.type === 'error';

/** Answers with an RFC 9457 problem; `instance` is this request's path. */
export function respondProblem(context: ApiContext, problem: ProblemError): void {
  const body = problemBody(
    problem.slug,
    problem.detail,
    context.url.pathname,
    problem.errors,
    problem.extensions,
    problem.status,
  );
  respondJson(
    context,
    problem.status ?? PROBLEM_TYPES[problem.slug].status,
    body,
    problem.headers,
    PROBLEM_JSON_TYPE,
  );
}

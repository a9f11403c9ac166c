import type { Middleware } from '../../compose.ts';
import { note, type ApiContext } from '../../context.ts';
import { ProblemError } from '../../problems.ts';
import { respondEmpty } from '../../respond.ts';
import { addWriteGuard } from '../../resources/write-guard.ts';
import type { Settings } from '../../settings.ts';
import { cite } from '../../standards.ts';
import type { Row } from '../../store/row.ts';
import { formatEntityTag } from './entity-tags.ts';
import {
  evaluatePreconditions,
  hasPreconditions,
  readConditionalHeaders,
  type ConditionalHeaders,
  type Evaluation,
  type Validators,
} from './evaluate.ts';
import { formatHttpDate } from './http-date.ts';
import './policy.ts';
import { entityTagOf, lastModifiedOf } from './validators.ts';
import { varyValue } from './vary.ts';

declare module '../../context.ts' {
  interface ContextVariables {
    /** The evaluation of this request's preconditions, for the journal and the lab's trace. */
    preconditions: Evaluation;
  }
}

declare module '../../events.ts' {
  interface ApiEventMap {
    /**
     * The server's own evaluation of a request's preconditions, step by step (RFC 9110 §13.2.2),
     * so the caching lab shows the decision that was taken instead of re-deciding in the page.
     */
    preconditions: { requestId: string; method: string; url: string; evaluation: Evaluation };
  }
}

/** The answer a 304 carries: what the 200 would have carried about caching (RFC 9110 §15.4.5). */
const NOT_MODIFIED_HEADERS = [
  'ETag',
  'Last-Modified',
  'Cache-Control',
  'Vary',
  'Content-Location',
  'Expires',
];

/**
 * Conditional requests (shared API.md §9; RFC 9110 §13). Runs after the route gate and the
 * limiter (a 429 is never turned into a 304) and before the body is read (§13.2.1).
 * - Reads (GET/HEAD): the handler answers; a 200 gets its ETag (strong for one resource, weak for
 *   a list page), Last-Modified and Cache-Control; then the preconditions are evaluated against
 *   those validators: 304 with no body, or 412. An unknown id stays 404.
 * - Writes to one resource (PUT/PATCH/DELETE): 428 when preconditions are required and absent;
 *   the preconditions are evaluated against the current row before the body is read (412), and
 *   once more inside the write against the row as it is then. The answer carries the new
 *   validators and `Cache-Control: no-store`.
 */
export const conditional: Middleware<ApiContext> = async (context, next) => {
  const route = context.route?.definition;
  const kind = route?.policies?.validators;
  if (!route || !kind) return next();
  const method = context.method;
  const settings = context.env.settings.current;
  const headers = readConditionalHeaders(context.request.headers);

  if (method !== 'GET' && method !== 'HEAD') {
    if (kind === 'item' && route.method !== 'POST') checkWrite(context, headers, settings);
    await next();
    stampWriteAnswer(context);
    return;
  }

  await next();
  const response = context.response;
  const body = context.responseBodyText;
  if (!response || response.status !== 200 || body === undefined) return;
  const validators: Validators = {
    etag: entityTagOf(body, kind === 'list'),
    lastModifiedMs: kind === 'item' ? lastModifiedOf(readUpdatedAt(body)) : undefined,
  };
  const cacheControl = cacheControlOf(
    settings,
    kind === 'list' ? 'lists' : route.policies?.resource,
  );
  response.headers.set('ETag', formatEntityTag(validators.etag));
  if (validators.lastModifiedMs !== undefined)
    response.headers.set('Last-Modified', formatHttpDate(validators.lastModifiedMs));
  if (cacheControl) response.headers.set('Cache-Control', cacheControl);
  const vary = context.var.vary;
  if (vary && vary.length > 0)
    response.headers.set('Vary', varyValue(response.headers.get('Vary'), vary));
  if (!hasPreconditions(headers)) return;

  const evaluation = evaluate(context, headers, validators);
  if (evaluation.outcome === 'precondition-failed') throw preconditionFailed(evaluation);
  if (evaluation.outcome === 'not-modified') {
    const kept: Record<string, string> = {};
    for (const name of NOT_MODIFIED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) kept[name] = value;
    }
    note(
      context,
      '304 Not Modified: no body; ETag, Last-Modified and Cache-Control as the 200 would carry',
      cite('RFC 9110 §15.4.5'),
    );
    respondEmpty(context, 304, kept);
  }
};

function checkWrite(context: ApiContext, headers: ConditionalHeaders, settings: Settings): void {
  const resource = context.route?.definition.policies?.resource;
  const current = resource
    ? context.env.store.collection(resource).get(context.params.id ?? '')
    : undefined;
  // No such resource: the handler's 404 stands (shared API.md §9).
  if (!current) return;
  if (
    settings.conditional.require_preconditions &&
    headers.ifMatch === null &&
    headers.ifUnmodifiedSince === null
  ) {
    throw new ProblemError(
      'precondition-required',
      `This server requires conditional writes: send If-Match with the ETag you read (GET ${context.url.pathname} gives it), or If-Unmodified-Since.`,
      {
        rule: `${context.method} without If-Match or If-Unmodified-Since while preconditions are required → 428 (RFC 6585 §3)`,
        standard: cite('RFC 6585 §3'),
      },
    );
  }
  if (!hasPreconditions(headers)) return;
  const first = evaluate(context, headers, validatorsOfRow(current));
  if (first.outcome !== 'proceed') throw preconditionFailed(first);
  addWriteGuard(context, (now) => {
    // The body took time to arrive; if the row changed meanwhile, decide again on what is there.
    if (now === current || now === undefined) return;
    const again = evaluate(context, headers, validatorsOfRow(now));
    if (again.outcome !== 'proceed')
      throw preconditionFailed(again, 'while the body arrived, the resource changed: ');
  });
}

/** The validators a GET of this row would carry (its body is the row's JSON). */
function validatorsOfRow(row: Row): Validators {
  return {
    etag: entityTagOf(JSON.stringify(row), false),
    lastModifiedMs: lastModifiedOf(row.updated_at),
  };
}

function stampWriteAnswer(context: ApiContext): void {
  const response = context.response;
  if (!response || response.type === 'error' || response.status >= 300) return;
  const body = context.responseBodyText;
  if ((response.status === 200 || response.status === 201) && body !== undefined) {
    response.headers.set('ETag', formatEntityTag(entityTagOf(body, false)));
    const modified = lastModifiedOf(readUpdatedAt(body));
    if (modified !== undefined) response.headers.set('Last-Modified', formatHttpDate(modified));
  }
  response.headers.set('Cache-Control', 'no-store');
}

function evaluate(
  context: ApiContext,
  headers: ConditionalHeaders,
  validators: Validators,
): Evaluation {
  const evaluation = evaluatePreconditions(
    context.method,
    headers,
    validators,
    context.env.clock.now(),
  );
  context.var.preconditions = evaluation;
  for (const step of evaluation.trace)
    note(context, `${step.header}: ${step.detail}`, cite(step.section));
  const decided = evaluation.decidedBy;
  if (evaluation.outcome === 'not-modified' && decided)
    note(context, `${decided.header} → 304`, cite(decided.section));
  if (evaluation.outcome === 'proceed')
    note(context, 'Every precondition holds → the request proceeds', cite('RFC 9110 §13.2.2'));
  const { events } = context.env;
  if (events.hasListeners) {
    const url = context.url.pathname + context.url.search;
    events.emit({
      type: 'preconditions',
      requestId: context.requestId,
      method: context.method,
      url,
      evaluation,
    });
  }
  return evaluation;
}

function preconditionFailed(evaluation: Evaluation, prefix = ''): ProblemError {
  const step = evaluation.decidedBy;
  const why = step ? `${prefix}${step.header}: ${step.detail}` : `${prefix}a precondition failed`;
  const section = step?.section ?? 'RFC 9110 §13.2.2';
  return new ProblemError('precondition-failed', `${why}. Nothing was changed.`, {
    rule: `${step?.header ?? 'Precondition'} failed → 412 (${section})`,
    standard: cite(section),
    extensions: step ? { failed_precondition: step.header } : {},
  });
}

function cacheControlOf(settings: Settings, name: string | undefined): string | undefined {
  const policies: Record<string, string> = settings.caching.policies;
  return name !== undefined && Object.hasOwn(policies, name) ? policies[name] : undefined;
}

function readUpdatedAt(body: string): unknown {
  try {
    return (JSON.parse(body) as { updated_at?: unknown }).updated_at;
  } catch {
    return undefined;
  }
}

/**
 * A problem or any other answer the inner layers gave no caching directive is never stored
 * (shared API.md §9: write responses and problems are no-store). Outside the error boundary,
 * so thrown problems get it too. Every answer carries `Date` from the virtual clock (RFC 9110
 * §6.6.1): caches compute ages and heuristic lifetimes from it, on the same clock as the rules.
 */
export const noStoreByDefault: Middleware<ApiContext> = async (context, next) => {
  await next();
  const response = context.response;
  if (!response || response.type === 'error') return;
  try {
    if (response.status >= 400 && !response.headers.has('Cache-Control'))
      response.headers.set('Cache-Control', 'no-store');
    if (!response.headers.has('Date'))
      response.headers.set('Date', formatHttpDate(context.env.clock.now()));
  } catch {
    // Immutable headers (Response.redirect): a redirect is answered as made.
  }
};

import type { Middleware } from '../../compose.ts';
import { note, type ApiContext } from '../../context.ts';
import { ProblemError } from '../../problems.ts';
import { respondEmpty, respondText } from '../../respond.ts';
import { readRouteBody } from '../../routes/read-body.ts';
import { cite } from '../../standards.ts';
import { answerThrown } from '../error-boundary/error-boundary.ts';
import { clientOf, describePartition } from '../rate-limit/partition.ts';
import '../rate-limit/rate-limit.ts';
import { fingerprintOf } from './fingerprint.ts';
import { IDEMPOTENCY_KEY, readIdempotencyKey } from './key-header.ts';
import type { CompletedRecord, IdempotencyRecords } from './records.ts';

declare module '../../context.ts' {
  interface ContextVariables {
    /** This request's idempotency record, once it exists (faults: the delay comes after it). */
    idempotencyRecord: { key: string; fingerprint: string };
  }
}

export const DRAFT = cite(
  'draft-ietf-httpapi-idempotency-key-header-07',
  'https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-idempotency-key-header-07',
);
const STRIPE = cite(
  'Stripe API: idempotent requests',
  'https://docs.stripe.com/api/idempotent_requests',
);

/** The representation headers a record saves (shared API.md §8). */
export const SAVED_HEADERS = ['Content-Type', 'Location', 'ETag', 'Last-Modified', 'Cache-Control'];

/**
 * Answers refused before the handler began its write: nothing is saved for them, so the
 * corrected request may use the same key (shared API.md §8). An injected 503 never gets here.
 */
const NOT_SAVED = new Set([400, 404, 405, 412, 413, 415, 422, 428, 429]);

/**
 * Idempotency-Key on POST and PATCH of every resource (draft-ietf-httpapi-idempotency-key-header).
 * The key is scoped to the client, the method and the path; the body's fingerprint tells a retry
 * (same body: the saved answer is replayed, nothing runs again) from a reuse (another body:
 * refused). A second request while the first runs is refused with 409. Once the handler began
 * its write, the outcome (success or not) is saved until `retention_ms` after it completed.
 */
export function idempotency(
  records: IdempotencyRecords,
  changed: () => void,
): Middleware<ApiContext> {
  return async (context, next) => {
    const route = context.route?.definition;
    const method = context.method;
    const resource = route?.policies?.resource;
    if (resource === undefined || (method !== 'POST' && method !== 'PATCH')) return next();
    const settings = context.env.settings.current.idempotency;
    const key = readIdempotencyKey(context.request.headers, settings.dialect);
    if (key === null) {
      if (method === 'POST' && (settings.required as readonly string[]).includes(resource)) {
        throw new ProblemError(
          'idempotency-key-missing',
          `POST ${context.url.pathname} requires an Idempotency-Key (idempotency.required): send a fresh unique key, and the same one when you retry.`,
          {
            errors: [{ header: IDEMPOTENCY_KEY, detail: 'is required here' }],
            rule: `No Idempotency-Key where ${resource} requires one → 400 (draft-ietf-httpapi-idempotency-key-header §2.7)`,
          },
        );
      }
      return next();
    }

    // The fingerprint needs the body now; a body the handler will refuse is refused there, in
    // its usual order (an unknown id is 404 first), and nothing is saved for it.
    let body: Record<string, unknown>;
    try {
      body = await readRouteBody(context);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      context.var.routeBody = { problem: error };
      note(context, 'Idempotency-Key: the body cannot be read, so no record is made', DRAFT);
      return next();
    }
    context.var.routeBody = { value: body };
    const fingerprint = fingerprintOf(body, context.requestBodyText ?? '');
    const client = clientOf(context);
    const path = context.url.pathname;
    const { clock } = context.env;
    const found = records.find(client, method, path, key, clock.now());
    const short = fingerprint.slice(0, 12);

    if (found && found.fingerprint !== fingerprint) {
      const stripe = settings.dialect === 'stripe';
      const status = stripe ? 400 : 422;
      note(
        context,
        `Idempotency-Key "${key}" was used with another body (fingerprint ${found.fingerprint.slice(0, 12)}…, this one ${short}…) → ${status}`,
        stripe ? STRIPE : DRAFT,
      );
      throw new ProblemError(
        'idempotency-key-reused',
        `This Idempotency-Key was already used for ${method} ${path} with another body. Retry with exactly the same body, or use a new key for a new request.`,
        {
          status,
          errors: [{ header: IDEMPOTENCY_KEY, detail: 'names another request (its body differs)' }],
          extensions: { fingerprint, saved_fingerprint: found.fingerprint },
        },
      );
    }
    if (found?.state === 'in_flight') {
      note(
        context,
        `Idempotency-Key "${key}": the first request with it is still running → 409, not saved`,
        DRAFT,
      );
      throw new ProblemError(
        'idempotency-key-in-flight',
        'A request with this Idempotency-Key is still being processed. Retry once it has finished; its outcome will be replayed.',
        { headers: { 'Retry-After': '1' } },
      );
    }
    if (found) {
      replay(context, found as CompletedRecord);
      return;
    }

    const record = records.begin({
      key,
      client,
      method,
      path,
      fingerprint,
      started_ms: clock.now(),
    });
    context.var.idempotencyRecord = { key, fingerprint };
    note(
      context,
      `Idempotency-Key "${key}" is new for ${describePartition(client)}: in flight, fingerprint ${short}… (SHA-256 of the RFC 8785 body)`,
      DRAFT,
    );
    try {
      await next();
    } catch (error) {
      answerThrown(context, error);
    }
    const response = context.response;
    if (!response || NOT_SAVED.has(response.status)) {
      records.abandon(record);
      note(
        context,
        `Refused before any work (${response?.status ?? 'no answer'}): nothing saved, the key may be used again`,
        DRAFT,
      );
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of SAVED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const now = clock.now();
    records.complete(
      record,
      { status: response.status, body: context.responseBodyText ?? null, headers },
      now,
      settings.retention_ms,
    );
    changed();
    note(
      context,
      `Outcome ${response.status} saved under "${key}" for ${settings.retention_ms / 1000} s`,
      DRAFT,
    );
  };
}

/** The saved answer again: status, body and representation headers, marked as a replay. */
function replay(context: ApiContext, record: CompletedRecord): void {
  const { 'Content-Type': contentType, ...headers } = record.headers;
  const marked = { ...headers, 'Idempotent-Replayed': 'true' };
  if (record.body === null) respondEmpty(context, record.status, marked);
  else respondText(context, record.status, record.body, marked, contentType);
  context.var.quotaRefund = 'an idempotent replay spends no quota';
  note(
    context,
    `Idempotency-Key "${record.key}" with the same body: the saved ${record.status} replayed, nothing ran again`,
    DRAFT,
  );
}

import type { Middleware } from '../../compose.ts';
import { note, type ApiContext } from '../../context.ts';
import { ProblemError } from '../../problems.ts';
import { cite } from '../../standards.ts';
import { rateLimitHeaders, retryAfterSeconds } from './headers.ts';
import type { Limiter } from './limiter.ts';
import { describePartition, noSubject, partitionOf, type SubjectOf } from './partition.ts';
import {
  POLICY_NAME,
  policyOf,
  type AlgorithmId,
  type Policy,
  type RateLimitSettings,
} from './policy.ts';
import { ALGORITHMS } from './registry.ts';
import type { RateLimitEvent } from './rate-limit-event.ts';

declare module '../../context.ts' {
  interface ContextVariables {
    /** The headers each decided request must carry, whatever the inner layers answer. */
    rateLimitHeaders: Record<string, string>;
    /**
     * Set by a mechanism whose answer must not spend quota (an idempotent replay, shared API.md
     * §8): the limiter gives the request back once the answer is made.
     */
    quotaRefund: string;
  }
}

declare module '../../events.ts' {
  interface ApiEventMap {
    /** One limiter decision, so the lab can chart a client's bucket level live. */
    'rate-limit': { decision: RateLimitEvent };
  }
}

const FREE_304 = cite(
  'GitHub REST API: conditional requests',
  'https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate',
);

/**
 * Decides each API request against the client's quota (shared API.md §5). Over the limit it
 * answers 429 /problems/quota-exceeded with `violated-policies` and an honest Retry-After.
 * Placed after the route match and the auth slot (whose middleware will know the token's
 * subject), and before the route gate: every request counts, an unknown route's too, but a 404
 * or 405 outranks the 429 (shared API.md §9).
 */
export function rateLimit(
  limiter: Limiter,
  subjectOf: SubjectOf = noSubject,
): Middleware<ApiContext> {
  let settingsSeen: RateLimitSettings | undefined;
  let policy: Policy | undefined;

  return async (context, next) => {
    const settings = context.env.settings.current.rate_limit;
    if (!settings.enabled) return next();
    if (settings !== settingsSeen || !policy) {
      settingsSeen = settings;
      policy = policyOf(settings);
    }
    const partition = partitionOf(context, subjectOf);
    context.var.clientPartition = partition;
    const now = context.env.clock.now();
    const { decision, refund } = limiter.decideRefundable(
      partition,
      now,
      settings.algorithm,
      policy,
    );
    context.var.rateLimitHeaders = rateLimitHeaders(settings.headers, policy, decision, now);

    const { events } = context.env;
    if (events.hasListeners) {
      const { admitted, remaining, resetMs, retryMs } = decision;
      const state = limiter.snapshot(partition);
      const algorithm = settings.algorithm;
      events.emit({
        type: 'rate-limit',
        decision: {
          partition,
          algorithm,
          policy,
          at: now,
          admitted,
          remaining,
          resetMs,
          retryMs,
          state,
        },
      });
    }
    // The router's own answers (404, 405, OPTIONS) outrank a 429; they still spent quota.
    if (decision.admitted || context.var.routing?.kind !== 'route') {
      await next();
      const why =
        context.var.quotaRefund ??
        (settings.free_304 && context.response?.status === 304
          ? 'a 304 spends no quota'
          : undefined);
      if (refund && why !== undefined) {
        const at = context.env.clock.now();
        const status = { ...decision, ...refund(at) };
        context.var.rateLimitHeaders = rateLimitHeaders(settings.headers, policy, status, at);
        note(context, `${why}: the request was given back, r = ${status.remaining}`, FREE_304);
      }
      return;
    }

    const retryAfter = retryAfterSeconds(decision.retryMs);
    const name = ALGORITHMS[settings.algorithm].name.toLowerCase();
    const why = overLimit(settings.algorithm, policy);
    note(
      context,
      `${name}: ${describePartition(partition)} ${why} → 429, Retry-After ${retryAfter} s`,
      cite('RFC 6585 §4'),
    );
    throw new ProblemError(
      'quota-exceeded',
      `This client ${why} (${name}). Retry after ${retryAfter} s.`,
      {
        headers: { 'Retry-After': String(retryAfter) },
        extensions: { 'violated-policies': [POLICY_NAME] },
      },
    );
  };
}

/** Why a request was refused, in the algorithm's own terms. */
function overLimit(algorithm: AlgorithmId, { quota, windowMs, burst }: Policy): string {
  const rate = `${quota} requests per ${windowMs / 1000} s`;
  if (algorithm === 'token_bucket')
    return `has no token left (bucket of ${burst}, refilled ${rate})`;
  if (algorithm === 'leaky_bucket')
    return `would overflow its bucket of ${burst} (draining ${rate})`;
  return `used up its quota of ${rate}`;
}

/**
 * Sets the rate-limit headers on the final answer. Outside the error boundary, so a thrown
 * problem (a 404, the 429 itself, even a 500) carries them like a success.
 */
export const stampRateLimitHeaders: Middleware<ApiContext> = async (context, next) => {
  await next();
  const headers = context.var.rateLimitHeaders;
  const response = context.response;
  // A network error has no headers to carry.
  if (!headers || !response || response.type === 'error') return;
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  } catch {
    // Immutable headers (Response.redirect): the same answer, rebuilt mutable.
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    // A body kept as text (Api.answer) stays the body of the copy.
    if (context.var.bodyOf?.response === response) context.var.bodyOf.response = copy;
    context.response = copy;
  }
};

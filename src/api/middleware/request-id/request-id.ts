import type { Middleware } from '../../compose.ts';
import type { ApiContext } from '../../context.ts';
import { ProblemError } from '../../problems.ts';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Every response carries X-Request-Id: the client's own when it is 1–128 characters of
 * [A-Za-z0-9._-], so logs on both sides can be joined; otherwise one the server makes. This
 * outermost layer only assigns the id; `requireValidRequestId` refuses a malformed one further
 * in, where the journal and the error boundary see the 400 like any other problem.
 */
export const assignRequestId: Middleware<ApiContext> = async (context, next) => {
  const supplied = context.request.headers.get(REQUEST_ID_HEADER);
  context.requestId =
    supplied !== null && CLIENT_REQUEST_ID.test(supplied) ? supplied : crypto.randomUUID();
  try {
    await next();
  } finally {
    // The respond helpers set it already; this covers a response made any other way.
    // A network error carries nothing, and its headers cannot be changed.
    const response = context.response;
    if (response && response.type !== 'error' && !response.headers.has(REQUEST_ID_HEADER))
      response.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
};

/**
 * A malformed X-Request-Id is refused with 400 rather than silently replaced, so the client
 * learns why its id is missing (the 400 itself carries the id the server made).
 */
export const requireValidRequestId: Middleware<ApiContext> = async (context, next) => {
  const supplied = context.request.headers.get(REQUEST_ID_HEADER);
  if (supplied !== null && supplied !== context.requestId) {
    throw new ProblemError(
      'invalid-header',
      'X-Request-Id must be 1–128 characters of A–Z, a–z, 0–9, ".", "_" or "-".',
      {
        errors: [{ header: REQUEST_ID_HEADER, detail: 'must match [A-Za-z0-9._-]{1,128}' }],
        rule: 'Malformed X-Request-Id → 400',
      },
    );
  }
  await next();
};

import type { ApiContext } from '../../context.ts';
import { ProblemError } from '../../problems.ts';

declare module '../../context.ts' {
  interface ContextVariables {
    /** This request's partition, as the limiter worked it out (see clientOf). */
    clientPartition: string;
  }
}

export const CLIENT_ID_HEADER = 'X-Client-Id';
/** Visible ASCII, as a header value can carry it unambiguously; 128 is plenty for an id. */
const CLIENT_ID = /^[\x21-\x7e]{1,128}$/;

declare module '../../context.ts' {
  interface ContextVariables {
    /** The `sub` of a token the auth slot (before the limiter) verified for this request. */
    verifiedSubject: string;
  }
}

/** Who a request counts against, besides X-Client-Id: the verified token's subject. */
export type SubjectOf = (context: ApiContext) => string | undefined;
export const noSubject: SubjectOf = () => undefined;
export const verifiedSubject: SubjectOf = (context) => context.var.verifiedSubject;

/**
 * The partition (shared API.md §5): `X-Client-Id` if present, else the token's `sub`, else
 * "anonymous". Prefixed, so a client calling itself "anonymous" does not share that bucket.
 */
export function partitionOf(context: ApiContext, subjectOf: SubjectOf): string {
  const clientId = context.request.headers.get(CLIENT_ID_HEADER);
  if (clientId !== null) {
    if (!CLIENT_ID.test(clientId)) {
      throw new ProblemError(
        'invalid-header',
        'X-Client-Id must be 1–128 visible ASCII characters (no spaces).',
        {
          errors: [{ header: CLIENT_ID_HEADER, detail: 'must be 1–128 characters from ! to ~' }],
          rule: 'Malformed X-Client-Id → 400',
        },
      );
    }
    return `client:${clientId}`;
  }
  const subject = subjectOf(context);
  return subject === undefined ? 'anonymous' : `sub:${subject}`;
}

/**
 * The client a request belongs to, whether or not the limiter is on (shared API.md §8 scopes
 * idempotency keys by it): the limiter's partition when it decided this request, else the same
 * rule worked out here (with the verified token's subject).
 */
export function clientOf(context: ApiContext, subjectOf: SubjectOf = verifiedSubject): string {
  return (context.var.clientPartition ??= partitionOf(context, subjectOf));
}

/** How the journal and the lab name a partition. */
export function describePartition(partition: string): string {
  if (partition.startsWith('client:')) return `client "${partition.slice(7)}"`;
  if (partition.startsWith('sub:')) return `subject "${partition.slice(4)}"`;
  return 'anonymous clients';
}

import type { Middleware } from '../../compose.ts';
import { note, type ApiContext } from '../../context.ts';
import { ProblemError } from '../../problems.ts';
import { respondProblem } from '../../respond.ts';
import { cite } from '../../standards.ts';

/**
 * Turns a thrown ProblemError into its problem+json response, and anything else into a 500 that
 * exposes no internals. Store writes roll back on their own (see Store.transaction), so a 500
 * always leaves the data exactly as it was.
 */
export const errorBoundary: Middleware<ApiContext> = async (context, next) => {
  try {
    await next();
  } catch (error) {
    answerThrown(context, error);
  }
};

/**
 * The answer to a thrown value, as the boundary gives it; for a mechanism that must know the
 * outcome of a request before the boundary sees it (an idempotency record saves a 409 or a 500).
 */
export function answerThrown(context: ApiContext, error: unknown): void {
  if (error instanceof ProblemError) {
    if (error.rule) note(context, error.rule, error.standard);
    respondProblem(context, error);
    return;
  }
  note(
    context,
    `Unexpected exception (${describe(error)}) → 500; writes rolled back`,
    cite('RFC 9110 §15.6.1'),
  );
  respondProblem(
    context,
    new ProblemError(
      'internal-error',
      'The server failed while handling this request. Nothing was changed.',
    ),
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 200);
  return 'non-error value thrown';
}

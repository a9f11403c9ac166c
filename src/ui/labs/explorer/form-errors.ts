import type { ProblemBody } from '../../../api/problems.ts';
import { ProblemResponseError } from '../../shared/http.ts';
import type { FieldSpec } from './resources.ts';

/** Where a failed write's problem goes: onto fields, or into a box. */
export interface FormErrors {
  /** Field name → what the server said about it (422 and 409 `errors[].pointer`). */
  fields: Record<string, string>;
  /** The JSON Pointers shown on fields, so the box does not repeat them. */
  shownPointers: string[];
  problem: ProblemBody | undefined;
  /** Set on a 409 duplicate: the row that already holds the value. */
  conflictingId: string | undefined;
  /** A failure with no problem body (network, a bug): its message. */
  message: string | undefined;
}

export function formErrors(error: Error | null, fields: readonly FieldSpec[]): FormErrors {
  const empty: FormErrors = {
    fields: {},
    shownPointers: [],
    problem: undefined,
    conflictingId: undefined,
    message: undefined,
  };
  if (!error) return empty;
  if (!(error instanceof ProblemResponseError) || !error.problem)
    return { ...empty, message: error.message };

  const problem = error.problem;
  const names = new Set(fields.map((field) => field.name));
  const onFields = Object.fromEntries(
    Object.entries(error.fieldErrors()).filter(([name]) => names.has(name)),
  );
  const conflictingId = problem.conflicting_id;
  return {
    fields: onFields,
    shownPointers: Object.keys(onFields).map((name) => `/${name}`),
    problem,
    conflictingId: typeof conflictingId === 'string' ? conflictingId : undefined,
    message: undefined,
  };
}

import type { z } from 'zod';
import { jsonPointer, type FieldError } from './problems.ts';

/** zod issues as RFC 9457 `errors` entries with JSON Pointers (RFC 6901) into the body. */
export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  base: readonly string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path.map((segment) => String(segment))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        errors.push({ pointer: jsonPointer([...path, key]), detail: 'is not a known field' });
    } else {
      errors.push({ pointer: jsonPointer(path), detail: issue.message });
    }
  }
  return errors;
}

import { z } from 'zod';

/** Message for a field that is missing or of the wrong JSON type. */
const typed = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${expected}`;

const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * A display string of `min`–`max` Unicode characters: well-formed, not blank, no control
 * characters. Lengths count code points, as JSON Schema's minLength and maxLength do, so the
 * `meta` states the rule exactly for the OpenAPI document (a refine alone would not show in it).
 */
export function text(min: number, max: number) {
  return z
    .string({ error: typed('a string') })
    .refine((value) => value.isWellFormed(), {
      error: 'must be well-formed Unicode (no lone surrogates)',
      abort: true,
    })
    .refine(
      (value) => {
        const length = [...value].length;
        return length >= min && length <= max;
      },
      { error: `must be ${min} to ${max} characters long`, abort: true },
    )
    .refine((value) => value.trim() !== '', { error: 'must not be blank' })
    .refine((value) => !CONTROL_CHARACTER.test(value), {
      error: 'must not contain control characters',
    })
    .meta({ minLength: min, maxLength: max, pattern: '\\S' });
}

/** A whole number in [min, Number.MAX_SAFE_INTEGER]. */
export function wholeNumber(min: number) {
  return z
    .number({ error: typed('a number') })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be ${min} or more` })
    .max(Number.MAX_SAFE_INTEGER, { error: `must be at most ${Number.MAX_SAFE_INTEGER}` });
}

export function email() {
  return z
    .string({ error: typed('a string') })
    .max(254, { error: 'must be at most 254 characters long' })
    .pipe(z.email({ error: 'must be an email address such as ada@example.com' }))
    .meta({ format: 'email', maxLength: 254, examples: ['ada@example.com'] });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.map((value) => `"${value}"`).join(' or ');
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'is required' : `must be ${list}`),
  });
}

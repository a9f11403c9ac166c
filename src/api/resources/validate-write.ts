import { ProblemError, jsonPointer, type FieldError } from '../problems.ts';
import { issuesToErrors } from '../validation.ts';
import { READ_ONLY_FIELDS, type ResourceDefinition } from './resource-definition.ts';

/**
 * Checks a write body against the resource: read-only fields (no mass assignment), unknown
 * fields, then the schema's types, formats and ranges. Collects every error before answering
 * 422, so a form can mark all its fields at once.
 * @param sent the keys the client sent (for PATCH, the patch's keys), checked for read-only/unknown
 * @param candidate the full set of write fields to validate
 */
export function validateWrite(
  resource: ResourceDefinition,
  sent: Record<string, unknown>,
  candidate: Record<string, unknown>,
  nulled: readonly string[] = [],
): Record<string, unknown> {
  const readOnly = new Set<string>([...READ_ONLY_FIELDS, ...(resource.extraReadOnly ?? [])]);
  const writeOnly = resource.writeOnly;
  const writable = new Set(Object.keys(resource.writeSchema.shape));
  const writeOnlyKeys = new Set(Object.keys(writeOnly?.shape ?? {}));
  const errors: FieldError[] = [];
  const fields: Record<string, unknown> = {};

  for (const key of Object.keys(sent)) {
    if (readOnly.has(key)) {
      errors.push({ pointer: jsonPointer([key]), detail: 'is read-only: the server sets it' });
    } else if (!writable.has(key) && !writeOnlyKeys.has(key)) {
      errors.push({ pointer: jsonPointer([key]), detail: `is not a field of ${resource.name}` });
    }
  }
  for (const key of Object.keys(candidate)) {
    if (writable.has(key))
      Object.defineProperty(fields, key, {
        value: candidate[key],
        enumerable: true,
        writable: true,
      });
  }

  if (writeOnly) {
    const secret: Record<string, unknown> = {};
    for (const key of writeOnlyKeys) if (Object.hasOwn(sent, key)) secret[key] = sent[key];
    const checked = writeOnly.safeParse(secret);
    // The value itself is never echoed: a message names the rule, not what was sent.
    if (!checked.success) errors.push(...issuesToErrors(checked.error.issues));
  }
  const parsed = resource.writeSchema.safeParse(fields);
  if (parsed.success && errors.length === 0) return parsed.data as Record<string, unknown>;
  if (!parsed.success) {
    for (const error of issuesToErrors(parsed.error.issues)) {
      // A merge patch's null removes the member; for a required field say so plainly.
      const removedByNull = 'pointer' in error && nulled.includes(error.pointer.slice(1));
      errors.push(
        removedByNull ? { ...error, detail: 'is required; null would remove it' } : error,
      );
    }
  }
  const fieldsNamed = [
    ...new Set(errors.map((error) => ('pointer' in error ? error.pointer : ''))),
  ].join(', ');
  throw new ProblemError(
    'validation-failed',
    `The ${resource.singular} is not valid: ${fieldsNamed}.`,
    {
      errors,
      rule: `Validation failed at ${fieldsNamed} → 422 (RFC 9110 §15.5.21)`,
    },
  );
}

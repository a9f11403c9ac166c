import type { FieldSpec, Row } from './resources.ts';

/** A form's values as typed: strings, so the server (not the browser) decides what is valid. */
export type FormValues = Record<string, string>;

export function initialValues(fields: readonly FieldSpec[]): FormValues {
  return Object.fromEntries(fields.map((field) => [field.name, field.initial]));
}

export function valuesOf(fields: readonly FieldSpec[], row: Row): FormValues {
  return Object.fromEntries(
    fields.map((field) => [
      field.name,
      row[field.name] === undefined ? '' : String(row[field.name]),
    ]),
  );
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One field's JSON value. Numbers go as numbers; anything else goes as typed (a string), so a
 * mistake reaches the server and comes back as a 422 on that field. An empty number field is
 * left out, which the server reports as "is required".
 */
function jsonValue(field: FieldSpec, raw: string): unknown {
  if (field.kind !== 'integer') return raw;
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  return NUMBER.test(trimmed) ? Number(trimmed) : raw;
}

/** The body of a POST or PUT: every field (a PUT is a full replacement). */
export function fullBody(
  fields: readonly FieldSpec[],
  values: FormValues,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = jsonValue(field, values[field.name] ?? '');
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}

/** A merge patch (RFC 7396): only the fields whose value differs from the row's. */
export function patchBody(
  fields: readonly FieldSpec[],
  values: FormValues,
  original: FormValues,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of changedFields(fields, values, original)) {
    const value = jsonValue(field, values[field.name] ?? '');
    // Emptying a number field in a patch means "remove it": null, which the server refuses for required fields.
    body[field.name] = value === undefined ? null : value;
  }
  return body;
}

export function changedFields(
  fields: readonly FieldSpec[],
  values: FormValues,
  original: FormValues,
): FieldSpec[] {
  return fields.filter((field) => (values[field.name] ?? '') !== (original[field.name] ?? ''));
}

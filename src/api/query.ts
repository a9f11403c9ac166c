import { z } from 'zod';
import { ProblemError, type FieldError } from './problems.ts';

/** The parameters a route accepts: a strict zod object, or its shape. */
export type QueryParams = z.ZodObject | Readonly<Record<string, z.ZodType>>;
type ShapeOf<S extends QueryParams> = S extends z.ZodObject ? S['shape'] : S;

/** The parsed query: each parameter given, with its parsed value; those not given are absent. */
export type ParsedQuery<S extends QueryParams> = {
  [K in keyof ShapeOf<S>]?: ShapeOf<S>[K] extends z.ZodType ? z.output<ShapeOf<S>[K]> : never;
};

/**
 * Reads the query string against the parameters a route accepts, each a zod schema of the
 * parameter's string value. Unknown and repeated parameters are refused (400) rather than
 * ignored, so a typo such as `limt=5` is caught. Every problem is reported at once, each in
 * `errors[]` by parameter name (RFC 9457 §3).
 */
export function parseQuery<S extends QueryParams>(url: URL, params: S): ParsedQuery<S> {
  const shape: Readonly<Record<string, z.ZodType>> =
    params instanceof z.ZodObject ? params.shape : (params as Record<string, z.ZodType>);
  const result: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of url.searchParams) {
    if (seen.has(name)) {
      errors.push({ parameter: name, detail: 'is given more than once' });
      continue;
    }
    seen.add(name);
    const schema = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (!schema) {
      const known = Object.keys(shape);
      errors.push({
        parameter: name,
        detail: known.length
          ? `is not a known parameter (known: ${known.join(', ')})`
          : 'is not a known parameter',
      });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) result[name] = parsed.data;
    else errors.push({ parameter: name, detail: parsed.error.issues[0]?.message ?? 'is invalid' });
  }
  if (errors.length > 0) {
    const names = [
      ...new Set(errors.map((error) => ('parameter' in error ? error.parameter : ''))),
    ].join(', ');
    throw new ProblemError('invalid-parameter', `Invalid query parameter: ${names}.`, {
      errors,
      rule: `Bad query parameter (${names}) → 400`,
    });
  }
  return result as ParsedQuery<S>;
}

const DIGITS = /^(0|[1-9][0-9]{0,15})$/;

/**
 * A whole number written in plain digits, within [min, max]. Documented as the integer it is
 * (the `meta` is what the OpenAPI document shows), read from the string the URL carries.
 */
export function integerParam(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .refine(
      (raw) => {
        const value = DIGITS.test(raw) ? Number(raw) : Number.NaN;
        return Number.isSafeInteger(value) && value >= min && value <= max;
      },
      { error },
    )
    .transform(Number)
    .meta({ type: 'integer', minimum: min, maximum: max });
}

/** `true` or `false`, nothing else. */
export function flagParam() {
  return z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((raw) => raw === 'true');
}

/** One of a fixed list of values. */
export function choiceParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** Any text; its meaning is checked by the route (a cursor's signature, say). */
export function textParam(description?: string) {
  const text = z.string();
  return description ? text.meta({ description }) : text;
}

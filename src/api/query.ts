import { ProblemError, type FieldError } from './problems.ts';

/** A query parameter's parser: returns the value, or a message saying what it must be. */
export type ParamParser<T> = (raw: string) => { value: T } | { error: string };

/**
 * Reads the query string against the parameters a route accepts. Unknown and repeated
 * parameters are refused (400) rather than ignored, so a typo such as `limt=5` is caught.
 * Every problem is reported at once, each in `errors[]` by parameter name.
 */
export function parseQuery<S extends Record<string, ParamParser<unknown>>>(
  url: URL,
  parsers: S,
): { [K in keyof S]?: S[K] extends ParamParser<infer T> ? T : never } {
  const result: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of url.searchParams) {
    if (seen.has(name)) {
      errors.push({ parameter: name, detail: 'is given more than once' });
      continue;
    }
    seen.add(name);
    const parser = Object.hasOwn(parsers, name) ? parsers[name] : undefined;
    if (!parser) {
      const known = Object.keys(parsers);
      errors.push({
        parameter: name,
        detail: known.length
          ? `is not a known parameter (known: ${known.join(', ')})`
          : 'is not a known parameter',
      });
      continue;
    }
    const parsed = parser(raw);
    if ('error' in parsed) errors.push({ parameter: name, detail: parsed.error });
    else result[name] = parsed.value;
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
  return result as { [K in keyof S]?: S[K] extends ParamParser<infer T> ? T : never };
}

const DIGITS = /^(0|[1-9][0-9]{0,15})$/;

/** A whole number written in plain digits, within [min, max]. */
export function integerParam(min: number, max: number): ParamParser<number> {
  return (raw) => {
    const value = DIGITS.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      return { error: `must be a whole number from ${min} to ${max}` };
    }
    return { value };
  };
}

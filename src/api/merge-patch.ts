import { ProblemError } from './problems.ts';

/** Deeper patches than this are refused: no resource or setting nests anywhere near it. */
const MAX_DEPTH = 16;

/**
 * JSON Merge Patch (RFC 7396 §2): members of the patch replace the target's, `null` removes a
 * member, objects merge recursively, anything else replaces the whole value. Builds new objects
 * with defineProperty so keys like `__proto__` stay plain data and never touch a prototype.
 * @see https://www.rfc-editor.org/rfc/rfc7396#section-2
 */
export function applyMergePatch(target: unknown, patch: unknown, depth = 0): unknown {
  if (!isPlainObject(patch)) return patch;
  if (depth > MAX_DEPTH) {
    throw new ProblemError(
      'invalid-body',
      `The merge patch nests deeper than ${MAX_DEPTH} levels.`,
    );
  }
  const result: Record<string, unknown> = {};
  if (isPlainObject(target)) {
    for (const key of Object.keys(target)) define(result, key, target[key]);
  }
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) delete result[key];
    else
      define(
        result,
        key,
        applyMergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value, depth + 1),
      );
  }
  return result;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

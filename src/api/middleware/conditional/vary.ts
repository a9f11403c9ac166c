import type { ApiContext } from '../../context.ts';

declare module '../../context.ts' {
  interface ContextVariables {
    /** Request fields this answer was chosen by, beyond the method and the URI. */
    vary: string[];
  }
}

/**
 * Says that the answer depends on a request field (auth: `Authorization` when the token decides
 * what is shown). The conditional layer lists every such field in `Vary` on the 200 and its 304,
 * so a cache reuses the answer only for a request with the same field values.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-12.5.5
 * @see https://www.rfc-editor.org/rfc/rfc9111#section-4.1
 */
export function varyOn(context: ApiContext, ...fields: string[]): void {
  const vary = (context.var.vary ??= []);
  for (const field of fields)
    if (!vary.some((known) => known.toLowerCase() === field.toLowerCase())) vary.push(field);
}

/** The `Vary` value: what the response already says, with the fields named by varyOn. */
export function varyValue(existing: string | null, fields: readonly string[]): string {
  const names = (existing ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.includes('*')) return '*';
  for (const field of fields)
    if (!names.some((name) => name.toLowerCase() === field.toLowerCase())) names.push(field);
  return names.join(', ');
}

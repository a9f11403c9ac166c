import { hasNoBody, replayableHeaders } from './replay-headers.ts';
import type { ReplayInput } from './to-curl.ts';

/** A single-quoted JavaScript string literal for any string. */
export function jsString(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  const escaped = value.replace(/[\\'\u0000-\u001f\u2028\u2029\u007f]/g, (char) => {
    switch (char) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}

/**
 * JSON bodies are shown as `JSON.stringify({...})` only when that reproduces the exact bytes
 * sent; otherwise (extra spaces, duplicate keys, 1.0) the body stays a literal string.
 */
function bodyExpression(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object' && JSON.stringify(parsed) === body) {
      const pretty = JSON.stringify(parsed, null, 2).replace(/\n/g, '\n  ');
      return `JSON.stringify(${pretty})`;
    }
  } catch {
    // Not JSON: a string literal below.
  }
  return jsString(body);
}

/**
 * The request as a `fetch` call to paste into the app's console: same-origin, so the path
 * alone goes through the service worker and lands in the log again.
 * @see https://fetch.spec.whatwg.org/#fetch-method
 */
export function toFetch(entry: ReplayInput): string {
  const method = entry.method.toUpperCase();
  const options: string[] = [`  method: ${jsString(method)},`];
  const headers = replayableHeaders(entry.request.headers);
  if (headers.length > 0) {
    options.push('  headers: {');
    for (const [name, value] of headers) options.push(`    ${jsString(name)}: ${jsString(value)},`);
    options.push('  },');
  }
  const body = entry.request.body;
  if (body !== null && !hasNoBody(method)) options.push(`  body: ${bodyExpression(body)},`);
  // A path starting with // would be read as another host: anchor it to this origin.
  const url = entry.url.startsWith('//')
    ? `location.origin + ${jsString(entry.url)}`
    : jsString(entry.url);
  return `await fetch(${url}, {\n${options.join('\n')}\n});`;
}

/**
 * What the journal never keeps (shared API.md §6): passwords and client secrets in a body, and
 * Basic credentials, are shown as "••••". Bearer tokens are kept: they are what the auth lab
 * teaches (the HAR export can redact them). Done here, where the entry is made, so the request
 * log, its curl and fetch snippets, the HAR export and GET /__admin/requests all inherit it.
 */
export const REDACTED = '••••';

const SECRET_MEMBERS = ['password', 'client_secret', 'code_verifier'];

// A JSON member `"password": "…"` (any escapes inside the string), wherever it sits.
const JSON_MEMBER = new RegExp(
  `("(?:${SECRET_MEMBERS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`,
  'g',
);
// A form field `password=…`.
const FORM_FIELD = new RegExp(`(^|&)(${SECRET_MEMBERS.join('|')})=[^&]*`, 'g');

export function redactBody(body: string | null): string | null {
  if (body === null || body === '') return body;
  if (!SECRET_MEMBERS.some((name) => body.includes(name))) return body;
  return body
    .replace(JSON_MEMBER, `$1"${REDACTED}"`)
    .replace(FORM_FIELD, `$1$2=${encodeURIComponent(REDACTED)}`);
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const authorization = headers.authorization;
  if (authorization !== undefined && /^\s*basic\b/i.test(authorization))
    return { ...headers, authorization: `Basic ${REDACTED}` };
  return headers;
}

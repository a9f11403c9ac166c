import type { ApiContext } from '../context.ts';
import { parseMediaType, readCapped } from '../middleware/body/read-json-body.ts';
import { ProblemError } from '../problems.ts';
import { FORM_TYPE } from '../routes/route.ts';
import { OAuthError } from './oauth-error.ts';

/**
 * Reads an application/x-www-form-urlencoded body (RFC 6749 §3.2, the HTML form of the consent
 * step) into single values. A parameter sent twice is refused: RFC 6749 §3.1 says parameters
 * MUST NOT be included more than once, and two values leave the server guessing which counts.
 * Errors are OAuthErrors (invalid_request); the caller answers them in its own format.
 */
export async function readForm(context: ApiContext): Promise<Map<string, string>> {
  const type = parseMediaType(context.request.headers.get('Content-Type'));
  if (type?.essence !== FORM_TYPE)
    throw new OAuthError('invalid_request', `the body must be ${FORM_TYPE} (RFC 6749 §3.2)`);
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(context.request, context.env.settings.current.limits.max_body_bytes);
  } catch (error) {
    if (error instanceof ProblemError)
      throw new OAuthError('invalid_request', 'the body is larger than limits.max_body_bytes');
    throw error;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new OAuthError('invalid_request', 'the body is not UTF-8 (RFC 6749 Appendix B)');
  }
  context.requestBodyText = text;
  return singleValues(new URLSearchParams(text));
}

/** The parameters as single values; one given twice is invalid_request (RFC 6749 §3.1). */
export function singleValues(params: URLSearchParams): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, value] of params) {
    if (values.has(name))
      throw new OAuthError('invalid_request', `the parameter ${name} is given more than once`);
    values.set(name, value);
  }
  return values;
}

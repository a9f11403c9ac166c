import { FETCH_FORBIDDEN_METHODS } from '../../../api/routes/methods.ts';
import { parseHeaderLines, type ParsedHeaders } from './parse-headers.ts';

export const COMMON_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function checkMethod(method: string): string | undefined {
  if (method === '') return 'Type a method, such as GET.';
  if (!TOKEN.test(method)) return "A method is one token: letters, digits and !#$%&'*+-.^_`|~.";
  if (FETCH_FORBIDDEN_METHODS.has(method.toUpperCase()))
    return `Browsers refuse to send ${method.toUpperCase()} from a page (a forbidden method in the Fetch standard).`;
  return undefined;
}

export function checkPath(path: string): string | undefined {
  // Same origin only: the API lives in this page, and nothing should leave it.
  if (!path.startsWith('/') || path.startsWith('//'))
    return 'Start the path with a single /, e.g. /api/v1/users.';
  return undefined;
}

/** Fetch cannot attach a body to these. */
export const bodyless = (method: string) => /^(GET|HEAD)$/i.test(method);

export interface CheckedRequest {
  methodError: string | undefined;
  pathError: string | undefined;
  headers: ParsedHeaders;
  ok: boolean;
}

export function checkRequest(method: string, path: string, headersText: string): CheckedRequest {
  const methodError = checkMethod(method);
  const pathError = checkPath(path);
  const headers = parseHeaderLines(headersText);
  return {
    methodError,
    pathError,
    headers,
    ok: !methodError && !pathError && headers.errors.length === 0,
  };
}

import { z } from 'zod';
import { note, type ApiContext } from '../context.ts';
import { respondJson } from '../respond.ts';
import { cite } from '../standards.ts';

/**
 * OAuth's own error answer (RFC 6749 §5.2), which the token and revocation endpoints use instead
 * of problem+json (shared API.md §1): `{"error", "error_description"}` as application/json,
 * never cached. A client that failed to authenticate gets 401 with a Basic challenge (every
 * 401 carries one, RFC 9110 §15.5.2); every other error is 400.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type';

export const OAUTH_NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
export const BASIC_CHALLENGE = 'Basic realm="restlab"';

export class OAuthError extends Error {
  readonly code: OAuthErrorCode;
  readonly description: string;
  /** The journal note: which rule decided this. */
  readonly rule: string;

  constructor(code: OAuthErrorCode, description: string, rule?: string) {
    super(description);
    this.name = 'OAuthError';
    this.code = code;
    this.description = description;
    this.rule = rule ?? `${code}: ${description}`;
  }
}

export const oauthErrorSchema = z
  .strictObject({
    error: z.enum([
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unauthorized_client',
      'unsupported_grant_type',
      'invalid_scope',
      'unsupported_token_type',
    ]),
    error_description: z.string(),
  })
  .meta({
    id: 'OAuthError',
    description:
      'RFC 6749 §5.2: OAuth’s own error format, sent as application/json with Cache-Control: no-store. The token and revocation endpoints use it instead of problem+json (shared API.md §1).',
  });

export function respondOAuthError(context: ApiContext, error: OAuthError): void {
  const status = error.code === 'invalid_client' ? 401 : 400;
  note(context, `${error.rule} → ${status}`, cite('RFC 6749 §5.2'));
  const headers: Record<string, string> = { ...OAUTH_NO_STORE };
  if (status === 401) headers['WWW-Authenticate'] = BASIC_CHALLENGE;
  respondJson(
    context,
    status,
    { error: error.code, error_description: error.description },
    headers,
  );
}

/** The route's handler, with any OAuthError it throws answered in RFC 6749 §5.2 form. */
export function oauthHandler(
  handler: (context: ApiContext) => Promise<void>,
): (context: ApiContext) => Promise<void> {
  return async (context) => {
    try {
      await handler(context);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      respondOAuthError(context, error);
    }
  };
}

/** The 400 and 401 of the token and revocation endpoints, for the OpenAPI document. */
export const oauthErrorResponses = (codes: string) => ({
  400: {
    description: `RFC 6749 §5.2 JSON (not problem+json): ${codes}.`,
    headers: ['Cache-Control', 'Pragma'] as const,
    content: { 'application/json': oauthErrorSchema },
  },
  401: {
    description:
      'RFC 6749 §5.2 JSON: invalid_client, the client failed to authenticate (unknown, wrong secret, or a confidential client without one).',
    headers: ['Cache-Control', 'Pragma', 'WWW-Authenticate'] as const,
    content: { 'application/json': oauthErrorSchema },
  },
});

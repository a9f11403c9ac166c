import { z } from 'zod';
import { note, type ApiContext } from '../context.ts';
import { scopeOf } from '../middleware/auth/auth-routes.ts';
import { verifyPassword } from '../middleware/auth/password.ts';
import { ProblemError } from '../problems.ts';
import { respondEmpty, respondJson, respondText } from '../respond.ts';
import { users } from '../resources/users.ts';
import { defineRoute, FORM_TYPE, type AnyRoute } from '../routes/route.ts';
import { cite } from '../standards.ts';
import type { AuthorizationServer } from './authorization-server.ts';
import {
  AUTHORIZE_PARAMETERS,
  checkAuthorization,
  redirectTo,
  type AuthorizationRequest,
  type Checked,
} from './authorize-request.ts';
import { intersect } from './clients.ts';
import { consentPage, prefersJson, refusalPage } from './consent-page.ts';
import { readForm } from './form.ts';
import { OAuthError } from './oauth-error.ts';

export const AUTHORIZE_PATH = '/oauth/authorize';
const TAGS = ['OAuth'];
const HTML = 'text/html; charset=utf-8';
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "frame-ancestors 'none'",
};

const authorizeQuery = z.object({
  response_type: z.literal('code'),
  client_id: z.string().meta({ examples: ['restlab-spa'] }),
  redirect_uri: z.string().meta({ examples: ['http://127.0.0.1:8787/oauth/callback'] }),
  scope: z
    .string()
    .optional()
    .meta({ description: 'Space-separated: read, write, admin. Default "read write".' }),
  state: z.string().optional().meta({ description: 'Returned as is: the client’s CSRF check.' }),
  code_challenge: z.string().meta({ description: 'BASE64URL(SHA-256(code_verifier)), RFC 7636.' }),
  code_challenge_method: z.literal('S256').meta({ description: '`plain` is refused.' }),
});
const consentForm = authorizeQuery.extend({
  email: z.string().meta({ examples: ['ada.lovelace.1@example.com'] }),
  password: z.string().meta({ writeOnly: true, examples: ['restlab-demo'] }),
  decision: z.enum(['allow', 'deny']),
});
const consentInfo = z
  .strictObject({
    client_id: z.string(),
    client_name: z.string(),
    redirect_uri: z.string(),
    scope: z.string().meta({ description: 'What the request asks for, as known scope names.' }),
    state: z.string().optional(),
    issuer: z.string(),
  })
  .meta({ id: 'ConsentRequest', description: 'A valid authorization request, awaiting consent.' });

const refused = {
  description:
    'An unknown client, or a redirect URI it has not registered: never redirected (RFC 6749 §4.1.2.1). An HTML page saying why, or problem+json when Accept prefers JSON.',
  problems: ['invalid-authorization-request'],
  content: { 'text/html': z.string() },
} as const;
const redirected = {
  description:
    'To the redirect URI: with `code`, `state` and `iss` (RFC 9207), or with `error` (invalid_request, unsupported_response_type, unauthorized_client, invalid_scope, access_denied), `error_description`, `state` and `iss`.',
  headers: ['Location', 'Cache-Control'],
} as const;

/** The 303 to the client's redirect URI, always with `iss` (RFC 9207 §2) and the state as sent. */
function redirect(context: ApiContext, uri: string, values: Record<string, string | undefined>) {
  respondEmpty(context, 303, {
    Location: redirectTo(uri, { ...values, iss: context.url.origin }),
    'Cache-Control': 'no-store',
  });
}

/** Answers a request that cannot go on, or a redirect with its error; true when it did. */
function answerUnless(
  context: ApiContext,
  checked: Checked,
): checked is Extract<Checked, { kind: 'ok' }> {
  if (checked.kind === 'ok') return true;
  if (checked.kind === 'page') {
    note(context, `${checked.why} → 400, not redirected`, cite('RFC 6749 §4.1.2.1'));
    if (prefersJson(context.request.headers.get('Accept')))
      throw new ProblemError('invalid-authorization-request', checked.why);
    respondText(context, 400, refusalPage(checked.why), PAGE_HEADERS, HTML);
    return false;
  }
  note(
    context,
    `${checked.error}: ${checked.description} → 303 to the client`,
    cite('RFC 6749 §4.1.2.1'),
  );
  redirect(context, checked.redirect_uri, {
    error: checked.error,
    error_description: checked.description,
    state: checked.state,
  });
  return false;
}

function paramsOf(source: URLSearchParams | Map<string, string>): {
  params: Map<string, string>;
  duplicated: string | undefined;
} {
  const params = new Map<string, string>();
  let duplicated: string | undefined;
  for (const [name, value] of source) {
    if (!(AUTHORIZE_PARAMETERS as readonly string[]).includes(name)) continue; // RFC 6749 §3.1: ignored
    if (params.has(name)) duplicated ??= name;
    else params.set(name, value);
  }
  return { params, duplicated };
}

/** GET and POST /oauth/authorize: the authorization endpoint and its sign-in and consent step. */
export function authorizeRoutes(server: AuthorizationServer): AnyRoute[] {
  const check = (source: URLSearchParams | Map<string, string>, origin: string) => {
    const { params, duplicated } = paramsOf(source);
    return checkAuthorization(params, duplicated, (id) => server.client(id), origin);
  };
  return [
    defineRoute({
      method: 'GET',
      path: AUTHORIZE_PATH,
      operationId: 'authorize',
      summary: 'Start an authorization (code with PKCE): the sign-in and consent page',
      description:
        'RFC 6749 §4.1.1 with PKCE (RFC 7636, S256 only). A valid request answers the sign-in and consent form (HTML; JSON describing the request when Accept prefers JSON). Errors after the client and redirect URI are known good go back to the client by 303.',
      tags: TAGS,
      policies: { auth: { open: true } },
      request: { query: authorizeQuery, ownQuery: true },
      responses: {
        200: {
          description: 'The sign-in and consent form.',
          headers: ['Cache-Control', 'Content-Security-Policy'],
          content: { 'text/html': z.string(), 'application/json': consentInfo },
        },
        303: redirected,
        400: refused,
      },
      handler: (context) => {
        const checked = check(context.url.searchParams, context.url.origin);
        if (!answerUnless(context, checked)) return;
        const { request } = checked;
        note(
          context,
          `Valid authorization request from ${request.client.client_id} → sign-in and consent`,
          cite('RFC 6749 §4.1.1'),
        );
        if (prefersJson(context.request.headers.get('Accept'))) {
          respondJson(
            context,
            200,
            {
              client_id: request.client.client_id,
              client_name: request.client.client_name,
              redirect_uri: request.redirect_uri,
              scope: request.scopes.join(' '),
              ...(request.state === undefined ? {} : { state: request.state }),
              issuer: context.url.origin,
            },
            PAGE_HEADERS,
          );
          return;
        }
        respondText(context, 200, consentPage(request, context.url.origin), PAGE_HEADERS, HTML);
      },
    }),
    defineRoute({
      method: 'POST',
      path: AUTHORIZE_PATH,
      operationId: 'authorizeConsent',
      summary: 'Sign in and allow or deny (the consent form)',
      description:
        'The form the page (or the app’s own screen) posts: the authorization request again, plus email, password and decision. Allow with the right credentials → 303 with a code; deny → 303 with access_denied; wrong credentials → the form again, 200, with no code.',
      tags: TAGS,
      policies: { auth: { open: true } },
      request: { body: { contentType: FORM_TYPE, schema: consentForm } },
      responses: {
        200: {
          description: 'Wrong email or password: the form again, saying so.',
          headers: ['Cache-Control', 'Content-Security-Policy'],
          content: { 'text/html': z.string() },
        },
        303: redirected,
        400: { ...refused, description: `${refused.description} Also a body that is not a form.` },
      },
      handler: async (context) => {
        let form: Map<string, string>;
        try {
          form = await readForm(context);
        } catch (error) {
          if (!(error instanceof OAuthError)) throw error;
          answerUnless(context, { kind: 'page', why: `The ${error.description}.` });
          return;
        }
        const checked = check(form, context.url.origin);
        if (!answerUnless(context, checked)) return;
        const { request } = checked;
        const decision = form.get('decision');
        if (decision !== 'allow') {
          note(
            context,
            `The user chose "${decision ?? 'nothing'}" → access_denied`,
            cite('RFC 6749 §4.1.2.1'),
          );
          redirect(context, request.redirect_uri, {
            error: 'access_denied',
            error_description: 'the user denied the request',
            state: request.state,
          });
          return;
        }
        await signInAndIssue(context, server, request, form);
      },
    }),
  ];
}

async function signInAndIssue(
  context: ApiContext,
  server: AuthorizationServer,
  request: AuthorizationRequest,
  form: Map<string, string>,
): Promise<void> {
  const collection = context.env.store.collection(users.name);
  const email = form.get('email') ?? '';
  const id = collection.holderOf('email', email);
  const stored = id === undefined ? null : server.authority.credentialOf(id);
  const matches = await verifyPassword((form.get('password') ?? '').slice(0, 128), stored);
  const row = id === undefined ? undefined : collection.get(id);
  if (!row || !matches) {
    note(
      context,
      'Unknown email or wrong password → the form again, no code',
      cite('RFC 6749 §4.1.1'),
    );
    const page = consentPage(request, context.url.origin, 'The email or the password is wrong.');
    respondText(context, 200, page, PAGE_HEADERS, HTML);
    return;
  }
  // RFC 6749 §3.3: a scope the user may not have is left out; the token response says so.
  const granted = intersect(request.scopes, scopeOf(row.role));
  if (granted.length === 0) {
    redirect(context, request.redirect_uri, {
      error: 'invalid_scope',
      error_description: `none of "${request.scope}" can be granted to this user`,
      state: request.state,
    });
    return;
  }
  const record = server.codes.issue(
    {
      client_id: request.client.client_id,
      redirect_uri: request.redirect_uri,
      code_challenge: request.code_challenge,
      sub: row.id,
      scope: granted.join(' '),
    },
    context.env.clock.now(),
  );
  note(
    context,
    `${row.id} signed in and allowed "${record.scope}" → a code for ${record.client_id}, single use, 60 s, bound to its redirect URI and PKCE challenge`,
    cite('RFC 6749 §4.1.2'),
  );
  redirect(context, request.redirect_uri, { code: record.code, state: request.state });
}

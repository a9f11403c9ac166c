import type { AuthorizationRequest } from './authorize-request.ts';

/**
 * The sign-in and consent step as plain HTML, for `npm run serve` in a real browser (in the app
 * the same step is its own screen, which posts the same form: docs/decisions/0016). The form
 * carries the authorization request on in hidden fields, so the POST is checked again from
 * scratch: the server keeps no half-finished state between the two.
 */
const SCOPE_WORDS: Record<string, string> = {
  read: 'read users, products and your orders',
  write: 'create and change them',
  admin: 'act as an administrator (only if your account is one)',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1f; }
label { display: block; margin: 0.75rem 0 0.25rem; }
input[type=email], input[type=password] { width: 100%; padding: 0.4rem; font: inherit; box-sizing: border-box; }
.actions { display: flex; gap: 0.75rem; margin-top: 1.25rem; }
button { font: inherit; padding: 0.4rem 1rem; }
.error { color: #a4000f; font-weight: 600; }
code { font-size: 0.9em; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function consentPage(request: AuthorizationRequest, issuer: string, error?: string): string {
  const hidden = [
    ['response_type', 'code'],
    ['client_id', request.client.client_id],
    ['redirect_uri', request.redirect_uri],
    ['scope', request.scope],
    ['state', request.state],
    ['code_challenge', request.code_challenge],
    ['code_challenge_method', 'S256'],
  ]
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join('\n');
  const scopes = request.scopes
    .map((name) => `<li><code>${name}</code>: ${escape(SCOPE_WORDS[name] ?? name)}</li>`)
    .join('\n');
  return page(
    'Sign in to restlab',
    `<h1>Sign in to restlab</h1>
<p><strong>${escape(request.client.client_name)}</strong> (<code>${escape(request.client.client_id)}</code>) asks to:</p>
<ul>
${scopes}
</ul>
<p>It will be sent back to <code>${escape(request.redirect_uri)}</code>. Issuer: <code>${escape(issuer)}</code>.</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/oauth/authorize">
${hidden}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<p><small>Every seeded user’s password is <code>restlab-demo</code>.</small></p>
<div class="actions">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</div>
</form>`,
  );
}

export function refusalPage(why: string): string {
  return page(
    'Authorization request refused',
    `<h1>This authorization request cannot go on</h1>
<p class="error">${escape(why)}</p>
<p>It is not sent back to the client: until the client and its redirect URI are known good, a redirect could carry you wherever the link’s author chose (RFC 6749 §4.1.2.1).</p>`,
  );
}

/** Whether the Accept field prefers JSON to HTML (q-values, RFC 9110 §12.5.1). */
export function prefersJson(accept: string | null): boolean {
  if (accept === null) return false;
  let json = 0;
  let html = 0;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q)) continue;
    if (range === 'application/json' || range === 'application/problem+json')
      json = Math.max(json, q);
    if (range === 'text/html') html = Math.max(html, q);
  }
  return json > html;
}

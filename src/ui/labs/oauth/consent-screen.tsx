import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { pageTransport } from '../../shared/page-transport.ts';
import './oauth.css';

interface ConsentRequest {
  client_id: string;
  client_name: string;
  redirect_uri: string;
  scope: string;
  issuer: string;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'refused'; why: string }
  | { kind: 'form'; request: ConsentRequest; error?: string }
  | { kind: 'sending'; request: ConsentRequest };

/**
 * The sign-in and consent step in the app (docs/decisions/0016). A navigation to
 * /oauth/authorize never reaches the service worker, so the app serves this screen; it asks the
 * real GET /oauth/authorize (as JSON) whether the request is valid, and posts the same form the
 * server's HTML page posts. The browser's fetch follows the 303 itself; the screen then goes
 * where it led, as the page's own navigation would have.
 */
export default function ConsentScreen() {
  const [, navigate] = useLocation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const search = typeof location === 'undefined' ? '' : location.search;

  function follow(url: string) {
    const target = new URL(url);
    if (target.origin === location.origin) navigate(target.pathname + target.search);
    else location.assign(target.href);
  }

  useEffect(() => {
    let live = true;
    void (async () => {
      const asked = `${location.origin}/oauth/authorize${search}`;
      const response = await pageTransport.fetch(
        new Request(asked, {
          headers: { Accept: 'application/json' },
        }),
      );
      if (!live) return;
      // Followed by the browser (an error sent back to the client): go where it led.
      if (response.url && response.url !== asked) return follow(response.url);
      const body = await response.json().catch(() => undefined);
      if (response.status === 200) setPhase({ kind: 'form', request: body as ConsentRequest });
      else setPhase({ kind: 'refused', why: String(body?.detail ?? `status ${response.status}`) });
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per address
  }, [search]);

  async function submit(event: FormEvent<HTMLFormElement>, decision: 'allow' | 'deny') {
    event.preventDefault();
    if (phase.kind !== 'form') return;
    const data = new FormData(event.currentTarget);
    const body = new URLSearchParams(search);
    body.set('email', String(data.get('email') ?? ''));
    body.set('password', String(data.get('password') ?? ''));
    body.set('decision', decision);
    setPhase({ kind: 'sending', request: phase.request });
    const response = await pageTransport.fetch(
      new Request(`${location.origin}/oauth/authorize`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      }),
    );
    if (response.url && response.url !== `${location.origin}/oauth/authorize`)
      return follow(response.url);
    // 200: the server's form again, saying the credentials were wrong; no code.
    setPhase({
      kind: 'form',
      request: phase.request,
      error: 'The email or the password is wrong.',
    });
  }

  return (
    <article className="lab oa-consent" aria-labelledby="oa-consent-title">
      <h1 id="oa-consent-title">Sign in to restlab</h1>
      {phase.kind === 'loading' && <p>Checking the authorization request…</p>}
      {phase.kind === 'refused' && (
        <p className="oa-outcome oa-outcome-bad" role="alert">
          This authorization request cannot go on: {phase.why} It is not sent back to the client.
        </p>
      )}
      {(phase.kind === 'form' || phase.kind === 'sending') && (
        <form
          onSubmit={(event) => {
            const submitter = (event.nativeEvent as SubmitEvent)
              .submitter as HTMLButtonElement | null;
            void submit(event, submitter?.value === 'deny' ? 'deny' : 'allow');
          }}
        >
          <p>
            <strong>{phase.request.client_name}</strong> (<code>{phase.request.client_id}</code>)
            asks for <code>{phase.request.scope}</code>. It will be sent back to{' '}
            <code>{phase.request.redirect_uri}</code>.
          </p>
          {phase.kind === 'form' && phase.error && (
            <p className="oa-outcome oa-outcome-bad" role="alert">
              {phase.error}
            </p>
          )}
          <label htmlFor="oa-email">Email</label>
          <input id="oa-email" name="email" type="email" autoComplete="username" required />
          <label htmlFor="oa-password">Password</label>
          <input id="oa-password" name="password" type="password" autoComplete="current-password" />
          <p className="oa-note">Every seeded user’s password is restlab-demo.</p>
          <p className="oa-actions">
            <button
              type="submit"
              className="primary"
              value="allow"
              disabled={phase.kind === 'sending'}
            >
              Allow
            </button>
            <button type="submit" value="deny" formNoValidate disabled={phase.kind === 'sending'}>
              Deny
            </button>
          </p>
        </form>
      )}
    </article>
  );
}

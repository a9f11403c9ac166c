import { useId, useRef, useState, type FormEvent } from 'react';
import { signIn, signInAsSeed, signOut, refreshSession } from '../shared/session-actions.ts';
import { useSession } from '../shared/session.ts';
import { useVirtualNow } from '../shared/use-virtual-now.ts';

/**
 * Signed in everywhere (shared API.md §6): sign in as the seed's admin or member, or with any
 * email and password, and out. Every request the app sends then carries the token.
 */
export function SessionControl() {
  const session = useSession();
  const { epochMs } = useVirtualNow(1000, session.accessToken !== undefined);
  const menuId = useId();
  const menu = useRef<HTMLDivElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();

  const done = (result: { status: number; problem?: { detail: string } } | undefined) => {
    if (result && result.status === 200) {
      setError(undefined);
      menu.current?.hidePopover();
    } else setError(result?.problem?.detail ?? 'Sign-in failed.');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    done(await signIn(email.trim(), password));
    setPassword('');
  };

  const left =
    session.expiresAtMs !== undefined && epochMs !== undefined
      ? Math.max(0, Math.floor((session.expiresAtMs - epochMs) / 1000))
      : undefined;
  const label = session.accessToken
    ? `${session.role ?? 'user'}${left === 0 ? ' (expired)' : ''}`
    : 'Sign in';

  return (
    <div className="session" role="group" aria-label="Session">
      <button
        type="button"
        className="session-button"
        popoverTarget={menuId}
        data-testid="session-button"
        data-role={session.role ?? 'none'}
        title={
          session.accessToken
            ? `Signed in as ${session.email} (${session.sub}), scope "${session.scope}"${left !== undefined ? `, token ${left} s left` : ''}`
            : 'Sign in: every request the app sends then carries the token'
        }
      >
        {label}
      </button>
      <div
        ref={menu}
        id={menuId}
        popover="auto"
        className="session-menu"
        role="dialog"
        aria-label="Sign in"
      >
        {session.accessToken ? (
          <div className="session-signed-in">
            <p>
              <strong>{session.email}</strong>
              <br />
              <code>{session.sub}</code> · scope <code>{session.scope}</code>
              {left !== undefined && (
                <>
                  <br />
                  access token:{' '}
                  {left > 0 ? `${Math.floor(left / 60)} min ${left % 60} s left` : 'expired'}{' '}
                  (virtual)
                </>
              )}
            </p>
            <button type="button" onClick={() => void refreshSession()}>
              Refresh token
            </button>
            <button
              type="button"
              onClick={() => void signOut().then(() => menu.current?.hidePopover())}
            >
              Sign out
            </button>
          </div>
        ) : (
          <>
            <div className="session-seeds">
              <button type="button" onClick={() => void signInAsSeed('admin').then(done)}>
                Seed admin
              </button>
              <button type="button" onClick={() => void signInAsSeed('member').then(done)}>
                Seed member
              </button>
            </div>
            <form onSubmit={(event) => void submit(event)} className="session-form">
              <label>
                Account email
                <input
                  type="email"
                  value={email}
                  autoComplete="username"
                  onChange={(event) => setEmail(event.target.value)}
                  required
                />
              </label>
              <label>
                Account password
                <input
                  type="password"
                  value={password}
                  autoComplete="current-password"
                  placeholder="restlab-demo"
                  onChange={(event) => setPassword(event.target.value)}
                  required
                />
              </label>
              <button type="submit">Sign in</button>
            </form>
          </>
        )}
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { seededEmail, signIn } from '../../../scenarios/auth/auth-http.ts';
import { labCall } from './lab-api.ts';
import { labTransport } from './lab-http.ts';

interface Link {
  token_tail: string;
  issued_at: string;
  spent_at: string | null;
}
interface Family {
  id: string;
  revoked_at: string | null;
  revoked_why: string | null;
  chain: Link[];
  access: { jti: string; revoked: boolean }[];
}

/** The refresh family as a chain: rotate, then reuse a spent token and watch the family die. */
export function RefreshPanel() {
  const [tokens, setTokens] = useState<string[]>([]);
  const [family, setFamily] = useState<Family>();
  const [last, setLast] = useState<string>();

  async function load(familyId: string | undefined) {
    const reply = await labCall('GET', '/__admin/sessions');
    const families = (reply.json?.data ?? []) as Family[];
    setFamily(families.find((candidate) => candidate.id === familyId) ?? families[0]);
  }
  async function start() {
    const pair = await signIn(labTransport, await seededEmail(labTransport, 'member'));
    setTokens([pair.refresh_token]);
    setLast('Signed in: a new family, its first refresh token.');
    const reply = await labCall('GET', '/__admin/sessions');
    setFamily((reply.json?.data ?? [])[0]);
  }
  async function refresh(token: string | undefined, what: string) {
    if (!token) return;
    const reply = await labCall('POST', '/api/v1/auth/refresh', { refresh_token: token });
    if (reply.status === 200) setTokens((all) => [...all, reply.json.refresh_token]);
    setLast(`${what}: ${reply.status}${reply.status === 200 ? '' : ` (${reply.json?.detail})`}`);
    await load(family?.id);
  }

  return (
    <section className="card auth-card" aria-labelledby="auth-refresh-title">
      <h2 id="auth-refresh-title">Refresh rotation</h2>
      <p className="auth-note">
        Each refresh spends its token and issues the next. Presenting a spent one again is reuse:
        the API revokes the whole family, every refresh and access token of it (RFC 9700 §4.14.2).
      </p>
      <div className="auth-actions">
        <button type="button" className="primary" onClick={() => void start()}>
          Sign in (a new family)
        </button>
        <button
          type="button"
          disabled={tokens.length === 0}
          onClick={() => void refresh(tokens.at(-1), 'Refreshed with the live token')}
        >
          Refresh
        </button>
        <button
          type="button"
          disabled={tokens.length < 2}
          onClick={() => void refresh(tokens[0], 'Presented the first, spent, token again')}
        >
          Reuse a spent token
        </button>
      </div>
      {last && <p role="status">{last}</p>}
      {family && (
        <ol
          className="auth-chain"
          data-testid="refresh-chain"
          data-revoked={family.revoked_at !== null}
        >
          {family.chain.map((link, index) => {
            const state = family.revoked_at ? 'revoked' : link.spent_at ? 'spent' : 'live';
            return (
              <li
                key={link.token_tail}
                className={`auth-link auth-link-${state}`}
                data-state={state}
              >
                <span>
                  #{index + 1} …{link.token_tail}
                </span>
                <span>
                  {state === 'revoked' ? '✗ revoked' : state === 'spent' ? 'spent' : '● live'}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {family?.revoked_at && (
        <p className="inline-error" data-testid="refresh-revoked">
          Family revoked: {family.revoked_why}. Its {family.access.length} access tokens are refused
          too.
        </p>
      )}
    </section>
  );
}

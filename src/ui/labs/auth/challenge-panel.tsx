import { useState } from 'react';
import { seededEmail, signIn } from '../../../scenarios/auth/auth-http.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';
import { decodeChallenge, labCall, type LabReply } from './lab-api.ts';
import { labTransport } from './lab-http.ts';

const CASES = [
  {
    id: 'none',
    title: 'No token',
    meaning: '401: who are you? Nothing was wrong, something was missing: no error code.',
  },
  {
    id: 'bad',
    title: 'A bad token',
    meaning: '401 invalid_token: the token failed a check, named in error_description.',
  },
  {
    id: 'member',
    title: 'A member’s valid token',
    meaning:
      '403 insufficient_scope: the server knows you, and you may not. scope names what is needed.',
  },
] as const;

const PRODUCT = { name: 'Desk Lamp', price_cents: 2500, stock: 4 };

/** 401 versus 403 side by side, each with its WWW-Authenticate challenge decoded. */
export function ChallengePanel() {
  const [replies, setReplies] = useState<Partial<Record<(typeof CASES)[number]['id'], LabReply>>>(
    {},
  );
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setReplies({});
    try {
      await pageSandbox.enter({ settings: true });
      const member = await signIn(labTransport, await seededEmail(labTransport, 'member'));
      await labCall('PATCH', '/__admin/settings', { auth: { enforce: 'writes', verifier: 'bcp' } });
      const send = (headers: Record<string, string>) =>
        labCall('POST', '/api/v1/products', PRODUCT, headers);
      const none = await send({});
      const bad = await send({ Authorization: 'Bearer eyJhbGciOiJFUzI1NiJ9.e30.AAAA' });
      const valid = await send({ Authorization: `Bearer ${member.access_token}` });
      setReplies({ none, bad, member: valid });
    } finally {
      await pageSandbox.leave();
      setBusy(false);
    }
  }

  return (
    <section className="card auth-card" aria-labelledby="auth-challenge-title">
      <h2 id="auth-challenge-title">401 versus 403</h2>
      <p className="auth-note">
        With <code>enforce: writes</code>, three attempts to create a product: no token, a bad
        token, and a member’s valid token (products need <code>admin</code>).
      </p>
      <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
        Send all three
      </button>
      <div className="auth-columns">
        {CASES.map((item) => {
          const reply = replies[item.id];
          const challenge = decodeChallenge(reply?.headers.get('WWW-Authenticate') ?? null);
          return (
            <article key={item.id} className="auth-column" data-testid={`challenge-${item.id}`}>
              <h3>{item.title}</h3>
              {reply ? (
                <>
                  <p className="auth-status">
                    <strong>{reply.status}</strong> {reply.json?.title}
                  </p>
                  <dl className="auth-params">
                    <dt>scheme</dt>
                    <dd>{challenge?.scheme}</dd>
                    {challenge?.params.map(([name, value]) => (
                      <div key={name}>
                        <dt>{name}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                  <p className="auth-note">{item.meaning}</p>
                </>
              ) : (
                <p className="auth-note">Not sent yet.</p>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

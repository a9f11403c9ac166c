import { decodeJwt, decodeProtectedHeader } from 'jose';
import { useState } from 'react';
import { useSession } from '../../shared/session.ts';
import { useVirtualNow } from '../../shared/use-virtual-now.ts';
import { labCall } from './lab-api.ts';

const EXPLAIN: Record<string, string> = {
  alg: 'The signing algorithm. The BCP verifier never lets it choose: it must be the alg of the key the kid names (RFC 8725 §3.1).',
  typ: '"at+jwt": an access token, not an ID token or anything else the issuer signs (RFC 9068 §2.1, RFC 8725 §3.11).',
  kid: 'Which key signed it: one of the JWKS (RFC 7515 §4.1.4).',
  iss: 'Who issued it: this API’s origin (RFC 7519 §4.1.1).',
  aud: 'Who it is for: restlab-api. A token for another API must not work here (RFC 7519 §4.1.3).',
  sub: 'Whom it is about: a user id, never an email (RFC 7519 §4.1.2).',
  client_id: 'The client it was issued to (RFC 9068 §2.2).',
  scope: 'What it allows: read, write, admin (RFC 9068 §2.2.3).',
  iat: 'Issued at, seconds since the epoch on the virtual clock (RFC 7519 §4.1.6).',
  exp: 'Expires at: refused from this second on (RFC 7519 §4.1.4).',
  nbf: 'Not before: refused until this second (RFC 7519 §4.1.5).',
  jti: 'Its unique id, so it can be revoked (RFC 7519 §4.1.7).',
  jwk: 'A key carried in the token itself: a verifier that uses it lets anyone sign (RFC 8725 §3.10).',
  crit: 'Extensions the verifier must understand, or refuse the token (RFC 7515 §4.1.11).',
};

const PERSONAL =
  /^(email|name|given_name|family_name|phone_number|address|birthdate|preferred_username)$/;

/** A token decoded with jose (no verification), each member explained; then the API's verdict. */
export function InspectorPanel() {
  const session = useSession();
  const [pasted, setPasted] = useState('');
  const [verdict, setVerdict] = useState<string>();
  const { epochMs } = useVirtualNow(1000);
  const token = pasted.trim() || session.accessToken || '';

  let header: Record<string, unknown> | undefined;
  let claims: Record<string, unknown> | undefined;
  let problem: string | undefined;
  if (token) {
    try {
      header = decodeProtectedHeader(token) as Record<string, unknown>;
      claims = decodeJwt(token) as Record<string, unknown>;
    } catch (error) {
      problem = error instanceof Error ? error.message : 'not a JWT';
    }
  }
  const exp = typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined;
  const left =
    exp !== undefined && epochMs !== undefined ? Math.floor((exp - epochMs) / 1000) : undefined;

  async function ask() {
    const reply = await labCall('GET', '/api/v1/me', undefined, {
      Authorization: `Bearer ${token}`,
    });
    setVerdict(
      reply.status === 200
        ? `200: accepted, it names ${reply.json?.id}`
        : `${reply.status}: refused, check ${reply.json?.check ?? '?'} (${reply.headers.get('WWW-Authenticate')})`,
    );
  }

  return (
    <section className="card auth-card" aria-labelledby="auth-inspector-title">
      <h2 id="auth-inspector-title">Token inspector</h2>
      <label className="auth-paste">
        A JWT (empty: the header’s signed-in token)
        <textarea
          rows={3}
          value={pasted}
          onChange={(event) => {
            setPasted(event.target.value);
            setVerdict(undefined);
          }}
          placeholder={
            session.accessToken ? 'the current token' : 'sign in from the header, or paste a token'
          }
        />
      </label>
      {problem && <p className="inline-error">Not a JWT: {problem}</p>}
      {header && claims && (
        <div className="auth-decoded">
          {[
            ['Header', header],
            ['Claims', claims],
          ].map(([title, members]) => (
            <table key={title as string} className="auth-table">
              <caption>{title as string}</caption>
              <tbody>
                {Object.entries(members as Record<string, unknown>).map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">
                      <code>{name}</code>
                    </th>
                    <td>
                      <code>{JSON.stringify(value)}</code>
                      {PERSONAL.test(name) && (
                        <span className="inline-error">
                          {' '}
                          personal data: anyone holding the token can read it (a JWT is signed, not
                          encrypted)
                        </span>
                      )}
                    </td>
                    <td className="auth-note">{EXPLAIN[name] ?? 'Not a member this API sets.'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          <p data-testid="inspector-time">
            {left === undefined
              ? 'No exp: it never expires by itself.'
              : left > 0
                ? `${Math.floor(left / 60)} min ${left % 60} s left on the virtual clock.`
                : `Expired ${-left} s ago on the virtual clock.`}
          </p>
          <button type="button" onClick={() => void ask()}>
            Ask the API’s verifier
          </button>
          {verdict && (
            <p role="status" data-testid="inspector-verdict">
              {verdict}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { seededEmail, signIn } from '../../../scenarios/auth/auth-http.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';
import { useVirtualNow } from '../../shared/use-virtual-now.ts';
import { labCall } from './lab-api.ts';
import { labTransport } from './lab-http.ts';

interface KeyState {
  kid: string;
  alg: string;
  state: 'current' | 'grace';
  created_at: string;
  grace_ends_at: string | null;
}

async function fetchKeys(): Promise<{ data: KeyState[]; kids: string[] }> {
  const reply = await labCall('GET', '/__admin/keys');
  const published = await labCall('GET', '/.well-known/jwks.json');
  return {
    data: reply.json?.data ?? [],
    kids: (published.json?.keys ?? []).map((key: { kid: string }) => key.kid),
  };
}

/** The JWKS over virtual time: rotate, and watch a token of the old key verify through its grace. */
export function KeysPanel() {
  const [keys, setKeys] = useState<KeyState[]>([]);
  const [jwks, setJwks] = useState<string[]>([]);
  const [token, setToken] = useState<{ value: string; kid: string }>();
  const [verdict, setVerdict] = useState<string>();
  const { epochMs } = useVirtualNow(1000);

  const apply = ({ data, kids }: Awaited<ReturnType<typeof fetchKeys>>) => {
    setKeys(data);
    setJwks(kids);
  };
  const load = async () => apply(await fetchKeys());
  useEffect(() => {
    let live = true;
    void fetchKeys().then((loaded) => live && apply(loaded));
    return () => {
      live = false;
    };
  }, []);

  async function keepToken() {
    await labCall('PATCH', '/__admin/settings', { auth: { access_ttl_s: 86_400 } });
    const pair = await signIn(labTransport, await seededEmail(labTransport, 'member'));
    setToken({
      value: pair.access_token,
      kid: JSON.parse(
        atob(pair.access_token.split('.')[0]?.replace(/-/g, '+').replace(/_/g, '/') ?? ''),
      ).kid,
    });
    setVerdict(undefined);
  }
  async function rotate() {
    await pageSandbox.enter({ settings: true });
    if (!token) await keepToken();
    await labCall('POST', '/__admin/keys/rotate');
    await load();
  }
  async function advance(ms: number) {
    await pageSandbox.enter({ settings: true });
    await labCall('POST', '/__admin/clock', { action: 'advance', ms });
    await load();
  }
  async function verify() {
    if (!token) return;
    const reply = await labCall('GET', '/api/v1/me', undefined, {
      Authorization: `Bearer ${token.value}`,
    });
    setVerdict(
      reply.status === 200
        ? '200: still verifies'
        : `${reply.status}: refused, check ${reply.json?.check}`,
    );
  }
  useEffect(() => () => void pageSandbox.leave(), []);

  return (
    <section className="card auth-card" aria-labelledby="auth-keys-title">
      <h2 id="auth-keys-title">Keys over virtual time</h2>
      <p className="auth-note">
        Rotate: the new key signs; the old one stays in the JWKS and verifies for{' '}
        <code>key_grace_s</code> (900 s), then is dropped. The clock and settings come back when you
        leave the lab.
      </p>
      <div className="auth-actions">
        <button type="button" className="primary" onClick={() => void rotate()}>
          Rotate the key
        </button>
        <button type="button" onClick={() => void advance(300_000)}>
          +5 min
        </button>
        <button type="button" onClick={() => void advance(60_000)}>
          +1 min
        </button>
        <button type="button" onClick={() => void verify()} disabled={!token}>
          Verify the token of before
        </button>
      </div>
      {token && <p className="auth-note">A token signed by {token.kid} is kept to verify later.</p>}
      {verdict && (
        <p role="status" data-testid="keys-verdict">
          {verdict}
        </p>
      )}
      <table className="auth-table" data-testid="keys-table">
        <thead>
          <tr>
            <th scope="col">kid</th>
            <th scope="col">alg</th>
            <th scope="col">state</th>
            <th scope="col">in the JWKS</th>
            <th scope="col">grace left</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const ends = key.grace_ends_at ? Date.parse(key.grace_ends_at) : undefined;
            const left =
              ends !== undefined && epochMs !== undefined
                ? Math.max(0, Math.ceil((ends - epochMs) / 1000))
                : undefined;
            return (
              <tr key={key.kid} data-state={key.state}>
                <td>
                  <code>{key.kid}</code>
                </td>
                <td>{key.alg}</td>
                <td>{key.state}</td>
                <td>
                  {jwks.includes(key.kid) ? 'yes' : key.alg === 'HS256' ? 'never (a secret)' : 'no'}
                </td>
                <td>{left === undefined ? '—' : `${left} s`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

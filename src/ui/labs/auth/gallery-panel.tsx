import { useState } from 'react';
import {
  asExpected,
  ATTACKS,
  prepareKit,
  reuseRefresh,
  runAttack,
  type AttackResult,
} from '../../../scenarios/auth/attacks.ts';
import { seededEmail } from '../../../scenarios/auth/auth-http.ts';
import type { TokenVerdict } from '../../../scenarios/auth/auth-http.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';
import { labTransport } from './lab-http.ts';

type Reuse = Awaited<ReturnType<typeof reuseRefresh>>;

/**
 * The attack gallery: each forgery built here with jose from a member's real token and the
 * published JWKS, sent for real to GET /api/v1/me, under the BCP verifier and then the naive one.
 */
export function GalleryPanel() {
  const [results, setResults] = useState<AttackResult[]>([]);
  const [reuse, setReuse] = useState<Reuse>();
  const [state, setState] = useState<'idle' | 'running' | 'done'>('idle');
  const [error, setError] = useState<string>();

  async function run() {
    setState('running');
    setResults([]);
    setReuse(undefined);
    setError(undefined);
    try {
      // The verifier setting changes for each attack: it comes back when the run ends.
      await pageSandbox.enter({ settings: true });
      const email = await seededEmail(labTransport, 'member');
      const kit = await prepareKit(labTransport, email);
      for (const attack of ATTACKS) {
        const result = await runAttack(kit, attack);
        setResults((all) => [...all, result]);
      }
      await labTransport.fetch(
        new Request(`${location.origin}/__admin/settings`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/merge-patch+json' },
          body: JSON.stringify({ auth: { verifier: 'bcp' } }),
        }),
      );
      setReuse(await reuseRefresh(await prepareKit(labTransport, email)));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      await pageSandbox.leave();
      setState('done');
    }
  }

  const refusedByBcp = results.filter((result) => !result.bcp.accepted).length;
  const throughNaive = results.filter((result) => result.naive.accepted).length;

  return (
    <section className="card auth-card" aria-labelledby="auth-gallery-title">
      <h2 id="auth-gallery-title">Attack gallery</h2>
      <p className="auth-note">
        A member signs in; the attacker has that token and the JWKS. Each forgery is built in this
        page with jose and sent to <code>GET /api/v1/me</code>, once under each verifier.
      </p>
      <button
        type="button"
        className="primary"
        onClick={() => void run()}
        disabled={state === 'running'}
      >
        {state === 'running' ? 'Running…' : 'Run every attack'}
      </button>
      {results.length > 0 && (
        <p className="auth-summary" data-testid="gallery-summary" role="status">
          BCP refused {refusedByBcp} of {results.length}; naive let {throughNaive} through.
        </p>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      {results.length > 0 && (
        <table className="auth-table" data-testid="gallery-table">
          <thead>
            <tr>
              <th scope="col">Attack</th>
              <th scope="col">BCP verifier</th>
              <th scope="col">Naive verifier</th>
              <th scope="col">Decided by</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.attack.id} data-attack={result.attack.id}>
                <th scope="row" title={result.attack.how}>
                  {result.attack.title}
                </th>
                <Verdict
                  verdict={result.bcp}
                  ok={asExpected(result.bcp, result.attack.expected.bcp)}
                  testId="bcp"
                />
                <Verdict
                  verdict={result.naive}
                  ok={asExpected(result.naive, result.attack.expected.naive)}
                  testId="naive"
                />
                <td>
                  <a href={result.attack.standard.href} target="_blank" rel="noreferrer">
                    {result.attack.standard.cite}
                  </a>
                </td>
              </tr>
            ))}
            {reuse && (
              <tr data-attack="reused-refresh">
                <th
                  scope="row"
                  title="The thief refreshes first; the victim then presents the same, spent, refresh token."
                >
                  A reused refresh token
                </th>
                <td colSpan={2} data-testid="reuse">
                  {reuse.reuse === 401 ? '✗ refused: 401' : `${reuse.reuse}`}; family revoked, the
                  thief’s new refresh token: {reuse.thiefAfter}
                </td>
                <td>
                  <a
                    href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2"
                    target="_blank"
                    rel="noreferrer"
                  >
                    RFC 9700 §4.14.2
                  </a>
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Verdict({ verdict, ok, testId }: { verdict: TokenVerdict; ok: boolean; testId: string }) {
  return (
    <td
      data-testid={testId}
      data-accepted={verdict.accepted}
      className={verdict.accepted ? 'auth-accepted' : 'auth-refused'}
    >
      {verdict.accepted ? '✓ accepted (200)' : `✗ ${verdict.status} ${verdict.check ?? ''}`}
      {!ok && <span className="inline-error"> (unexpected)</span>}
    </td>
  );
}

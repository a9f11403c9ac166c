import { useState } from 'react';
import { runMethods, type MethodRow } from './methods.ts';

/** The method table of RFC 9110 §9.2, observed: each request sent twice, the state after each. */
export function MethodsPanel() {
  const [rows, setRows] = useState<MethodRow[]>();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      setRows(await runMethods());
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card idem-methods" aria-labelledby="idem-methods-title">
      <h2 id="idem-methods-title">Methods: safe and idempotent, observed</h2>
      <p className="idem-note">
        Each request is sent twice to a product of the lab’s own. <strong>Safe</strong>: the first
        changes nothing. <strong>Idempotent</strong>: the second changes nothing more (DELETE
        answers 404 the second time, yet the state is the same). POST is neither: that is what the
        key is for.
      </p>
      <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
        {busy ? 'Sending…' : 'Send each twice'}
      </button>
      {rows && (
        <table className="data-table idem-table" data-testid="methods-table">
          <thead>
            <tr>
              <th scope="col">request</th>
              <th scope="col">answers</th>
              <th scope="col">after one</th>
              <th scope="col">after two</th>
              <th scope="col">safe</th>
              <th scope="col">idempotent</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.method}>
                <td>{row.request}</td>
                <td className="num">{row.statuses.join(', ')}</td>
                <td>{row.states[1]}</td>
                <td>{row.states[2]}</td>
                <td className={row.safe ? 'idem-yes' : 'idem-no'}>{row.safe ? 'yes' : 'no'}</td>
                <td className={row.idempotent ? 'idem-yes' : 'idem-no'}>
                  {row.idempotent ? 'yes' : 'no'}
                </td>
              </tr>
            ))}
            <tr>
              <td>PATCH as an increment (a JSON Patch “add” to a list, say)</td>
              <td colSpan={5} className="idem-note">
                Not idempotent: each one adds again (RFC 5789 §2). This API takes only merge patch,
                whose absent-or-set semantics make the second PATCH a no-op.
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}

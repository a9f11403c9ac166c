import { useVirtualNow } from '../../shared/use-virtual-now.ts';
import { useKeyRows, type KeyRow } from './records-feed.ts';

const STATES: KeyRow['state'][] = ['in_flight', 'completed', 'expired'];
const LABEL: Record<KeyRow['state'], string> = {
  in_flight: 'in flight',
  completed: 'completed',
  expired: 'expired',
};

/** Each key's state machine over virtual time: in flight → completed (saved status) → expired. */
export function KeysPanel() {
  const rows = useKeyRows();
  const { epochMs } = useVirtualNow(500);
  return (
    <section className="card idem-keys" aria-labelledby="idem-keys-title" data-testid="keys-panel">
      <h2 id="idem-keys-title">Keys: in flight → completed → expired</h2>
      <p className="idem-note">
        Each Idempotency-Key, scoped to its client, method and path; its fingerprint is the SHA-256
        of the body canonicalized per RFC 8785, so member order does not matter.
      </p>
      {rows.length === 0 ? (
        <p className="idem-note">No key yet: send a request with an Idempotency-Key.</p>
      ) : (
        <div className="idem-table-wrap">
          <table className="data-table idem-table">
            <thead>
              <tr>
                <th scope="col">key</th>
                <th scope="col">state</th>
                <th scope="col">saved</th>
                <th scope="col">fingerprint</th>
                <th scope="col">expires in</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.client} ${row.method} ${row.path} ${row.key}`}
                  data-state={row.state}
                >
                  <td title={`${row.method} ${row.path} · ${row.client}`}>
                    <code>{row.key}</code>
                  </td>
                  <td>
                    <span className="idem-machine" aria-label={LABEL[row.state]}>
                      {STATES.map((state) => (
                        <span key={state} className={state === row.state ? 'on' : undefined}>
                          {LABEL[state]}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td className="num">{row.status ?? '—'}</td>
                  <td>
                    <code title={row.fingerprint}>{row.fingerprint.slice(0, 8)}…</code>
                  </td>
                  <td className="num">{remaining(row, epochMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function remaining(row: KeyRow, now: number | undefined): string {
  if (row.state !== 'completed' || row.expires_at === null || now === undefined) return '—';
  const ms = Date.parse(row.expires_at) - now;
  if (ms <= 0) return 'now';
  const seconds = Math.ceil(ms / 1000);
  return seconds >= 3600 ? `${Math.round(seconds / 3600)} h` : `${seconds} s`;
}

import { useState } from 'react';
import { API_BASE } from '../../../api/routes/api-base.ts';
import { pageCache } from '../../shared/client-cache/page-cache.ts';
import { send } from '../../shared/http.ts';

interface Row {
  wire: string;
  remaining: string;
}

const CLIENT = 'caching-lab-quota';
const remainingOf = (headers: [string, string][]) =>
  /r=(\d+)/.exec(headers.find(([name]) => name.toLowerCase() === 'ratelimit')?.[1] ?? '')?.[1] ??
  '?';

/**
 * A 304 spends no quota (shared API.md §9, GitHub's rule): one full GET, then revalidations of the
 * same user (no-cache: the page's cache asks every time), with the RateLimit `r` each carried.
 */
export function QuotaPanel() {
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string>();

  async function run() {
    setError(undefined);
    setRows([]);
    try {
      const page = await send<{ data: { id: string }[] }>(`${API_BASE}/users?limit=1`);
      const id = (page.body as { data: { id: string }[] }).data[0]?.id ?? '';
      const path = `${API_BASE}/users/${encodeURIComponent(id)}`;
      const headers = { 'X-Client-Id': CLIENT };
      // The first GET must be a full one, whatever the page held before.
      pageCache.forget(path);
      for (let i = 0; i < 5; i++) {
        const result = await send(path, { headers });
        const wire = result.cache === 'revalidated' ? '304 (revalidated)' : String(result.status);
        setRows((all) => [...all, { wire, remaining: remainingOf(result.headers) }]);
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <section className="card cl-quota" aria-labelledby="cl-quota-title" data-testid="quota-panel">
      <h2 id="cl-quota-title">304s and the rate limit</h2>
      <p className="cl-note">
        Five GETs of one user as client <code>{CLIENT}</code>: the first is a full 200 and spends a
        request; the others revalidate and get 304, which spend nothing: <code>r</code> stays put.
      </p>
      <button type="button" onClick={() => void run()}>
        Send five GETs
      </button>
      {error && <p className="inline-error">{error}</p>}
      {rows.length > 0 && (
        <table className="data-table" data-testid="quota-rows">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">on the wire</th>
              <th scope="col">RateLimit r</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>{index + 1}</td>
                <td>{row.wire}</td>
                <td>{row.remaining}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

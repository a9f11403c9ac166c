import { StatusBadge } from '../../shared/status-badge.tsx';
import { decodeRateLimitHeaders } from './decode-headers.ts';
import { useLabStore } from './lab-store.ts';

/** The latest response's rate-limit headers: as sent, and what they mean. */
export function HeadersPanel() {
  const latest = useLabStore((state) => state.latest);
  const decoded = latest ? decodeRateLimitHeaders(latest.headers) : [];

  return (
    <section className="card rl-card rl-headers" aria-labelledby="rl-headers-title">
      <h2 id="rl-headers-title">Latest response</h2>
      {latest && (
        <p className="rl-status">
          <StatusBadge status={latest.status} />
        </p>
      )}
      {!latest ? (
        <p className="rl-empty">
          The newest answer&apos;s rate-limit headers appear here, decoded.
        </p>
      ) : decoded.length === 0 ? (
        <p className="rl-empty">No rate-limit headers: the limiter is off.</p>
      ) : (
        <dl className="rl-decoded" data-testid="decoded-headers">
          {decoded.map((header) => (
            <div key={header.name}>
              <dt>
                <code>
                  {header.name}: {header.value}
                </code>
              </dt>
              <dd className={header.ok ? undefined : 'inline-error'}>{header.meaning}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

import { pageCache } from '../../shared/client-cache/page-cache.ts';
import { useVirtualNow } from '../../shared/use-virtual-now.ts';
import { CacheTimeline } from './cache-timeline.tsx';
import { useCacheVersion } from './use-cache.ts';

const formatBytes = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;

/** What the page's private cache holds and has done: counters, and each entry's timeline. */
export function CachePanel() {
  useCacheVersion(pageCache);
  const { epochMs } = useVirtualNow(500);
  const now = epochMs ?? pageCache.now();
  const stats = pageCache.stats;
  const entries = pageCache.entries();
  const tiles: [string, string, string][] = [
    ['hits', String(stats.hits), 'answered in the page, no request'],
    ['revalidations', String(stats.revalidations), 'conditional requests sent'],
    ['304s', String(stats.notModified), 'Not Modified: body reused'],
    ['full fetches', String(stats.fullFetches), 'answers with a body'],
    ['bytes saved', formatBytes(stats.bytesSaved), 'bodies not sent again'],
  ];
  return (
    <section className="card cl-cache" aria-labelledby="cl-cache-title" data-testid="cache-panel">
      <h2 id="cl-cache-title">Cache entries over virtual time</h2>
      <dl className="cl-stats">
        {tiles.map(([name, value, hint]) => (
          <div key={name} data-testid={`stat-${name.replace(/\s/g, '-')}`} title={hint}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {entries.length === 0 ? (
        <p className="cl-note">Empty: GET the product to store its first answer.</p>
      ) : (
        <ul className="cl-entries">
          {entries.map((entry) => (
            <li key={entry.key}>
              <div className="cl-entry-head">
                <code title={entry.key}>{entry.key}</code>
                <span className={`badge cl-${entry.policy.stale() ? 'is-stale' : 'is-fresh'}`}>
                  {entry.policy.stale() ? 'stale' : 'fresh'}
                </span>
                <span className="cl-muted">
                  {formatBytes(entry.bytes)} ·{' '}
                  {String(entry.policy.responseHeaders()['cache-control'] ?? 'no Cache-Control')}
                </span>
              </div>
              <CacheTimeline entry={entry} now={now} />
            </li>
          ))}
        </ul>
      )}
      <p className="cl-legend cl-muted" aria-hidden="true">
        <span className="cl-key cl-fresh-key" /> fresh <span className="cl-key cl-stale-key" />{' '}
        stale · ticks: thin = a hit, blue = a 304, grey = a 200 · dashed = now
      </p>
    </section>
  );
}

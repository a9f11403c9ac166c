import type { CacheEntry, CacheTimelineMark } from '../../shared/client-cache/http-cache.ts';

const REFRESH = new Set<CacheTimelineMark['kind']>(['stored', 'revalidated', 'modified']);
const MARK_TEXT: Record<CacheTimelineMark['kind'], string> = {
  stored: '200',
  modified: '200',
  revalidated: '304',
  hit: 'hit',
  'stale-hit': 'stale hit',
};

/**
 * One entry's life over virtual time: fresh (solid) from each full answer or 304 until the
 * library's freshness lifetime ends, stale (hatched) after it; a tick for every hit, 304 and 200.
 */
export function CacheTimeline({ entry, now }: { entry: CacheEntry; now: number }) {
  const marks = entry.timeline;
  const start = marks[0]?.at ?? now;
  const lastRefresh = marks.filter((mark) => REFRESH.has(mark.kind)).at(-1);
  const end = Math.max(now, lastRefresh?.freshUntil ?? now, start + 10_000);
  const span = Math.max(1, end - start);
  const x = (at: number) => `${(((at - start) / span) * 100).toFixed(2)}%`;
  const w = (from: number, to: number) => `${((Math.max(0, to - from) / span) * 100).toFixed(2)}%`;
  const refreshes = marks.filter((mark) => REFRESH.has(mark.kind));
  const state = entry.policy.stale() ? 'stale' : 'fresh';
  return (
    <div className="cl-timeline" data-testid="cache-timeline" data-state={state}>
      <div className="cl-track" role="img" aria-label={describe(entry, state)}>
        {refreshes.map((mark, index) => {
          const next = refreshes[index + 1]?.at ?? end;
          const freshEnd = Math.min(mark.freshUntil ?? mark.at, next);
          return (
            <span key={index}>
              <span
                className="cl-fresh"
                style={{ left: x(mark.at), width: w(mark.at, freshEnd) }}
              />
              <span className="cl-stale" style={{ left: x(freshEnd), width: w(freshEnd, next) }} />
            </span>
          );
        })}
        {marks.map((mark, index) => (
          <span
            key={`m${index}`}
            className={`cl-mark cl-mark-${mark.kind}`}
            style={{ left: x(mark.at) }}
            title={`${MARK_TEXT[mark.kind]} at +${Math.round((mark.at - start) / 1000)} s`}
          />
        ))}
        <span className="cl-now" style={{ left: x(Math.min(now, end)) }} title="now" />
      </div>
      <div className="cl-scale" aria-hidden="true">
        <span>0 s</span>
        <span>+{Math.round(span / 1000)} s</span>
      </div>
    </div>
  );
}

function describe(entry: CacheEntry, state: string): string {
  const counts = (kind: CacheTimelineMark['kind']) =>
    entry.timeline.filter((mark) => mark.kind === kind).length;
  return `${entry.key}: ${state} now; ${counts('hit') + counts('stale-hit')} hits, ${counts('revalidated')} revalidated with 304, ${counts('stored') + counts('modified')} full answers`;
}

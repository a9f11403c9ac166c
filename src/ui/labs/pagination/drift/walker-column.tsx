import { useEffect, useRef } from 'react';
import {
  duplicatesOf,
  verdictOf,
  type WalkerTally,
} from '../../../../scenarios/pagination/tally.ts';
import type { LabRow, WalkerKind } from '../../../../scenarios/pagination/walkers.ts';
import { RowLabel } from './row-label.tsx';

export const WALKER_TITLES: Record<WalkerKind, string> = {
  offset: 'Offset',
  keyset: 'Keyset cursor',
  naive: 'Naive cursor',
};

function how(tally: WalkerTally): string {
  const { position } = tally;
  if (tally.kind === 'offset') return `?offset=${position.offset}`;
  if (tally.kind === 'keyset') {
    if (position.cursor === null) return 'next_cursor: null (the end)';
    return position.cursor ? `?cursor=${position.cursor.slice(0, 12)}…` : '?cursor=(none yet)';
  }
  return position.lastId ? `after id ${position.lastId}` : 'after id (none yet)';
}

interface Props {
  tally: WalkerTally;
  rowsById: ReadonlyMap<string, LabRow>;
  version: number;
}

/** One walker: its counters and verdict, then each page it read, duplicates and skips marked. */
export function WalkerColumn({ tally, rowsById, version }: Props) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // Follow the newest page, as a log does.
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [version]);
  const verdict = verdictOf(tally);
  const duplicates = duplicatesOf(tally);
  const skipped = tally.skippedAt.size;
  const returned = [...tally.times.values()].reduce((sum, times) => sum + times, 0);
  const tone = verdict.exact ? 'ok' : duplicates + skipped > 0 ? 'bad' : 'neutral';
  const skippedAfter = (page: number) =>
    [...tally.skippedAt].filter(([, at]) => at === page).map(([id]) => rowsById.get(id));

  return (
    <section
      className="pg-walker"
      aria-labelledby={`pg-walker-${tally.kind}`}
      data-testid={`walker-${tally.kind}`}
    >
      <header>
        <h3 id={`pg-walker-${tally.kind}`}>{WALKER_TITLES[tally.kind]}</h3>
        <code className="pg-how">{how(tally)}</code>
        <dl className="pg-counters">
          <div>
            <dt>returned</dt>
            <dd>{returned}</dd>
          </div>
          <div className={duplicates > 0 ? 'warn' : ''}>
            <dt>duplicates</dt>
            <dd data-testid={`duplicates-${tally.kind}`}>{duplicates}</dd>
          </div>
          <div className={skipped > 0 ? 'bad' : ''}>
            <dt>skipped</dt>
            <dd data-testid={`skipped-${tally.kind}`}>{skipped}</dd>
          </div>
        </dl>
        <p
          className={`pg-verdict ${tone}`}
          data-testid={`verdict-${tally.kind}`}
          aria-live="polite"
        >
          {tally.done && verdict.exact ? '✓ ' : tone === 'bad' ? '✗ ' : ''}
          {verdict.text}
        </p>
      </header>
      <ol className="pg-pages" ref={list}>
        {tally.pages.length === 0 && <li className="pg-empty">No page read yet.</li>}
        {tally.pages.map((page) => (
          <li key={page.number}>
            <div className="pg-page-head">
              Page {page.number}
              {page.restarted && <span className="pg-mark bad"> ⟲ started over</span>}
              {page.rows.length === 0 && <span className="pg-muted"> · empty</span>}
            </div>
            <ul>
              {page.rows.map(({ row, duplicate }, index) => (
                <li key={`${row.id}-${index}`} className={duplicate ? 'pg-row dup' : 'pg-row'}>
                  <RowLabel row={row} />
                  {duplicate && <span className="pg-mark warn">twice</span>}
                </li>
              ))}
              {skippedAfter(page.number).map(
                (row) =>
                  row && (
                    <li key={`skip-${row.id}`} className="pg-row skipped">
                      <span className="pg-mark bad">skipped</span>
                      <RowLabel row={row} />
                    </li>
                  ),
              )}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

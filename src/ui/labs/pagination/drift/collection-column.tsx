import { liveRowsOf, tallyOf, type DriftView } from '../../../../scenarios/pagination/frames.ts';
import { walkOrder, type WalkerTally } from '../../../../scenarios/pagination/tally.ts';
import { WALKERS, type LabRow, type WalkerKind } from '../../../../scenarios/pagination/walkers.ts';
import { RowLabel } from './row-label.tsx';

const LETTER: Record<WalkerKind, string> = { offset: 'O', keyset: 'K', naive: 'N' };

/** The row each walker will read first on its next page, by its own rule. */
function nextRowId(tally: WalkerTally, rows: readonly LabRow[]): string | undefined {
  if (tally.done) return undefined;
  if (tally.kind === 'offset') return rows[tally.position.offset]?.id;
  if (tally.kind === 'keyset') {
    const last = lastReturned(tally);
    return last ? rows.find((row) => walkOrder(row, last) > 0)?.id : rows[0]?.id;
  }
  const index = rows.findIndex((row) => row.id === tally.position.lastId);
  return rows[index + 1]?.id;
}

function lastReturned(tally: WalkerTally): LabRow | undefined {
  for (let i = tally.pages.length - 1; i >= 0; i--) {
    const row = tally.pages[i]?.rows.at(-1)?.row;
    if (row) return row;
  }
  return undefined;
}

/** The collection as it is now, newest first: who has returned each row, where each walker is. */
export function CollectionColumn({ view }: { view: Pick<DriftView, 'tallies' | 'truth'> }) {
  const rows = liveRowsOf(view);
  const next = new Map<string, WalkerKind[]>();
  for (const tally of view.tallies) {
    const id = nextRowId(tally, rows);
    if (id) next.set(id, [...(next.get(id) ?? []), tally.kind]);
  }
  return (
    <section className="pg-walker pg-collection" aria-labelledby="pg-collection-title">
      <header>
        <h3 id="pg-collection-title">The list now</h3>
        <p className="pg-legend">
          newest first · <b>O K N</b>: returned by offset, keyset, naive · ▸ reads next
        </p>
      </header>
      <ol className="pg-pages pg-now">
        {rows.map((row, index) => (
          <li key={row.id} className={row.initial ? 'pg-row' : 'pg-row new'}>
            <span className="pg-pos">{index}</span>
            <RowLabel row={row} />
            {!row.initial && <span className="pg-mark ok">new</span>}
            <span className="pg-seen" aria-label="returned by">
              {WALKERS.map((kind) => (
                <span key={kind} className={tallyOf(view, kind)?.times.has(row.id) ? 'on' : 'off'}>
                  {LETTER[kind]}
                </span>
              ))}
            </span>
            {next.get(row.id)?.map((kind) => (
              <span key={kind} className={`pg-next pg-next-${kind}`}>
                ▸{LETTER[kind]}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

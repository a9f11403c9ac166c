import type { Random } from '../../api/store/random.ts';
import type { WalkerTally } from './tally.ts';
import type { LabRow } from './walkers.ts';

/**
 * The drift lab's mutator: what it inserts, and which rows it deletes. Every choice comes from
 * the lab's seeded PRNG, so the same seed and the same actions make the same demo.
 *  - seen: a row some walker has returned (not a walker's current boundary);
 *  - unseen: a row no walker has returned yet;
 *  - boundary: the row the keyset and naive walkers last returned, the one their cursors point at.
 */
export type DeleteTarget = 'seen' | 'unseen' | 'boundary';

const NOUNS = ['Kettle', 'Lamp', 'Notebook', 'Mug', 'Chair', 'Umbrella', 'Stapler', 'Bell'];

export function newRowFields(random: Random, n: number): Record<string, unknown> {
  const noun = NOUNS[Math.floor(random() * NOUNS.length)] ?? 'Item';
  return {
    name: `New ${noun} ${n}`,
    price_cents: 100 * (1 + Math.floor(random() * 50)),
    stock: 10,
  };
}

export function chooseDeletions(
  target: DeleteTarget,
  count: number,
  random: Random,
  live: readonly LabRow[],
  tallies: readonly WalkerTally[],
): LabRow[] {
  const isLive = new Set(live.map((row) => row.id));
  const boundaries = new Set(
    tallies
      .filter((tally) => tally.kind !== 'offset')
      .map(lastReturnedId)
      .filter((id): id is string => id !== undefined && isLive.has(id)),
  );
  // Every walker's boundary at once: usually one row, as keyset and naive walk in step.
  if (target === 'boundary') return live.filter((row) => boundaries.has(row.id));
  const seen = (row: LabRow) => tallies.some((tally) => tally.times.has(row.id));
  const pool = live
    .filter((row) => (target === 'seen' ? seen(row) && !boundaries.has(row.id) : !seen(row)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const chosen: LabRow[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as LabRow);
  }
  return chosen;
}

function lastReturnedId(tally: WalkerTally): string | undefined {
  for (let i = tally.pages.length - 1; i >= 0; i--) {
    const row = tally.pages[i]?.rows.at(-1)?.row;
    if (row) return row.id;
  }
  return undefined;
}

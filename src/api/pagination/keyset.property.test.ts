import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Api } from '../create-api.ts';
import type { Row } from '../store/row.ts';
import { SEED_EPOCH_MS } from '../store/store.ts';
import { call, makeApi } from '../test-support.ts';
import { SORTS, type SortName } from './sort.ts';
import { referenceOrder } from './test-links.ts';

/**
 * API.md §3's guarantee, for random interleavings of page reads, inserts and deletes: a walk
 * with next_cursor returns every row that existed for the whole walk exactly once, never a row
 * twice, and always in the sort's order.
 */
const NAMES = ['Ada', 'ada', 'Émile', '\u{1D49C}', '\uFF21', 'Zed', 'Grace Hopper'];

type Op =
  | { kind: 'page' }
  | { kind: 'insert'; minute: number; name: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'delete-boundary' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'page' as const }), weight: 3 },
  fc.record({
    kind: fc.constant('insert' as const),
    // Minutes around the seeded rows' times, few enough that timestamps tie.
    minute: fc.integer({ min: -40, max: 5 }),
    name: fc.constantFrom(...NAMES),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.constant({ kind: 'delete-boundary' as const }),
);

async function walk(api: Api, sort: SortName, limit: number, ops: readonly Op[]) {
  const live = new Map([...api.env.store.collection('users').all()].map((row) => [row.id, row]));
  const initial = new Set(live.keys());
  const returned: Row[] = [];
  let cursor: string | null | undefined;
  const page = async () => {
    if (cursor === null) return;
    const query = cursor === undefined ? '' : `&cursor=${cursor}`;
    const reply = await call(api, 'GET', `/api/v1/users?limit=${limit}&sort=${sort}${query}`);
    expect(reply.status, reply.text).toBe(200);
    returned.push(...(reply.json.data as Row[]));
    cursor = reply.json.pagination.next_cursor;
  };
  let n = 0;
  for (const step of ops) {
    if (step.kind === 'page') await page();
    else if (step.kind === 'insert') {
      api.env.clock.set(SEED_EPOCH_MS + step.minute * 60_000);
      const json = { name: step.name, email: `walker.${n++}@example.com` };
      const created = await call(api, 'POST', '/api/v1/users', { json });
      live.set(created.json.id, created.json);
    } else {
      const ids = [...live.keys()];
      const id =
        step.kind === 'delete' ? ids[step.pick % Math.max(1, ids.length)] : returned.at(-1)?.id;
      if (id && live.delete(id)) await call(api, 'DELETE', `/api/v1/users/${id}`);
    }
  }
  while (cursor !== null) await page();
  const throughout = [...initial].filter((id) => live.has(id));
  return { returned, throughout };
}

describe('a keyset walk under inserts and deletes (fast-check)', () => {
  it('returns every row that existed throughout exactly once, none twice, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(...SORTS),
        fc.array(op, { maxLength: 40 }),
        async (size, limit, sort, ops) => {
          const api = makeApi({ seed: 3, sizes: { users: size, products: 0 } });
          const { returned, throughout } = await walk(api, sort, limit, ops);
          const ids = returned.map((row) => row.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of throughout) expect(ids).toContain(id);
          const order = referenceOrder(sort);
          for (let i = 1; i < returned.length; i++) {
            expect(order(returned[i - 1] as Row, returned[i] as Row)).toBeLessThan(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

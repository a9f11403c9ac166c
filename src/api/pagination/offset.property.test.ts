import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Api } from '../create-api.ts';
import type { Row } from '../store/row.ts';
import { SEED_EPOCH_MS } from '../store/store.ts';
import { call, makeApi } from '../test-support.ts';
import { referenceOrder } from './test-links.ts';

/**
 * The offset anomaly, against a model: an offset walk reads positions offset…offset+limit of the
 * list as it is *now*. A plain sorted array, changed the same way, predicts every page, so it
 * predicts every duplicate and every skipped row. And in the classic cases the counts have a
 * closed form: each insert that pushes an already-returned row past the offset re-serves it once
 * (one per insert while fewer rows were inserted than returned), each deletion behind the offset
 * skips one row.
 */
type Op =
  | { kind: 'page' }
  | { kind: 'insert'; minute: number }
  | { kind: 'delete'; pick: number; seen: boolean };

interface Walk {
  duplicates: number;
  skipped: number;
  /**
   * Closed-form prediction: inserts that pushed a returned row past the offset, and deletions
   * behind the offset that pulled a row back before it, while the walk was under way.
   */
  shifts: { inserts: number; deletes: number };
}

const order = referenceOrder('-created_at');
const LIMIT = 4;

async function walkByOffset(api: Api, ops: readonly Op[]): Promise<Walk> {
  const model = [...api.env.store.collection('users').all()].sort(order);
  const initial = new Set(model.map((row) => row.id));
  const returned = new Map<string, number>();
  const shifts = { inserts: 0, deletes: 0 };
  let offset = 0;
  let done = false;
  const page = async () => {
    if (done) return;
    const reply = await call(api, 'GET', `/api/v1/users?offset=${offset}&limit=${LIMIT}`);
    const ids = (reply.json.data as Row[]).map((row) => row.id);
    expect(ids).toEqual(model.slice(offset, offset + LIMIT).map((row) => row.id));
    for (const id of ids) returned.set(id, (returned.get(id) ?? 0) + 1);
    offset += LIMIT;
    done = offset >= reply.json.pagination.total;
  };
  let n = 0;
  for (const step of ops) {
    const underWay = offset > 0 && !done;
    if (step.kind === 'page') await page();
    else if (step.kind === 'insert') {
      api.env.clock.set(SEED_EPOCH_MS + step.minute * 60_000);
      const json = { name: 'Inserted', email: `offset.${n++}@example.com` };
      const row = (await call(api, 'POST', '/api/v1/users', { json })).json as Row;
      // The row just before the walk's offset moves past it when the new row lands ahead of it;
      // if the walk had returned it, it will be returned again.
      const crossing = model[offset - 1];
      if (underWay && crossing && order(row, crossing) < 0 && returned.has(crossing.id))
        shifts.inserts++;
      model.push(row);
      model.sort(order);
    } else {
      const pool = step.seen ? model.filter((row) => returned.has(row.id)) : model;
      const row = pool[step.pick % Math.max(1, pool.length)];
      if (!row) continue;
      const position = model.indexOf(row);
      if (underWay && position < offset && offset < model.length) shifts.deletes++;
      model.splice(position, 1);
      await call(api, 'DELETE', `/api/v1/users/${row.id}`);
    }
  }
  while (!done) await page();
  const live = new Set(model.map((row) => row.id));
  const throughout = [...initial].filter((id) => live.has(id));
  return {
    duplicates: [...returned.values()].reduce((sum, times) => sum + times - 1, 0),
    skipped: throughout.filter((id) => !returned.has(id)).length,
    shifts,
  };
}

const fresh = (size: number) => makeApi({ seed: 5, sizes: { users: size, products: 0 } });
const page = fc.constant({ kind: 'page' as const });

describe('an offset walk under inserts and deletes (fast-check)', () => {
  it('returns exactly the pages the model predicts, for any interleaving', async () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { arbitrary: page, weight: 3 },
      fc.record({ kind: fc.constant('insert' as const), minute: fc.integer({ min: -40, max: 5 }) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), seen: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 24 }),
        fc.array(op, { maxLength: 30 }),
        (size, ops) => walkByOffset(fresh(size), ops).then(() => undefined),
      ),
      { numRuns: 120 },
    );
  });

  it('re-serves a row each time an insert at the head pushes a returned row past the offset', async () => {
    const op = fc.oneof(page, fc.constant({ kind: 'insert' as const, minute: 1 }));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 24 }),
        fc.array(op, { maxLength: 30 }),
        async (size, ops) => {
          // Each insert is newer than all before it: the clock only moves forward.
          const timed = ops.map((step, i) =>
            step.kind === 'insert' ? { ...step, minute: i + 1 } : step,
          );
          const walk = await walkByOffset(fresh(size), timed);
          expect(walk.duplicates).toBe(walk.shifts.inserts);
          expect(walk.skipped).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('skips one row per deletion of an already-returned row while the walk is under way', async () => {
    const op = fc.oneof(
      page,
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), seen: fc.constant(true) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 24 }),
        fc.array(op, { maxLength: 30 }),
        async (size, ops) => {
          const walk = await walkByOffset(fresh(size), ops);
          expect(walk.skipped).toBe(walk.shifts.deletes);
          expect(walk.duplicates).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdempotencyRecords } from './records.ts';

describe('IdempotencyRecords expiry', () => {
  it('forgets exactly the records expired at any instant, whatever order they were saved in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 10 }),
        (retentions, instants) => {
          const records = new IdempotencyRecords();
          retentions.forEach((retention, i) => {
            const record = records.begin({
              key: `k${i}`,
              client: 'c',
              method: 'POST',
              path: '/p',
              fingerprint: 'f',
              started_ms: 0,
            });
            records.complete(record, { status: 201, body: null, headers: {} }, i % 5, retention);
          });
          for (const now of [...instants].sort((a, b) => a - b)) {
            const live = records.list(now).map((record) => record.key);
            const expected = retentions.flatMap((retention, i) =>
              (i % 5) + retention > now ? [`k${i}`] : [],
            );
            expect(live.sort()).toEqual(expected.sort());
          }
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.ts';

describe('RingBuffer', () => {
  it('keeps the newest `capacity` items in order, for any pushes, clears and resizes', () => {
    const operation = fc.oneof(
      fc.record({ push: fc.integer() }),
      fc.record({ resize: fc.integer({ min: 1, max: 8 }) }),
      fc.constant({ clear: true as const }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(operation, { maxLength: 60 }),
        (capacity, operations) => {
          const buffer = new RingBuffer<number>(capacity);
          let model: number[] = [];
          let size = capacity;
          for (const op of operations) {
            if ('push' in op) {
              const evicted = buffer.push(op.push);
              model.push(op.push);
              const expectedEvicted = model.length > size ? model.shift() : undefined;
              expect(evicted).toBe(expectedEvicted);
            } else if ('resize' in op) {
              buffer.resize(op.resize);
              size = op.resize;
              model = model.slice(-size);
            } else {
              buffer.clear();
              model = [];
            }
            expect(buffer.toArray()).toEqual(model);
            expect(buffer.size).toBe(model.length);
            expect(buffer.capacity).toBe(size);
            expect(buffer.at(0)).toBe(model[0]);
            expect(buffer.at(model.length)).toBeUndefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { cyrb53, makeId, mulberry32, pick } from './random.ts';

describe('deterministic randomness', () => {
  it('mulberry32 repeats for a seed, differs across seeds, and stays in [0, 1)', () => {
    const draw = (seed: number) => {
      const random = mulberry32(seed);
      return Array.from({ length: 1000 }, () => random());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const value of draw(3)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('cyrb53 is a stable 53-bit hash', () => {
    expect(cyrb53('users:0', 42)).toBe(cyrb53('users:0', 42));
    expect(cyrb53('users:0', 42)).not.toBe(cyrb53('users:0', 43));
    expect(Number.isSafeInteger(cyrb53('x'))).toBe(true);
  });

  it('makeId: prefix, underscore, ten Crockford base32 characters, distinct per sequence', () => {
    const ids = new Set(Array.from({ length: 10_000 }, (_, i) => makeId('usr', 42, 'users', i)));
    expect(ids.size).toBe(10_000);
    for (const id of [...ids].slice(0, 100))
      expect(id).toMatch(/^usr_[0-9abcdefghjkmnpqrstvwxyz]{10}$/);
    expect(makeId('usr', 42, 'users', 0)).toBe(makeId('usr', 42, 'users', 0));
    expect(makeId('usr', 42, 'users', 0)).not.toBe(makeId('usr', 43, 'users', 0));
  });

  it('pick refuses an empty list', () => {
    expect(() => pick(mulberry32(1), [])).toThrow(/empty/);
    expect(pick(() => 0.99, ['a', 'b'])).toBe('b');
  });
});

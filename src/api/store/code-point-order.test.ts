import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './code-point-order.ts';

/** The definition, spelled out: compare the code points one by one. */
function reference(a: string, b: string): number {
  const x = Array.from(a, (char) => char.codePointAt(0) as number);
  const y = Array.from(b, (char) => char.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

describe('compareCodePoints', () => {
  it('orders by code point where UTF-16 code units disagree', () => {
    // U+1D49C (a surrogate pair, D835 DC9C) is above U+FF21, though D835 < FF21 as code units.
    expect('\u{1D49C}' < '\uFF21').toBe(true);
    expect(compareCodePoints('\u{1D49C}', '\uFF21')).toBeGreaterThan(0);
    expect(compareCodePoints('\uE000', '\u{10000}')).toBeLessThan(0);
    expect(compareCodePoints('Ada', 'ada')).toBeLessThan(0);
    expect(compareCodePoints('Ad', 'Ada')).toBeLessThan(0);
    expect(compareCodePoints('Émile', 'Zed')).toBeGreaterThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });

  it('agrees in sign with comparing code points, for any strings', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 6 });
    const tricky = fc.constantFrom('\uE000', '\uFFFD', '\u{10000}', '\u{1F600}', 'a', 'é', '');
    const value = fc.oneof(
      text,
      fc.array(tricky, { maxLength: 4 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(reference(a, b)));
      }),
      { numRuns: 2000 },
    );
  });
});

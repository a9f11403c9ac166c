/**
 * Strings in Unicode code point order, as API.md §3 asks for `sort=name`: no locale, so every
 * client and every runtime sees the same order. JavaScript's `<` compares UTF-16 code units,
 * which differs from code point order only where a surrogate pair (U+10000 and above) meets a
 * character in U+E000–U+FFFF; the fix-up below is the standard one for comparing UTF-16 in code
 * point order (as in ICU's u_strCmpCodePointOrder).
 * @see https://www.unicode.org/versions/latest/ch02.pdf §2.5 "Encoding Forms", binary order
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixUp(x) - fixUp(y);
  }
  return a.length - b.length;
}

/** Moves surrogates above U+E000–U+FFFF, so code unit order becomes code point order. */
function fixUp(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

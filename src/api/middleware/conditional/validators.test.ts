import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { entityTagOf } from './validators.ts';

const direct = (body: string) =>
  `"${base64url.encode(sha256(new TextEncoder().encode(body)).subarray(0, 16))}"`;

describe('entityTagOf', () => {
  it('is the first 128 bits of the SHA-256 of the bytes, whether remembered or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 40 }),
        (bodies) => {
          // Each body twice: the second answer comes from the recent tags.
          for (const body of [...bodies, ...bodies])
            expect(entityTagOf(body, false).opaque).toBe(direct(body));
        },
      ),
    );
  });

  it('stays right after the recent tags overflow, and for bodies too long to remember', () => {
    const first = 'first body';
    const tag = entityTagOf(first, false).opaque;
    for (let index = 0; index < 600; index += 1) entityTagOf(`filler ${index}`, true);
    expect(entityTagOf(first, false).opaque).toBe(tag);
    const long = 'x'.repeat(400_000);
    expect(entityTagOf(long, true)).toEqual({ weak: true, opaque: direct(long) });
    expect(entityTagOf(long, false)).toEqual({ weak: false, opaque: direct(long) });
  });
});

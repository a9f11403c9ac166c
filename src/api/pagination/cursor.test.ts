import fc from 'fast-check';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../problems.ts';
import { CursorKey, decodeCursor, encodeCursor, type Cursor } from './cursor.ts';

const owner = new CursorKey();
const cursor: Cursor = {
  collection: 'users',
  sort: '-created_at',
  direction: 'next',
  key: ['2025-12-31T23:56:31.000Z', 'usr_6yvcmbfsfg'],
};
const expected = { collection: 'users', sort: '-created_at' } as const;

/** The reason a cursor was refused, or a failure if it was accepted. */
async function refusal(
  token: string,
  by: CursorKey = owner,
  asked: { collection: string; sort: '-created_at' | 'name' } = expected,
) {
  try {
    await decodeCursor(by, token, asked);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    const problem = error as ProblemError;
    expect(problem.slug).toBe('invalid-cursor');
    expect(problem.errors?.[0]).toMatchObject({ parameter: 'cursor' });
    return problem.detail;
  }
  throw new Error(`accepted ${token}`);
}

describe('signed keyset cursors', () => {
  it('round-trips: what the server made, it reads back', async () => {
    const token = await encodeCursor(owner, cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await decodeCursor(owner, token, expected)).toEqual(cursor);
    const start: Cursor = { ...cursor, direction: 'prev', key: null };
    expect(await decodeCursor(owner, await encodeCursor(owner, start), expected)).toEqual(start);
  });

  it('refuses a cursor with any single bit flipped, in the payload or the tag', async () => {
    const token = await encodeCursor(owner, cursor);
    const [body = '', tag = ''] = token.split('.');
    const parts = [base64url.decode(body), base64url.decode(tag)];
    await fc.assert(
      fc.asyncProperty(fc.nat(1), fc.nat(), fc.nat(7), async (part, byte, bit) => {
        const flipped = parts.map((bytes) => new Uint8Array(bytes));
        const target = flipped[part] as Uint8Array;
        const index = byte % target.length;
        target[index] = (target[index] as number) ^ (1 << bit);
        const forged = flipped.map((bytes) => base64url.encode(bytes)).join('.');
        expect(await refusal(forged)).toMatch(/signature that does not match/);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses another spelling of the same bytes (spare bits set in the last character)', async () => {
    const token = await encodeCursor(owner, cursor);
    const last = token.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelt = token.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
    expect(await refusal(respelt)).toMatch(/base64url/);
  });

  it.each([
    ['empty', ''],
    ['plain text', 'page-2'],
    ['a number', '40'],
    ['no tag', 'eyJ2IjoxfQ'],
    ['a JWT-like token', 'eyJhbGciOiJub25lIn0.eyJ2IjoxfQ.'],
    ['a short tag', 'eyJ2IjoxfQ.abc'],
  ])('refuses garbage: %s', async (_, token) => {
    expect(await refusal(token)).toBeTruthy();
  });

  it('refuses a cursor from another server (another key), another collection or another sort', async () => {
    const token = await encodeCursor(owner, cursor);
    expect(await refusal(token, new CursorKey())).toMatch(/another server/);
    expect(await refusal(token, owner, { collection: 'products', sort: '-created_at' })).toMatch(
      /made for \/api\/v1\/users/,
    );
    expect(await refusal(token, owner, { collection: 'users', sort: 'name' })).toMatch(
      /made for sort=-created_at; this request asks for sort=name/,
    );
  });
});

import { base64url } from 'jose';
import { z } from 'zod';
import { ProblemError } from '../problems.ts';
import { SORTS, type SortKey, type SortName } from './sort.ts';

/**
 * Keyset cursors (API.md §3): the sort values of the boundary row, the sort, the direction and
 * the collection, as base64url JSON, then an HMAC-SHA-256 tag over those bytes (RFC 2104, with
 * WebCrypto). Opaque to clients: not secret (anyone can decode the JSON), but any change, or a
 * cursor from another server, fails the tag. A null key is the very start (next) or end (prev).
 * @see https://www.rfc-editor.org/rfc/rfc2104
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5 (base64url)
 */
export interface Cursor {
  collection: string;
  sort: SortName;
  direction: 'next' | 'prev';
  key: SortKey | null;
}

const payloadSchema = z.strictObject({
  v: z.literal(1),
  c: z.string(),
  s: z.enum(SORTS),
  d: z.enum(['next', 'prev']),
  k: z.tuple([z.string(), z.string()]).nullable(),
});

/** base64url payload, a dot, a 32-byte tag (43 characters); 2 KB is far above any real cursor. */
const SHAPE = /^[A-Za-z0-9_-]{1,2000}\.[A-Za-z0-9_-]{43}$/;

/**
 * The signing key of one API instance, made at its first cursor: cursors from another instance
 * are foreign. Held by the resources mechanism, one per createApi.
 */
export class CursorKey {
  #key: Promise<CryptoKey> | undefined;

  get(): Promise<CryptoKey> {
    this.#key ??= crypto.subtle.importKey(
      'raw',
      crypto.getRandomValues(new Uint8Array(32)),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    return this.#key;
  }
}

export async function encodeCursor(owner: CursorKey, cursor: Cursor): Promise<string> {
  const { collection: c, sort: s, direction: d, key: k } = cursor;
  const payload = new TextEncoder().encode(JSON.stringify({ v: 1, c, s, d, k }));
  const tag = await crypto.subtle.sign('HMAC', await owner.get(), payload);
  return `${base64url.encode(payload)}.${base64url.encode(new Uint8Array(tag))}`;
}

/**
 * Reads a cursor the client sent back, or throws 400 invalid-cursor saying why. The tag is
 * checked before anything inside is trusted (crypto.subtle.verify compares in constant time).
 */
export async function decodeCursor(
  owner: CursorKey,
  token: string,
  expected: { collection: string; sort: SortName },
): Promise<Cursor> {
  if (!SHAPE.test(token)) throw invalid('is not a cursor this API made (wrong shape)');
  const [body = '', tag = ''] = token.split('.');
  const payload = canonicalBytes(body);
  const signature = canonicalBytes(tag);
  if (!payload || !signature) throw invalid('is not valid base64url');
  const valid = await crypto.subtle.verify('HMAC', await owner.get(), signature, payload);
  if (!valid) {
    throw invalid('has a signature that does not match: it was changed, or made by another server');
  }
  const parsed = payloadSchema.safeParse(safeJson(new TextDecoder().decode(payload)));
  if (!parsed.success) throw invalid('is signed but unreadable (an older format?)');
  const { c, s, d, k } = parsed.data;
  if (c !== expected.collection) throw invalid(`was made for /api/v1/${c}, not this collection`);
  if (s !== expected.sort) {
    throw invalid(
      `was made for sort=${s}; this request asks for sort=${expected.sort} (keep the sort while paging)`,
    );
  }
  return { collection: c, sort: s, direction: d, key: k };
}

/**
 * The bytes of base64url text, only if encoding them gives the same text back: the spare bits
 * of a last character must be zero, or one cursor would have several spellings.
 */
function canonicalBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const bytes = base64url.decode(text);
    return base64url.encode(bytes) === text ? new Uint8Array(bytes) : undefined;
  } catch {
    return undefined;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function invalid(why: string): ProblemError {
  return new ProblemError('invalid-cursor', `The cursor ${why}.`, {
    errors: [{ parameter: 'cursor', detail: why }],
    rule: `cursor ${why} → 400 invalid-cursor`,
  });
}

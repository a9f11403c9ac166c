/* eslint-disable no-restricted-globals -- parses a stored RFC 3339 timestamp; the wall clock is never read here */
import { base64url } from 'jose';
import { sha256 } from '@noble/hashes/sha2.js';
import type { EntityTag } from './entity-tags.ts';

const encoder = new TextEncoder();

/**
 * The entity tag of a representation: the first 128 bits of the SHA-256 of its exact bytes,
 * base64url. It changes whenever the representation does (a write within the same virtual
 * second too, even with the clock paused), and only then. Synchronous (noble-hashes), so a write
 * can check it inside its transaction. Strong for one resource (its bytes are what is compared);
 * weak for a list page (RFC 9110 §8.8.1: equivalent pages, not byte-for-byte promises).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3
 */
export function entityTagOf(body: string, weak: boolean): EntityTag {
  return { weak, opaque: opaqueTagOf(body) };
}

// The tags of the representations served last: one served again (every GET of an unchanged row,
// every 304 check) is not hashed again. Bounded by count and by the characters it holds.
const RECENT_TAGS_MAX = 256;
const RECENT_CHARS_MAX = 1 << 20;
const recentTags = new Map<string, string>();
let recentChars = 0;

function opaqueTagOf(body: string): string {
  const known = recentTags.get(body);
  if (known !== undefined) return known;
  const opaque = `"${base64url.encode(sha256(encoder.encode(body)).subarray(0, 16))}"`;
  if (body.length <= RECENT_CHARS_MAX / 4) {
    recentTags.set(body, opaque);
    recentChars += body.length;
    for (const oldest of recentTags.keys()) {
      if (recentTags.size <= RECENT_TAGS_MAX && recentChars <= RECENT_CHARS_MAX) break;
      recentTags.delete(oldest);
      recentChars -= oldest.length;
    }
  }
  return opaque;
}

/** A row's Last-Modified: its updated_at, in whole seconds (HTTP-dates have no fraction). */
export function lastModifiedOf(updatedAt: unknown): number | undefined {
  if (typeof updatedAt !== 'string') return undefined;
  const ms = Date.parse(updatedAt);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) * 1000 : undefined;
}

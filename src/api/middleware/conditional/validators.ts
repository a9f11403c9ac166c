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
  const digest = sha256(encoder.encode(body)).subarray(0, 16);
  return { weak, opaque: `"${base64url.encode(digest)}"` };
}

/** A row's Last-Modified: its updated_at, in whole seconds (HTTP-dates have no fraction). */
export function lastModifiedOf(updatedAt: unknown): number | undefined {
  if (typeof updatedAt !== 'string') return undefined;
  const ms = Date.parse(updatedAt);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) * 1000 : undefined;
}

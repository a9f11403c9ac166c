import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

const encoder = new TextEncoder();

/**
 * The fingerprint of a request body (draft-ietf-httpapi-idempotency-key-header §2.4): the
 * SHA-256 of its JSON canonicalized per RFC 8785 (members sorted by code unit, numbers in their
 * shortest form, no insignificant white space), so `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` are
 * the same request. A body that RFC 8785 cannot express (a lone surrogate) is fingerprinted by
 * its exact text; it is refused with 422 anyway.
 * @see https://www.rfc-editor.org/rfc/rfc8785
 */
export function fingerprintOf(value: unknown, text: string): string {
  let canonical: string | undefined;
  try {
    canonical = canonicalize(value);
  } catch {
    canonical = undefined;
  }
  return bytesToHex(sha256(encoder.encode(canonical ?? text)));
}

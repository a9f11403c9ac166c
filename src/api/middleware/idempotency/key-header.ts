import { parseItem } from 'structured-headers';
import { ProblemError } from '../../problems.ts';

export const IDEMPOTENCY_KEY = 'Idempotency-Key';
export type Dialect = 'ietf' | 'stripe';

const MAX_KEY = 255;
/** Stripe's keys: any visible ASCII, up to 255 characters. */
const BARE = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

/**
 * Reads the Idempotency-Key field in the dialect the settings name; null when it is absent.
 * - `ietf` (draft-ietf-httpapi-idempotency-key-header §2.1): an Item structured field (RFC 8941)
 *   whose value is a String, `"8e03978e-…"`; parameters, which the draft defines none of, are
 *   ignored as RFC 8941 §2 says. A bare token, a number or two fields are not a key → 400.
 * - `stripe`: the value as sent, `KG5LxwFBepaKHyUD`.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-idempotency-key-header-07#section-2.1
 */
export function readIdempotencyKey(headers: Headers, dialect: Dialect): string | null {
  const raw = headers.get(IDEMPOTENCY_KEY);
  if (raw === null) return null;
  if (dialect === 'stripe') {
    if (BARE.test(raw)) return raw;
    throw invalidKey(
      'Idempotency-Key must be 1–255 visible ASCII characters (the stripe dialect).',
      'must be 1–255 characters',
    );
  }
  let value: unknown;
  try {
    [value] = parseItem(raw);
  } catch {
    throw invalidKey(
      `Idempotency-Key is not a structured-field item: send a quoted string, e.g. "${exampleKey(raw)}" (RFC 8941).`,
      'must be a structured-field String, in double quotes',
    );
  }
  if (typeof value !== 'string') {
    throw invalidKey(
      `Idempotency-Key must be a structured-field String, in double quotes: "${exampleKey(raw)}", not ${raw}.`,
      'must be a structured-field String, in double quotes',
    );
  }
  if (value.length < 1 || value.length > MAX_KEY) {
    throw invalidKey(
      'Idempotency-Key must be 1–255 characters long.',
      'must be 1–255 characters long',
    );
  }
  return value;
}

function exampleKey(raw: string): string {
  const cleaned = raw.replace(/[^\x20-\x7e]|["\\]/g, '').trim();
  return cleaned === '' ? 'a-unique-key' : cleaned.slice(0, 40);
}

function invalidKey(detail: string, what: string): ProblemError {
  return new ProblemError('invalid-header', detail, {
    errors: [{ header: IDEMPOTENCY_KEY, detail: what }],
    rule: 'Malformed Idempotency-Key → 400 (draft-ietf-httpapi-idempotency-key-header §2.1)',
  });
}

import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './fingerprint.ts';

/** The same JSON value with every object's members in another order. */
function shuffled(value: unknown, pick: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffled(item, pick));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(pick() * (i + 1));
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, shuffled(item, pick)]));
}

const json = fc.jsonValue({ maxDepth: 3 }).filter((value) => JSON.stringify(value) !== undefined);

describe('fingerprints (SHA-256 of the RFC 8785 canonical JSON)', () => {
  it('do not depend on member order or white space', () => {
    fc.assert(
      fc.property(json, fc.integer(), (value, seed) => {
        let state = seed >>> 0 || 1;
        const pick = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
        const other = shuffled(value, pick);
        const text = JSON.stringify(other, null, 2);
        expect(fingerprintOf(JSON.parse(text), text)).toBe(
          fingerprintOf(value, JSON.stringify(value)),
        );
      }),
    );
  });

  it('differ whenever the canonical forms differ', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        fc.pre(canonicalize(a) !== canonicalize(b));
        expect(fingerprintOf(a, '')).not.toBe(fingerprintOf(b, ''));
      }),
    );
  });

  it('are hex SHA-256; numbers in their shortest form (1.0 is 1)', () => {
    expect(fingerprintOf({ a: 1 }, '')).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf(JSON.parse('{"q": 1.0, "p": "x"}'), '')).toBe(
      fingerprintOf({ p: 'x', q: 1 }, ''),
    );
    expect(fingerprintOf({ q: 2 }, '')).not.toBe(fingerprintOf({ q: 1 }, ''));
  });
});

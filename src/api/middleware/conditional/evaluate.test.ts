import { describe, expect, it } from 'vitest';
import { parseTagCondition } from './entity-tags.ts';
import { evaluatePreconditions, type ConditionalHeaders, type Outcome } from './evaluate.ts';
import { formatHttpDate, parseHttpDate } from './http-date.ts';

const NOW = Date.UTC(2026, 0, 2, 12, 0, 0);
const MODIFIED = Date.UTC(2026, 0, 2, 10, 0, 0);
const current = { etag: { weak: false, opaque: '"v2"' }, lastModifiedMs: MODIFIED };
const BEFORE = formatHttpDate(MODIFIED - 60_000);
const AT = formatHttpDate(MODIFIED);
const AFTER = formatHttpDate(MODIFIED + 60_000);

const none: ConditionalHeaders = {
  ifMatch: null,
  ifNoneMatch: null,
  ifModifiedSince: null,
  ifUnmodifiedSince: null,
};

/**
 * RFC 9110 §13.2.2 as a table: each row is a combination of header fields, for a safe method
 * (GET) and an unsafe one (PUT), and the outcome the RFC's steps give. Malformed validators match
 * nothing; malformed dates are ignored (§13.1.3, §13.1.4).
 */
const TABLE: [string, Partial<ConditionalHeaders>, get: Outcome, put: Outcome][] = [
  ['no preconditions', {}, 'proceed', 'proceed'],
  ['If-Match the current tag', { ifMatch: '"v2"' }, 'proceed', 'proceed'],
  ['If-Match among others', { ifMatch: '"v1", "v2"' }, 'proceed', 'proceed'],
  ['If-Match another tag', { ifMatch: '"v1"' }, 'precondition-failed', 'precondition-failed'],
  ['If-Match: * (it exists)', { ifMatch: '*' }, 'proceed', 'proceed'],
  [
    'If-Match weak: strong comparison fails',
    { ifMatch: 'W/"v2"' },
    'precondition-failed',
    'precondition-failed',
  ],
  [
    'If-Match malformed (no quotes)',
    { ifMatch: 'v2' },
    'precondition-failed',
    'precondition-failed',
  ],
  [
    'If-Match with one bad element',
    { ifMatch: '"v2", nope' },
    'precondition-failed',
    'precondition-failed',
  ],
  ['If-Match empty list elements', { ifMatch: ' , "v2",' }, 'proceed', 'proceed'],
  ['If-Unmodified-Since after the change', { ifUnmodifiedSince: AFTER }, 'proceed', 'proceed'],
  ['If-Unmodified-Since at the change (seconds)', { ifUnmodifiedSince: AT }, 'proceed', 'proceed'],
  [
    'If-Unmodified-Since before the change',
    { ifUnmodifiedSince: BEFORE },
    'precondition-failed',
    'precondition-failed',
  ],
  [
    'If-Unmodified-Since malformed: ignored',
    { ifUnmodifiedSince: '2026-01-01' },
    'proceed',
    'proceed',
  ],
  [
    'If-Unmodified-Since ignored beside If-Match',
    { ifMatch: '"v2"', ifUnmodifiedSince: BEFORE },
    'proceed',
    'proceed',
  ],
  ['If-None-Match the current tag', { ifNoneMatch: '"v2"' }, 'not-modified', 'precondition-failed'],
  [
    'If-None-Match weak comparison',
    { ifNoneMatch: 'W/"v2"' },
    'not-modified',
    'precondition-failed',
  ],
  ['If-None-Match another tag', { ifNoneMatch: '"v1"' }, 'proceed', 'proceed'],
  ['If-None-Match: *', { ifNoneMatch: '*' }, 'not-modified', 'precondition-failed'],
  ['If-None-Match malformed', { ifNoneMatch: 'v2' }, 'proceed', 'proceed'],
  ['If-Modified-Since after the change', { ifModifiedSince: AFTER }, 'not-modified', 'proceed'],
  ['If-Modified-Since at the change', { ifModifiedSince: AT }, 'not-modified', 'proceed'],
  ['If-Modified-Since before the change', { ifModifiedSince: BEFORE }, 'proceed', 'proceed'],
  ['If-Modified-Since malformed: ignored', { ifModifiedSince: 'yesterday' }, 'proceed', 'proceed'],
  [
    'If-Modified-Since ignored beside If-None-Match',
    { ifNoneMatch: '"v1"', ifModifiedSince: AFTER },
    'proceed',
    'proceed',
  ],
  [
    'If-Match fails before If-None-Match is read',
    { ifMatch: '"v1"', ifNoneMatch: '"v1"' },
    'precondition-failed',
    'precondition-failed',
  ],
  [
    'If-Match holds, then If-None-Match matches',
    { ifMatch: '"v2"', ifNoneMatch: '"v2"' },
    'not-modified',
    'precondition-failed',
  ],
  [
    'If-Unmodified-Since fails before If-None-Match',
    { ifUnmodifiedSince: BEFORE, ifNoneMatch: '"v2"' },
    'precondition-failed',
    'precondition-failed',
  ],
];

describe('RFC 9110 §13.2.2, in order', () => {
  it.each(TABLE)('%s', (_, headers, get, put) => {
    const sent = { ...none, ...headers };
    expect(evaluatePreconditions('GET', sent, current, NOW).outcome).toBe(get);
    expect(evaluatePreconditions('HEAD', sent, current, NOW).outcome).toBe(get);
    expect(evaluatePreconditions('PUT', sent, current, NOW).outcome).toBe(put);
  });

  it('traces the steps it looked at, with their section, and names the one that decided', () => {
    const evaluation = evaluatePreconditions(
      'GET',
      { ...none, ifMatch: '"v2"', ifNoneMatch: '"v0", W/"v2"' },
      current,
      NOW,
    );
    expect(evaluation.trace.map((step) => [step.header, step.comparison, step.section])).toEqual([
      ['If-Match', 'strong', 'RFC 9110 §13.1.1'],
      ['If-None-Match', 'weak', 'RFC 9110 §13.1.2'],
    ]);
    expect(evaluation.decidedBy?.header).toBe('If-None-Match');
    expect(evaluation.trace[1]?.detail).toContain('"v0", W/"v2"');
  });

  it('compares dates in whole seconds', () => {
    const within = { ...current, lastModifiedMs: MODIFIED + 999 };
    expect(
      evaluatePreconditions('GET', { ...none, ifModifiedSince: AT }, within, NOW).outcome,
    ).toBe('not-modified');
  });
});

describe('HTTP-date (RFC 9110 §5.6.7)', () => {
  it('reads the three formats, and nothing else', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', NOW)).toBe(expected);
    for (const bad of [
      '',
      '1994-11-06T08:49:37Z',
      'Sun, 6 Nov 1994 08:49:37 GMT',
      'Sun, 06 Nov 1994 08:49:37 UTC',
      'Sun, 31 Feb 1994 08:49:37 GMT',
      'Sun, 06 Nov 1994 25:49:37 GMT',
      'sun, 06 nov 1994 08:49:37 gmt',
      'Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT',
    ])
      expect(parseHttpDate(bad, NOW), bad).toBeUndefined();
  });

  it('writes IMF-fixdate, whole seconds', () => {
    expect(formatHttpDate(Date.UTC(1994, 10, 6, 8, 49, 37, 900))).toBe(
      'Sun, 06 Nov 1994 08:49:37 GMT',
    );
  });

  it('reads an RFC 850 year as at most 50 years ahead', () => {
    expect(
      new Date(parseHttpDate('Monday, 01-Jan-68 00:00:00 GMT', NOW) ?? 0).getUTCFullYear(),
    ).toBe(2068);
    expect(
      new Date(parseHttpDate('Wednesday, 01-Jan-77 00:00:00 GMT', NOW) ?? 0).getUTCFullYear(),
    ).toBe(1977);
  });
});

describe('entity-tag lists (RFC 9110 §8.8.3)', () => {
  it('reads *, lists with weak and strong tags, and refuses anything else', () => {
    expect(parseTagCondition('*')).toEqual({ kind: 'any' });
    expect(parseTagCondition('"a", W/"b"')).toEqual({
      kind: 'tags',
      tags: [
        { weak: false, opaque: '"a"' },
        { weak: true, opaque: '"b"' },
      ],
    });
    for (const bad of ['', 'a', '"a', 'w/"a"', '"a"b', '"a" "b"', '*, "a"', '"with space"x'])
      expect(parseTagCondition(bad).kind, bad).toBe('malformed');
    expect(parseTagCondition('""')).toEqual({
      kind: 'tags',
      tags: [{ weak: false, opaque: '""' }],
    });
  });
});

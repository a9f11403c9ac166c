import { describe, expect, it } from 'vitest';
import { parseHeaderLines } from './parse-headers.ts';

describe('parseHeaderLines', () => {
  it('reads Name: value lines, trimming the value, skipping blanks and comments', () => {
    const parsed = parseHeaderLines(
      'Content-Type: application/json\r\n\n# a comment\nX-Request-Id:   lesson-1  \nX-Empty:',
    );
    expect(parsed.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Request-Id', 'lesson-1'],
      ['X-Empty', ''],
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it('keeps colons inside the value', () => {
    expect(parseHeaderLines('X-Url: http://a.test:8080/x').headers).toEqual([
      ['X-Url', 'http://a.test:8080/x'],
    ]);
  });

  it.each([
    ['Content-Type application/json', 'has no colon'],
    [': value', 'has no header name'],
    ['Content-Type : text/plain', 'space before the colon'],
    ['  folded: line', 'folded lines'],
    ['Bad Name: x', 'not a valid header name'],
    ['X-Bell: a\u0007b', 'control character'],
    ['X-Snow: ☃', 'beyond U+00FF'],
  ])('names the problem with %j instead of throwing', (line, message) => {
    const parsed = parseHeaderLines(`Accept: */*\n${line}`);
    expect(parsed.headers).toEqual([['Accept', '*/*']]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ line: 2, text: line });
    expect(parsed.errors[0]?.message).toContain(message);
  });

  it('warns about headers the browser will not send, but keeps them', () => {
    const parsed = parseHeaderLines('Host: example.com\nSec-Fetch-Mode: cors\nX-Fine: 1');
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.map((warning) => warning.line)).toEqual([1, 2]);
    expect(parsed.headers).toHaveLength(3);
  });

  it('accepts every line that fetch accepts', () => {
    const parsed = parseHeaderLines("X-Token!#$%&'*+.^_`|~: café\tau lait");
    expect(parsed.errors).toEqual([]);
    expect(() => new Headers(parsed.headers)).not.toThrow();
  });
});

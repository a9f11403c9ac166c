import { describe, expect, it } from 'vitest';
import { ProblemError, type FieldError } from './problems.ts';
import { integerParam, parseQuery } from './query.ts';

const parsers = { limit: integerParam(1, 100), offset: integerParam(0, Number.MAX_SAFE_INTEGER) };
const parse = (search: string) => parseQuery(new URL(`http://x/list${search}`), parsers);

function errorsOf(search: string): FieldError[] {
  try {
    parse(search);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).slug).toBe('invalid-parameter');
    return (error as ProblemError).errors ?? [];
  }
  throw new Error(`${search} was accepted`);
}

describe('parseQuery', () => {
  it('reads known parameters and leaves absent ones undefined', () => {
    expect(parse('')).toEqual({});
    expect(parse('?limit=5')).toEqual({ limit: 5 });
    expect(parse('?offset=0&limit=100')).toEqual({ offset: 0, limit: 100 });
    expect(parse('?limit=%31%32')).toEqual({ limit: 12 });
  });

  it.each([
    '?limit=1.5',
    '?limit=1e2',
    '?limit=-1',
    '?limit=',
    '?limit=0',
    '?limit=101',
    '?limit=+5',
    '?limit=%205',
    '?limit=05',
    '?limit=0x10',
    '?limit=1_0',
    '?limit=Infinity',
    '?limit=NaN',
    '?limit=٣',
    '?offset=99999999999999999999',
  ])('%s → 400 naming the parameter', (search) => {
    const name = search.slice(1, search.indexOf('='));
    expect(errorsOf(search)).toEqual([
      { parameter: name, detail: expect.stringMatching(/whole number/) },
    ]);
  });

  it('refuses unknown and repeated parameters, and reports every problem at once', () => {
    expect(errorsOf('?limit=abc&limit=2&limt=3&%zz=1&__proto__=1')).toEqual([
      { parameter: 'limit', detail: expect.stringMatching(/whole number/) },
      { parameter: 'limit', detail: 'is given more than once' },
      { parameter: 'limt', detail: 'is not a known parameter (known: limit, offset)' },
      { parameter: '%zz', detail: expect.stringMatching(/not a known parameter/) },
      { parameter: '__proto__', detail: expect.stringMatching(/not a known parameter/) },
    ]);
  });

  it('names the parameters in the detail', () => {
    try {
      parse('?limit=0&offset=x');
    } catch (error) {
      expect((error as ProblemError).detail).toBe('Invalid query parameter: limit, offset.');
      return;
    }
    throw new Error('accepted');
  });

  it('a route with no parameters refuses any', () => {
    expect(() => parseQuery(new URL('http://x/?a=1'), {})).toThrow(ProblemError);
    expect(parseQuery(new URL('http://x/?'), {})).toEqual({});
  });
});

describe('integerParam', () => {
  it('accepts plain digits within the range, up to MAX_SAFE_INTEGER', () => {
    const any = integerParam(0, Number.MAX_SAFE_INTEGER);
    expect(any.parse('0')).toBe(0);
    expect(any.parse('9007199254740991')).toBe(9007199254740991);
    expect(any.safeParse('9007199254740992').success).toBe(false);
    expect(integerParam(3, 5).safeParse('2').error?.issues[0]?.message).toBe(
      'must be a whole number from 3 to 5',
    );
  });
});

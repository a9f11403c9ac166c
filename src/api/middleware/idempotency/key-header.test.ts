import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../problems.ts';
import { readIdempotencyKey } from './key-header.ts';

const read = (value: string | null, dialect: 'ietf' | 'stripe') =>
  readIdempotencyKey(new Headers(value === null ? {} : { 'Idempotency-Key': value }), dialect);

const refused = (value: string, dialect: 'ietf' | 'stripe') => {
  try {
    read(value, dialect);
  } catch (error) {
    return error instanceof ProblemError ? error.slug : 'other';
  }
  return 'accepted';
};

describe('Idempotency-Key, ietf dialect (a structured-field String, RFC 8941)', () => {
  it.each([
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['"a"', 'a'],
    ['"with space"', 'with space'],
    ['"esc\\"aped"', 'esc"aped'],
    ['"k";v=1', 'k'],
    [`"${'x'.repeat(255)}"`, 'x'.repeat(255)],
  ])('%s → %s', (value, key) => {
    expect(read(value, 'ietf')).toBe(key);
  });

  it.each([
    'bare-token',
    '42',
    '""',
    `"${'x'.repeat(256)}"`,
    '"a", "b"',
    '"unterminated',
    '?1',
    '"é"',
  ])('%s → 400 invalid-header', (value) => {
    expect(refused(value, 'ietf')).toBe('invalid-header');
  });

  it('absent → null', () => {
    expect(read(null, 'ietf')).toBeNull();
  });
});

describe('Idempotency-Key, stripe dialect (the bare value)', () => {
  it.each([
    ['KG5LxwFBepaKHyUD', 'KG5LxwFBepaKHyUD'],
    ['"quoted"', '"quoted"'],
    ['a', 'a'],
    ['x'.repeat(255), 'x'.repeat(255)],
  ])('%s → %s', (value, key) => {
    expect(read(value, 'stripe')).toBe(key);
  });

  it.each(['x'.repeat(256), 'ünï'])('%s → 400 invalid-header', (value) => {
    expect(refused(value, 'stripe')).toBe('invalid-header');
  });
});

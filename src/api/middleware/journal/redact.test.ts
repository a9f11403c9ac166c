import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactBody, redactHeaders } from './redact.ts';

describe('the journal never keeps a secret', () => {
  it('masks password, client_secret and code_verifier in JSON, whatever the string holds', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.constantFrom('password', 'client_secret', 'code_verifier'),
        (secret, name) => {
          fc.pre(!REDACTED.includes(secret));
          const body = JSON.stringify({
            email: 'a@example.com',
            [name]: secret,
            nested: { [name]: secret },
          });
          const shown = redactBody(body) ?? '';
          expect(JSON.parse(shown)).toEqual({
            email: 'a@example.com',
            [name]: REDACTED,
            nested: { [name]: REDACTED },
          });
        },
      ),
    );
  });

  it('masks them in a form body and in malformed JSON, and leaves other bodies alone', () => {
    expect(redactBody('grant_type=x&client_secret=s3cr3t&code_verifier=v')).toBe(
      `grant_type=x&client_secret=${encodeURIComponent(REDACTED)}&code_verifier=${encodeURIComponent(REDACTED)}`,
    );
    expect(redactBody('{"password": "hunter2",')).toBe(`{"password": "${REDACTED}",`);
    expect(redactBody('{"name":"Ada"}')).toBe('{"name":"Ada"}');
    expect(redactBody(null)).toBeNull();
  });

  it('masks Basic credentials, keeps bearer tokens', () => {
    expect(redactHeaders({ authorization: 'Basic YWRhOnNlY3JldA==' })).toEqual({
      authorization: `Basic ${REDACTED}`,
    });
    expect(redactHeaders({ authorization: 'Bearer abc' })).toEqual({ authorization: 'Bearer abc' });
  });
});

import { describe, expect, it } from 'vitest';
import { hashPassword, SEED_PASSWORD, SEED_PASSWORD_HASH, verifyPassword } from './password.ts';

describe('PBKDF2 passwords', () => {
  it('the seed hash is the hash of restlab-demo', async () => {
    expect(await verifyPassword(SEED_PASSWORD, SEED_PASSWORD_HASH)).toBe(true);
    expect(await verifyPassword('restlab-demo!', SEED_PASSWORD_HASH)).toBe(false);
  });

  it('a new hash has its own salt and verifies only its password', async () => {
    const [a, b] = [await hashPassword('correct horse'), await hashPassword('correct horse')];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^pbkdf2-sha256\$600000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
  });

  it('no hash, or a malformed one, never matches', async () => {
    for (const stored of [null, undefined, '', 'pbkdf2-sha256$0$x$y', 'md5$1$2$3'])
      expect(await verifyPassword(SEED_PASSWORD, stored)).toBe(false);
  });
});

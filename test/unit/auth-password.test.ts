/**
 * Password hashing and the password rules (issue 2, item 4; R-03). scrypt at N=2^17 costs about
 * 0.3 s per call, so the whole file runs two hashes and four verifications.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, SCRYPT_COST, verifyPassword } from '../../shared/auth/password';

const PASSWORD = 'Ранний-Журнал-42';
let stored: string;
let second: string;

beforeAll(async () => {
  [stored, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
});

/** Replaces one `$`-separated field of a stored hash. */
function withField(hash: string, index: number, value: string): string {
  const parts = hash.split('$');
  parts[index] = value;
  return parts.join('$');
}

describe('hashPassword', () => {
  it('should store the scheme and OWASP cost N=131072 r=8 p=1, a 16-byte salt and a 32-byte key', () => {
    expect(SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(rest).toEqual([]);
  });

  it('should salt every hash so the same password never gives the same stored form', () => {
    expect(second).not.toBe(stored);
    expect(second.split('$')[4]).not.toBe(stored.split('$')[4]);
  });
});

describe('verifyPassword', () => {
  it('should accept the password that was hashed', async () => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
  });

  it('should refuse a wrong password', async () => {
    await expect(verifyPassword('Ранний-Журнал-43', stored)).resolves.toBe(false);
  });

  it('should refuse the right password against a tampered salt', async () => {
    const salt = Buffer.from(stored.split('$')[4]!, 'base64');
    salt[0] = salt[0]! ^ 0xff;
    await expect(verifyPassword(PASSWORD, withField(stored, 4, salt.toString('base64')))).resolves.toBe(false);
  });

  it('should refuse the right password against a tampered key of the same length', async () => {
    const key = Buffer.from(stored.split('$')[5]!, 'base64');
    key[31] = key[31]! ^ 0x01;
    await expect(verifyPassword(PASSWORD, withField(stored, 5, key.toString('base64')))).resolves.toBe(false);
  });

  // Malformed forms that are refused before any scrypt runs.
  it.each([
    ['an empty string', ''],
    ['a plain string', 'not-a-hash'],
    ['another scheme', 'argon2id$131072$8$1$c2FsdA==$a2V5'],
    ['a missing key', 'scrypt$131072$8$1$c2FsdA=='],
    ['an empty key', 'scrypt$131072$8$1$c2FsdA==$'],
    ['an empty salt', 'scrypt$131072$8$1$$a2V5'],
    ['a missing cost', 'scrypt$$8$1$c2FsdA==$a2V5'],
  ])('should return false without throwing for %s', async (_what, malformed) => {
    await expect(verifyPassword(PASSWORD, malformed)).resolves.toBe(false);
  });
});

describe('verifyPassword against corrupted or hostile stored hashes', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD);
  });

  it.each([
    ['an empty key', (s: string) => s.replace(/\$[^$]+$/, '$!!!!')],
    ['a key cut to 6 bytes', (s: string) => s.replace(/\$([^$]+)$/, (_m, k: string) => '$' + k.slice(0, 8))],
    ['a non-numeric N', (s: string) => s.replace('$131072$', '$abc$')],
    ['an N that is not a power of two', (s: string) => s.replace('$131072$', '$1000$')],
    ['an N that would need gigabytes', (s: string) => s.replace('$131072$', '$1073741824$')],
    ['an r of zero', (s: string) => s.replace('$131072$8$', '$131072$0$')],
  ])('should refuse %s without throwing, even with the right password', async (_what, corrupt) => {
    await expect(verifyPassword(PASSWORD, corrupt(stored))).resolves.toBe(false);
  });
});

describe('passwordProblem', () => {
  it.each([
    ['7 characters', 'Zk7#pQ2', 'не короче 8'],
    ['129 characters', 'Zk7#pQ2w'.repeat(16) + 'x', 'не длиннее 128'],
    ['12345678', '12345678', 'распространён'],
    ['qwertyuiop', 'qwertyuiop', 'распространён'],
    ['QwertyUIOP (case-insensitively)', 'QwertyUIOP', 'распространён'],
    ['йцукенгш', 'йцукенгш', 'распространён'],
    ['ЙЦУКЕНГШ (case-insensitively)', 'ЙЦУКЕНГШ', 'распространён'],
    ['Password1', 'Password1', 'распространён'],
    ['one repeated Latin character', 'zzzzzzzzzz', 'одного повторяющегося символа'],
    ['one repeated Cyrillic character', 'ЖЖЖЖЖЖЖЖЖ', 'одного повторяющегося символа'],
  ])('should refuse %s', (_what, password, reason) => {
    expect(passwordProblem(password)).toContain(reason);
  });

  it('should refuse a password that contains the login, whatever the case', () => {
    expect(passwordProblem('my-IVANOV-2026', 'ivanov')).toBe('Пароль не должен содержать логин.');
    expect(passwordProblem('ivanov.pa55word', 'Ivanov')).toBe('Пароль не должен содержать логин.');
    expect(passwordProblem('мойИВАНОВ2026', 'иванов')).toBe('Пароль не должен содержать логин.');
  });

  it('should give every reason in Russian', () => {
    for (const pw of ['short', 'x'.repeat(129), '12345678', 'zzzzzzzzzz']) {
      expect(passwordProblem(pw)).toMatch(/^Пароль|^Этот пароль/);
    }
  });

  it.each([
    ['exactly 8 characters', 'Zk7#pQ2w'],
    ['exactly 128 characters', 'Zk7#pQ2w'.repeat(16)],
    ['a Russian pass-phrase', 'Ранний-Журнал-42'],
    ['two alternating characters', 'abababab'],
    ['a password not containing the login', 'sunny-meadow-17'],
  ])('should accept %s', (_what, password) => {
    expect(passwordProblem(password, 'ivanov')).toBeNull();
  });

  it('should not treat an empty login as contained in every password', () => {
    expect(passwordProblem('sunny-meadow-17', '')).toBeNull();
  });
});

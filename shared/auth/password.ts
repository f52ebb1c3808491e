/**
 * Password hashing at OWASP's current scrypt cost (N=2^17, r=8, p=1) and the password rules.
 * The stored form names its parameters so that a later cost increase can rehash on sign-in.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
// 128 * N * r bytes are needed (128 MiB); Node's default maxmem is 32 MiB.
const MAXMEM = 256 * 1024 * 1024;

/** `N` below our cost is only for fixtures (the demo school in tests); people always get SCRYPT_COST. */
export async function hashPassword(password: string, N: number = SCRYPT_COST.N): Promise<string> {
  const salt = randomBytes(16);
  const { r, p } = SCRYPT_COST;
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r, p, maxmem: MAXMEM });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** A stored hash we could have written: our scheme, sane parameters, a full-length key. */
function parseStored(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (scheme !== 'scrypt' || !salt || !key) return null;
  // N a power of two up to our cost; r and p small: a corrupted or hostile value must neither
  // throw nor make the server allocate gigabytes.
  if (!Number.isInteger(N) || N < 2 ** 14 || N > SCRYPT_COST.N || (N & (N - 1)) !== 0) return null;
  if (!Number.isInteger(R) || R < 1 || R > 16 || !Number.isInteger(P) || P < 1 || P > 4) return null;
  const expected = Buffer.from(key, 'base64');
  if (expected.length !== KEY_LENGTH) return null;
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64'), expected };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  try {
    const actual = await scrypt(password.normalize('NFKC'), parsed.salt, KEY_LENGTH, {
      N: parsed.N,
      r: parsed.r,
      p: parsed.p,
      maxmem: MAXMEM,
    });
    return timingSafeEqual(actual, parsed.expected);
  } catch {
    return false;
  }
}

/** A hash to verify against when the login does not exist, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-' + randomBytes(8).toString('hex'));
  return dummyHash;
}

/** Returns the Russian reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, login?: string): string | null {
  if (password.length < 8) return 'Пароль должен быть не короче 8 символов.';
  if (password.length > 128) return 'Пароль должен быть не длиннее 128 символов.';
  const lower = password.toLocaleLowerCase('ru-RU');
  if (COMMON_PASSWORDS.has(lower)) return 'Этот пароль слишком распространён, его легко угадать. Выберите другой.';
  if (/^(.)\1+$/.test(password)) return 'Пароль не может состоять из одного повторяющегося символа.';
  if (login && lower.includes(login.toLocaleLowerCase('ru-RU'))) return 'Пароль не должен содержать логин.';
  return null;
}

/**
 * The session token and its cookie (issue 2, item 4): signature, algorithm, issuer, audience and
 * expiry are checked; the cookie is `__Host-`, HttpOnly, Secure and SameSite=Strict.
 */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/roles';
import {
  clearedSessionCookie,
  issueSession,
  readSession,
  SESSION_COOKIE,
  SESSION_COOKIE_INSECURE,
  SESSION_TTL_SECONDS,
  sessionCookie,
  signingKeyFrom,
  tokenFromCookies,
} from '../../shared/auth/session';

const key = signingKeyFrom('unit-test-signing-key-0123456789abcdef');
const otherKey = signingKeyFrom('another-signing-key-0123456789abcdefgh');
const now = new Date('2026-11-29T08:00:00.000Z');
const iat = now.getTime() / 1000;

const principal: Principal = {
  userId: 'u-ivanova',
  departmentId: 'krd',
  displayName: 'Иванова Мария Петровна',
  grants: [
    { role: 'teacher', schoolId: 's1' },
    { role: 'classTeacher', schoolId: 's1', classId: '5a' },
    { role: 'parent', schoolId: 's1', studentId: 'st-1' },
  ],
};

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A token signed by hand with the session key, to vary one claim or the header at a time. */
async function handMade(
  opts: { alg?: string; iss?: string; aud?: string; claims?: Record<string, unknown>; omit?: string[] } = {},
): Promise<string> {
  const times = { ep: 0, auth: iat, act: iat, idle: 0, chk: iat };
  const claims: Record<string, unknown> = { dep: 'krd', name: 'Иванова', grants: principal.grants, csrf: 'c-1', ...times, ...opts.claims };
  for (const c of opts.omit ?? []) delete claims[c];
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' })
    .setIssuer(opts.iss ?? 'zhurnal')
    .setAudience(opts.aud ?? 'zhurnal-web')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 600);
  if (!opts.omit?.includes('sub')) jwt.setSubject('u-ivanova');
  return jwt.sign(key);
}

describe('issueSession and readSession', () => {
  it('should give back the principal, the csrf token and the times it was issued with', async () => {
    const { token, session } = await issueSession(principal, key, now);
    expect(session).toEqual({ principal, csrf: session.csrf, issuedAt: iat, expiresAt: iat + 1800, epoch: 0, authAt: iat, activeAt: iat, idleMinutes: 0, checkedAt: iat });
    expect(session.csrf).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await expect(readSession(token, key, now)).resolves.toEqual(session);
  });

  it('should draw a fresh csrf token for every new session', async () => {
    const a = await issueSession(principal, key, now);
    const b = await issueSession(principal, key, now);
    expect(a.session.csrf).not.toBe(b.session.csrf);
  });

  it('should keep a csrf token that is passed in (renewal)', async () => {
    const { token, session } = await issueSession(principal, key, now, { csrf: 'kept-csrf-token' });
    expect(session.csrf).toBe('kept-csrf-token');
    expect((await readSession(token, key, now))?.csrf).toBe('kept-csrf-token');
  });

  it('should be valid one second before expiry and refused from the expiry second on', async () => {
    const { token } = await issueSession(principal, key, now);
    expect(SESSION_TTL_SECONDS).toBe(1800);
    expect(await readSession(token, key, new Date(now.getTime() + 1799_000))).not.toBeNull();
    await expect(readSession(token, key, new Date(now.getTime() + 1800_000))).resolves.toBeNull();
    await expect(readSession(token, key, new Date(now.getTime() + 86_400_000))).resolves.toBeNull();
  });

  it('should refuse a token signed with another key', async () => {
    const { token } = await issueSession(principal, otherKey, now);
    await expect(readSession(token, key, now)).resolves.toBeNull();
  });

  it('should judge a token already verified (kept for its next request) as the first time: its key, its expiry, fresh objects', async () => {
    const { token } = await issueSession(principal, key, now);
    const first = await readSession(token, key, now);
    first!.principal.grants.push({ role: 'director', schoolId: 's1' });
    expect((await readSession(token, key, now))?.principal.grants).toEqual(principal.grants);
    await expect(readSession(token, otherKey, now)).resolves.toBeNull();
    await expect(readSession(token, key, new Date(now.getTime() + 1800_000))).resolves.toBeNull();
  });

  it('should refuse a token whose signature was altered', async () => {
    const { token } = await issueSession(principal, key, now);
    const [h, p, s] = token.split('.');
    const flipped = (s![0] === 'A' ? 'B' : 'A') + s!.slice(1);
    await expect(readSession(`${h}.${p}.${flipped}`, key, now)).resolves.toBeNull();
  });

  it('should refuse a token whose payload was altered (a grant added)', async () => {
    const { token } = await issueSession(principal, key, now);
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.grants.push({ role: 'director', schoolId: 's1' });
    await expect(readSession(`${h}.${b64url(payload)}.${s}`, key, now)).resolves.toBeNull();
  });

  it('should accept a hand-signed token with the right claims (the helper below is sound)', async () => {
    const s = await readSession(await handMade(), key, now);
    expect(s?.principal).toEqual({ userId: 'u-ivanova', departmentId: 'krd', displayName: 'Иванова', grants: principal.grants });
  });

  it('should refuse an unsigned `alg: none` token', async () => {
    const payload = { sub: 'u-ivanova', dep: 'krd', name: 'x', grants: [{ role: 'director', schoolId: 's1' }], csrf: 'c', iss: 'zhurnal', aud: 'zhurnal-web', iat, exp: iat + 600 };
    const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
    await expect(readSession(token, key, now)).resolves.toBeNull();
  });

  it('should refuse an HS512 token signed with the same key (the algorithm is pinned)', async () => {
    await expect(readSession(await handMade({ alg: 'HS512' }), key, now)).resolves.toBeNull();
  });

  it('should refuse a token for another audience', async () => {
    await expect(readSession(await handMade({ aud: 'zhurnal-mobile' }), key, now)).resolves.toBeNull();
  });

  it('should refuse a token from another issuer', async () => {
    await expect(readSession(await handMade({ iss: 'someone-else' }), key, now)).resolves.toBeNull();
  });

  it.each([['grants'], ['csrf'], ['dep'], ['sub'], ['ep'], ['auth'], ['act'], ['idle'], ['chk']])('should refuse a token missing `%s`', async (claim) => {
    await expect(readSession(await handMade({ omit: [claim] }), key, now)).resolves.toBeNull();
  });

  it('should refuse a token whose grants are not a list', async () => {
    await expect(readSession(await handMade({ claims: { grants: { role: 'director' } } }), key, now)).resolves.toBeNull();
  });

  it('should refuse garbage instead of throwing', async () => {
    await expect(readSession('not.a.jwt', key, now)).resolves.toBeNull();
    await expect(readSession('', key, now)).resolves.toBeNull();
  });
});

describe('session cookies', () => {
  const attrs = (cookie: string) => cookie.split(';').map((s) => s.trim());

  it('should set a __Host- cookie: HttpOnly, Secure, SameSite=Strict, Path=/, no Domain, the session lifetime', () => {
    const cookie = sessionCookie('tok.en.sig', true);
    expect(SESSION_COOKIE).toBe('__Host-zh_session');
    const [pair, ...rest] = attrs(cookie);
    expect(pair).toBe('__Host-zh_session=tok.en.sig');
    expect(rest.sort()).toEqual(['HttpOnly', 'Max-Age=1800', 'Path=/', 'SameSite=Strict', 'Secure']);
    expect(cookie).not.toMatch(/domain=/i);
  });

  it('should drop the prefix and Secure only for plain-http local origins', () => {
    const [pair, ...rest] = attrs(sessionCookie('tok', false));
    expect(pair).toBe(`${SESSION_COOKIE_INSECURE}=tok`);
    expect(rest.sort()).toEqual(['HttpOnly', 'Max-Age=1800', 'Path=/', 'SameSite=Strict']);
  });

  it('should clear the same cookie with an empty value and Max-Age=0', () => {
    const [pair, ...rest] = attrs(clearedSessionCookie(true));
    expect(pair).toBe('__Host-zh_session=');
    expect(rest.sort()).toEqual(['HttpOnly', 'Max-Age=0', 'Path=/', 'SameSite=Strict', 'Secure']);
    expect(attrs(clearedSessionCookie(false))).toContain('Max-Age=0');
    expect(attrs(clearedSessionCookie(false))[0]).toBe('zh_session=');
  });

  it('should pick the session cookie out of several cookies', () => {
    expect(tokenFromCookies(['theme=dark', '__Host-zh_session=aaa.bbb.ccc', 'lang=ru'], true)).toBe('aaa.bbb.ccc');
  });

  it('should pick the session cookie out of one Cookie header with several pairs', () => {
    expect(tokenFromCookies(['theme=dark; __Host-zh_session=aaa.bbb.ccc; lang=ru'], true)).toBe('aaa.bbb.ccc');
  });

  it('should keep `=` inside the value', () => {
    expect(tokenFromCookies(['__Host-zh_session=a=b=c'], true)).toBe('a=b=c');
  });

  it('should ignore an unprefixed cookie when cookies are secure (no fixation from a sibling subdomain)', () => {
    expect(tokenFromCookies(['zh_session=tossed', '__Host-zh_session=real'], true)).toBe('real');
    expect(tokenFromCookies(['zh_session=tossed'], true)).toBeUndefined();
    expect(tokenFromCookies(['zh_session=local', '__Host-zh_session=x'], false)).toBe('local');
  });

  it('should find nothing when there is no session cookie', () => {
    expect(tokenFromCookies(['theme=dark', 'zh_session_old=x', 'Host-zh_session=y'], true)).toBeUndefined();
    expect(tokenFromCookies([], true)).toBeUndefined();
    expect(tokenFromCookies(undefined, true)).toBeUndefined();
  });
});

describe('signingKeyFrom', () => {
  it('should refuse a key shorter than 32 characters', () => {
    expect(() => signingKeyFrom('x'.repeat(31))).toThrow('at least 32 characters');
    expect(() => signingKeyFrom('')).toThrow('at least 32 characters');
  });

  it('should take a key of 32 characters as its UTF-8 bytes', () => {
    const k = signingKeyFrom('k'.repeat(32));
    expect(k).toBeInstanceOf(Uint8Array);
    expect(Array.from(k)).toEqual(Array(32).fill(0x6b));
  });
});

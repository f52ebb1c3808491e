/**
 * The session: a short-lived HS256 JWT (jose) in an HttpOnly, Secure, SameSite=Strict cookie with
 * the `__Host-` prefix. The token carries the principal so that a request needs no extra DynamoDB
 * round trip to know who calls; it is renewed (and the account re-read) every RENEW_AFTER, so a
 * disabled account or a changed role takes effect within that time.
 *
 * CSRF: every state-changing request must send the token's `csrf` claim back in the
 * `X-CSRF-Token` header (synchroniser token). A cross-site page can neither read it nor set the
 * header without a CORS preflight we never allow.
 */
import { jwtVerify, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import type { Principal, RoleGrant } from './roles';

export const SESSION_COOKIE = '__Host-zh_session';
/** The name without the prefix, for local plain-http origins that browsers do not treat as secure. */
export const SESSION_COOKIE_INSECURE = 'zh_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_SECONDS = 30 * 60;
export const RENEW_AFTER_SECONDS = 10 * 60;
const ISSUER = 'zhurnal';
const AUDIENCE = 'zhurnal-web';
const ALG = 'HS256';

export interface Session {
  principal: Principal;
  csrf: string;
  issuedAt: number;
  expiresAt: number;
}

export function signingKeyFrom(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('The session signing key must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

/** `csrf` is kept on renewal so that a page already holding it goes on working. */
export async function issueSession(
  principal: Principal,
  key: Uint8Array,
  now: Date,
  csrf: string = randomBytes(18).toString('base64url'),
): Promise<{ token: string; session: Session }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + SESSION_TTL_SECONDS;
  const token = await new SignJWT({
    dep: principal.departmentId,
    name: principal.displayName,
    grants: principal.grants,
    csrf,
  })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key);
  return { token, session: { principal, csrf, issuedAt: iat, expiresAt: exp } };
}

/** Verifies signature, algorithm, issuer, audience and expiry; null for anything not valid. */
export async function readSession(token: string, key: Uint8Array, now: Date): Promise<Session | null> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALG],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const grants = payload.grants as RoleGrant[] | undefined;
    if (!Array.isArray(grants) || typeof payload.csrf !== 'string' || typeof payload.dep !== 'string') return null;
    return {
      principal: {
        userId: payload.sub!,
        departmentId: payload.dep,
        displayName: String(payload.name ?? ''),
        grants,
      },
      csrf: payload.csrf,
      issuedAt: payload.iat!,
      expiresAt: payload.exp!,
    };
  } catch {
    return null;
  }
}

export function sessionCookie(token: string, secure: boolean): string {
  return secure
    ? `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${SESSION_TTL_SECONDS}`
    : `${SESSION_COOKIE_INSECURE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_SECONDS}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return secure
    ? `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`
    : `${SESSION_COOKIE_INSECURE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}

/**
 * Only the cookie name this deployment sets is read: with secure cookies, an unprefixed
 * `zh_session` planted by a sibling subdomain must not be taken for the `__Host-` one.
 */
export function tokenFromCookies(cookies: string[] | undefined, secure: boolean): string | undefined {
  const wanted = secure ? SESSION_COOKIE : SESSION_COOKIE_INSECURE;
  for (const c of cookies ?? []) {
    for (const part of c.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === wanted) return rest.join('=');
    }
  }
  return undefined;
}

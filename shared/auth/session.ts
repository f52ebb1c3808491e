/**
 * The session: a short-lived HS256 JWT (jose) in an HttpOnly, Secure, SameSite=Strict cookie with
 * the `__Host-` prefix. The token carries the principal so that a request needs no extra DynamoDB
 * round trip to know who calls; it is renewed (and the account re-read) every RENEW_AFTER, so a
 * disabled account or a changed role takes effect within that time.
 *
 * Besides who calls, the token carries what the shared-computer rules (clauses 3.2, 5) need without a
 * database read: the account's session epoch when it was issued (`ep`: a reset code or «Выйти на
 * всех устройствах» raises the account's epoch, and an older token is refused at renewal and on every
 * write), when the password was last entered (`auth`, for sensitive actions), when the person last
 * did something (`act`, restamped at most once a minute) and the idle limit of their school (`idle`,
 * minutes, 0 = none). The rules on them are in ./session-rules.ts.
 *
 * CSRF: every state-changing request must send the token's `csrf` claim back in the
 * `X-CSRF-Token` header (synchroniser token). A cross-site page can neither read it nor set the
 * header without a CORS preflight we never allow.
 */
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
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
  /** The account's session epoch at issue (Account.sessionEpoch). */
  epoch: number;
  /** Seconds: when the password was last entered (sign-in, activation, reauth). */
  authAt: number;
  /** Seconds: the last request seen, to the minute. */
  activeAt: number;
  /** Minutes without a request after which the session ends; 0 = no limit (students, parents). */
  idleMinutes: number;
  /** Seconds: when the account was last read (sign-in, renewal); renewal counts from it, not from `issuedAt`. */
  checkedAt: number;
}

/** What a new token keeps of the session it replaces; each absent one starts afresh at `now`. */
export interface SessionCarry {
  csrf?: string;
  epoch?: number;
  authAt?: number;
  idleMinutes?: number;
  checkedAt?: number;
}

export function signingKeyFrom(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('The session signing key must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

/** `csrf` is kept on renewal so that a page already holding it goes on working. */
export async function issueSession(principal: Principal, key: Uint8Array, now: Date, carry: SessionCarry = {}): Promise<{ token: string; session: Session }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + SESSION_TTL_SECONDS;
  const csrf = carry.csrf ?? randomBytes(18).toString('base64url');
  const epoch = carry.epoch ?? 0;
  const authAt = carry.authAt ?? iat;
  const idleMinutes = carry.idleMinutes ?? 0;
  const checkedAt = carry.checkedAt ?? iat;
  const token = await new SignJWT({
    dep: principal.departmentId,
    name: principal.displayName,
    grants: principal.grants,
    csrf,
    ep: epoch,
    auth: authAt,
    act: iat,
    idle: idleMinutes,
    chk: checkedAt,
  })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key);
  return { token, session: { principal, csrf, issuedAt: iat, expiresAt: exp, epoch, authAt, activeAt: iat, idleMinutes, checkedAt } };
}

/**
 * Tokens this process has verified, per key, with their claims: a browser sends the same token
 * with every request until it is renewed, and a warm function verified it the first time. Only
 * the expiry depends on `now` (no token carries `nbf`, and `iat` is not checked against it), so a
 * hit is checked for that alone and answers exactly what jwtVerify would. The signature check
 * through WebCrypto (and jose importing the raw key every time) was 8 % of the Node time of a
 * mark's request under load. Bounded: the oldest entry goes first.
 */
const verified = new WeakMap<Uint8Array, Map<string, JWTPayload>>();
const VERIFIED_MAX = 2000;

async function verifiedClaims(token: string, key: Uint8Array, now: Date): Promise<JWTPayload> {
  let known = verified.get(key);
  if (!known) verified.set(key, (known = new Map()));
  const hit = known.get(token);
  if (hit) {
    if (hit.exp! <= Math.floor(now.getTime() / 1000)) throw new Error('expired');
    return hit;
  }
  const { payload } = await jwtVerify(token, key, {
    algorithms: [ALG],
    issuer: ISSUER,
    audience: AUDIENCE,
    currentDate: now,
    requiredClaims: ['sub', 'exp', 'iat'],
  });
  if (payload.nbf !== undefined) return payload;
  if (known.size >= VERIFIED_MAX) known.delete(known.keys().next().value!);
  known.set(token, payload);
  return payload;
}

/** Verifies signature, algorithm, issuer, audience and expiry; null for anything not valid. */
export async function readSession(token: string, key: Uint8Array, now: Date): Promise<Session | null> {
  try {
    const payload = await verifiedClaims(token, key, now);
    const grants = payload.grants as RoleGrant[] | undefined;
    if (!Array.isArray(grants) || typeof payload.csrf !== 'string' || typeof payload.dep !== 'string') return null;
    const { ep, auth, act, idle, chk } = payload;
    if (![ep, auth, act, idle, chk].every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
    return {
      principal: {
        userId: payload.sub!,
        departmentId: payload.dep,
        displayName: String(payload.name ?? ''),
        // Copies: the claims stay cached for the token's next request.
        grants: grants.map((g) => ({ ...g })),
      },
      csrf: payload.csrf,
      issuedAt: payload.iat!,
      expiresAt: payload.exp!,
      epoch: ep as number,
      authAt: auth as number,
      activeAt: act as number,
      idleMinutes: idle as number,
      checkedAt: chk as number,
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

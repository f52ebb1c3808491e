/**
 * The session checks of every signed-in request (shared/auth/session-rules.ts), after the token
 * itself is verified:
 * - idle longer than the school's limit: 401 `session_idle` (no database read);
 * - every write, and a renewal every RENEW_AFTER_SECONDS, read the account (one consistent GetItem,
 *   or, on the hot writes marked `callerAccount: 'inBatch'`, inside the write's own BatchGetItem):
 *   a disabled or expired account, or a token older than the account's session epoch, ends there
 *   (401 `session_ended`); a renewal issues a fresh token with the roles as they are now;
 * - a sensitive action with the password entered more than 5 minutes ago: 403 `reauth_required`;
 * - otherwise the activity stamp is renewed at most once a minute (a new cookie, no read).
 * So reads cost no extra round trip; a stolen session ends at once for writes and within
 * RENEW_AFTER_SECONDS (10 minutes) for reads.
 */
import { endedByEpoch, isIdle, needsActivityStamp, needsReauth, ReauthRequiredError, SESSION_ENDED, SESSION_IDLE, SessionEndedError } from '../../shared/auth/session-rules';
import { accessVerdict, ACCESS_MESSAGES } from '../../shared/domain/access';
import { issueSession, RENEW_AFTER_SECONDS, sessionCookie, type Session, type SessionCarry } from '../../shared/auth/session';
import { signingKey } from '../../shared/auth/signing-key';
import { config } from '../../shared/config';
import { UnauthenticatedError } from '../../shared/errors';
import { getAccount, type Account } from '../../shared/repos/accounts';
import { carryFor } from '../../shared/services/session';

/** What a token keeps when it is reissued for the same account state. */
export function keptOf(session: Session): SessionCarry {
  return { csrf: session.csrf, epoch: session.epoch, authAt: session.authAt, idleMinutes: session.idleMinutes, checkedAt: session.checkedAt };
}

/** The account behind a session, if it may still act; else the 401 that ends the session. */
export async function liveAccount(session: Session, now: Date): Promise<Account> {
  return assertLiveAccount(session, await getAccount(session.principal.userId, true), now);
}

/** The same check on an account a handler read itself (routes with `callerAccount: 'inBatch'`). */
export function assertLiveAccount(session: Session, account: Account | null, now: Date): Account {
  if (account && endedByEpoch(session, account.sessionEpoch)) throw new SessionEndedError(SESSION_ENDED);
  const verdict = account
    ? accessVerdict({ status: account.status, activeUntil: account.activeUntil, hasPassword: !!account.passwordHash }, now, config().timeZone)
    : ({ ok: false, reason: 'disabled' } as const);
  if (!account || !verdict.ok) throw new UnauthenticatedError(verdict.ok ? undefined : ACCESS_MESSAGES[verdict.reason]);
  return account;
}

export async function reissue(session: Session, account: Account | null, now: Date, carry: SessionCarry = keptOf(session)) {
  const { principal, carry: full } = account ? await carryFor(account, { ...carry, checkedAt: Math.floor(now.getTime() / 1000) }) : { principal: session.principal, carry };
  const fresh = await issueSession(principal, await signingKey(), now, full);
  return { session: fresh.session, cookie: sessionCookie(fresh.token, config().secureCookies) };
}

/** `writes`: a state-changing request whose handler does not check the caller's account itself. */
export async function guardSession(input: { session: Session; action: string; writes: boolean; now: Date }): Promise<{ session: Session; cookie?: string }> {
  const { session, now } = input;
  if (isIdle(session, now)) throw new SessionEndedError(SESSION_IDLE);
  const renew = now.getTime() / 1000 - session.checkedAt > RENEW_AFTER_SECONDS;
  const account = renew || input.writes ? await liveAccount(session, now) : null;
  if (needsReauth(session, input.action, now)) throw new ReauthRequiredError();
  // Sliding renewal: the account re-read now and then, so a disabled account or a changed role
  // takes effect within RENEW_AFTER_SECONDS rather than at the token's expiry.
  if (renew) return reissue(session, account, now);
  if (needsActivityStamp(session, now)) return reissue(session, null, now);
  return { session };
}

import { accessVerdict, ACCESS_MESSAGES } from '../../shared/domain/access';
import { issueSession, sessionCookie, type Session } from '../../shared/auth/session';
import { signingKey } from '../../shared/auth/signing-key';
import { config } from '../../shared/config';
import { UnauthenticatedError } from '../../shared/errors';
import { getAccount } from '../../shared/repos/accounts';
import { principalOf } from '../../shared/services/principal';

/** Re-reads the account behind an ageing session and issues a fresh one, or ends it. */
export async function renewSession(session: Session, now: Date): Promise<{ session: Session; cookie: string }> {
  const account = await getAccount(session.principal.userId);
  const verdict = account
    ? accessVerdict({ status: account.status, activeUntil: account.activeUntil, hasPassword: !!account.passwordHash }, now, config().timeZone)
    : ({ ok: false, reason: 'disabled' } as const);
  if (!account || !verdict.ok) throw new UnauthenticatedError(verdict.ok ? undefined : ACCESS_MESSAGES[verdict.reason]);
  const fresh = await issueSession(principalOf(account), await signingKey(), now, session.csrf);
  return { session: fresh.session, cookie: sessionCookie(fresh.token, config().secureCookies) };
}

/**
 * Sign-in by login and password, throttled per account and per address. The same answer is given
 * for an unknown login and a wrong password, and both take one scrypt, so neither words nor timing
 * tell which accounts exist.
 */
import { dummyPasswordHash, verifyPassword } from '../auth/password';
import type { Principal } from '../auth/roles';
import { retryAfterSeconds, throttleMessage } from '../auth/throttle';
import { config } from '../config';
import { accessVerdict, ACCESS_MESSAGES } from '../domain/access';
import { dateInZone } from '../domain/calendar';
import { BadRequestError, ForbiddenError, TooManyRequestsError, UnauthenticatedError } from '../errors';
import { findAccountByLogin, recordSignInDay, type Account } from '../repos/accounts';
import { readFailures, recordFailure } from '../repos/throttle';
import { principalOf } from './principal';

export const WRONG_CREDENTIALS = 'Неверный логин или пароль.';

export async function signIn(input: { login: string; password: string; sourceIp: string; now: Date }): Promise<{ account: Account; principal: Principal }> {
  const account = await passwordChecked(input, findAccountByLogin(input.login));
  const verdict = accessVerdict({ status: account.status, activeUntil: account.activeUntil, hasPassword: true }, input.now, config().timeZone);
  if (!verdict.ok) throw new ForbiddenError(ACCESS_MESSAGES[verdict.reason]);
  await signedInOn(account, input.now);
  return { account, principal: principalOf(account) };
}

/**
 * The day of the sign-in on the account, for the families' activity in the monitoring (R-62): only
 * when the account does not say today already (the account was just read), so at most one write a
 * day per person and none on the second sign-in of a day.
 */
async function signedInOn(account: Account, now: Date): Promise<void> {
  const today = dateInZone(now, config().timeZone);
  if (account.lastSignInOn === today) return;
  await recordSignInDay(account.userId, today);
  account.lastSignInOn = today;
}

export const WRONG_PASSWORD = 'Неверный пароль.';

/**
 * The password entered again by a signed-in person (sensitive actions): the same throttle and the
 * same cost as signing in, so a stolen session cannot be used to guess the password either.
 */
export async function confirmPassword(input: { account: Account; password: string; sourceIp: string; now: Date }): Promise<void> {
  try {
    await passwordChecked({ ...input, login: input.account.login }, Promise.resolve(input.account));
  } catch (e) {
    // Not 401: the session is still good, only this password is not.
    if (e instanceof UnauthenticatedError) throw new BadRequestError(WRONG_PASSWORD, { fields: [{ path: 'password', message: WRONG_PASSWORD }] });
    throw e;
  }
}

async function passwordChecked(input: { login: string; password: string; sourceIp: string; now: Date }, found: Promise<Account | null>): Promise<Account> {
  const ids = { ACC: input.login, IP: input.sourceIp };
  const [failures, account] = await Promise.all([readFailures(ids, input.now), found]);
  const wait = retryAfterSeconds(failures, input.now);
  if (wait > 0) throw new TooManyRequestsError(throttleMessage(wait), wait);

  const ok = await verifyPassword(input.password, account?.passwordHash ?? (await dummyPasswordHash()));
  if (!account || !account.passwordHash || !ok) {
    await recordFailure(ids, input.now);
    throw new UnauthenticatedError(WRONG_CREDENTIALS);
  }
  return account;
}

/**
 * What a new session token carries besides the principal (shared/auth/session.ts): the account's
 * session epoch and the idle limit of the person's schools (a school setting, read with the account
 * at sign-in and at each renewal, so that requests in between need no database read).
 */
import { idleLimitFor, idleMinutesOf } from '../auth/session-rules';
import { schoolIdsOf, type Principal } from '../auth/roles';
import type { SessionCarry } from '../auth/session';
import type { Account } from '../repos/accounts';
import { storedIdleLimits } from '../repos/session-settings';
import { principalOf } from './principal';

export async function idleMinutesFor(p: Principal): Promise<number> {
  if (idleLimitFor(p, []) === 0) return 0;
  const stored = await storedIdleLimits(p.departmentId, schoolIdsOf(p));
  return idleLimitFor(p, stored.map(idleMinutesOf));
}

/** The carry of a session that starts now (sign-in, activation) or is renewed from `account`. */
export async function carryFor(account: Account, kept: SessionCarry = {}): Promise<{ principal: Principal; carry: SessionCarry }> {
  const principal = principalOf(account);
  return { principal, carry: { ...kept, epoch: account.sessionEpoch ?? 0, idleMinutes: await idleMinutesFor(principal) } };
}

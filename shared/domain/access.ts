/**
 * Whether an account may sign in now (R-04, clauses 4.1-4.5): access starts when it is issued and
 * ends with employment, transfer, graduation or the end date of a temporary grant.
 */
import { endOfDayInZone, isIsoDate } from './calendar';

export interface AccessFacts {
  status: 'pending' | 'active' | 'disabled';
  activeUntil?: string;
  hasPassword: boolean;
}

export type AccessVerdict = { ok: true } | { ok: false; reason: 'not_activated' | 'disabled' | 'expired' };

/** `timeZone`: the department's zone, in which an account's end date is counted (SCHOOL_TIME_ZONE). */
export function accessVerdict(a: AccessFacts, now: Date, timeZone: string): AccessVerdict {
  if (a.status === 'disabled') return { ok: false, reason: 'disabled' };
  if (a.activeUntil && now.getTime() >= accessEnd(a.activeUntil, timeZone)) return { ok: false, reason: 'expired' };
  if (a.status !== 'active' || !a.hasPassword) return { ok: false, reason: 'not_activated' };
  return { ok: true };
}

/**
 * `activeUntil` is a date (YYYY-MM-DD) inclusive: access ends when that day is over in the zone.
 * A malformed date fails closed: access ends rather than lasting for ever.
 */
function accessEnd(date: string, timeZone: string): number {
  return isIsoDate(date) ? endOfDayInZone(date, timeZone) : -Infinity;
}

export const ACCESS_MESSAGES: Record<Exclude<AccessVerdict, { ok: true }>['reason'], string> = {
  not_activated: 'Учётная запись ещё не активирована. Получите код активации и задайте пароль.',
  disabled: 'Доступ к системе закрыт. Если это ошибка, обратитесь к администратору школы.',
  expired: 'Срок доступа к системе истёк. Для продления обратитесь к администратору школы.',
};

/**
 * Whether an account may sign in now (R-04, clauses 4.1-4.5): access starts when it is issued and
 * ends with employment, transfer, graduation or the end date of a temporary grant.
 */
export interface AccessFacts {
  status: 'pending' | 'active' | 'disabled';
  activeUntil?: string;
  hasPassword: boolean;
}

export type AccessVerdict = { ok: true } | { ok: false; reason: 'not_activated' | 'disabled' | 'expired' };

export function accessVerdict(a: AccessFacts, now: Date): AccessVerdict {
  if (a.status === 'disabled') return { ok: false, reason: 'disabled' };
  if (a.activeUntil && now.getTime() >= endOfDayUtcBound(a.activeUntil)) return { ok: false, reason: 'expired' };
  if (a.status !== 'active' || !a.hasPassword) return { ok: false, reason: 'not_activated' };
  return { ok: true };
}

/**
 * `activeUntil` is a date (YYYY-MM-DD) inclusive; it ends at the end of that day in Moscow (UTC+3,
 * no daylight saving since 2014). A malformed date fails closed: access ends rather than lasting for ever.
 */
function endOfDayUtcBound(date: string): number {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T23:59:59.999+03:00`).getTime() + 1 : NaN;
  return Number.isNaN(end) ? -Infinity : end;
}

export const ACCESS_MESSAGES: Record<Exclude<AccessVerdict, { ok: true }>['reason'], string> = {
  not_activated: 'Учётная запись ещё не активирована. Получите код активации и задайте пароль.',
  disabled: 'Доступ к системе закрыт. Если это ошибка, обратитесь к администратору школы.',
  expired: 'Срок доступа к системе истёк. Для продления обратитесь к администратору школы.',
};

/**
 * Throttling of failed sign-ins, per account and per network address. It slows guessing down
 * instead of locking the account, so a pupil typing a teacher's login cannot lock the teacher out
 * (the teacher, from another address, is slowed only by the per-account limit and only briefly).
 */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const LIMITS = { ACC: 5, IP: 30 } as const;

export type ThrottleKind = keyof typeof LIMITS;

/** The window a moment falls into, as the sort key of its counter. */
export function windowStart(now: Date): string {
  const s = Math.floor(now.getTime() / 1000 / THROTTLE_WINDOW_SECONDS) * THROTTLE_WINDOW_SECONDS;
  return new Date(s * 1000).toISOString();
}

export function windowEndsAt(now: Date): Date {
  return new Date(new Date(windowStart(now)).getTime() + THROTTLE_WINDOW_SECONDS * 1000);
}

/** Seconds to wait before the next try, or 0 when a try is allowed now. */
export function retryAfterSeconds(failures: Partial<Record<ThrottleKind, number>>, now: Date): number {
  const over = (Object.keys(LIMITS) as ThrottleKind[]).some((k) => (failures[k] ?? 0) >= LIMITS[k]);
  if (!over) return 0;
  return Math.max(1, Math.ceil((windowEndsAt(now).getTime() - now.getTime()) / 1000));
}

export function throttleMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Слишком много неудачных попыток входа. Попробуйте снова через ${minutes} мин. Если вы забыли пароль, обратитесь к администратору или классному руководителю за новым кодом активации.`;
}

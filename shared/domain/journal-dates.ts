/**
 * Calendar arithmetic of the journal. Every "day" of the regulation is a day of the school's own
 * time zone (Krasnodar: Europe/Moscow), never UTC: a lesson of 20.11 is on 20.11 in Krasnodar even
 * at 23:30 UTC of 19.11. Dates are YYYY-MM-DD strings; they compare correctly as strings.
 */

const DAY_MS = 86_400_000;

/** The school's date of an instant: YYYY-MM-DD in `timeZone`. */
export function schoolDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 20.11.2026 */
export function ruDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** 20.11 (the journal's column heads) */
export function ruDayMonth(date: string): string {
  const [, m, d] = date.slice(0, 10).split('-');
  return `${d}.${m}`;
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** «1 день», «2 дня», «10 дней». */
export function daysWord(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const word = m10 === 1 && m100 !== 11 ? 'день' : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? 'дня' : 'дней';
  return `${n} ${word}`;
}

/** Dates as Russian schools write them: DD.MM.YYYY, and 24-hour time. */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMPTY = '—';

function parts(date: Date, timeZone: string | undefined, withTime: boolean): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * `2026-09-01` (a calendar date, such as a birth date) is shown as it is, with no time zone shift;
 * an instant (`2026-09-01T06:30:00Z`) is shown as the date in `timeZone` (the browser's by default).
 */
export function formatDate(value: string | Date | undefined | null, timeZone?: string): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  }
  const d = toDate(value);
  if (!d) return EMPTY;
  const p = parts(d, timeZone, false);
  return `${p.day}.${p.month}.${p.year}`;
}

/** An instant as `DD.MM.YYYY HH:MM` in `timeZone` (the browser's by default). */
export function formatDateTime(value: string | Date | undefined | null, timeZone?: string): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  const d = toDate(value);
  if (!d) return EMPTY;
  const p = parts(d, timeZone, true);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** Russian plural form: plural(5, ['день', 'дня', 'дней']) is 'дней'. */
export function plural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const mod10 = Math.abs(n) % 10;
  const mod100 = Math.abs(n) % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** Dates as Russian schools write them: DD.MM.YYYY, and 24-hour time (shared/domain/calendar.ts). */
import { dateInZone, isIsoDate, ruDate, ruDateTimeInZone } from '../../../shared/domain/calendar';

export { plural } from '../../../shared/domain/calendar';

const EMPTY = '—';

/**
 * The zone a screen shows instants in when it knows no school's: Krasnodar's. A load function runs
 * before the school is known, and the browser's own zone may be another (a parent abroad).
 */
export const DEFAULT_SCHOOL_ZONE = 'Europe/Moscow';

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * `2026-09-01` (a calendar date, such as a birth date) is shown as it is, with no time zone shift;
 * an instant (`2026-09-01T06:30:00Z`) is shown as the date in `timeZone` (the browser's by default).
 */
export function formatDate(value: string | Date | undefined | null, timeZone?: string): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (typeof value === 'string' && isIsoDate(value)) return ruDate(value);
  const d = toDate(value);
  return d ? ruDate(dateInZone(d, timeZone ?? browserZone())) : EMPTY;
}

/** An instant as `DD.MM.YYYY HH:MM` in `timeZone` (the browser's by default). */
export function formatDateTime(value: string | Date | undefined | null, timeZone?: string): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  const d = toDate(value);
  return d ? ruDateTimeInZone(d, timeZone ?? browserZone()) : EMPTY;
}

/** A count as a badge shows it: «99+» past 99. */
export function badgeNumber(n: number): string {
  return n > 99 ? '99+' : String(Math.max(0, n));
}

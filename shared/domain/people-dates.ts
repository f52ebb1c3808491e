/**
 * Calendar dates of people's records (birth, enrolment, orders, consent): YYYY-MM-DD, read from
 * what Russian users type (ДД.ММ.ГГГГ) or what Excel stores (a date cell, a serial number).
 * Strict checks and arithmetic of dates are in ./calendar.
 */
import { isRealDate } from './calendar';

export type DateParse = { ok: true; date: string } | { ok: false; message: string };

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');
const RU_RE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/;

/** Excel's day 1 is 1900-01-01 and it counts the non-existent 29.02.1900, hence 25569 for 1970. */
function fromExcelSerial(n: number): string {
  const ms = Math.round((n - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A date from a cell: a Date (exceljs gives date cells as UTC midnight), an Excel serial number,
 * or text as Russians write it (31.12.2015, 31.12.15, 2015-12-31).
 */
export function parseDateCell(value: unknown, what = 'Дата'): DateParse {
  if (value === undefined || value === null || value === '') return { ok: false, message: `${what}: не указана.` };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, message: `${what}: не распознана.` };
    // Excel serials are floating point: 23:59:59.999 of the day before is that day's midnight.
    const d = new Date(Math.round(value.getTime() / 86400000) * 86400000);
    return { ok: true, date: d.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') {
    if (value > 1 && value < 80000) return { ok: true, date: fromExcelSerial(Math.floor(value)) };
    return { ok: false, message: `${what} «${value}» не распознана: ожидается ДД.ММ.ГГГГ.` };
  }
  const text = String(value).trim();
  let y: number, m: number, d: number;
  const iso = ISO_RE.exec(text);
  const ru = RU_RE.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (ru) {
    [d, m, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
    // Two-digit years: 15 -> 2015, 98 -> 1998 (a school has no pupils born before 1930).
    if (ru[3]!.length === 2) y += y <= 50 ? 2000 : 1900;
  } else if (/^\d{5}$/.test(text)) {
    return { ok: true, date: fromExcelSerial(Number(text)) };
  } else {
    return { ok: false, message: `${what} «${text}» не распознана: ожидается ДД.ММ.ГГГГ.` };
  }
  // A year outside 1900-2200 is a slip of the keyboard in a pupil's or an order's record.
  if (y < 1900 || y > 2200 || !isRealDate(y, m, d)) return { ok: false, message: `${what} «${text}» не существует.` };
  return { ok: true, date: `${y}-${pad(m)}-${pad(d)}` };
}

/** Full years of age on a date. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The one calendar of the product. Every "day" of the regulation is a day of the school's own time
 * zone, never UTC: a lesson of 20.11 is on 20.11 in Krasnodar even at 23:30 UTC of 19.11. So a
 * function that turns an instant into a date takes the zone as an argument; none has a default.
 *
 * Dates are plain YYYY-MM-DD strings: they compare correctly as strings and have no zone of their
 * own, so day arithmetic on them is done in UTC, where every day has 24 hours.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD: 2026-02-30 and 2026-13-01 are not. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Whether day d of month m (1-12) exists in year y. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday (the Russian week). */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday of the week of a date. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** 20.11.2026 from 2026-11-20 (or from an instant's first ten characters); anything else as it is. */
export function ruDate(date: string): string {
  const m = ISO_DATE.exec(date.slice(0, 10));
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

/** 20.11 (the journal's column heads). */
export function ruDayMonth(date: string): string {
  return ruDate(date).slice(0, 5);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The Intl formatter of one zone, built once: building one costs more than using it. */
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateFormats.set(timeZone, f);
  }
  return f;
}

type ZoneParts = Readonly<Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>>;

// The parts have minute resolution, so one answer serves every instant of that minute: a request
// asks for "today" several times and formatToParts is the dearest step of it. Bounded: cleared whole.
const partsByMinute = new Map<string, ZoneParts>();
const PARTS_CACHE_MAX = 512;

function partsInZone(at: Date, timeZone: string): ZoneParts {
  const minute = Math.floor(at.getTime() / 60_000);
  const cacheKey = `${timeZone}|${minute}`;
  const cached = partsByMinute.get(cacheKey);
  if (cached) return cached;
  const out = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const p of zoneFormat(timeZone).formatToParts(at)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  if (partsByMinute.size >= PARTS_CACHE_MAX) partsByMinute.clear();
  partsByMinute.set(cacheKey, out);
  return out;
}

/** The school's date of an instant: YYYY-MM-DD in `timeZone`. */
export function dateInZone(at: Date, timeZone: string): string {
  const p = partsInZone(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 20.11.2026 14:05, the wall clock of `timeZone`. */
export function ruDateTimeInZone(at: Date, timeZone: string): string {
  const p = partsInZone(at, timeZone);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/**
 * How a printed time names its zone, after the time: «время московское» as Russian documents say
 * it; any other zone by its IANA name and its offset at `at` (ICU's Russian names are unreliable:
 * it calls Novosibirsk «Красноярск»).
 */
export function zoneLabel(timeZone: string, at: Date): string {
  if (timeZone === 'Europe/Moscow') return 'время московское';
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return `время местное: ${timeZone}, ${offset ?? 'GMT'}`;
}

/**
 * The first instant of a date in a zone (epoch ms). The zone's offset is read at a guess and read
 * again at the result, which settles a daylight-saving change on that day.
 */
export function startOfDayInZone(date: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const offsetAt = (t: number) => {
    const p = partsInZone(new Date(t), timeZone);
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - Math.floor(t / 60_000) * 60_000;
  };
  const guess = midnightUtc - offsetAt(midnightUtc);
  return midnightUtc - offsetAt(guess);
}

/** The instant a date (inclusive) is over in a zone: the first instant of the next day. */
export function endOfDayInZone(date: string, timeZone: string): number {
  return startOfDayInZone(addDays(date, 1), timeZone);
}

/** The instant of a wall-clock time on a date in a zone, as an ISO string (10:00 of 20.11 in Moscow). */
export function instantInZone(date: string, hour: number, minute: number, timeZone: string): string {
  return new Date(startOfDayInZone(date, timeZone) + (hour * 60 + minute) * 60_000).toISOString();
}

/** The school year a date belongs to for planning: from June on, the coming one ('2026' for 2026-06-01). */
export function planningYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  return String(Number(date.slice(5, 7)) >= 6 ? y : y - 1);
}

// --- Russian words for numbers -------------------------------------------------------------------

/** The forms a Russian noun takes after a number: 1 (and 21), 2-4 (and 22-24), 5-20 (and 25-30). */
export type PluralForms = readonly [one: string, few: string, many: string];

// Intl objects are made at first use, never at import: every function bundle holds this file, and
// a cold start should not pay for ICU data it may never need (issue 7 item 5).
let pluralRules: Intl.PluralRules | undefined;

/** The form of a noun after n: plural(5, DAY) is 'дней'. Fractions take the 'few' form (1,5 дня). */
export function plural(n: number, forms: PluralForms): string {
  const kind = (pluralRules ??= new Intl.PluralRules('ru')).select(n);
  return kind === 'one' ? forms[0] : kind === 'many' ? forms[2] : forms[1];
}

/** «5 дней»: the number and its word. */
export function countOf(n: number, forms: PluralForms): string {
  return `${n} ${plural(n, forms)}`;
}

/**
 * A Russian number format (decimal comma) made at its first `format`: the first NumberFormat of a
 * process sets up ICU's number data, ~20 ms that a top-level `new Intl.NumberFormat` charged to the
 * cold start of every function bundling the file, whether or not it formats anything.
 */
export function ruNumberFormat(options: Intl.NumberFormatOptions): Pick<Intl.NumberFormat, 'format'> {
  let made: Intl.NumberFormat | undefined;
  return { format: (n) => (made ??= new Intl.NumberFormat('ru', options)).format(n) };
}

/** «1 день», «2 дня», «5 дней». */
export const DAY: PluralForms = ['день', 'дня', 'дней'];
/** After «не более», «по прошествии» (genitive): «1 дня», «4 дней», «21 дня». */
export const DAY_GENITIVE: PluralForms = ['дня', 'дней', 'дней'];
export const YEAR_OF_AGE: PluralForms = ['год', 'года', 'лет'];

/**
 * The KTP editor's rows: add, change, move and delete, then save the whole list on top of the
 * version the editor started from. Pure functions over arrays; the screen holds the state.
 */
import { hasCyrillic, ktpHoursCheck, rowProblems, totalHours, type HoursCheck, type KtpRow } from '../../../../shared/domain/ktp';

export { rowProblems, totalHours };

/** A row as the editor holds it: hours as typed (text), a stable key for Svelte's keyed each. */
export interface EditRow {
  key: number;
  kind: 'section' | 'topic';
  title: string;
  hours: string;
}

let nextKey = 1;

export function toEditRows(rows: readonly KtpRow[]): EditRow[] {
  return rows.map((r) => ({ key: nextKey++, kind: r.kind, title: r.title, hours: r.kind === 'topic' ? String(r.hours) : '' }));
}

export function newRow(kind: EditRow['kind']): EditRow {
  return { key: nextKey++, kind, title: '', hours: kind === 'topic' ? '1' : '' };
}

/** Hours typed as «2», «2,0» or « 2 » are 2; anything else is NaN and the row is reported. */
export function hoursOf(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.0+)?$/.test(t) ? Number(t) : Number.NaN;
}

export function fromEditRows(rows: readonly EditRow[]): KtpRow[] {
  return rows.map((r) => (r.kind === 'section' ? { kind: 'section', title: r.title.trim() } : { kind: 'topic', title: r.title.trim(), hours: hoursOf(r.hours) }));
}

export function move<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const out = [...rows];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

export function insertAfter<T>(rows: readonly T[], index: number, row: T): T[] {
  return [...rows.slice(0, index + 1), row, ...rows.slice(index + 1)];
}

export function removeAt<T>(rows: readonly T[], index: number): T[] {
  return rows.filter((_, i) => i !== index);
}

/** The check as the rows stand now: the plan's hours change as the teacher types; the curriculum's and timetable's do not. */
export function liveCheck(rows: readonly EditRow[], saved: HoursCheck): HoursCheck {
  const planned = fromEditRows(rows).reduce((s, r) => s + (r.kind === 'topic' && Number.isFinite(r.hours) ? r.hours : 0), 0);
  return ktpHoursCheck({ planned, curriculum: saved.curriculum, timetable: saved.timetable });
}

/** Topic numbers and lesson numbers for display: sections are not numbered. */
export function numbering(rows: readonly EditRow[]): Array<{ n?: number; lessons?: string }> {
  let n = 0;
  let lesson = 0;
  return rows.map((r) => {
    if (r.kind === 'section') return {};
    const h = hoursOf(r.hours);
    n++;
    const from = lesson + 1;
    if (Number.isFinite(h) && h >= 1) lesson += h;
    return { n, lessons: Number.isFinite(h) && h >= 1 ? (h === 1 ? String(from) : `${from}–${lesson}`) : '' };
  });
}

export function lacksRussian(title: string): boolean {
  return title.trim() !== '' && !hasCyrillic(title);
}

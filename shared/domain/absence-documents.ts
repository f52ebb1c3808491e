/**
 * Absence reasons from a document (issue 11 item 4; clause 3.7): the class teacher enters a
 * document once (a medical certificate for 23.11-27.11, say) and it sets the reason of every absence
 * of that pupil in its date range, across all subjects. Clause 3.7: «не позднее 2 рабочих дней после
 * предоставления обучающимся документа»; the document's date stands for the day it was presented.
 * Within those days it applies even where the attendance itself is locked (clause 3.8 locks the
 * subject teacher's entries, not the class teacher's duty of 3.7); after them only a correction
 * request (clause 7.1, its first case) can change a locked reason.
 *
 * Working days: Monday to Friday that are not holidays of the school year for the class's grade.
 * Pure: `today` (the school's date) and the year are passed in.
 */
import { addDays, isIsoDate, ruDate, weekdayOf, daysBetween } from './calendar';
import type { AbsenceReason } from './journal-model';
import { isHoliday, type AcademicYear } from './year';

/** Clause 3.7: the reasons are corrected within 2 working days of the document. */
export const REASON_WORKING_DAYS = 2;
/** A document proves illness or another valid reason; «неуважительная» needs no document. */
export const DOCUMENT_REASONS = ['illness', 'valid'] as const satisfies readonly AbsenceReason[];
export type DocumentReason = (typeof DOCUMENT_REASONS)[number];
export const ABSENCE_DOCUMENT_KIND_MAX = 120;
export const ABSENCE_DOCUMENT_NUMBER_MAX = 40;
/** A certificate covers days or weeks; a term is the longest any document of 3.7 reasonably names. */
export const ABSENCE_RANGE_MAX_DAYS = 92;

export interface AbsenceDocumentDraft {
  studentId: string;
  /** «Медицинская справка», «Заявление родителей», «Справка спортивной школы». */
  kind: string;
  number: string;
  /** ISO date of the document: the 2 working days count from it. */
  date: string;
  /** The days it covers, inclusive. */
  from: string;
  to: string;
  reason: DocumentReason;
}

export interface AbsenceDocumentProblem {
  field: string;
  message: string;
}

export function isWorkingDay(date: string, year: Pick<AcademicYear, 'holidays'>, grade: number): boolean {
  return weekdayOf(date) <= 5 && !isHoliday(year, date, grade);
}

/** The last day on which a document of `date` may still set reasons: its n-th working day after. */
export function reasonDeadline(date: string, year: Pick<AcademicYear, 'holidays'>, grade: number, days = REASON_WORKING_DAYS): string {
  let d = date;
  // A holiday run is at most a few weeks; the bound only guards against a malformed year.
  for (let counted = 0, guard = 0; counted < days && guard < 400; guard++) {
    d = addDays(d, 1);
    if (isWorkingDay(d, year, grade)) counted++;
  }
  return d;
}

/** Why the document may no longer set reasons on `today`, in Russian; null while it may. */
export function deadlineRefusal(date: string, today: string, year: Pick<AcademicYear, 'holidays'>, grade: number): string | null {
  const last = reasonDeadline(date, year, grade);
  if (today <= last) return null;
  return (
    `Причины пропусков по документу от ${ruDate(date)} вносятся не позднее ${REASON_WORKING_DAYS} рабочих дней после него, до ${ruDate(last)} включительно (п. 3.7 Положения). ` +
    'Теперь изменить причину пропуска можно только по заявке на корректировку журнала.'
  );
}

/** Every problem of a document as entered, each at its field. */
export function absenceDocumentProblems(d: AbsenceDocumentDraft, today: string, year: Pick<AcademicYear, 'startDate' | 'endDate'>): AbsenceDocumentProblem[] {
  const problems: AbsenceDocumentProblem[] = [];
  if (!d.kind.trim()) problems.push({ field: 'kind', message: 'Укажите вид документа (например, медицинская справка).' });
  if (!d.number.trim()) problems.push({ field: 'number', message: 'Укажите номер документа.' });
  if (!isIsoDate(d.date)) problems.push({ field: 'date', message: 'Дата документа: укажите дату ДД.ММ.ГГГГ.' });
  else if (d.date > today) problems.push({ field: 'date', message: `Дата документа (${ruDate(d.date)}) ещё не наступила.` });
  const range = isIsoDate(d.from) && isIsoDate(d.to);
  if (!isIsoDate(d.from)) problems.push({ field: 'from', message: 'Начало периода по документу: укажите дату ДД.ММ.ГГГГ.' });
  if (!isIsoDate(d.to)) problems.push({ field: 'to', message: 'Конец периода по документу: укажите дату ДД.ММ.ГГГГ.' });
  if (range && d.from > d.to) problems.push({ field: 'to', message: `Период по документу: конец (${ruDate(d.to)}) раньше начала (${ruDate(d.from)}).` });
  else if (range && daysBetween(d.from, d.to) >= ABSENCE_RANGE_MAX_DAYS) problems.push({ field: 'to', message: `Период по документу — не длиннее ${ABSENCE_RANGE_MAX_DAYS} дней.` });
  else if (range && (d.from < year.startDate || d.to > year.endDate)) {
    problems.push({ field: 'from', message: `Период по документу должен лежать в учебном году класса (${ruDate(year.startDate)}–${ruDate(year.endDate)}).` });
  }
  if (range && d.from > today) problems.push({ field: 'from', message: `Период по документу начинается ${ruDate(d.from)}: пропусков ещё не было.` });
  return problems;
}

/** How the document is written on each absence it explains: «Медицинская справка № 12 от 27.11.2026». */
export function documentText(d: Pick<AbsenceDocumentDraft, 'kind' | 'number' | 'date'>): string {
  return `${d.kind.trim()} № ${d.number.trim()} от ${ruDate(d.date)}`;
}

/**
 * Changes packed in order into transactions of at most `capacity` items: each change costs its cell
 * and its change-log record, each chain (class x period x subject) its head once per transaction.
 * A long illness in many subjects takes several transactions; a week of one pupil takes one.
 */
export function packBatches<T>(changes: readonly T[], chainOf: (c: T) => string, capacity: number): T[][] {
  const batches: T[][] = [[]];
  let used = 0;
  let chains = new Set<string>();
  for (const c of changes) {
    if (used + 2 + (chains.has(chainOf(c)) ? 0 : 1) > capacity) {
      batches.push([]);
      used = 0;
      chains = new Set();
    }
    used += 2 + (chains.has(chainOf(c)) ? 0 : 1);
    chains.add(chainOf(c));
    batches.at(-1)!.push(c);
  }
  return batches;
}

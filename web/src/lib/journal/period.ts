/**
 * The period-mark columns at the right of the journal grid (issue 10, item 8): each student's
 * weighted average, the mark it implies and the period mark. The average is recomputed while the
 * teacher types, by the same pure `justifyPeriod` the server justifies a period mark with, under the
 * period's rules as the period-marks endpoint reports them; so the reason the screen asks for is
 * the one the server would demand (`reasonsRequired`).
 */
import { justifyPeriod, reasonsRequired, ruAverage, type CountedMark, type Justification } from '../../../../shared/domain/mark-justification';
import { finalMarkVerdict, LATE_FLAG } from '../../../../shared/domain/period-mark-rules';
import { FINAL_MARK_TEXT, type FinalMarkCode } from '../../../../shared/domain/period-marks';
import type { MarkThresholds } from '../../../../shared/domain/settings';
import { DEFAULT_WEIGHTS, type WorkTypeId } from '../../../../shared/domain/work-types';
import type { FinalMark, PeriodTable } from '../period-marks/marks';
import { formatDate } from '../format';
import type { JournalPage } from './types';

export { finalMarksApi, needsReason, readCell, windowText, type FinalMark, type PeriodTable } from '../period-marks/marks';

/** What a student's period is judged by: the period's thresholds, weights and minimum of marks. */
export interface PeriodBasis {
  thresholds: MarkThresholds;
  weights: Record<string, number>;
  required: number;
}

/**
 * The period's rules from the period-marks answer: thresholds and the minimum are the subject's
 * (the same for every student); the weights of the work types it has seen are the period's, the
 * others the school's current ones from the page (a period's weights differ only when the school
 * saved new ones after it ended). Null when the answer has no justification (the endpoint failed).
 */
export function periodBasisOf(table: PeriodTable | null, page: Pick<JournalPage, 'weights'>): PeriodBasis | null {
  const students = table?.justification?.students ?? [];
  const first = students[0];
  if (!first) return null;
  const weights: Record<string, number> = { ...page.weights };
  for (const s of students) for (const l of s.lines) weights[l.workType] = l.weight;
  return { thresholds: first.thresholds, weights, required: first.minimum.required };
}

/** A student's period now: the justification of the marks on the screen, as the server will compute it. */
export function standingOf(marks: readonly CountedMark[], basis: PeriodBasis): Justification {
  const weights = { ...DEFAULT_WEIGHTS, ...basis.weights } as Record<WorkTypeId, number>;
  // One step at 0 hours gives the subject's minimum whatever its hours.
  return justifyPeriod(marks, { weights, thresholds: basis.thresholds, minimumMarks: [{ hoursPerWeek: 0, marks: basis.required }] }, 0);
}

/** «4,67» or «—». */
export function averageCell(j: Pick<Justification, 'average'> | null): string {
  return j?.average === null || j?.average === undefined ? '—' : ruAverage(j.average);
}

/** The average cell's tooltip: the formula and the minimum, in words. */
export function averageTitle(j: Justification | null): string {
  if (!j) return '';
  const m = j.minimum;
  return [j.formula ?? 'Текущих отметок нет', `Отметок: ${m.count} при минимуме ${m.required}${m.met ? '' : ' — минимум не выполнен'}`].join('\n');
}

/** Why the typed period mark needs a reason (empty: it needs none), judged as the server will. */
export function reasonCauses(code: FinalMarkCode, j: Justification | null): string[] {
  return j ? reasonsRequired(code, j) : [];
}

/** The period column's header: «Четв.», «Полуг.» (the full title is its tooltip). */
export function periodShort(title: string): string {
  return /^Четверт/.test(title) ? 'Четв.' : /^Полугод/.test(title) ? 'Полуг.' : 'Период';
}

/** What a period cell shows: «4», «н/а». */
export function periodText(m: FinalMark | null | undefined): string {
  return m ? FINAL_MARK_TEXT[m.code] : '';
}

/** The cell's tooltip: the mark with its reason, «с опозданием», who set it and when. */
export function periodTitle(m: FinalMark | null | undefined, timeZone: string): string {
  if (!m) return '';
  return [m.text, m.late ? LATE_FLAG : '', m.setByName && m.setAt ? `${m.setByName}, ${formatDate(m.setAt, timeZone)}` : ''].filter(Boolean).join('; ');
}

export type PeriodLock = { open: true; late: boolean } | { open: false; message: string };

/**
 * May this student's period mark be set or changed today: the window (not yet open, closed) and the
 * mark's own 5-day lock, by the server's `finalMarkVerdict`. The page's `today` is the school's day;
 * 09:00 UTC of it is the same day in every Russian zone.
 */
export function periodLock(table: Pick<PeriodTable, 'window' | 'lockDays'> | null, mark: FinalMark | null | undefined, page: Pick<JournalPage, 'today' | 'rules'>): PeriodLock {
  if (!table?.window) return { open: false, message: 'Отметки за период сейчас недоступны.' };
  const existing = mark?.firstSetAt ? { firstSetAt: mark.firstSetAt } : null;
  const v = finalMarkVerdict({ kind: 'period', ...table.window }, existing, new Date(`${page.today}T09:00:00Z`), page.rules.timeZone, { finalMarks: table.lockDays });
  return v.open ? { open: true, late: v.late } : { open: false, message: v.message };
}

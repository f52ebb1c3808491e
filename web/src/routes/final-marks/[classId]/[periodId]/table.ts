/**
 * The class teacher's table of a class x all subjects for a period (issue 10, item 8): its words
 * and the justification columns. The cells' logic is shared with the year's table and the journal
 * grid (web/src/lib/period-marks/marks.ts) and re-exported here for the screens that import it.
 */
import type { PeriodTable } from '../../../../lib/period-marks/marks';

export {
  cellText,
  cellTitle,
  finalMarksApi,
  markAt,
  needsReason,
  nextRow,
  readCell,
  windowText,
  withMark,
  type CellInput,
  type FinalMark,
  type FinalMarkResult,
  type PeriodTable,
} from '../../../../lib/period-marks/marks';

export type StudentJustification = NonNullable<PeriodTable['justification']>['students'][number];
/** The period's rules that come with a subject's justification: what the what-if counts by. */
export type JustificationRules = NonNullable<PeriodTable['justification']>['rules'];

export const FINAL_TABLE_TEXT = {
  justifyLabel: 'Обоснование по предмету',
  justifyNone: '— выберите предмет —',
  average: 'Средний балл → расчётная',
  formula: 'Расчёт',
  minimum: 'Отметок / минимум',
  noMarks: 'нет отметок',
  student: 'Обучающийся',
  title: (className: string, period: string) => `Отметки за период: ${className}, ${period}`,
  readOnly: 'Только просмотр: отметки за период выставляют учителя предметов и классный руководитель (пп. 3.9, 3.10 положения).',
  grade1: 'В 1 классе отметки не ставятся: за период система записывает «н/оц», за год — «осв» (п. 3.5 положения).',
} as const;

/** «4,83 → «5»», or «нет отметок»: the average with a decimal comma and the mark it implies. */
export function averageText(j: Pick<StudentJustification, 'average' | 'implied'>): string {
  if (j.average === null) return FINAL_TABLE_TEXT.noMarks;
  return `${j.average.toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} → «${j.implied}»`;
}

/** «3 / 5 — не выполнен». */
export function minimumText(j: Pick<StudentJustification, 'minimum'>): string {
  return `${j.minimum.count} / ${j.minimum.required} — ${j.minimum.met ? 'выполнен' : 'не выполнен'}`;
}

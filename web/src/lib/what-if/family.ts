/**
 * The family's screen of a period's marks (issue 10, items 4, 6, 7; the first piece of issue 12's
 * «by subject for a period»): whose marks (the student themself, or a parent's child chosen among
 * theirs), the report's API call and its words. Plain TypeScript, unit-tested without a browser.
 */
import type { z } from 'zod';
import type { currentReportResponse } from '../../../../functions/period-marks/schemas';
import { ruDate } from '../../../../shared/domain/calendar';
import { finalMarkWithReason } from '../../../../shared/domain/mark-justification';
import { send } from '../api';
import type { Me } from '../types';

export type FamilyReport = z.infer<typeof currentReportResponse>;
export type ReportSubject = FamilyReport['subjects'][number];

/** A student whose marks the person may read: themself or one of their children. */
export interface FamilyStudent {
  studentId: string;
  schoolId: string;
  /** «Иванов Пётр, 5А» for a child; the person's own name for a student. */
  name: string;
}

const seg = encodeURIComponent;

export const familyMarksApi = {
  /** `periodId`: another period of the class's year than today's. */
  report: (schoolId: string, studentId: string, periodId?: string | null, classId?: string | null) => {
    const q = [periodId ? `period=${seg(periodId)}` : '', classId ? `class=${seg(classId)}` : ''].filter(Boolean).join('&');
    return send<FamilyReport>('GET', `/api/schools/${seg(schoolId)}/students/${seg(studentId)}/period-report${q ? `?${q}` : ''}`);
  },
};

export const FAMILY_TEXT = {
  title: 'Отметки за период',
  whose: 'Чьи отметки',
  period: (name: string, start: string, end: string) => `${name}: ${ruDate(start)} — ${ruDate(end)}`,
  nobody: 'Отметки за период видят обучающийся и его родители; в вашей учётной записи таких ролей нет.',
  noSubjects: 'В этом периоде у класса пока нет предметов с журналом.',
  periodMark: 'Отметка за период',
  noPeriodMark: 'ещё не выставлена',
  average: 'Средний балл',
  warnings: 'Предупреждения',
  daysLeft: (days: number, lessons: number) => `До конца периода дней: ${days}, уроков: ${lessons}.`,
  whatIf: 'Что если…',
  hideWhatIf: 'Скрыть «Что если…»',
  periods: 'Периоды',
  years: 'Учебные годы',
  year: (name: string, className: string) => `${name}, ${className}`,
  details: 'Уроки, темы и задания',
} as const;

/** The students the person may see the marks of: their own (a student) and their children (a parent), each once. */
export function familyStudents(me: Pick<Me, 'grants' | 'children' | 'displayName'>): FamilyStudent[] {
  const own = me.grants.flatMap((g) => (g.role === 'student' ? [{ studentId: g.studentId, schoolId: g.schoolId, name: me.displayName }] : []));
  const children = me.children.map((c) => ({ studentId: c.studentId, schoolId: c.schoolId, name: c.className ? `${c.displayName}, ${c.className}` : c.displayName }));
  const seen = new Set<string>();
  return [...own, ...children].filter((s) => !seen.has(s.studentId) && seen.add(s.studentId));
}

/** The student the address asks for (`?student=`) if the person may see them, else the first. */
export function chosenStudent(list: readonly FamilyStudent[], asked: string | null): FamilyStudent | null {
  return list.find((s) => s.studentId === asked) ?? list[0] ?? null;
}

/** «5», «н/а (по болезни)», or «ещё не выставлена»: the period mark with its reason. */
export function periodMarkText(mark: ReportSubject['mark']): string {
  return mark ? finalMarkWithReason(mark.code, mark.reason) : FAMILY_TEXT.noPeriodMark;
}

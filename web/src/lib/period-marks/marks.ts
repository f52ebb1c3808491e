/**
 * Period, year, exam and final marks on the screens (issue 10): the API calls, what a cell shows
 * and says, how a typed mark is read (the server's own parser, shared/domain/period-marks.ts),
 * when the screen asks for a reason, the window in words and the keyboard moves. Plain TypeScript,
 * unit-tested without a browser; the class tables and the journal grid's period column use it.
 */
import type { z } from 'zod';
import type { finalMarkResponse, finalMarkView, periodTableResponse, schoolWarningsResponse, warningsResponse, yearTableResponse } from '../../../../functions/period-marks/schemas';
import { ruDate } from '../../../../shared/domain/calendar';
import { FINAL_MARK_TEXT, parseFinalMark, type FinalMarkCode, type FinalMarkKind } from '../../../../shared/domain/period-marks';
import { send } from '../api';
import { newRequestId } from '../journal/grid';

export type PeriodTable = z.infer<typeof periodTableResponse>;
export type YearTable = z.infer<typeof yearTableResponse>;
export type FinalMark = z.infer<typeof finalMarkView>;
export type FinalMarkResult = z.infer<typeof finalMarkResponse>;
export type SubjectColumn = PeriodTable['subjects'][number];
export type ClassWarnings = z.infer<typeof warningsResponse>;
export type SchoolWarnings = z.infer<typeof schoolWarningsResponse>;
export type WarnedStudent = ClassWarnings['students'][number];

const seg = encodeURIComponent;
const classPath = (schoolId: string, classId: string) => `/api/schools/${seg(schoolId)}/classes/${seg(classId)}`;

export const finalMarksApi = {
  table: (schoolId: string, classId: string, periodId: string, subjectId?: string) =>
    send<PeriodTable>('GET', `${classPath(schoolId, classId)}/periods/${seg(periodId)}/period-marks${subjectId ? `?subject=${seg(subjectId)}` : ''}`),
  year: (schoolId: string, classId: string) => send<YearTable>('GET', `${classPath(schoolId, classId)}/year-marks`),
  /** `slot`: a period id, or «year», «exam», «final». */
  put: (schoolId: string, classId: string, slot: string, subjectId: string, studentId: string, body: { code: FinalMarkCode | null; reason?: string | null; version: number }) =>
    send<FinalMarkResult>('PUT', `${classPath(schoolId, classId)}/final-marks/${seg(slot)}/subjects/${seg(subjectId)}/students/${seg(studentId)}`, { ...body, requestId: newRequestId() }),
  classWarnings: (schoolId: string, classId: string, periodId: string) => send<ClassWarnings>('GET', `${classPath(schoolId, classId)}/periods/${seg(periodId)}/early-warnings`),
  schoolWarnings: (schoolId: string, periodId?: string) => send<SchoolWarnings>('GET', `/api/schools/${seg(schoolId)}/early-warnings${periodId ? `?period=${seg(periodId)}` : ''}`),
};

export const MARKS_TEXT = {
  late: 'с опозданием',
  reasonLabel: 'Причина отметки',
  save: 'Сохранить',
  cancel: 'Отмена',
  saved: 'Сохранено',
  student: 'Обучающийся',
  cellLabel: (subject: string, student: string) => `${subject}, ${student}`,
  keys: 'Введите отметку (2–5, «н/а»; для безотметочных предметов «зач»/«незач») и нажмите Enter; пустое значение удаляет отметку. Стрелки вверх и вниз — к соседнему ученику.',
} as const;

/** The cell of a subject and student: its mark, or null. */
export function markAt(marks: readonly FinalMark[], subjectId: string, studentId: string): FinalMark | null {
  return marks.find((m) => m.subjectId === subjectId && m.studentId === studentId) ?? null;
}

/** What a cell shows: «4», «н/а», with «*» for a mark set late (its reason and lateness are in the title). */
export function cellText(m: FinalMark | null): string {
  if (!m) return '';
  return `${FINAL_MARK_TEXT[m.code]}${m.late ? '*' : ''}`;
}

/** The cell's tooltip and accessible description: the mark with its reason, who set it and when. */
export function cellTitle(m: FinalMark | null): string {
  if (!m) return '';
  const parts = [m.text];
  if (m.late) parts.push(MARKS_TEXT.late);
  if (m.setByName && m.setAt) parts.push(`${m.setByName}, ${ruDate(m.setAt)}`);
  return parts.join('; ');
}

type Window = PeriodTable['window'];

/** The window of a kind of marks in words: when they open, are due and close («Годовые отметки» for the year's). */
export function windowText(w: Window, today: string, what = 'Отметки за период'): string {
  if (!w) return '';
  if (today < w.opensOn) return `${what} выставляются с ${ruDate(w.opensOn)}: заранее не ставятся.`;
  if (w.closesOn && today >= w.closesOn) {
    const closed = what === 'Отметки за период' ? 'Период закрыт' : `${what}: приём закрыт`;
    return `${closed} ${ruDate(w.closesOn)}: изменения — только по заявке на корректировку.`;
  }
  const due = w.dueBy ? ` Срок — ${ruDate(w.dueBy)}; позже отметка помечается «с опозданием».` : '';
  return `${what} открыты с ${ruDate(w.opensOn)}.${due}`;
}

export type CellInput = { ok: true; code: FinalMarkCode | null } | { ok: false; message: string };

/** A typed cell, read as the server will read it: the grade, the kind of mark and whether the subject is pass/fail. */
export function readCell(text: string, grade: number, how: { kind?: FinalMarkKind; passFail?: boolean; hasExam?: boolean } = {}): CellInput {
  const parsed = parseFinalMark(text, { grade, kind: how.kind ?? 'period', passFail: how.passFail ?? false, hasExam: how.hasExam ?? false });
  return parsed.ok ? { ok: true, code: parsed.code } : { ok: false, message: parsed.message };
}

/** Whether the server refused for want of a reason (clause 6.1), so the screen asks for one. */
export function needsReason(message: string): boolean {
  return /укажите причину/.test(message);
}

/** The marks after a save: the cell replaced or removed. */
export function withMark(marks: readonly FinalMark[], subjectId: string, studentId: string, next: FinalMark | null): FinalMark[] {
  const rest = marks.filter((m) => !(m.subjectId === subjectId && m.studentId === studentId));
  return next ? [...rest, next] : rest;
}

/** The row index a key moves to (ArrowUp/ArrowDown/Enter), or null for another key. */
export function nextRow(key: string, row: number, rows: number): number | null {
  if (key === 'ArrowDown' || key === 'Enter') return Math.min(rows - 1, row + 1);
  if (key === 'ArrowUp') return Math.max(0, row - 1);
  return null;
}

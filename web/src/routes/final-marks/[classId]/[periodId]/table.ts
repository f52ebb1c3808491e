/**
 * The class teacher's table of a class x all subjects for a period (issue 10, item 8): the logic
 * beside the screen, plain TypeScript so that it is unit-tested without a browser. The cell reads a
 * typed mark with the same parser the server checks it by (shared/domain/period-marks.ts).
 */
import type { z } from 'zod';
import type { finalMarkResponse, finalMarkView, periodTableResponse } from '../../../../../../functions/period-marks/schemas';
import { ruDate } from '../../../../../../shared/domain/calendar';
import { FINAL_MARK_TEXT, parseFinalMark, type FinalMarkCode } from '../../../../../../shared/domain/period-marks';
import { send } from '../../../../lib/api';
import { newRequestId } from '../../../../lib/journal/grid';

export type PeriodTable = z.infer<typeof periodTableResponse>;
export type FinalMark = z.infer<typeof finalMarkView>;
export type FinalMarkResult = z.infer<typeof finalMarkResponse>;

const seg = encodeURIComponent;
const classPath = (schoolId: string, classId: string) => `/api/schools/${seg(schoolId)}/classes/${seg(classId)}`;

export const finalMarksApi = {
  table: (schoolId: string, classId: string, periodId: string, subjectId?: string) =>
    send<PeriodTable>('GET', `${classPath(schoolId, classId)}/periods/${seg(periodId)}/period-marks${subjectId ? `?subject=${seg(subjectId)}` : ''}`),
  put: (schoolId: string, classId: string, slot: string, subjectId: string, studentId: string, body: { code: FinalMarkCode | null; reason?: string | null; version: number }) =>
    send<FinalMarkResult>('PUT', `${classPath(schoolId, classId)}/final-marks/${seg(slot)}/subjects/${seg(subjectId)}/students/${seg(studentId)}`, { ...body, requestId: newRequestId() }),
};

export type StudentJustification = NonNullable<PeriodTable['justification']>['students'][number];

export const FINAL_TABLE_TEXT = {
  justifyLabel: 'Обоснование по предмету',
  justifyNone: '— выберите предмет —',
  average: 'Средний балл → расчётная',
  formula: 'Расчёт',
  minimum: 'Отметок / минимум',
  noMarks: 'нет отметок',
  title: (className: string, period: string) => `Отметки за период: ${className}, ${period}`,
  readOnly: 'Только просмотр: отметки за период выставляют учителя предметов и классный руководитель (пп. 3.9, 3.10 положения).',
  grade1: 'В 1 классе отметки не ставятся: за период система записывает «н/оц», за год — «осв» (п. 3.5 положения).',
  student: 'Обучающийся',
  late: 'с опозданием',
  reasonLabel: 'Причина отметки',
  reasonHint: 'Отметка отличается от расчётной или отметок меньше минимума: укажите причину.',
  save: 'Сохранить',
  cancel: 'Отмена',
  saved: 'Сохранено',
  cellLabel: (subject: string, student: string) => `${subject}, ${student}`,
  keys: 'Введите отметку (2–5, «н/а») и нажмите Enter; пустое значение удаляет отметку. Стрелки вверх и вниз — к соседнему ученику.',
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
  if (m.late) parts.push(FINAL_TABLE_TEXT.late);
  if (m.setByName && m.setAt) parts.push(`${m.setByName}, ${ruDate(m.setAt)}`);
  return parts.join('; ');
}

/** The window of the period's marks in words: when they open, are due and close. */
export function windowText(w: PeriodTable['window'], today: string): string {
  if (!w) return '';
  if (today < w.opensOn) return `Отметки за период выставляются с ${ruDate(w.opensOn)}: заранее не ставятся.`;
  if (w.closesOn && today >= w.closesOn) return `Период закрыт ${ruDate(w.closesOn)}: изменения — только по заявке на корректировку.`;
  const due = w.dueBy ? ` Срок — ${ruDate(w.dueBy)}; позже отметка помечается «с опозданием».` : '';
  return `Отметки за период открыты с ${ruDate(w.opensOn)}.${due}`;
}

export type CellInput = { ok: true; code: FinalMarkCode | null } | { ok: false; message: string };

/** A typed cell, read as the server will read it (grade, pass/fail: every subject takes 2-5 for now). */
export function readCell(text: string, grade: number): CellInput {
  const parsed = parseFinalMark(text, { grade, kind: 'period', passFail: false });
  return parsed.ok ? { ok: true, code: parsed.code } : { ok: false, message: parsed.message };
}

/** Whether the server refused for want of a reason (clause 6.1), so the screen asks for one. */
export function needsReason(message: string): boolean {
  return /укажите причину/.test(message);
}

/** The mark table after a save: the cell replaced or removed. */
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

/** «4,83 → «5»», or «нет отметок»: the average with a decimal comma and the mark it implies. */
export function averageText(j: Pick<StudentJustification, 'average' | 'implied'>): string {
  if (j.average === null) return FINAL_TABLE_TEXT.noMarks;
  return `${j.average.toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} → «${j.implied}»`;
}

/** «3 / 5 — не выполнен». */
export function minimumText(j: Pick<StudentJustification, 'minimum'>): string {
  return `${j.minimum.count} / ${j.minimum.required} — ${j.minimum.met ? 'выполнен' : 'не выполнен'}`;
}

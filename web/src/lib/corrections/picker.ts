/**
 * The blank form's cell picker (issue 11 item 1, «from a form»): a lesson and a pupil of a journal
 * page, what to change, and the value asked for; the value now is read from the page itself, so
 * the request states what the journal holds.
 */
import { attendanceCode } from '../../../../shared/domain/journal-marks';
import { cellsOf, workTypeChoices } from '../journal/grid';
import type { JournalPage, PageLesson } from '../journal/types';
import type { ScopeCell } from './api';

export type PickKind = 'mark' | 'attendance' | 'topic';

export interface Pick {
  lessonId: string;
  studentId: string;
  kind: PickKind;
  workType: string;
  to: string;
}

/** The lessons a request may concern: those already held (a future lesson needs no request). */
export const pastLessons = (page: JournalPage): PageLesson[] => page.lessons.filter((l) => l.date <= page.today);

/** The work types offered for a mark of the lesson: the lesson's own, then «ответ на уроке». */
export const workTypesOf = (lesson: PageLesson | undefined): string[] => workTypeChoices(lesson?.workTypes ?? []);

/** What the journal page holds in the picked cell now (null: empty). */
export function valueNow(page: JournalPage, p: Omit<Pick, 'to'>): string | null {
  const lesson = page.lessons.find((l) => l.lessonId === p.lessonId);
  if (!lesson) return null;
  if (p.kind === 'topic') return lesson.topic ?? null;
  const cell = cellsOf(page)[`${p.studentId}|${p.lessonId}`];
  if (p.kind === 'mark') {
    const m = cell?.marks.find((x) => x.workType === p.workType);
    return m ? String(m.value) : null;
  }
  return cell?.attendance ? attendanceCode(cell.attendance as Parameters<typeof attendanceCode>[0]) : null;
}

/** The scope cell of a pick; `to` empty asks for the cell to be emptied. */
export function cellOfPick(page: JournalPage, p: Pick): ScopeCell | null {
  const lesson = page.lessons.find((l) => l.lessonId === p.lessonId);
  if (!lesson) return null;
  const at = { subjectId: page.subjectId, date: lesson.date, lessonNo: lesson.lessonNo, groupId: lesson.groupId };
  const from = valueNow(page, p);
  const to = p.to.trim() || null;
  if (p.kind === 'topic') return { kind: 'topic', ...at, from, to };
  if (!p.studentId) return null;
  if (p.kind === 'mark') return { kind: 'mark', ...at, studentId: p.studentId, workType: p.workType, from, to };
  return { kind: 'attendance', ...at, studentId: p.studentId, from, to: to?.toLowerCase() ?? null };
}

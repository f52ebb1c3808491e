/**
 * The teacher's day on the home screen (issue 8): today's lessons from the server
 * (GET /api/schools/{id}/journal/today: the timetable with the day's changes and substitutions),
 * each with how far it is filled and a link that opens its journal column. The link carries
 * `?lesson=<lessonId>` («2026-11-30.3.all»): the grid opens on that lesson.
 */
import type { z } from 'zod';
import type { teacherDayResponse } from '../../../../functions/journal/schemas';
import { countOf, ruDate, type PluralForms } from '../../../../shared/domain/calendar';
import { send } from '../api';
import { journalPaths } from '../journal/common';

export type TeacherDay = z.infer<typeof teacherDayResponse>;
export type DayLesson = TeacherDay['lessons'][number];

const MARKS: PluralForms = ['отметка', 'отметки', 'отметок'];
const ABSENT: PluralForms = ['пропуск', 'пропуска', 'пропусков'];

export const DAY_TEXT = {
  title: (date: string) => `Мои уроки сегодня, ${ruDate(date)}`,
  none: 'Сегодня у вас нет уроков по расписанию.',
  failed: 'Не удалось загрузить уроки на сегодня:',
  lessonNo: (n: number) => `${n} урок`,
  room: (room: string) => `каб. ${room}`,
  open: 'Открыть в журнале',
  substitute: 'замена',
  movedIn: 'перенесён на этот урок',
  cancelled: 'урок отменён',
  movedAway: (date?: string, no?: number) => `урок перенесён${date ? ` на ${ruDate(date)}` : ''}${no ? `, ${no} урок` : ''}`,
  handedOver: 'урок ведёт заменяющий учитель',
  notGenerated: 'урока ещё нет в журнале: уроки периода не сформированы',
  topic: (t: string) => `Тема: ${t}`,
  noTopic: 'тема не записана',
  marks: (n: number) => (n === 0 ? 'отметок нет' : countOf(n, MARKS)),
  absent: (n: number) => (n === 0 ? 'пропусков нет' : countOf(n, ABSENT)),
  late: (n: number) => `опозданий: ${n}`,
} as const;

export const dayApi = {
  today: (schoolId: string) => send<TeacherDay>('GET', `/api/schools/${encodeURIComponent(schoolId)}/journal/today`),
};

/** The lesson's journal column: the grid of its class, subject (group) and period, on that lesson. */
export function lessonHref(schoolId: string, l: DayLesson): string | null {
  if (l.state !== 'given' || !l.periodId || !l.lessonId) return null;
  return `${journalPaths.page(schoolId, l.classId, l.subjectId, l.periodId, l.groupId)}&lesson=${encodeURIComponent(l.lessonId)}`;
}

/** Why a lesson of the week is not the teacher's today, or how it became theirs. */
export function changeNote(l: DayLesson): string | null {
  if (l.state === 'cancelled') return DAY_TEXT.cancelled;
  if (l.state === 'movedAway') return DAY_TEXT.movedAway(l.toDate, l.toLessonNo);
  if (l.state === 'handedOver') return DAY_TEXT.handedOver;
  if (l.via === 'substitute') return DAY_TEXT.substitute;
  if (l.via === 'movedIn') return DAY_TEXT.movedIn;
  return null;
}

/** «тема записана · 12 отметок · 2 пропуска», or why there is nothing to fill. */
export function fillLine(l: DayLesson): string[] {
  if (l.state !== 'given') return [];
  if (!l.counts) return [DAY_TEXT.notGenerated];
  return [l.topic ? DAY_TEXT.topic(l.topic) : DAY_TEXT.noTopic, DAY_TEXT.marks(l.counts.marks), DAY_TEXT.absent(l.counts.absent), ...(l.counts.late ? [DAY_TEXT.late(l.counts.late)] : [])];
}

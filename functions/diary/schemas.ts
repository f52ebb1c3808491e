/**
 * Request and response schemas of the diary (issue 12): the week of a student for the family, and
 * the events the deputy or a class teacher publishes. Messages are Russian: screens show them as
 * they are. Shapes only; the rules are shared/domain/diary*.ts.
 */
import * as z from 'zod';
import { EVENT_PLACE_MAX, EVENT_TITLE_MAX } from '../../shared/domain/diary-events';
import { ATTENDANCE_KINDS, ABSENCE_REASONS } from '../../shared/domain/journal-model';
import { finalMarkView, studentReportResponse } from '../period-marks/schemas';
import { dateRangeQuery, idParam, isoDateParam, LESSON_SLOT, periodView } from '../schemas';

export const weekQuery = z.object({ from: isoDateParam('Неделя').optional() });

const audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('school') }),
  z.object({ kind: z.literal('grade'), grade: z.number() }),
  z.object({ kind: z.literal('class'), classId: z.string() }),
]);

export const eventView = z.object({
  eventId: z.string(),
  date: z.string(),
  time: z.string().optional(),
  title: z.string(),
  place: z.string().optional(),
  audience,
  audienceTitle: z.string(),
  publishedByName: z.string(),
  version: z.number(),
});

const mark = z.object({ workType: z.string(), workTypeName: z.string(), value: z.number(), weight: z.number(), comment: z.string().optional() });

export const weekResponse = z.object({
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  className: z.string(),
  today: z.string(),
  from: z.string(),
  to: z.string(),
  previous: z.string(),
  next: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number(),
      today: z.boolean(),
      holiday: z.string().optional(),
      lessons: z.array(
        z.object({
          ...LESSON_SLOT,
          groupName: z.string().optional(),
          teacherName: z.string().optional(),
          room: z.string().optional(),
          cancelled: z.boolean(),
          substituted: z.boolean(),
          movedFrom: z.string().optional(),
          topic: z.string().optional(),
          homework: z.string().optional(),
          individualHomework: z.array(z.string()),
          marks: z.array(mark),
          attendance: z.object({ kind: z.enum(ATTENDANCE_KINDS), reason: z.enum(ABSENCE_REASONS).optional() }).optional(),
        }),
      ),
      events: z.array(eventView),
      orphanMarks: z.array(mark.extend({ subjectId: z.string(), subjectName: z.string(), lessonNo: z.number() })),
    }),
  ),
});

export const eventsQuery = dateRangeQuery;
export const eventsResponse = z.object({ from: z.string(), to: z.string(), events: z.array(eventView) });
/** The family's list: the events, and the year's holidays in those days. */
export const studentEventsResponse = eventsResponse.extend({ holidays: z.array(z.object({ name: z.string(), startDate: z.string(), endDate: z.string() })) });

const text = (what: string, max: number) => z.string({ error: `${what}: ожидается текст.` }).max(max, `${what}: не длиннее ${max} знаков.`);

/** Flat, so that the adapter can see whom the event is for before it reads the body (`peek`). */
export const eventBody = z.object({
  date: isoDateParam('Дата мероприятия'),
  time: z.string({ error: 'Время: ожидается текст ЧЧ:ММ.' }).optional(),
  title: text('Название', EVENT_TITLE_MAX),
  place: text('Место', EVENT_PLACE_MAX).optional(),
  audience: z.enum(['school', 'grade', 'class'], { error: 'Для кого: вся школа (school), параллель (grade) или класс (class).' }),
  grade: z.number({ error: 'Параллель: ожидается число от 1 до 11.' }).int('Параллель — целое число.').optional(),
  classId: idParam('Класс').optional(),
});

export const eventUpdateBody = eventBody.extend({
  version: z.number({ error: 'Не указана версия мероприятия: обновите страницу.' }).int('Версия — целое число.').min(1, 'Версия — не меньше 1.'),
});

export const eventResponse = z.object({ event: eventView });

// --- one subject for a period -------------------------------------------------------------------

const reportSubject = studentReportResponse.shape.subjects.element.shape;

export const subjectQuery = z.object({ period: idParam('Период').optional(), class: idParam('Класс').optional() });

export const subjectResponse = z.object({
  studentId: z.string(),
  classId: z.string(),
  className: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  passFail: z.boolean(),
  today: z.string(),
  period: periodView,
  periods: z.array(periodView),
  rule: z.string(),
  rules: studentReportResponse.shape.rules,
  mark: finalMarkView.nullable(),
  yearMark: finalMarkView.nullable(),
  justification: reportSubject.justification,
  warnings: reportSubject.warnings,
  daysLeft: z.number(),
  lessonsLeft: z.number(),
  lessons: z.array(
    z.object({
      date: z.string(),
      lessonNo: z.number(),
      topic: z.string().optional(),
      homework: z.string().optional(),
      individualHomework: z.array(z.string()),
      marks: z.array(mark.omit({ comment: true })),
      absent: z.boolean(),
    }),
  ),
});

export const yearsResponse = z.object({
  today: z.string(),
  years: z.array(
    z.object({
      classId: z.string(),
      className: z.string(),
      yearId: z.string(),
      yearName: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      current: z.boolean(),
      periods: z.array(periodView),
    }),
  ),
});

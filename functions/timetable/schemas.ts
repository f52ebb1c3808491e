/**
 * Request and response schemas of the timetable area. What makes a slot or a change right (and
 * free of clashes) is in shared/domain/timetable.ts and the services.
 */
import * as z from 'zod';
import { LESSON_SLOT, periodView, shortReason } from '../schemas';

const id = (what: string) => z.string({ error: `Укажите ${what}.` }).regex(/^[A-Za-z0-9_-]{1,40}$/, `Неверное обозначение: ${what}.`);
const date = (what: string) => z.string({ error: `${what}: укажите дату (ГГГГ-ММ-ДД).` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${what}: дата в формате ГГГГ-ММ-ДД.`);
const weekday = z.number({ error: 'Укажите день недели (1 — понедельник … 6 — суббота).' }).int('День недели — целое число от 1 до 6.');
const lessonNo = z.number({ error: 'Укажите номер урока.' }).int('Номер урока — целое число.');
const groupId = z.string({ error: 'Укажите подгруппу или весь класс (all).' }).regex(/^[a-z0-9-]{1,16}$/, 'Неверное обозначение подгруппы.');
const room = z
  .string({ error: 'Кабинет — строка.' })
  .max(20, 'Кабинет: не длиннее 20 знаков.')
  .regex(/^[0-9A-Za-zА-Яа-яЁё .,\/()№-]*$/, 'Кабинет: буквы, цифры, пробел и знаки «.,/()№-».');
const version = z.number({ error: 'Не указана версия: обновите страницу.' }).int('Версия — целое число.').min(1, 'Версия — число от 1.');

export const slotBody = z.object({
  classId: id('класс'),
  weekday,
  lessonNo,
  subjectId: id('предмет'),
  groupId,
  teacherId: id('учителя').optional(),
  room: room.optional(),
});

export const slotUpdateBody = slotBody.omit({ classId: true }).extend({ version });

const slot = z.object({
  schoolId: z.string(),
  yearId: z.string(),
  classId: z.string(),
  weekday: z.number(),
  lessonNo: z.number(),
  subjectId: z.string(),
  groupId: z.string(),
  teacherId: z.string(),
  room: z.string().optional(),
  version: z.number(),
});
export const slotResponse = slot.extend({ slotId: z.string() });

const teacher = z.object({ userId: z.string(), name: z.string(), shortName: z.string(), position: z.string().optional() });

export const classTimetableResponse = z.object({
  class: z.object({ classId: z.string(), name: z.string(), grade: z.number() }),
  slots: z.array(slotResponse),
  lines: z.array(
    z.object({
      schoolId: z.string(),
      yearId: z.string(),
      classId: z.string(),
      subjectId: z.string(),
      subjectName: z.string(),
      shortName: z.string(),
      hoursPerWeek: z.number(),
      teacherId: z.string().optional(),
      groups: z.array(z.object({ groupId: z.string(), name: z.string(), teacherId: z.string() })).optional(),
      version: z.number(),
    }),
  ),
  teachers: z.array(teacher),
  summary: z.array(z.object({ subjectId: z.string(), groupId: z.string(), hoursPerWeek: z.number(), slotsPerWeek: z.number(), lessonsInYear: z.number() })),
});

export const teacherTimetableResponse = z.object({
  teacher,
  slots: z.array(slotResponse.extend({ className: z.string(), subjectName: z.string(), shortName: z.string(), groupName: z.string().optional() })),
});

export const changeBody = z.object({
  classId: id('класс'),
  date: date('Дата урока'),
  lessonNo,
  groupId,
  kind: z.enum(['cancel', 'move', 'substitute'], { error: 'Вид изменения: отмена (cancel), перенос (move) или замена учителя (substitute).' }),
  toDate: date('Дата переноса').optional(),
  toLessonNo: lessonNo.optional(),
  substituteTeacherId: id('замещающего учителя').optional(),
  reason: shortReason('причину изменения', 'болезнь учителя', 'Причина'),
});

const change = z.object({
  classId: z.string(),
  date: z.string(),
  lessonNo: z.number(),
  groupId: z.string(),
  subjectId: z.string(),
  teacherId: z.string(),
  room: z.string().optional(),
  kind: z.enum(['cancel', 'move', 'substitute', 'moveIn']),
  toDate: z.string().optional(),
  toLessonNo: z.number().optional(),
  fromDate: z.string().optional(),
  fromLessonNo: z.number().optional(),
  substituteTeacherId: z.string().optional(),
  reason: z.string(),
  version: z.number(),
});

const regeneration = z.object({
  classId: z.string(),
  periodId: z.string(),
  from: z.string(),
  to: z.string(),
  created: z.number(),
  updated: z.number(),
  removed: z.number(),
  kept: z.number(),
  unchanged: z.number(),
});

export const changeCreatedResponse = z.object({ change: change.extend({ changeId: z.string() }), lessons: z.array(regeneration) });
export const changesResponse = z.object({
  changes: z.array(change.extend({ changeId: z.string(), className: z.string(), subjectName: z.string(), teacherName: z.string(), substituteTeacherName: z.string().optional() })),
});
export const changeDeletedResponse = z.object({ lessons: z.array(regeneration) });

export const generateBody = z.object({
  periodId: z.string({ error: 'Укажите учебный период.' }).regex(/^[A-Za-z0-9_-]{1,32}$/, 'Неверный код периода.'),
  classIds: z.array(id('класс'), { error: 'Классы — список.' }).max(60, 'Не больше 60 классов за раз.').optional(),
  from: date('Формировать с даты').optional(),
  to: date('Формировать по дату').optional(),
});
export const generateResponse = z.object({ results: z.array(regeneration), skipped: z.array(z.string()) });

export const lessonsResponse = z.object({
  class: z.object({ classId: z.string(), name: z.string() }),
  period: periodView,
  lessons: z.array(
    z.object({
      date: z.string(),
      ...LESSON_SLOT,
      teacherId: z.string(),
      teacherName: z.string(),
      room: z.string().optional(),
      status: z.string(),
      plannedTeacherId: z.string().optional(),
      plannedTeacherName: z.string().optional(),
      movedFrom: z.string().optional(),
    }),
  ),
});

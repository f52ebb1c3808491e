/**
 * Request and response schemas of the journal area (R-20 - R-26, R-42). Messages are Russian: the
 * screen shows them as they are. Shapes only; the regulation's rules are the domain's.
 */
import * as z from 'zod';
import { ABSENCE_REASONS, ATTENDANCE_KINDS, LESSON_ID_PATTERN } from '../../shared/domain/journal-model';
import { COMMENT_MAX, DOCUMENT_MAX, HOMEWORK_MAX, MARK_VALUES, STUDIED_MAX, TOPIC_MAX } from '../../shared/domain/journal-marks';
import { WORK_TYPE_IDS, type WorkTypeId } from '../../shared/domain/work-types';
import { EXAM_KINDS } from '../../shared/repos/journal';
import { CHANGE_IN_WORDS, classSubjectGroup, dateRangeQueryWith, entryVersion as version, idParam, LESSON_SLOT, periodView, requestId } from '../schemas';

const id = (what: string) => z.string({ error: `Не указан ${what}.` }).regex(/^[A-Za-z0-9_.-]{1,64}$/, `Неверный ${what}.`);
const lessonId = z.string({ error: 'Не указан урок.' }).regex(LESSON_ID_PATTERN, 'Неверный идентификатор урока.');
const workType = z.enum(WORK_TYPE_IDS as [WorkTypeId, ...WorkTypeId[]], { error: 'Неизвестный вид работы.' });
const text = (max: number, what: string) => z.string({ error: `${what}: ожидается текст.` }).max(max, `${what}: не длиннее ${max} символов.`);

export const markBody = z.object({
  lessonId,
  studentId: id('обучающийся'),
  workType,
  value: z
    .number({ error: 'Отметка — число от 2 до 5 (пусто — удалить отметку).' })
    .refine((v) => (MARK_VALUES as readonly number[]).includes(v), 'Ставятся отметки от 2 до 5.')
    .nullable(),
  comment: text(COMMENT_MAX, 'Комментарий').nullable().optional(),
  version,
  requestId,
});

export const attendanceBody = z.object({
  lessonId,
  studentId: id('обучающийся'),
  kind: z.enum(ATTENDANCE_KINDS, { error: 'Посещаемость: «absent» (пропуск), «late» (опоздание) или пусто.' }).nullable(),
  reason: z.enum(ABSENCE_REASONS, { error: 'Причина пропуска: по болезни, уважительная или неуважительная.' }).nullable().optional(),
  version,
  requestId,
});

export const reasonBody = z.object({
  lessonId,
  studentId: id('обучающийся'),
  reason: z.enum(ABSENCE_REASONS, { error: 'Причина пропуска: по болезни, уважительная или неуважительная.' }),
  document: z
    .string({ error: 'Укажите документ, подтверждающий причину (п. 3.7 положения).' })
    .trim()
    .min(3, 'Укажите документ, подтверждающий причину (п. 3.7 положения).')
    .max(DOCUMENT_MAX, `Документ: не длиннее ${DOCUMENT_MAX} символов.`),
  version,
  requestId,
});

export const lessonBody = z.object({
  topic: text(TOPIC_MAX, 'Тема урока').optional(),
  studied: text(STUDIED_MAX, 'Что изучено на уроке').optional(),
  workTypes: z.array(workType, { error: 'Виды работ: список.' }).max(6, 'Не больше 6 видов работ на уроке.').optional(),
  homework: text(HOMEWORK_MAX, 'Домашнее задание').optional(),
  individualHomework: z
    .array(
      z.object({
        studentIds: z.array(id('обучающийся')).min(1, 'Индивидуальное задание: выберите хотя бы одного обучающегося.').max(40),
        text: text(HOMEWORK_MAX, 'Индивидуальное задание').trim().min(1, 'Индивидуальное задание: напишите задание.'),
      }),
      { error: 'Индивидуальные задания: список.' },
    )
    .max(20, 'Не больше 20 индивидуальных заданий на уроке.')
    .optional(),
  version,
  requestId,
});

export const examBody = z.object({
  studentId: id('обучающийся'),
  kind: z.enum(EXAM_KINDS, { error: 'Вид экзамена: ОГЭ, ЕГЭ или ГВЭ.' }),
  subjectId: id('предмет'),
  date: z.string({ error: 'Укажите дату экзамена.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата экзамена: ГГГГ-ММ-ДД.'),
  score: z.number({ error: 'Балл — число.' }).nullable().optional(),
  mark: z.number({ error: 'Отметка — число.' }).nullable().optional(),
  version,
});

// --- responses -----------------------------------------------------------------------------------

const markView = z.object({
  studentId: z.string(),
  lessonId: z.string(),
  workType: z.string(),
  value: z.number(),
  weight: z.number(),
  comment: z.string().optional(),
  version: z.number(),
});
const attendanceView = z.object({
  studentId: z.string(),
  lessonId: z.string(),
  kind: z.enum(ATTENDANCE_KINDS),
  reason: z.enum(ABSENCE_REASONS).optional(),
  document: z.string().optional(),
  version: z.number(),
});
const individualHomework = z.object({ studentIds: z.array(z.string()), text: z.string() });
const lessonContent = z.object({
  lessonId: z.string(),
  topic: z.string().optional(),
  studied: z.string().optional(),
  workTypes: z.array(z.string()),
  homework: z.string().optional(),
  individualHomework: z.array(individualHomework),
  filledAt: z.string().optional(),
  version: z.number(),
});
const entry = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), version: z.number(), replayed: z.boolean(), warnings: z.array(z.string()).optional() });

export const markResponse = entry(markView);
export const attendanceResponse = entry(attendanceView);
export const lessonResponse = entry(lessonContent);

const fill = z.object({ filled: z.boolean(), dueBy: z.string(), overdue: z.boolean(), late: z.boolean() });
const lockDays = z.object({ currentMarks: z.number(), practicalWorks: z.number(), essays: z.number(), finalMarks: z.number(), fillWithin: z.number() });

export const journalPageResponse = z.object({
  schoolId: z.string(),
  classId: z.string(),
  className: z.string(),
  grade: z.number(),
  subjectId: z.string(),
  subjectName: z.string().optional(),
  periodId: z.string(),
  periodName: z.string().optional(),
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
  groupId: z.string().nullable(),
  groups: z.array(z.object({ groupId: z.string(), name: z.string(), teacherId: z.string() })),
  today: z.string(),
  rules: z.object({ lockDays, marksInAdvanceAllowed: z.boolean(), timeZone: z.string() }),
  weights: z.record(z.string(), z.number()),
  marksAllowed: z.boolean(),
  canWrite: z.boolean(),
  students: z.array(
    z.object({
      studentId: z.string(),
      name: z.string(),
      groupId: z.string().optional(),
      from: z.string().optional(),
      until: z.string().optional(),
      average: z.number().nullable(),
    }),
  ),
  lessons: z.array(
    lessonContent.extend({
      date: z.string(),
      lessonNo: z.number(),
      groupId: z.string(),
      teacherId: z.string().optional(),
      room: z.string().optional(),
      canFill: z.boolean(),
      lock: z.object({
        state: z.enum(['open', 'notYet', 'locked', 'cancelled', 'grade1']),
        message: z.string().optional(),
        lockedFrom: z.string().optional(),
        opensOn: z.string().optional(),
      }),
      fill,
    }),
  ),
  marks: z.array(markView),
  attendance: z.array(attendanceView),
  substitutes: z.array(z.object({ teacherId: z.string(), groupId: z.string(), from: z.string(), to: z.string() })),
  queryPages: z.number(),
});

/** The change log's filters and page (issue 8): subject, student, who changed, dates in the school's zone. */
export const changeLogQuery = dateRangeQueryWith({
  subject: idParam('Предмет').optional(),
  student: idParam('Обучающийся').optional(),
  actor: idParam('Кто изменил').optional(),
  page: z
    .string({ error: 'Страница: целое число от 1.' })
    .regex(/^[1-9]\d{0,5}$/, 'Страница: целое число от 1.')
    .transform(Number)
    .optional(),
});

const choice = z.object({ id: z.string(), name: z.string() });

export const changeLogResponse = z.object({
  records: z.array(
    z.object({
      ...CHANGE_IN_WORDS,
      subjectId: z.string(),
      seq: z.number(),
      at: z.string(),
      actorId: z.string(),
      actorName: z.string(),
      action: z.enum(['create', 'update', 'delete', 'close']),
      entity: z.enum(['mark', 'attendance', 'lesson', 'finalMark', 'period']),
      target: z.object({ lessonId: z.string(), studentId: z.string().optional(), workType: z.string().optional() }),
      old: z.record(z.string(), z.unknown()).nullable(),
      new: z.record(z.string(), z.unknown()).nullable(),
      requestId: z.string().optional(),
      reason: z.string().optional(),
      correctionNo: z.number().optional(),
      // The chain (README «Checking the change log outside the product»).
      partition: z.string(),
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
  heads: z.array(z.object({ subjectId: z.string(), seq: z.number(), hash: z.string() })),
  verification: z.object({
    ok: z.boolean(),
    checked: z.number(),
    problems: z.array(z.object({ subjectId: z.string(), seq: z.number().optional(), message: z.string() })),
  }),
  queryPages: z.number(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  choices: z.object({ subjects: z.array(choice), students: z.array(choice), actors: z.array(choice) }),
  className: z.string(),
  periodName: z.string(),
  /** The school's zone: the times of the records are shown in it, wherever the reader is. */
  timeZone: z.string(),
});

export const rostersResponse = z.object({ classId: z.string(), periodId: z.string(), subjects: z.number(), written: z.number(), students: z.number() });

export const myJournalsResponse = z.object({
  yearId: z.string().nullable(),
  today: z.string(),
  periods: z.record(z.string(), z.array(periodView)),
  teaching: z.array(
    classSubjectGroup.extend({ grade: z.number(), periodId: z.string().nullable() }),
  ),
  classes: z.array(
    z.object({
      classId: z.string(),
      className: z.string(),
      grade: z.number(),
      led: z.boolean(),
      periodId: z.string().nullable(),
      subjects: z.array(z.object({ subjectId: z.string(), subjectName: z.string(), groups: z.array(z.object({ groupId: z.string(), name: z.string() })) })),
    }),
  ),
});

export const classDayResponse = z.object({
  classId: z.string(),
  from: z.string(),
  to: z.string(),
  today: z.string(),
  unfilled: z.number(),
  lessons: z.array(
    z.object({
      lessonId: z.string(),
      periodId: z.string().optional(),
      date: z.string(),
      ...LESSON_SLOT,
      teacherId: z.string().optional(),
      teacherName: z.string().optional(),
      topic: z.string().optional(),
      fill,
    }),
  ),
});

const exam = z.object({
  schoolId: z.string(),
  yearId: z.string(),
  classId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  kind: z.enum(EXAM_KINDS),
  subjectId: z.string(),
  subjectName: z.string(),
  date: z.string(),
  score: z.number().optional(),
  mark: z.number().optional(),
  version: z.number(),
  recordedBy: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export const examListResponse = z.object({ classId: z.string(), grade: z.number(), exams: z.array(exam) });
export const examResponse = exam;

/** The teacher's lessons today (issue 8). */
export const teacherDayResponse = z.object({
  today: z.string(),
  yearId: z.string(),
  lessons: z.array(
    classSubjectGroup.extend({
      room: z.string().optional(),
      lessonNo: z.number(),
      state: z.enum(['given', 'cancelled', 'movedAway', 'handedOver']),
      via: z.enum(['substitute', 'movedIn']).optional(),
      toDate: z.string().optional(),
      toLessonNo: z.number().optional(),
      periodId: z.string().optional(),
      lessonId: z.string().optional(),
      topic: z.string().optional(),
      homework: z.string().optional(),
      counts: z.object({ marks: z.number(), absent: z.number(), late: z.number() }).optional(),
    }),
  ),
});

export const ktpTopicsResponse = z.object({
  plans: z.array(z.object({ groupId: z.string(), approved: z.boolean(), message: z.string().optional() })),
  topics: z.array(z.object({ lessonId: z.string(), n: z.number(), title: z.string(), section: z.string().optional() })),
});

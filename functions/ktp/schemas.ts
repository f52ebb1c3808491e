/**
 * Request and response schemas of the ktp area: the calendar-thematic plan and the schedule
 * of assessment procedures. Messages are Russian; the UI shows them as they are.
 */
import * as z from 'zod';
import { ASSESSMENT_KIND_IDS } from '../../shared/domain/assessments';
import { KTP_LIMITS } from '../../shared/domain/ktp';
import { classSubjectGroup, idParam } from '../schemas';

const version = z
  .number({ error: 'Не указана версия, с которой начиналось изменение: обновите страницу.' })
  .int('Версия должна быть целым числом.')
  .min(0, 'Версия не может быть отрицательной.');

const title = (what: string) =>
  z
    .string({ error: `Укажите ${what}.` })
    .trim()
    .min(1, `Укажите ${what}.`)
    .max(KTP_LIMITS.titleLength, `Текст длиннее ${KTP_LIMITS.titleLength} символов.`);

const row = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('section'), title: title('название раздела') }),
    z.object({
      kind: z.literal('topic'),
      title: title('тему урока'),
      hours: z
        .number({ error: 'Укажите количество часов числом.' })
        .int('Количество часов должно быть целым числом.')
        .min(1, 'Количество часов должно быть не меньше 1.')
        .max(KTP_LIMITS.topicHours, `Количество часов должно быть не больше ${KTP_LIMITS.topicHours}.`),
    }),
  ],
  { error: 'Строка КТП должна быть разделом или темой.' },
);

export const saveKtpBody = z.object({
  version,
  rows: z.array(row, { error: 'Не переданы строки КТП.' }).max(KTP_LIMITS.rows, `В КТП не может быть больше ${KTP_LIMITS.rows} строк.`),
});

export const importKtpBody = z.object({
  fileName: z.string({ error: 'Не указано имя файла.' }).trim().min(1, 'Не указано имя файла.').max(200, 'Имя файла слишком длинное.'),
  /** The file's bytes, base64: JSON is the only body the API takes (a cross-site form cannot send it). */
  content: z
    .string({ error: 'Файл не передан.' })
    .min(1, 'Файл пуст.')
    .max(720_000, 'Файл слишком большой: КТП занимает не больше 512 КБ.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Файл передан повреждённым: выберите его заново.'),
  /** false: only show what the file would give (nothing is stored); true: replace the KTP's rows. */
  apply: z.boolean({ error: 'Укажите, применять ли импорт.' }),
  version,
});

export const approveKtpBody = z.object({ version });

export const reopenKtpBody = z.object({
  version,
  reason: z.string({ error: 'Укажите, что нужно исправить.' }).trim().min(3, 'Укажите, что нужно исправить.').max(500, 'Причина слишком длинная.'),
});

const isoDate = z.string({ error: 'Укажите дату.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата должна быть в формате ГГГГ-ММ-ДД.');
const kind = z.enum(ASSESSMENT_KIND_IDS as [string, ...string[]], { error: 'Выберите вид оценочной процедуры из списка.' });
const id = (what: string) => z.string({ error: `Укажите ${what}.` }).regex(/^[A-Za-z0-9_.-]{1,64}$/, `Неверный идентификатор: ${what}.`);
const assessmentTitle = z.string().trim().max(200, 'Описание длиннее 200 символов.').optional();

export const halfId = z.enum(['h1', 'h2'], { error: 'Укажите полугодие: h1 или h2.' });

/** The schedule of a half-year (the first unless named), of one class or the whole school. */
export const scheduleQuery = z.object({
  half: z.enum(['h1', 'h2'], { error: 'Полугодие указывается как h1 или h2.' }).default('h1'),
  classId: idParam('Класс').optional(),
});

export const createAssessmentBody = z.object({
  halfId,
  classId: id('класс'),
  subjectId: id('предмет'),
  date: isoDate,
  kind,
  title: assessmentTitle,
});

export const updateAssessmentBody = z.object({
  version,
  date: isoDate,
  kind,
  title: assessmentTitle,
});

// --- answers ------------------------------------------------------------------------------------

const rowOut = z.union([
  z.object({ kind: z.literal('section'), title: z.string() }),
  z.object({ kind: z.literal('topic'), title: z.string(), hours: z.number() }),
]);

const hoursCheck = z.object({
  planned: z.number(),
  curriculum: z.number().nullable(),
  timetable: z.number().nullable(),
  status: z.enum(['ok', 'warning', 'mismatch']),
  summary: z.string(),
  findings: z.array(z.string()),
});

const ktpHeader = classSubjectGroup.extend({
  teachers: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  hoursPerWeek: z.number().nullable(),
  exists: z.boolean(),
  status: z.enum(['draft', 'approved']),
  approvedByName: z.string().optional(),
  approvedAt: z.string().optional(),
  updatedByName: z.string().optional(),
  updatedAt: z.string().optional(),
  version: z.number(),
  check: hoursCheck,
});

export const ktpListResponse = z.object({
  yearId: z.string(),
  startsOn: z.string(),
  items: z.array(ktpHeader.extend({ topicCount: z.number() })),
});

export const ktpResponse = ktpHeader.extend({
  rows: z.array(rowOut),
  warnings: z.array(z.string()),
  yearStartsOn: z.string(),
  mayEdit: z.boolean(),
  mayApprove: z.boolean(),
});

const issue = z.object({ row: z.number().nullable(), message: z.string() });

export const importPreviewResponse = z.object({
  applied: z.boolean(),
  format: z.string().optional(),
  rows: z.array(rowOut),
  sourceRows: z.array(z.number()),
  errors: z.array(issue),
  warnings: z.array(issue),
  totalHours: z.number(),
  check: hoursCheck,
  ktp: ktpResponse.optional(),
});

const assessmentOut = z.object({
  classId: z.string(),
  className: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  date: z.string(),
  kind: z.string(),
  kindName: z.string(),
  kindShort: z.string(),
  title: z.string().optional(),
  createdByName: z.string(),
  version: z.number(),
  mayEdit: z.boolean(),
});

const warning = z.object({ classId: z.string(), kind: z.enum(['day', 'week']), date: z.string(), count: z.number(), limit: z.number(), message: z.string() });

export const assessmentScheduleResponse = z.object({
  yearId: z.string(),
  half: z.object({ halfId: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() }),
  limits: z.object({ perDay: z.number(), perWeek: z.number() }),
  classes: z.array(z.object({ classId: z.string(), name: z.string() })),
  weeks: z.array(z.object({ monday: z.string(), sunday: z.string(), days: z.array(z.object({ date: z.string(), holiday: z.string().optional(), inHalf: z.boolean() })) })),
  entries: z.array(assessmentOut),
  warnings: z.array(warning),
  kinds: z.array(z.object({ id: z.string(), name: z.string(), short: z.string() })),
  /** Subjects of the class's curriculum the caller may schedule procedures for. */
  subjects: z.array(z.object({ subjectId: z.string(), name: z.string() })),
});

export const assessmentSavedResponse = z.object({ assessment: assessmentOut, warnings: z.array(warning) });

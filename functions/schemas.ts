/**
 * Schemas shared by every area. Each area keeps its own request and response schemas in
 * functions/<area>/schemas.ts (zod); requests are validated with them and the OpenAPI description is
 * generated from them. Error messages are Russian: the UI shows them as they are.
 */
import * as z from 'zod';

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

// --- query-string parameters ---------------------------------------------------------------------
// Every parameter a handler reads is declared in its route's `query` schema: the adapter validates
// it (400 with these messages) and the OpenAPI document lists it.

/** A calendar day as ГГГГ-ММ-ДД that exists (2026-02-30 does not). */
export const isoDateParam = (what: string) =>
  z.iso.date({ error: `${what}: существующая дата в формате ГГГГ-ММ-ДД.` });

/** An id of ours (ascii, short), as in paths. */
export const idParam = (what: string) => z.string({ error: `${what}: укажите идентификатор.` }).regex(/^[A-Za-z0-9_.-]{1,64}$/, `${what}: неверный идентификатор.`);

// --- body fields and answer parts shared by areas ------------------------------------------------

/** The version of a journal entry the change began from (0: there was none yet); another one is a conflict. */
export const entryVersion = z
  .number({ error: 'Не указана версия записи: обновите страницу.' })
  .int('Версия записи — целое число.')
  .min(0, 'Версия записи не может быть отрицательной.');

/** The client's key of a write: the same key again answers what the first request did, writing nothing. */
export const requestId = z
  .string({ error: 'Не указан ключ повтора запроса (requestId).' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Ключ повтора запроса: от 8 до 64 латинских букв, цифр, «-» или «_».');

/** Fields of one kind named at once (an answer's figures): `{ fillRate: z.number().nullable(), … }` from `fieldsOf(z.number().nullable(), 'fillRate', …)`. */
export const fieldsOf = <K extends string, S extends z.ZodType>(schema: S, ...names: K[]) => Object.fromEntries(names.map((n) => [n, schema])) as Record<K, S>;

/** A study period (quarter, half-year) as answers show it. */
export const periodView = z.object({ periodId: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() });

/** A subject (or its subgroup) taught in a class, with the names the screens show. */
export const classSubjectGroup = z.object({
  classId: z.string(),
  className: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  groupId: z.string(),
  groupName: z.string().optional(),
});

/** A lesson of a day as the day screens list it (the diary, the class's day, the timetable): its number, subject and group. */
export const LESSON_SLOT = { lessonNo: z.number(), subjectId: z.string(), subjectName: z.string(), groupId: z.string() };

/** A journal change in words, as the change log and the corrections' change table (clause 7.5) show it. */
export const CHANGE_IN_WORDS = {
  subjectName: z.string(),
  studentName: z.string().optional(),
  lesson: z.object({ date: z.string(), lessonNo: z.number() }).optional(),
  description: z.string(),
};

/**
 * A short reason in words (a substitution's grounds, a timetable change's cause): trimmed, 3 to 200
 * characters. `what` is the thing asked for («основание замены»), `Label` its name at a sentence's start.
 */
export const shortReason = (what: string, example: string, Label: string) =>
  z.string({ error: `Укажите ${what}.` }).trim().min(3, `Укажите ${what} (например, «${example}»).`).max(200, `${Label} не длиннее 200 знаков.`);

const VERSION_MESSAGE = 'Укажите версию удаляемой записи (?version=…): обновите страницу.';

/** The version a DELETE names in `?version=`: deletes are conditional like updates. */
export const versionQuery = (min = 1) =>
  z.object({
    version: z
      .string({ error: VERSION_MESSAGE })
      .regex(/^\d{1,9}$/, VERSION_MESSAGE)
      .transform(Number)
      .pipe(z.number().int().min(min, VERSION_MESSAGE)),
  });

const DATE_RANGE = { from: isoDateParam('Начало периода').optional(), to: isoDateParam('Конец периода').optional() };
const isOrdered = (q: unknown) => {
  const { from, to } = q as { from?: string; to?: string };
  return !from || !to || from <= to;
};
const ORDER = { error: 'Дата начала периода позже даты окончания.', path: ['to'] };

/** An optional period `?from=&to=`, the start not after the end. */
export const dateRangeQuery = z.object(DATE_RANGE).refine(isOrdered, ORDER);

/** The same period with further parameters. */
export const dateRangeQueryWith = <S extends z.ZodRawShape>(more: S) => z.object({ ...DATE_RANGE, ...more }).refine(isOrdered, ORDER);

/**
 * Request and response schemas of the checks of the electronic journal (issue 13 item 4): the
 * check's fields as a person enters them, and the check with its справка as the screens show it.
 */
import * as z from 'zod';
import { CHECK_STATUSES } from '../../shared/domain/reports/journal-checks';
import { fieldsOf, idParam, isoDateParam, periodView } from '../schemas';

const version = z.number({ error: 'Не указана версия проверки: обновите страницу.' }).int('Неверная версия проверки.').min(1, 'Неверная версия проверки.');
const findings = z.string({ error: 'Запишите выводы и рекомендации проверки.' }).trim().max(4000, 'Выводы и рекомендации: не длиннее 4000 знаков.');
const classIds = z.array(idParam('Класс'), { error: 'Выберите проверенные классы.' }).min(1, 'Выберите хотя бы один проверенный класс.').max(60, 'Не больше 60 классов в одной проверке.');

const FIELDS = {
  date: isoDateParam('Дата проверки'),
  periodId: idParam('Проверяемый период'),
  classIds,
  findings,
};

export const createBody = z.object(FIELDS);

export const updateBody = z.object({
  version,
  ...z.object(FIELDS).partial().shape,
  text: z.string({ error: 'Текст справки — строка.' }).max(20000, 'Текст справки: не длиннее 20 000 знаков.').optional(),
  redraft: z.boolean({ error: 'Неверный признак «сформировать заново».' }).optional(),
});

export const signOffBody = z.object({ version });

const due = z.object({ lastDate: z.string().nullable(), dueBy: z.string().nullable(), overdue: z.boolean(), text: z.string() });

export const figureView = z.object({
  ...fieldsOf(z.string(), 'className', 'subjectName', 'teacherName', 'assessments'),
  ...fieldsOf(z.number().nullable(), 'fillRate', 'noMarkShare', 'oneMarkShare', 'homeworkShare', 'topicShare', 'ktpBehind'),
  lateFills: z.number(),
  problems: z.array(z.string()),
});

const status = z.enum(CHECK_STATUSES);

export const checkResponse = z.object({
  schoolId: z.string(),
  checkId: z.string(),
  yearId: z.string(),
  periodId: z.string(),
  periodName: z.string(),
  date: z.string(),
  classIds: z.array(z.string()),
  classNames: z.array(z.string()),
  checkedBy: z.string(),
  checkedByName: z.string(),
  checkedByTitle: z.string(),
  findings: z.string(),
  text: z.string(),
  figures: z.array(figureView),
  draftedAt: z.string(),
  status,
  signedOffAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const listResponse = z.object({
  today: z.string(),
  due,
  checks: z.array(z.object({ checkId: z.string(), date: z.string(), periodName: z.string(), classNames: z.array(z.string()), checkedByName: z.string(), status, signedOffAt: z.string().optional(), version: z.number() })),
  /** What a new check may name: this school year's periods and classes. */
  yearId: z.string(),
  periods: z.array(periodView),
  classes: z.array(z.object({ classId: z.string(), name: z.string() })),
});

export const dueResponse = z.object({ today: z.string(), due });

/**
 * Request and response schemas of paper progress reports (clause 3.13, R-52). Messages are
 * Russian: the screen shows them as they are. Shapes only; the rules are the domain's
 * (shared/domain/paper-reports.ts), which the service applies after these.
 */
import * as z from 'zod';
import { NUMBER_MAX, PARENT_NAME_MAX } from '../../shared/domain/paper-reports';
import { entryVersion, idParam, isoDateParam } from '../schemas';

const text = (what: string, max: number) =>
  z.string({ error: `${what}: ожидается текст.` }).trim().min(1, `Укажите ${what.toLocaleLowerCase('ru-RU')}.`).max(max, `${what}: не длиннее ${max} знаков.`);

export const applicationBody = z.object({
  studentId: idParam('Обучающийся'),
  date: isoDateParam('Дата заявления'),
  number: text('Номер заявления', NUMBER_MAX),
  parentName: text('ФИО родителя', PARENT_NAME_MAX),
  fromDate: isoDateParam('Дата начала выдачи отчётов'),
});

export const withdrawalBody = z.object({
  date: isoDateParam('Дата заявления об отказе'),
  number: text('Номер заявления об отказе', NUMBER_MAX),
  version: entryVersion,
});

export const handOverBody = z.object({
  date: isoDateParam('Дата вручения'),
  version: entryVersion,
});

const withdrawal = z.object({ date: z.string(), number: z.string(), recordedById: z.string(), recordedByName: z.string(), recordedAt: z.string() });

export const application = z.object({
  applicationId: z.string(),
  schoolId: z.string(),
  classId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  date: z.string(),
  number: z.string(),
  parentName: z.string(),
  fromDate: z.string(),
  recordedById: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  withdrawal: withdrawal.optional(),
  version: z.number(),
});

const handOver = z.object({ date: z.string(), byId: z.string(), byName: z.string(), at: z.string() });

export const report = z.object({
  schoolId: z.string(),
  yearId: z.string(),
  classId: z.string(),
  className: z.string(),
  grade: z.number(),
  fortnightId: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  generatedOn: z.string(),
  deadline: z.string(),
  overdue: z.number(),
  pupils: z.array(z.object({ studentId: z.string(), name: z.string(), parentName: z.string(), applicationId: z.string(), handedOver: handOver.optional(), overdue: z.boolean() })),
  version: z.number(),
});

export const classResponse = z.object({
  class: z.object({ classId: z.string(), name: z.string(), classTeacherName: z.string().optional() }),
  today: z.string(),
  handOverWorkingDays: z.number(),
  students: z.array(z.object({ studentId: z.string(), name: z.string() })),
  applications: z.array(application),
  reports: z.array(report),
});

export const applicationResponse = z.object({ application });
export const applicationsResponse = z.object({ applications: z.array(application) });
export const reportResponse = z.object({ report });
export const pdfResponse = z.object({ pdf: z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), base64: z.string() }) });
export const overdueResponse = z.object({
  total: z.number(),
  classes: z.array(z.object({ classId: z.string(), className: z.string(), overdue: z.number() })),
});

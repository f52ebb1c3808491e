/**
 * The period close as the deputy follows it (R-40; issue 14): the year's periods with their close's
 * state, and one period's close class by class with its findings and stored documents. Reads only:
 * the close itself is the scheduled job's (functions/jobs/close-period.ts).
 */
import * as z from 'zod';
import type { RouteSpec } from '../route-spec';

const SCHOOL = '/api/schools/{schoolId}';
const periodState = z.enum(['notDue', 'due', 'running', 'done']);

export const closesResponse = z.object({
  schoolName: z.string(),
  today: z.string(),
  yearId: z.string(),
  periods: z.array(
    z.object({
      periodId: z.string(),
      name: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      closeDay: z.string(),
      state: periodState,
      stateText: z.string(),
      classesDone: z.number(),
      classesTotal: z.number(),
      closedOn: z.string().optional(),
    }),
  ),
});

const subjectFindings = z.object({
  subjectId: z.string(),
  subjectName: z.string(),
  unfilledLessons: z.number(),
  unfilledDates: z.array(z.string()),
  withoutPeriodMark: z.array(z.object({ studentId: z.string(), name: z.string() })),
  ktpHoursBehind: z.number(),
  ktpMissing: z.number(),
});

export const closeResponse = z.object({
  schoolName: z.string(),
  today: z.string(),
  yearId: z.string(),
  periodId: z.string(),
  periodName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  closeDay: z.string(),
  state: periodState,
  stateText: z.string(),
  closedOn: z.string().optional(),
  startedAt: z.string().optional(),
  doneAt: z.string().optional(),
  manifest: z.object({ fileName: z.string(), sha256: z.string(), bytes: z.number() }).optional(),
  classes: z.array(
    z.object({
      classId: z.string(),
      className: z.string(),
      state: z.enum(['pending', 'locked', 'done']),
      stateText: z.string(),
      lockedAt: z.string().optional(),
      doneAt: z.string().optional(),
      findings: z
        .object({ subjects: z.array(subjectFindings), unfilledLessons: z.number(), withoutPeriodMark: z.number(), ktpHoursBehind: z.number(), ktpMissing: z.number() })
        .optional(),
      findingsText: z.array(z.string()).optional(),
      integrity: z
        .object({ ok: z.boolean(), records: z.number(), cells: z.number(), differences: z.number(), chainProblems: z.number(), examples: z.array(z.string()) })
        .optional(),
      documents: z.array(z.object({ kind: z.string(), title: z.string(), fileName: z.string(), sha256: z.string(), bytes: z.number(), retention: z.enum(['journals', 'summarySheets']) })),
    }),
  ),
});

export const periodCloseRoutes = [
  { method: 'GET', path: `${SCHOOL}/period-closes`, area: 'journal-control', handler: 'getPeriodCloses', permission: 'periodClose.read', summary: 'Закрытие периодов текущего учебного года: состояние по каждому периоду', response: closesResponse },
  { method: 'GET', path: `${SCHOOL}/period-closes/{periodId}`, area: 'journal-control', handler: 'getPeriodClose', permission: 'periodClose.read', summary: 'Закрытие периода по классам: ход, что не было заполнено, проверка журнала, сохранённые документы с контрольными суммами', response: closeResponse },
] as const satisfies readonly RouteSpec[];

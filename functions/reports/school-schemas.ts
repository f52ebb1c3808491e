/**
 * Schemas of the deputy's school reports (issue 13, item 2). Shapes only: the figures are the
 * domain's (shared/domain/reports/school-movement.ts, school-results.ts).
 */
import * as z from 'zod';
import { idParam, periodView } from '../schemas';

const count = z.number().int().nonnegative();
const figure = z.number().nullable();

export const resultsQuery = z.object({ period: idParam('Учебный период').optional() });

/** What heads every school report: the school, its year, the school's today. */
const SCHOOL_HEADING = { schoolName: z.string(), yearId: z.string(), yearName: z.string(), today: z.string(), timeZone: z.string() };

export const schoolMovementResponse = z.object({
  ...SCHOOL_HEADING,
  from: z.string(),
  until: z.string(),
  months: z.array(z.string()),
  rows: z.array(z.object({ classId: z.string(), className: z.string(), months: z.array(z.object({ arrived: count, left: count })), arrived: count, left: count })),
  school: z.array(z.object({ month: z.string(), enrolled: count, leftSchool: count, transfers: count })),
  totals: z.object({ enrolled: count, leftSchool: count, transfers: count }),
  lines: z.array(z.object({ date: z.string(), name: z.string(), kindTitle: z.string(), fromClass: z.string(), toClass: z.string(), note: z.string(), orderNo: z.string() })),
});

const sizeCell = z.object({ atStart: count.nullable(), atEnd: count.nullable(), running: z.boolean() });

export const classSizesResponse = z.object({
  ...SCHOOL_HEADING,
  sets: z.array(z.object({ periods: z.array(periodView), rows: z.array(z.object({ classId: z.string(), className: z.string(), cells: z.array(sizeCell) })), totals: z.array(sizeCell) })),
});

const figures = z.object({ success: figure, quality: figure, average: figure });
const COMPARED = { now: figures.extend({ assessed: count }), before: figures.extend({ assessed: count }).nullable(), change: figures };

export const schoolResultsResponse = z.object({
  ...SCHOOL_HEADING,
  period: periodView,
  previous: periodView.nullable(),
  periods: z.array(periodView),
  byClass: z.array(z.object({ classId: z.string(), className: z.string(), students: count, ...COMPARED })),
  bySubject: z.array(z.object({ subjectId: z.string(), name: z.string(), ...COMPARED })),
  byTeacher: z.array(z.object({ teacherId: z.string(), name: z.string(), classes: z.array(z.string()), ...COMPARED })),
  rows: z.array(
    z.object({
      classId: z.string(),
      className: z.string(),
      subjectId: z.string(),
      subjectName: z.string(),
      teachers: z.string(),
      counts: z.object({ subjectId: z.string(), assessed: count, unmarked: count, five: count, four: count, three: count, two: count, notAssessed: count, success: figure, quality: figure, average: figure }),
      ...COMPARED,
    }),
  ),
  school: z.object({ students: count, ...COMPARED }),
});

export const finalDataResponse = z.object({
  ...SCHOOL_HEADING,
  classId: z.string(),
  className: z.string(),
  subjects: z.array(z.object({ subjectId: z.string(), name: z.string(), shortName: z.string() })),
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      studentId: z.string(),
      no: z.number(),
      name: z.string(),
      subjects: z.array(z.object({ subjectId: z.string(), marks: z.array(z.string().nullable()) })),
      yearAverage: figure,
      yearFailing: count,
    }),
  ),
});

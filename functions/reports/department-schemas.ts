/** «Отчёты по школам» (issue 13 item 5): the period asked, and the schools side by side. Aggregates only (clause 1.7). */
import * as z from 'zod';
import { idParam, periodView } from '../schemas';

export const departmentQuery = z.object({ periodId: idParam('Учебный период').optional() });

const figures = { success: z.number().nullable(), quality: z.number().nullable(), average: z.number().nullable() };

export const departmentResponse = z.object({
  departmentName: z.string(),
  yearId: z.string(),
  today: z.string(),
  period: periodView.nullable(),
  periods: z.array(periodView),
  schools: z.array(
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      shortName: z.string(),
      missing: z.string().optional(),
      classes: z.number(),
      students: z.number(),
      results: z.object({ ...figures, change: z.object(figures) }),
      byClass: z.array(z.object({ className: z.string(), students: z.number(), ...figures })),
      bySubject: z.array(z.object({ name: z.string(), ...figures })),
      monitoring: z
        .object({
          journals: z.number(),
          teachers: z.number(),
          fillRate: z.number().nullable(),
          homeworkShare: z.number().nullable(),
          topicShare: z.number().nullable(),
          behindKtp: z.number(),
          lateFills: z.number(),
          assessmentsKept: z.number(),
          assessmentsDue: z.number(),
          withProblems: z.number(),
          parentsActive30: z.number().nullable(),
          studentsActive30: z.number().nullable(),
        })
        .nullable(),
    }),
  ),
  subjects: z.array(z.string()),
});

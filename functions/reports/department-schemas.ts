/** «Отчёты по школам» (issue 13 item 5): the period asked, and the schools side by side. Aggregates only (clause 1.7). */
import * as z from 'zod';
import { fieldsOf, idParam, periodView } from '../schemas';

export const departmentQuery = z.object({ periodId: idParam('Учебный период').optional() });

const figures = fieldsOf(z.number().nullable(), 'success', 'quality', 'average');

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
          ...fieldsOf(z.number(), 'journals', 'teachers', 'behindKtp', 'lateFills', 'assessmentsKept', 'assessmentsDue', 'withProblems'),
          ...fieldsOf(z.number().nullable(), 'fillRate', 'homeworkShare', 'topicShare', 'parentsActive30', 'studentsActive30'),
        })
        .nullable(),
    }),
  ),
  subjects: z.array(z.string()),
});

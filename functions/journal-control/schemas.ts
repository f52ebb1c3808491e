/** The answer of the journal's integrity check (issue 11, item 6): shared/services/journal-integrity.ts. */
import * as z from 'zod';

const value = z.union([z.record(z.string(), z.unknown()), z.string(), z.array(z.unknown()), z.null()]);

export const integrityResponse = z.object({
  schoolId: z.string(),
  classId: z.string(),
  periodId: z.string(),
  className: z.string(),
  periodName: z.string(),
  checkedAt: z.string(),
  ok: z.boolean(),
  records: z.number(),
  cells: z.number(),
  yearMarksChecked: z.boolean(),
  chain: z.object({
    ok: z.boolean(),
    checked: z.number(),
    problems: z.array(z.object({ subjectId: z.string(), seq: z.number().optional(), message: z.string() })),
  }),
  differences: z.array(
    z.object({
      subjectId: z.string(),
      subjectName: z.string(),
      kind: z.enum(['mark', 'attendance', 'lesson', 'finalMark']),
      lessonId: z.string(),
      studentId: z.string().optional(),
      studentName: z.string().optional(),
      workType: z.string().optional(),
      field: z.enum(['topic', 'studied', 'workTypes', 'homework', 'individualHomework']).optional(),
      lesson: z.object({ date: z.string(), lessonNo: z.number() }).optional(),
      byLog: value,
      inTable: value,
      lastSeq: z.number().optional(),
      cellText: z.string(),
      byLogText: z.string(),
      inTableText: z.string(),
    }),
  ),
  queryPages: z.number(),
});

/** Request and response schemas of the school area. */
import * as z from 'zod';

export const schoolResponse = z.object({ schoolId: z.string(), departmentId: z.string(), name: z.string(), shortName: z.string(), city: z.string() });

const classSummary = z.object({ classId: z.string(), grade: z.number(), letter: z.string(), name: z.string(), classTeacherId: z.string().optional(), classTeacherName: z.string().optional() });
export const classListResponse = z.object({ classes: z.array(classSummary) });

export const studentListResponse = z.object({
  classId: z.string(),
  students: z.array(z.object({ studentId: z.string(), displayName: z.string() })),
});

export const studentCardResponse = z.object({
  studentId: z.string(),
  schoolId: z.string(),
  classId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().optional(),
  birthDate: z.string(),
  parents: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});

export const departmentSettingsResponse = z.object({
  departmentId: z.string(),
  name: z.string(),
  lockDays: z.object({ currentMarks: z.number(), practicalWorks: z.number(), essays: z.number(), finalMarks: z.number(), fillWithin: z.number() }),
  marksInAdvanceAllowed: z.boolean(),
  /** Days before a period's last school day its marks may be set (issue 10); absent until set: 0, the regulation's. */
  periodMarksOpenDaysBefore: z.number().optional(),
  /** The version a PUT must name (optimistic concurrency); absent until the first save. */
  version: z.number().optional(),
});

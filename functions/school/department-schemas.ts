/** Schemas of the department's work on its schools (issue 9, item 1): the list, a new school, its first administrator. */
import * as z from 'zod';

const text = (what: string, max: number) => z.string({ error: `Укажите ${what}.` }).max(max, `${what[0]!.toUpperCase()}${what.slice(1)}: не длиннее ${max} знаков.`);

export const departmentSchool = z.object({ schoolId: z.string(), name: z.string(), shortName: z.string(), city: z.string(), timeZone: z.string() });
export const departmentSchoolsResponse = z.object({ schools: z.array(departmentSchool) });

export const newSchoolBody = z.object({
  name: text('полное название школы', 200),
  shortName: text('краткое название', 60),
  city: text('населённый пункт', 100),
  timeZone: text('часовой пояс', 60),
});
export const newSchoolResponse = z.object({ school: departmentSchool });

export const appointAdministratorBody = z.object({
  lastName: text('фамилию', 60),
  firstName: text('имя', 60),
  middleName: text('отчество', 60).optional(),
  position: text('должность', 100).optional(),
});
export const appointedResponse = z.object({ userId: z.string(), login: z.string(), code: z.string(), expiresAt: z.string() });

/** Schemas of the department's work on its schools (issue 9, item 1): the list, a new school, its first administrator. */
import * as z from 'zod';
import { VIEW_AREAS } from '../../shared/auth/roles';

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

const date = (what: string) => z.string({ error: `Укажите ${what}.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${what[0]!.toUpperCase()}${what.slice(1)}: дата в формате ГГГГ-ММ-ДД.`);

/** A department inspector's read-only access (clause 4.5): schools (or all), areas, last day, the written application. */
export const inspectorBody = z.object({
  lastName: text('фамилию', 60),
  firstName: text('имя', 60),
  middleName: text('отчество', 60).optional(),
  position: text('должность или организацию', 100),
  schoolIds: z.union([z.literal('all'), z.array(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'Неверный идентификатор школы.')).max(200, 'Слишком много школ.')], { error: 'Укажите школы: список или «all» (все).' }),
  areas: z.array(z.enum(VIEW_AREAS, { error: 'Разделы: journal, reports или people.' }), { error: 'Укажите разделы для просмотра.' }).max(3, 'Слишком много разделов.'),
  activeUntil: date('дату окончания доступа'),
  application: z.object({ number: text('номер заявления', 30), date: date('дату заявления') }, { error: 'Укажите письменное заявление (номер и дату).' }),
});

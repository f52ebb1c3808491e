/**
 * Request and response schemas (zod). Requests are validated with them; the OpenAPI description
 * is generated from them. Error messages are Russian: the UI shows them as they are.
 */
import { z } from 'zod';

const login = z
  .string({ error: 'Укажите логин.' })
  .trim()
  .min(1, 'Укажите логин.')
  .max(64, 'Логин слишком длинный.')
  .transform((s) => s.toLowerCase());

export const signInBody = z.object({
  login,
  password: z.string({ error: 'Укажите пароль.' }).min(1, 'Укажите пароль.').max(128, 'Пароль слишком длинный.'),
});

export const activateBody = z.object({
  code: z.string({ error: 'Введите код активации.' }).trim().min(4, 'Введите код активации.').max(40, 'Код активации слишком длинный.'),
  password: z.string({ error: 'Придумайте пароль.' }).max(128, 'Пароль должен быть не длиннее 128 символов.'),
});

export const issueCodeBody = z.object({
  userId: z.string({ error: 'Укажите, кому выдаётся код.' }).regex(/^[a-z0-9_-]{1,64}$/, 'Неверный идентификатор учётной записи.'),
});

const grant = z.object({
  role: z.string(),
  schoolId: z.string().optional(),
  classId: z.string().optional(),
  studentId: z.string().optional(),
  departmentId: z.string().optional(),
});

export const meResponse = z.object({
  userId: z.string(),
  login: z.string(),
  displayName: z.string(),
  departmentId: z.string(),
  grants: z.array(grant),
  csrfToken: z.string(),
  children: z.array(z.object({ studentId: z.string(), schoolId: z.string(), classId: z.string(), displayName: z.string(), className: z.string() })),
  schools: z.array(z.object({ schoolId: z.string(), name: z.string() })),
});

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

export const issuedCodeResponse = z.object({ userId: z.string(), login: z.string(), code: z.string(), expiresAt: z.string() });

export const loginRegisterResponse = z.object({
  entries: z.array(
    z.object({
      userId: z.string(),
      login: z.string(),
      displayName: z.string(),
      kind: z.string(),
      issuedAt: z.string(),
      issuedBy: z.string(),
      expiresAt: z.string(),
      redeemedAt: z.string().optional(),
    }),
  ),
});

export const departmentSettingsResponse = z.object({
  departmentId: z.string(),
  name: z.string(),
  lockDays: z.object({ currentMarks: z.number(), practicalWorks: z.number(), essays: z.number(), finalMarks: z.number(), fillWithin: z.number() }),
  marksInAdvanceAllowed: z.boolean(),
});

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

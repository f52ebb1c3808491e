/** Request and response schemas of the auth area; messages are Russian, the UI shows them as they are. */
import * as z from 'zod';
import { SCHOOL_STAFF_ROLES, VIEW_AREAS } from '../../shared/auth/roles';

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

export const reauthBody = z.object({
  password: z.string({ error: 'Введите пароль.' }).min(1, 'Введите пароль.').max(128, 'Пароль слишком длинный.'),
});

/** What the web's idle watch and password dialog need (seconds since the epoch; idle in minutes, 0 = none). */
export const sessionResponse = z.object({
  idleMinutes: z.number(),
  warningSeconds: z.number(),
  activeAt: z.number(),
  authAt: z.number(),
  reauthWindowSeconds: z.number(),
});

export const activateBody = z.object({
  code: z.string({ error: 'Введите код активации.' }).trim().min(4, 'Введите код активации.').max(40, 'Код активации слишком длинный.'),
  password: z.string({ error: 'Придумайте пароль.' }).max(128, 'Пароль должен быть не длиннее 128 символов.'),
});

export const issueCodeBody = z.object({
  userId: z.string({ error: 'Укажите, кому выдаётся код.' }).regex(/^[a-z0-9_-]{1,64}$/, 'Неверный идентификатор учётной записи.'),
});

/** One grant of shared/auth/roles.ts, each role with the scope it carries. */
const grant = z.discriminatedUnion('role', [
  z.object({ role: z.literal('department'), departmentId: z.string() }),
  z.object({ role: z.enum(SCHOOL_STAFF_ROLES), schoolId: z.string() }),
  z.object({ role: z.literal('classTeacher'), schoolId: z.string(), classId: z.string() }),
  z.object({ role: z.enum(['student', 'parent']), schoolId: z.string(), studentId: z.string() }),
  z.object({ role: z.literal('viewer'), schoolId: z.string(), classIds: z.union([z.literal('all'), z.array(z.string())]), areas: z.array(z.enum(VIEW_AREAS)), until: z.string() }),
]);

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

export const issuedCodeResponse = z.object({ userId: z.string(), login: z.string(), code: z.string(), expiresAt: z.string(), reset: z.boolean() });

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
      /** A reset code («Забыли пароль?»): the account's password was removed when it was issued. */
      reset: z.boolean().optional(),
    }),
  ),
});

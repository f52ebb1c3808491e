/**
 * The routes manifest: the one list of what the API has. The CDK stack makes one HTTP API route per
 * entry and one Lambda function per area; the local runner builds API Gateway v2 events from it;
 * the OpenAPI description is generated from it. They cannot disagree about what exists.
 *
 * `permission` is the authorisation action the handler checks on the object it loads
 * (shared/auth/policy.ts); `public` routes need no session, `session` ones any signed-in person.
 */
import type { z } from 'zod';
import type { Action } from '../shared/auth/policy';
import * as schemas from './schemas';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Area = 'auth' | 'school' | 'system';

export interface RouteSpec {
  method: Method;
  path: string;
  area: Area;
  /** Named export of `functions/<area>/handlers.ts`. */
  handler: string;
  permission: Action | 'public' | 'session';
  summary: string;
  body?: z.ZodType;
  response?: z.ZodType;
}

export const routes: RouteSpec[] = [
  { method: 'POST', path: '/api/auth/sign-in', area: 'auth', handler: 'signIn', permission: 'public', summary: 'Вход по логину и паролю', body: schemas.signInBody, response: schemas.meResponse },
  { method: 'POST', path: '/api/auth/sign-out', area: 'auth', handler: 'signOut', permission: 'session', summary: 'Выход' },
  { method: 'POST', path: '/api/auth/activate', area: 'auth', handler: 'activate', permission: 'public', summary: 'Активация учётной записи кодом и установка пароля', body: schemas.activateBody, response: schemas.meResponse },
  { method: 'GET', path: '/api/me', area: 'auth', handler: 'me', permission: 'account.readSelf', summary: 'Кто я и что мне доступно', response: schemas.meResponse },
  { method: 'GET', path: '/api/schools/{schoolId}', area: 'school', handler: 'getSchoolInfo', permission: 'school.read', summary: 'Школа', response: schemas.schoolResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes', area: 'school', handler: 'listClasses', permission: 'class.list', summary: 'Классы школы', response: schemas.classListResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/students', area: 'school', handler: 'listStudents', permission: 'class.readRoster', summary: 'Список класса', response: schemas.studentListResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/students/{studentId}', area: 'school', handler: 'getStudentCardInfo', permission: 'student.readCard', summary: 'Личная карточка обучающегося', response: schemas.studentCardResponse },
  { method: 'POST', path: '/api/schools/{schoolId}/activation-codes', area: 'auth', handler: 'issueActivationCode', permission: 'activationCode.issue', summary: 'Выдать код активации', body: schemas.issueCodeBody, response: schemas.issuedCodeResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/logins', area: 'auth', handler: 'loginRegister', permission: 'loginRegister.read', summary: 'Реестр выданных логинов', response: schemas.loginRegisterResponse },
  { method: 'GET', path: '/api/departments/{departmentId}/settings', area: 'school', handler: 'getDepartmentSettings', permission: 'department.readSettings', summary: 'Настройки управления образования', response: schemas.departmentSettingsResponse },
  { method: 'GET', path: '/api/openapi.json', area: 'system', handler: 'openapi', permission: 'public', summary: 'Описание API (OpenAPI 3.1)' },
  { method: 'GET', path: '/api/health', area: 'system', handler: 'health', permission: 'public', summary: 'Проверка работоспособности' },
];

export const AREAS: Area[] = [...new Set(routes.map((r) => r.area))];

export function routeKey(r: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${r.method} ${r.path}`;
}

/** Scheduled jobs: the CDK stack makes an EventBridge schedule per entry, the local runner a timer. */
export interface JobSpec {
  name: string;
  /** EventBridge Scheduler expression, evaluated in the school's time zone. */
  schedule: string;
  /** Local-runner interval between runs. */
  localEveryMinutes: number;
  summary: string;
}

export const jobs: JobSpec[] = [
  {
    name: 'expire-access',
    schedule: 'cron(15 0 * * ? *)',
    localEveryMinutes: 60,
    summary: 'Ends access whose end date has passed (R-04): temporary grants, finished employment',
  },
];

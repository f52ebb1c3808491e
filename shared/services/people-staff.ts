/**
 * Staff (R-04, clauses 4.1-4.3, 4.5; clause 5): a staff member's access starts with employment and
 * ends with it — `activeUntil` is the last day of employment, and the expiry job
 * (functions/jobs/expire-access.ts) closes the account after it, keeping its history; sign-in and
 * session renewal refuse it from the next day on already (shared/domain/access.ts).
 * Other people (an inspector, a methodologist) get time-limited access on a written application.
 */
import { transactOr } from '../db/transact';
import { may } from '../auth/policy';
import { SCHOOL_STAFF_ROLES, type Principal, type RoleGrant, type SchoolStaffRole, type ViewArea, type ViewerGrant } from '../auth/roles';
import { addDays, isIsoDate } from '../domain/calendar';
import { nameProblem, normaliseName } from '../domain/people-names';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { createAccountOps, displayName, listAccountsOfSchool } from '../repos/accounts';
import { auditPut } from '../repos/audit';
import { putAccountOp } from '../repos/people';
import { classTitle } from '../domain/people-classes';
import { listClasses, type School } from '../repos/school';
import { actor, DISABLED_REASONS, getAccountsById, newAccounts, schoolToday, type AccountRecord } from './people-common';

export const TEMPORARY_MAX_DAYS = 366;
const TEMPORARY_NO_ROLES = 'Временный доступ — только просмотр: роли сотрудников ему не назначаются.';

export interface StaffInput {
  lastName: string;
  firstName: string;
  middleName?: string;
  position: string;
  employedFrom: string;
  employedUntil?: string | null;
  roles?: SchoolStaffRole[];
}

function checkPerson(p: { lastName: string; firstName: string; middleName?: string }) {
  const person = {
    lastName: normaliseName(p.lastName),
    firstName: normaliseName(p.firstName),
    middleName: p.middleName?.trim() ? normaliseName(p.middleName) : undefined,
  };
  return { person, problems: (['lastName', 'firstName', 'middleName'] as const).flatMap((f) => nameProblem(f, person[f]) ?? []) };
}

function checkEmployment(from: string, until: string | null | undefined, problems: string[]) {
  if (!isIsoDate(from)) problems.push('Дата приёма на работу указана неверно.');
  if (until && !isIsoDate(until)) problems.push('Дата окончания работы указана неверно.');
  else if (until && isIsoDate(from) && until < from) problems.push('Окончание работы раньше её начала.');
}

const schoolRoles = (grants: RoleGrant[], schoolId: string) =>
  grants.flatMap((g) => ((SCHOOL_STAFF_ROLES as readonly string[]).includes(g.role) && 'schoolId' in g && g.schoolId === schoolId ? [g.role as SchoolStaffRole] : []));

function withRoles(grants: RoleGrant[], schoolId: string, roles: SchoolStaffRole[]): RoleGrant[] {
  const kept = grants.filter((g) => !((SCHOOL_STAFF_ROLES as readonly string[]).includes(g.role) && 'schoolId' in g && g.schoolId === schoolId));
  return [...kept, ...[...new Set(roles)].map((role) => ({ role, schoolId }) as RoleGrant)];
}

/** What a temporary access may read (the staff list shows it beside the name). */
export function viewScopeOf(grants: RoleGrant[], schoolId: string): { viewScope: { classIds: 'all' | string[]; areas: string[] } } | Record<string, never> {
  const g = grants.find((x): x is ViewerGrant => x.role === 'viewer' && x.schoolId === schoolId);
  return g ? { viewScope: { classIds: g.classIds, areas: g.areas } } : {};
}

export async function listStaff(school: School) {
  const [accounts, classes] = await Promise.all([listAccountsOfSchool(school.schoolId), listClasses(school.schoolId)]);
  const title = new Map(classes.map((c) => [c.classId, classTitle(c)]));
  return (accounts as AccountRecord[])
    .filter((a) => a.kind === 'staff')
    .map((a) => ({
      userId: a.userId,
      login: a.login,
      displayName: displayName(a),
      lastName: a.lastName,
      firstName: a.firstName,
      ...(a.middleName ? { middleName: a.middleName } : {}),
      position: a.position ?? '',
      roles: schoolRoles(a.grants, school.schoolId),
      ledClasses: a.grants.flatMap((g) => (g.role === 'classTeacher' && g.schoolId === school.schoolId ? [title.get(g.classId) ?? g.classId] : [])),
      status: a.status,
      ...(a.employedFrom ? { employedFrom: a.employedFrom } : {}),
      ...(a.activeUntil ? { activeUntil: a.activeUntil } : {}),
      ...(a.temporary ? { temporary: true, application: a.application } : {}),
      ...viewScopeOf(a.grants, school.schoolId),
      ...(a.disabledReason ? { disabledReason: DISABLED_REASONS[a.disabledReason] ?? a.disabledReason } : {}),
      version: a.version,
    }));
}

export async function createStaff(input: { by: Principal; school: School; staff: StaffInput; now: Date }) {
  const sch = input.school.schoolId;
  const roles = input.staff.roles ?? [];
  if (roles.length > 0 && !may(input.by, 'staff.setRoles', input.school)) throw new ForbiddenError('Права доступа сотрудникам назначает администратор ЭЖ.');
  const { person, problems } = checkPerson(input.staff);
  const position = input.staff.position.trim();
  if (position.length < 2 || position.length > 100) problems.push('Укажите должность (до 100 символов).');
  checkEmployment(input.staff.employedFrom, input.staff.employedUntil, problems);
  if (input.staff.employedUntil && input.staff.employedUntil < schoolToday(input.school, input.now)) problems.push('Окончание работы уже прошло: такому сотруднику доступ не нужен.');
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  const [account] = (await newAccounts(
    [
      {
        ...person,
        prefix: 'u-sf',
        kind: 'staff',
        grants: withRoles([], sch, roles),
        extra: { position, employedFrom: input.staff.employedFrom, ...(input.staff.employedUntil ? { activeUntil: input.staff.employedUntil } : {}) },
      },
    ],
    input.school,
  )) as [AccountRecord];
  await transactOr(
    [...createAccountOps(account), auditPut({ schoolId: sch, actor: actor(input.by), action: 'staff.create', entity: `USER#${account.userId}`, after: { ...account }, at: input.now })],
    () => new ConflictError('Логин нового сотрудника только что занял другой пользователь. Повторите.'),
  );
  return account;
}

export interface StaffPatch {
  version: number;
  lastName?: string;
  firstName?: string;
  middleName?: string | null;
  position?: string;
  employedFrom?: string;
  employedUntil?: string | null;
  roles?: SchoolStaffRole[];
}

export async function updateStaff(input: { by: Principal; school: School; userId: string; patch: StaffPatch; now: Date }) {
  const sch = input.school.schoolId;
  const before = (await getAccountsById([input.userId])).get(input.userId);
  if (!before || before.kind !== 'staff' || before.schoolId !== sch) throw new NotFoundError('Сотрудник не найден.');
  if (before.version !== input.patch.version) throw new ConflictError('Карточку сотрудника только что изменил другой пользователь.', before);
  const p = input.patch;
  const problems: string[] = [];
  let after: AccountRecord = { ...before };
  if (p.lastName !== undefined || p.firstName !== undefined || p.middleName !== undefined) {
    const checked = checkPerson({
      lastName: p.lastName ?? before.lastName,
      firstName: p.firstName ?? before.firstName,
      middleName: p.middleName === null ? undefined : (p.middleName ?? before.middleName),
    });
    problems.push(...checked.problems);
    const { middleName: _m, ...rest } = after;
    after = { ...rest, ...checked.person, ...(checked.person.middleName ? {} : { middleName: undefined }) };
  }
  if (p.position !== undefined) {
    if (p.position.trim().length < 2 || p.position.trim().length > 100) problems.push('Укажите должность (до 100 символов).');
    after.position = p.position.trim();
  }
  const from = p.employedFrom ?? before.employedFrom;
  const until = p.employedUntil === undefined ? before.activeUntil : p.employedUntil;
  if (p.employedFrom !== undefined || p.employedUntil !== undefined) {
    checkEmployment(from ?? '1900-01-01', until, problems);
    if (from) after.employedFrom = from;
    if (until) after.activeUntil = until;
    else delete after.activeUntil;
    if (before.temporary && until) after.grants = after.grants.map((g) => (g.role === 'viewer' ? { ...g, until } : g));
    if (before.temporary && !until) problems.push('У временного доступа должна быть дата окончания.');
    if (before.temporary && until && until > addDays(schoolToday(input.school, input.now), TEMPORARY_MAX_DAYS)) {
      problems.push(`Временный доступ выдаётся не больше чем на ${TEMPORARY_MAX_DAYS} дней.`);
    }
    // Extending employment of an account the expiry job closed opens it again, for a new code.
    const today = schoolToday(input.school, input.now);
    if (before.status === 'disabled' && before.disabledReason === 'access_period_ended' && (!until || until >= today)) {
      const { disabledReason: _r, disabledNote: _n, disabledAt: _d, ...rest } = after;
      after = { ...rest, status: 'pending' };
    }
  }
  if (p.roles !== undefined) {
    const same = [...new Set(p.roles)].sort().join() === [...new Set(schoolRoles(before.grants, sch))].sort().join();
    if (!same) {
      if (!may(input.by, 'staff.setRoles', input.school)) throw new ForbiddenError('Права доступа сотрудникам назначает администратор ЭЖ.');
      if (input.by.userId === before.userId && schoolRoles(before.grants, sch).includes('administrator') && !p.roles.includes('administrator')) {
        problems.push('Нельзя снять роль администратора с самого себя: это сделает другой администратор.');
      }
      if (before.temporary && p.roles.length > 0) problems.push(TEMPORARY_NO_ROLES);
      after.grants = withRoles(before.grants, sch, p.roles);
    }
  }
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  await transactOr(
    [
      putAccountOp(after, before.version),
      auditPut({ schoolId: sch, actor: actor(input.by), action: 'staff.update', entity: `USER#${before.userId}`, before: strip(before), after: strip(after), at: input.now }),
    ],
    async () => new ConflictError('Карточку сотрудника только что изменил другой пользователь.', (await getAccountsById([input.userId])).get(input.userId)),
  );
  return { ...after, version: before.version + 1 };
}

/** Audit records never carry secrets. */
function strip(a: AccountRecord) {
  const { passwordHash: _p, currentCodeHash: _c, ...rest } = a;
  return rest;
}

/** The end date and the written application of a temporary access (clause 4.5), checked on `today`. */
export function temporaryTermProblems(g: { activeUntil: string; application: { number: string; date: string } }, today: string): string[] {
  const problems: string[] = [];
  if (!isIsoDate(g.activeUntil)) problems.push('Дата окончания доступа указана неверно.');
  else if (g.activeUntil < today) problems.push('Дата окончания доступа уже прошла.');
  else if (g.activeUntil > addDays(today, TEMPORARY_MAX_DAYS)) problems.push(`Временный доступ выдаётся не больше чем на ${TEMPORARY_MAX_DAYS} дней.`);
  const appNo = g.application.number.trim();
  if (appNo === '' || appNo.length > 30) problems.push('Укажите номер письменного заявления.');
  if (!isIsoDate(g.application.date)) problems.push('Дата заявления указана неверно.');
  else if (g.application.date > today) problems.push('Дата заявления не может быть позже сегодняшнего дня.');
  return problems;
}

export interface TemporaryInput {
  lastName: string;
  firstName: string;
  middleName?: string;
  position: string;
  /** The classes it may read (their ids), or all of them. */
  classIds: 'all' | string[];
  areas: ViewArea[];
  activeUntil: string;
  application: { number: string; date: string };
}

/**
 * Time-limited, read-only access on a written application (clauses 4.1, 4.5): a viewer grant of the
 * classes and areas the application names; ends by itself on `activeUntil`.
 */
export async function grantTemporaryAccess(input: { by: Principal; school: School; grant: TemporaryInput; now: Date }) {
  const sch = input.school.schoolId;
  const g = input.grant;
  const { person, problems } = checkPerson(g);
  const today = schoolToday(input.school, input.now);
  const position = g.position.trim();
  if (position.length < 2 || position.length > 100) problems.push('Укажите, кто это (должность, организация), до 100 символов.');
  if (g.areas.length === 0) problems.push('Укажите, что можно просматривать: журнал, отчёты или списки людей.');
  const classes = await listClasses(sch);
  const unknown = g.classIds === 'all' ? [] : g.classIds.filter((c) => !classes.some((k) => k.classId === c));
  if (g.classIds !== 'all' && g.classIds.length === 0) problems.push('Укажите классы или «все классы».');
  if (unknown.length > 0) problems.push(`В школе нет классов: ${unknown.join(', ')}.`);
  problems.push(...temporaryTermProblems(g, today));
  const appNo = g.application.number.trim();
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  const [account] = (await newAccounts(
    [
      {
        ...person,
        prefix: 'u-tmp',
        kind: 'staff',
        grants: [{ role: 'viewer', schoolId: sch, classIds: g.classIds === 'all' ? 'all' : [...new Set(g.classIds)], areas: [...new Set(g.areas)], until: g.activeUntil } satisfies ViewerGrant],
        extra: { position, activeUntil: g.activeUntil, employedFrom: today, temporary: true, application: { number: appNo, date: g.application.date } },
      },
    ],
    input.school,
  )) as [AccountRecord];
  await transactOr(
    [
      ...createAccountOps(account),
      auditPut({ schoolId: sch, actor: actor(input.by), action: 'access.grantTemporary', entity: `USER#${account.userId}`, after: account, reason: `Заявление № ${appNo}`, at: input.now }),
    ],
    () => new ConflictError('Логин только что занял другой пользователь. Повторите.'),
  );
  return account;
}

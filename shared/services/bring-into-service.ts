/**
 * Bringing a deployment into service (issue 9, item 1): an empty table gets its department and the
 * first department specialist from `npm run admin -- init` (infra/admin/cli.ts); the specialist then
 * creates the schools from the web and gives each school its first administrator, whose code the
 * department hands over. Every step is one transaction with its audit record; the codes go to the
 * register of issued logins (the department's own, or the school's) as every other code does.
 */
import { codeExpiry, hashCode, newActivationCode } from '../auth/activation';
import type { Principal, RoleGrant } from '../auth/roles';
import { transactOr } from '../db/transact';
import { keys } from '../db/keys';
import { dateInZone } from '../domain/calendar';
import { nameProblem, normaliseName } from '../domain/people-names';
import { REGULATION_LOCK_DAYS } from '../domain/settings';
import { BadRequestError, ConflictError } from '../errors';
import { createAccountOps, getAccount, type Account } from '../repos/accounts';
import { recordIssuedCode } from '../repos/activation-codes';
import { auditPut } from '../repos/audit';
import { createDepartmentOp, createSchoolOp } from '../repos/department';
import { newId, reserveLogins } from '../repos/people';
import { getDepartment, type School } from '../repos/school';
import { departmentAuditScope } from '../repos/settings';
import { loginBase } from '../domain/people-names';
import { actor, newAccounts, type AccountRecord } from './people-common';

/** Who acts when the command line does: the audit record names the tool, not a person. */
export const ADMIN_TOOL = { userId: 'admin-cli', displayName: 'Ввод в эксплуатацию (npm run admin)' } as const;

export const DEPARTMENT_ID = /^[a-z0-9][a-z0-9-]{1,31}$/;

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName?: string;
}

export interface IssuedFirstCode {
  userId: string;
  login: string;
  code: string;
  expiresAt: string;
}

export function checkedName(p: PersonName): PersonName {
  const person = {
    lastName: normaliseName(p.lastName),
    firstName: normaliseName(p.firstName),
    ...(p.middleName?.trim() ? { middleName: normaliseName(p.middleName) } : {}),
  };
  const problems = (['lastName', 'firstName', 'middleName'] as const).flatMap((f) => nameProblem(f, person[f]) ?? []);
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  return person;
}

/** A one-time code for a new account, recorded (hash, register entry) like every other code. */
export async function firstCode(account: Account, registerScope: string, by: Pick<Principal, 'userId' | 'displayName'>, now: Date): Promise<IssuedFirstCode> {
  const code = newActivationCode();
  const issuedAt = now.toISOString();
  const expiresAt = codeExpiry(now).toISOString();
  await recordIssuedCode({
    account,
    kind: account.kind,
    codeHash: hashCode(code),
    issuedBy: by,
    issuedAt,
    expiresAt,
    register: keys.loginRegister(registerScope, issuedAt, account.userId),
    reset: false,
  });
  return { userId: account.userId, login: account.login, code, expiresAt };
}

export type InitOutcome =
  | { created: true; departmentId: string; specialist: IssuedFirstCode }
  | { created: false; departmentId: string; message: string; specialist?: IssuedFirstCode };

/**
 * Creates the department and its first specialist with a one-time code. Run again with the same
 * department, name and specialist it changes nothing and says so (a new code only with
 * `newCode`, while the specialist has not activated); anything else for an existing department is
 * refused: a second department specialist is appointed in the product, not by re-running set-up.
 */
export async function initDepartment(input: {
  departmentId: string;
  departmentName: string;
  specialist: PersonName;
  now: Date;
  newCode?: boolean;
}): Promise<InitOutcome> {
  const departmentId = input.departmentId.trim();
  const name = input.departmentName.trim();
  if (!DEPARTMENT_ID.test(departmentId)) {
    throw new BadRequestError('Идентификатор управления образования: 2-32 знака, строчные латинские буквы, цифры и дефис (например, krd).');
  }
  if (name.length < 3 || name.length > 200) throw new BadRequestError('Укажите название управления образования (3-200 знаков).');
  const person = checkedName(input.specialist);
  const existing = await getDepartment(departmentId);
  if (existing) return again(existing as typeof existing & { firstSpecialistId?: string }, name, person, input);

  const [login] = await reserveLogins([loginBase(person)]);
  const specialist: Account = {
    userId: newId('u-dep'),
    login: login!,
    kind: 'department',
    ...person,
    departmentId,
    position: 'специалист управления образования',
    grants: [{ role: 'department', departmentId }],
    status: 'pending',
    version: 1,
  };
  const department = {
    departmentId,
    name,
    lockDays: REGULATION_LOCK_DAYS,
    marksInAdvanceAllowed: false,
    firstSpecialistId: specialist.userId,
    createdAt: input.now.toISOString(),
  };
  await transactOr(
    [
      createDepartmentOp(department),
      ...createAccountOps(specialist),
      auditPut({ schoolId: departmentAuditScope(departmentId), actor: ADMIN_TOOL, action: 'department.init', entity: `DEP#${departmentId}`, after: { department, specialist }, at: input.now }),
    ],
    () => new ConflictError(`Управление образования «${departmentId}» только что завёл другой запуск. Запустите команду ещё раз: она покажет, что уже сделано.`),
  );
  return { created: true, departmentId, specialist: await firstCode(specialist, departmentAuditScope(departmentId), ADMIN_TOOL, input.now) };
}

async function again(
  existing: { name: string; firstSpecialistId?: string },
  name: string,
  person: PersonName,
  input: { departmentId: string; now: Date; newCode?: boolean },
): Promise<InitOutcome> {
  const departmentId = input.departmentId;
  const first = existing.firstSpecialistId ? await getAccount(existing.firstSpecialistId) : null;
  const same = first && existing.name === name && first.lastName === person.lastName && first.firstName === person.firstName && (first.middleName ?? '') === (person.middleName ?? '');
  if (!first || !same) {
    throw new ConflictError(
      `Управление образования «${departmentId}» уже заведено${first ? ` («${existing.name}», первый специалист — ${first.lastName} ${first.firstName}, логин ${first.login})` : ''}. ` +
        'Повторно его не заводят: новых специалистов назначают в системе.',
    );
  }
  if (first.status !== 'pending') {
    return { created: false, departmentId, message: `Уже сделано: управление образования «${existing.name}» заведено, специалист ${first.login} активировал учётную запись. Ничего не изменено.` };
  }
  if (!input.newCode) {
    return {
      created: false,
      departmentId,
      message: `Уже сделано: управление образования «${existing.name}» заведено, специалист ${first.login} ещё не активировал учётную запись. Ничего не изменено; новый код (старый перестанет действовать): добавьте --new-code.`,
    };
  }
  const specialist = await firstCode(first, departmentAuditScope(departmentId), ADMIN_TOOL, input.now);
  return { created: false, departmentId, message: `Уже сделано; выдан новый код специалисту ${first.login}, прежний код больше не действует.`, specialist };
}

export interface NewSchoolInput {
  name: string;
  shortName: string;
  city: string;
  timeZone: string;
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: zone });
    return zone.includes('/');
  } catch {
    return false;
  }
}

/** A new school of the department (the department specialist's screen «Новая школа»). */
export async function createSchool(input: { by: Principal; departmentId: string; school: NewSchoolInput; now: Date }): Promise<School> {
  const s = input.school;
  const school: School = {
    schoolId: newId('sch'),
    departmentId: input.departmentId,
    name: s.name.trim(),
    shortName: s.shortName.trim(),
    city: s.city.trim(),
    timeZone: s.timeZone.trim(),
  };
  const problems: string[] = [];
  if (school.name.length < 3 || school.name.length > 200) problems.push('Укажите полное название школы (3-200 знаков).');
  if (school.shortName.length < 2 || school.shortName.length > 60) problems.push('Укажите краткое название школы (2-60 знаков).');
  if (school.city.length < 2 || school.city.length > 100) problems.push('Укажите населённый пункт (2-100 знаков).');
  if (!validTimeZone(school.timeZone)) problems.push('Часовой пояс школы указан неверно (например, Europe/Moscow).');
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  await transactOr(
    [
      createSchoolOp({ ...school, createdAt: input.now.toISOString() }),
      auditPut({ schoolId: school.schoolId, actor: actor(input.by), action: 'school.create', entity: `SCH#${school.schoolId}`, after: school, at: input.now }),
    ],
    () => new ConflictError('Школа с таким идентификатором уже есть. Повторите.'),
  );
  return school;
}

/**
 * A school's administrator appointed by the department, with a one-time code the department hands
 * over (the school has nobody yet who could issue it). The code is in the school's register of
 * issued logins, issued by the specialist.
 */
export async function appointAdministrator(input: { by: Principal; school: School; person: PersonName; position?: string; now: Date }): Promise<IssuedFirstCode> {
  const person = checkedName(input.person);
  const position = (input.position ?? '').trim() || 'администратор электронного журнала';
  if (position.length > 100) throw new BadRequestError('Должность: не длиннее 100 знаков.');
  const sch = input.school.schoolId;
  const grants: RoleGrant[] = [{ role: 'administrator', schoolId: sch }];
  const [account] = (await newAccounts(
    [{ ...person, prefix: 'u-sf', kind: 'staff', grants, extra: { position, employedFrom: dateInZone(input.now, input.school.timeZone) } }],
    input.school,
  )) as [AccountRecord];
  await transactOr(
    [...createAccountOps(account), auditPut({ schoolId: sch, actor: actor(input.by), action: 'school.appointAdministrator', entity: `USER#${account.userId}`, after: account, at: input.now })],
    () => new ConflictError('Логин только что занял другой пользователь. Повторите.'),
  );
  return firstCode(account, sch, input.by, input.now);
}

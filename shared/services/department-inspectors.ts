/**
 * A department inspector (clauses 4.1, 4.5): read-only access to some or all of the department's
 * schools, on a written application, until an end date. It is the same read-only grant a school's
 * temporary access gets (shared/auth/rules/viewer.ts), one per school, so it can never write; the
 * account belongs to the department (no school lists it) and ends by itself after its last day.
 */
import type { Principal, ViewArea, ViewerGrant } from '../auth/roles';
import { config } from '../config';
import { transactOr } from '../db/transact';
import { dateInZone } from '../domain/calendar';
import { loginBase } from '../domain/people-names';
import { BadRequestError, ConflictError } from '../errors';
import { createAccountOps, type Account } from '../repos/accounts';
import { auditPut } from '../repos/audit';
import { newId, reserveLogins } from '../repos/people';
import { listSchools } from '../repos/school';
import { departmentAuditScope } from '../repos/settings';
import { checkedName, firstCode, type IssuedFirstCode, type PersonName } from './bring-into-service';
import { actor } from './people-common';
import { temporaryTermProblems } from './people-staff';

export interface InspectorInput extends PersonName {
  position: string;
  schoolIds: 'all' | string[];
  areas: ViewArea[];
  activeUntil: string;
  application: { number: string; date: string };
}

export async function grantInspectorAccess(input: { by: Principal; departmentId: string; inspector: InspectorInput; now: Date }): Promise<IssuedFirstCode> {
  const g = input.inspector;
  const person = checkedName(g);
  const today = dateInZone(input.now, config().timeZone);
  const schools = await listSchools(input.departmentId);
  const chosen = g.schoolIds === 'all' ? schools.map((s) => s.schoolId) : [...new Set(g.schoolIds)];
  const unknown = chosen.filter((id) => !schools.some((s) => s.schoolId === id));
  const position = g.position.trim();
  const problems = temporaryTermProblems(g, today);
  if (position.length < 2 || position.length > 100) problems.push('Укажите, кто это (должность, организация), до 100 символов.');
  if (g.areas.length === 0) problems.push('Укажите, что можно просматривать: журнал, отчёты или списки людей.');
  if (chosen.length === 0) problems.push('Укажите школы или «все школы».');
  if (unknown.length > 0) problems.push(`В управлении нет школ: ${unknown.join(', ')}.`);
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
  const areas = [...new Set(g.areas)];
  const [login] = await reserveLogins([loginBase(person)]);
  const account: Account & { temporary: true; application: InspectorInput['application']; employedFrom: string } = {
    userId: newId('u-insp'),
    login: login!,
    kind: 'department',
    ...person,
    departmentId: input.departmentId,
    position,
    grants: chosen.map((schoolId): ViewerGrant => ({ role: 'viewer', schoolId, classIds: 'all', areas, until: g.activeUntil })),
    status: 'pending',
    activeUntil: g.activeUntil,
    employedFrom: today,
    temporary: true,
    application: { number: g.application.number.trim(), date: g.application.date },
    version: 1,
  };
  const scope = departmentAuditScope(input.departmentId);
  await transactOr(
    [
      ...createAccountOps(account),
      auditPut({ schoolId: scope, actor: actor(input.by), action: 'department.grantInspector', entity: `USER#${account.userId}`, after: account, reason: `Заявление № ${account.application.number}`, at: input.now }),
    ],
    () => new ConflictError('Логин только что занял другой пользователь. Повторите.'),
  );
  return firstCode(account, scope, input.by, input.now);
}

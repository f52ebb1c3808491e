/**
 * Classes: created by the secretary or the administrator; the class teacher is set on the
 * class and, in the same transaction, the `classTeacher` grant is given to (or taken from) the
 * teacher's account, so the class and the rights never disagree.
 */
import { transactOr } from '../db/transact';
import { planningYearOf } from '../domain/calendar';
import type { Principal, RoleGrant } from '../auth/roles';
import { classIdFor, classProblem, classTitle } from '../domain/people-classes';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { displayName } from '../repos/accounts';
import { auditPut } from '../repos/audit';
import { listClassRoster, putAccountOp, statusOf, versionOf, type StudentRecord } from '../repos/people';
import { createClassOp, getClassForUpdate, putClassOp, type ClassRecord, type School } from '../repos/school';
import { actor, getAccountsById, schoolToday, studentUserId, type AccountRecord } from './people-common';

const isLead = (g: RoleGrant, schoolId: string, classId: string) => g.role === 'classTeacher' && g.schoolId === schoolId && g.classId === classId;

async function teacherFor(school: School, userId: string): Promise<AccountRecord> {
  const a = (await getAccountsById([userId])).get(userId);
  if (!a || a.kind !== 'staff' || a.schoolId !== school.schoolId) throw new BadRequestError('Классный руководитель должен быть сотрудником этой школы.');
  if (a.status === 'disabled') throw new BadRequestError(`Учётная запись ${displayName(a)} закрыта: выберите другого учителя.`);
  if (!a.grants.some((g) => g.role === 'teacher' && g.schoolId === school.schoolId)) {
    throw new BadRequestError(`${displayName(a)} не имеет роли «Учитель»: классным руководителем назначают учителя.`);
  }
  return a;
}

export async function createClass(input: {
  by: Principal;
  school: School;
  grade: number;
  letter: string;
  classTeacherId?: string;
  yearId?: string;
  now: Date;
}): Promise<ClassRecord> {
  const problem = classProblem(input.grade, input.letter);
  if (problem) throw new BadRequestError(problem);
  const classId = classIdFor(input.grade, input.letter);
  const teacher = input.classTeacherId ? await teacherFor(input.school, input.classTeacherId) : null;
  const cls: ClassRecord = {
    classId,
    schoolId: input.school.schoolId,
    grade: input.grade,
    letter: input.letter,
    yearId: input.yearId ?? planningYearOf(schoolToday(input.school, input.now)),
    ...(teacher ? { classTeacherId: teacher.userId, classTeacherName: displayName(teacher) } : {}),
  };
  const items = [
    createClassOp(cls),
    ...(teacher ? [putAccountOp({ ...teacher, grants: [...teacher.grants, { role: 'classTeacher', schoolId: cls.schoolId, classId }] }, teacher.version)] : []),
    auditPut({ schoolId: cls.schoolId, actor: actor(input.by), action: 'class.create', entity: `CLS#${classId}`, after: cls, at: input.now }),
  ];
  await transactOr(items, (c) =>
    c.failedAt(0)
      ? new ConflictError(`Класс ${classTitle(cls)} уже есть в школе.`)
      : new ConflictError('Учётная запись учителя только что изменилась. Повторите.'),
  );
  return { ...cls, version: 1 };
}

/** Sets (or clears, with null) the class teacher; the old one loses the grant, the new one gets it. */
export async function setClassTeacher(input: {
  by: Principal;
  school: School;
  classId: string;
  classTeacherId: string | null;
  version: number;
  now: Date;
}): Promise<ClassRecord> {
  const cls = await getClassForUpdate(input.school.schoolId, input.classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  if (versionOf(cls) !== input.version) throw new ConflictError('Класс только что изменил другой пользователь.', cls);
  if ((cls.classTeacherId ?? null) === input.classTeacherId) return cls;
  const sch = input.school.schoolId;
  const next = input.classTeacherId ? await teacherFor(input.school, input.classTeacherId) : null;
  const prev = cls.classTeacherId ? (await getAccountsById([cls.classTeacherId])).get(cls.classTeacherId) : undefined;
  const { classTeacherId: _id, classTeacherName: _name, ...rest } = cls;
  const after: ClassRecord = { ...rest, ...(next ? { classTeacherId: next.userId, classTeacherName: displayName(next) } : {}) };
  const items = [
    putClassOp(after, versionOf(cls)),
    ...(prev ? [putAccountOp({ ...prev, grants: prev.grants.filter((g) => !isLead(g, sch, cls.classId)) }, prev.version)] : []),
    ...(next ? [putAccountOp({ ...next, grants: [...next.grants.filter((g) => !isLead(g, sch, cls.classId)), { role: 'classTeacher', schoolId: sch, classId: cls.classId }] }, next.version)] : []),
    auditPut({
      schoolId: sch,
      actor: actor(input.by),
      action: 'class.setClassTeacher',
      entity: `CLS#${cls.classId}`,
      before: { classTeacherId: cls.classTeacherId ?? null },
      after: { classTeacherId: next?.userId ?? null },
      at: input.now,
    }),
  ];
  await transactOr(items, async () => new ConflictError('Класс или учётная запись учителя только что изменились. Обновите страницу.', await getClassForUpdate(sch, cls.classId)));
  return { ...after, version: versionOf(cls) + 1 };
}

export interface RosterEntry {
  studentId: string;
  displayName: string;
  birthDate: string;
  consent: boolean;
  /** The student's own account state: pending (no code redeemed yet), active, disabled. */
  accountStatus?: string;
  login?: string;
  /** The student's own account, to issue them a code (or a reset code) alone. */
  userId?: string;
  parents: Array<{ userId: string; displayName: string; status: string; login: string }>;
}

/** The class page: the class, its teacher and its current roster with consent and account state. */
export async function classPage(school: School, classId: string) {
  const cls = await getClassForUpdate(school.schoolId, classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const roster = (await listClassRoster(school.schoolId, classId)).filter((s) => statusOf(s) === 'enrolled');
  const accounts = await getAccountsById(roster.flatMap((s: StudentRecord) => [studentUserId(s), ...s.parentIds]));
  const students: RosterEntry[] = roster
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'ru') || a.firstName.localeCompare(b.firstName, 'ru'))
    .map((s) => {
      const own = accounts.get(studentUserId(s));
      return {
        studentId: s.studentId,
        displayName: [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' '),
        birthDate: s.birthDate,
        consent: !!s.consentRecordedAt,
        ...(own ? { accountStatus: own.status, login: own.login, userId: own.userId } : {}),
        parents: s.parentIds.flatMap((id) => {
          const a = accounts.get(id);
          return a ? [{ userId: a.userId, displayName: displayName(a), status: a.status, login: a.login }] : [];
        }),
      };
    });
  return { class: { ...cls, version: versionOf(cls), name: classTitle(cls) }, students };
}

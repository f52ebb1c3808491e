/**
 * Substitutes (R-25, clause 5): while a teacher is ill, a colleague - or the class teacher - fills
 * the lessons of a class-subject for a date range. An assignment lives in the class x period journal
 * partition, so the journal page has it with its one Query; a range that spans two periods is
 * entered once per period.
 */
import type { Principal } from '../auth/roles';
import { transactOr } from '../db/transact';
import { assignedTeacher, groupIdsOfLine, substituteProblems, type SubstituteAssignment } from '../domain/curriculum';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { getAccounts } from '../repos/accounts';
import { auditPut } from '../repos/audit';
import { getLoad, getSubject, getSubstitute, listLoad, listSubjects, listSubstitutes, putSubstituteOp, deleteSubstituteOp, shortPersonName } from '../repos/curriculum';
import { className } from '../repos/school';
import { requireTeachers } from './curriculum-load';
import { classPeriod } from './curriculum-subgroups';
import { refuseProblems } from './timetable-guards';

export type SubstituteInput = Pick<SubstituteAssignment, 'subjectId' | 'groupId' | 'teacherId' | 'absentTeacherId' | 'from' | 'to' | 'reason'>;

/** The id of an assignment in paths: «<subject>.<from>.<teacher>». */
export function substituteIdOf(s: Pick<SubstituteAssignment, 'subjectId' | 'from' | 'teacherId'>): string {
  return `${s.subjectId}.${s.from}.${s.teacherId}`;
}

export function parseSubstituteId(id: string): { subjectId: string; from: string; teacherId: string } {
  const [subjectId, from, teacherId, ...rest] = id.split('.');
  if (!subjectId || !from || !teacherId || rest.length > 0) throw new NotFoundError('Замена не найдена.');
  return { subjectId, from, teacherId };
}

export async function substitutesOverview(schoolId: string, classId: string, periodId: string) {
  const { cls, period, yearId } = await classPeriod(schoolId, classId, periodId);
  const [subs, lines, subjects] = await Promise.all([listSubstitutes(schoolId, classId, periodId), listLoad(schoolId, yearId, classId), listSubjects(schoolId)]);
  const accounts = await getAccounts([...new Set([...subs.flatMap((s) => [s.teacherId, s.absentTeacherId ?? '']).filter(Boolean)])]);
  const names = new Map(accounts.map((a) => [a.userId, shortPersonName(a)]));
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  return {
    class: { classId: cls.classId, name: className(cls), classTeacherId: cls.classTeacherId },
    period,
    lines: lines.map((l) => ({ subjectId: l.subjectId, subjectName: subjectName.get(l.subjectId) ?? l.subjectId, teacherId: l.teacherId, groups: l.groups })),
    substitutes: subs.map((s) => ({
      ...s,
      substituteId: substituteIdOf(s),
      subjectName: subjectName.get(s.subjectId) ?? s.subjectId,
      teacherName: names.get(s.teacherId) ?? s.teacherId,
      absentTeacherName: s.absentTeacherId ? (names.get(s.absentTeacherId) ?? s.absentTeacherId) : undefined,
    })),
  };
}

export async function createSubstitute(input: {
  by: Principal;
  schoolId: string;
  classId: string;
  periodId: string;
  substitute: SubstituteInput;
  now: Date;
}): Promise<SubstituteAssignment> {
  const { schoolId, classId, periodId } = input;
  const s = input.substitute;
  const { cls, period, yearId } = await classPeriod(schoolId, classId, periodId);
  const [line, subject] = await Promise.all([getLoad(schoolId, yearId, classId, s.subjectId), getSubject(schoolId, s.subjectId)]);
  if (!subject || !line) throw new BadRequestError(`В учебном плане ${className(cls)} нет такого предмета.`);
  const absentTeacherId = s.absentTeacherId ?? assignedTeacher(line, s.groupId);
  refuseProblems(substituteProblems({ ...s, absentTeacherId }, period, groupIdsOfLine(line)));
  await requireTeachers(schoolId, [s.teacherId]);
  const sub: SubstituteAssignment & { createdBy: string; createdAt: string } = {
    schoolId,
    classId,
    periodId,
    subjectId: s.subjectId,
    groupId: s.groupId,
    teacherId: s.teacherId,
    ...(absentTeacherId ? { absentTeacherId } : {}),
    from: s.from,
    to: s.to,
    reason: s.reason.trim(),
    version: 1,
    createdBy: input.by.userId,
    createdAt: input.now.toISOString(),
  };
  await transactOr(
    [
      putSubstituteOp(sub),
      auditPut({ schoolId, actor: input.by, action: 'substitute.create', entity: `SUB#${classId}#${periodId}#${substituteIdOf(sub)}`, after: sub, reason: sub.reason, at: input.now }),
    ],
    async () => new ConflictError('Такая замена (тот же предмет, учитель и дата начала) уже есть.', await getSubstitute(schoolId, classId, periodId, s.subjectId, s.from, s.teacherId)),
  );
  return sub;
}

export async function deleteSubstitute(input: { by: Principal; schoolId: string; classId: string; periodId: string; substituteId: string; version: number; now: Date }): Promise<void> {
  const { schoolId, classId, periodId } = input;
  await classPeriod(schoolId, classId, periodId);
  const id = parseSubstituteId(input.substituteId);
  const current = await getSubstitute(schoolId, classId, periodId, id.subjectId, id.from, id.teacherId);
  if (!current) throw new NotFoundError('Замена не найдена.');
  if (current.version !== input.version) throw new ConflictError('Замену только что изменил другой пользователь.', current);
  await transactOr(
    [
      deleteSubstituteOp(current),
      auditPut({ schoolId, actor: input.by, action: 'substitute.delete', entity: `SUB#${classId}#${periodId}#${input.substituteId}`, before: current, at: input.now }),
    ],
    async () => new ConflictError('Замену только что изменил другой пользователь.', await getSubstitute(schoolId, classId, periodId, id.subjectId, id.from, id.teacherId)),
  );
}

/**
 * The curriculum of a year and the teachers' load (R-12, clause 5: the deputy director fills
 * «Учебный процесс» according to the school's curriculum and the teachers' load).
 *
 * A line is one subject in one class: hours per week and the teacher of the whole class, or the
 * teachers of its subgroups. Changing a teacher moves the timetable slots that teacher had for the
 * line to the new teacher in the same transaction (refused, naming the clash, when the new teacher
 * is busy at one of those times), and refreshes the teachers in the make-up of the subgroups of the
 * periods not yet over.
 */
import type { Principal } from '../auth/roles';
import { transactOr } from '../db/transact';
import { assignedTeacher, groupIdsOfLine, loadLineProblems, markingFlagProblems, WHOLE_CLASS, type LoadGroup, type LoadLine } from '../domain/curriculum';
import { dateInZone } from '../domain/calendar';
import type { TimetableSlot } from '../domain/timetable';
import { periodsForGrade, type AcademicYear } from '../domain/year';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { getAccounts } from '../repos/accounts';
import { auditPut } from '../repos/audit';
import {
  deleteLoadLineOps,
  getLoad,
  getSubject,
  isTeacherOf,
  listLoad,
  listLoadOfTeacher,
  listSubjects,
  listTeachers,
  getSubgroupSets,
  putLoadLineOps,
  putSubgroupsOp,
  teacherInfo,
} from '../repos/curriculum';
import { className, getClass, listClasses, type SchoolClass } from '../repos/school';
import { listSlots, putSlotOp } from '../repos/timetable';
import { getYear } from '../repos/year';
import { readRostersOfPeriods } from '../repos/journal';
import { rosterSubgroupsOps } from './journal-rosters';
import { clashError, planGuards, refuseProblems } from './timetable-guards';

export interface LoadInput {
  hoursPerWeek: number;
  teacherId?: string;
  groups?: LoadGroup[];
  /** The marking flags: absent or false is off. */
  passFail?: boolean;
  exam?: boolean;
  /** Absent when the line is new; the version read otherwise. */
  version?: number;
}

export async function requireYear(schoolId: string, yearId: string): Promise<AcademicYear> {
  const year = await getYear(schoolId, yearId);
  if (!year) throw new NotFoundError('Учебный год не найден. Сначала заведите его (периоды и каникулы).');
  return year;
}

export async function requireClassOfYear(schoolId: string, yearId: string, classId: string): Promise<SchoolClass> {
  const cls = await getClass(schoolId, classId);
  if (!cls || cls.yearId !== yearId) throw new NotFoundError('Класс не найден в этом учебном году.');
  return cls;
}

/** Refuses ids that are not teachers of the school (or have no access any more). */
export async function requireTeachers(schoolId: string, teacherIds: readonly string[]): Promise<void> {
  const ids = [...new Set(teacherIds)];
  const accounts = await getAccounts(ids);
  const ok = new Set(accounts.filter((a) => isTeacherOf(a, schoolId)).map((a) => a.userId));
  const missing = ids.filter((id) => !ok.has(id));
  if (missing.length > 0) throw new BadRequestError(`Учитель не найден среди работающих учителей школы: ${missing.join(', ')}.`);
}

/** The curriculum grid of a year: classes x subjects with hours and teachers. */
export async function curriculumOverview(schoolId: string, yearId: string) {
  const year = await requireYear(schoolId, yearId);
  const [classes, subjects, teachers, lines] = await Promise.all([listClasses(schoolId), listSubjects(schoolId), listTeachers(schoolId), listLoad(schoolId, yearId)]);
  return {
    year: { yearId: year.yearId, startDate: year.startDate, endDate: year.endDate, periodSets: year.periodSets, holidays: year.holidays },
    classes: classes
      .filter((c) => c.yearId === yearId)
      .map((c) => ({ classId: c.classId, name: className(c), grade: c.grade, classTeacherId: c.classTeacherId })),
    subjects,
    teachers,
    lines,
  };
}

/** A teacher's own load with names: what the journal will list as "my classes and subjects". */
export async function teacherLoadOverview(schoolId: string, yearId: string, teacherId: string) {
  await requireYear(schoolId, yearId);
  const [load, accounts, subjects, classes] = await Promise.all([
    listLoadOfTeacher(schoolId, yearId, teacherId),
    getAccounts([teacherId]),
    listSubjects(schoolId),
    listClasses(schoolId),
  ]);
  const teacher = accounts[0];
  if (!teacher || teacher.schoolId !== schoolId) throw new NotFoundError('Учитель не найден.');
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const classByid = new Map(classes.map((c) => [c.classId, c]));
  const entries = load
    .map((l) => ({ ...l, className: classByid.has(l.classId) ? className(classByid.get(l.classId)!) : l.classId, subjectName: subjectName.get(l.subjectId) ?? l.subjectId }))
    .sort((a, b) => (classByid.get(a.classId)?.grade ?? 0) - (classByid.get(b.classId)?.grade ?? 0) || a.className.localeCompare(b.className, 'ru') || a.subjectName.localeCompare(b.subjectName, 'ru'));
  return { teacher: teacherInfo(teacher), load: entries, hoursPerWeek: entries.reduce((n, e) => n + e.hoursPerWeek, 0) };
}

export async function setLoadLine(input: {
  by: Principal;
  schoolId: string;
  yearId: string;
  classId: string;
  subjectId: string;
  line: LoadInput;
  now: Date;
  timeZone: string;
}): Promise<LoadLine> {
  const { schoolId, yearId, classId, subjectId } = input;
  const [year, cls, subject, current, slots] = await Promise.all([
    requireYear(schoolId, yearId),
    requireClassOfYear(schoolId, yearId, classId),
    getSubject(schoolId, subjectId),
    getLoad(schoolId, yearId, classId, subjectId, true),
    listSlots(schoolId, yearId, classId),
  ]);
  if (!subject) throw new NotFoundError('Предмет не найден.');
  const where = `«${subject.name}» в ${className(cls)}`;
  if (input.line.version === undefined && current) throw new ConflictError(`В учебном плане уже есть ${where}.`, current);
  if (input.line.version !== undefined && (!current || current.version !== input.line.version)) {
    throw new ConflictError(`Строку учебного плана ${where} только что изменил другой пользователь.`, current);
  }
  const groups = input.line.groups?.map((g) => ({ groupId: g.groupId, name: g.name.trim(), teacherId: g.teacherId }));
  const next: LoadLine = {
    schoolId,
    yearId,
    classId,
    subjectId,
    hoursPerWeek: input.line.hoursPerWeek,
    ...(groups && groups.length > 0 ? { groups } : { teacherId: input.line.teacherId }),
    // Only a flag that is on is stored: an old line and a line with both off read the same.
    ...(input.line.passFail ? { passFail: true } : {}),
    ...(input.line.exam ? { exam: true } : {}),
    version: (current?.version ?? 0) + 1,
  };
  refuseProblems([...loadLineProblems(subject, { ...input.line, groups }), ...markingFlagProblems(cls.grade, next)]);
  await requireTeachers(schoolId, [...(next.teacherId ? [next.teacherId] : []), ...(next.groups ?? []).map((g) => g.teacherId)]);

  // The timetable must still fit the line: its groups, and no more lessons a week than hours.
  const ofSubject = slots.filter((s) => s.subjectId === subjectId);
  const groupIds = groupIdsOfLine(next);
  const orphan = ofSubject.find((s) => !groupIds.includes(s.groupId));
  if (orphan) {
    throw new BadRequestError(
      `В расписании ${className(cls)} есть уроки ${where} ${orphan.groupId === WHOLE_CLASS ? 'для всего класса' : 'для подгруппы, которой больше нет'}: сначала уберите их из расписания.`,
    );
  }
  for (const g of groupIds) {
    const n = ofSubject.filter((s) => s.groupId === g).length;
    if (n > next.hoursPerWeek) {
      throw new BadRequestError(`В расписании уже ${n} урока(ов) ${where} в неделю; уменьшите их число, прежде чем ставить ${next.hoursPerWeek} ч.`);
    }
  }

  // Slots taught by the line's old teacher follow the line to its new teacher.
  const edits = ofSubject.flatMap((s) => {
    const before = assignedTeacher(current, s.groupId);
    const after = assignedTeacher(next, s.groupId);
    return before && after && before !== after && s.teacherId === before
      ? [{ before: s, after: { ...s, teacherId: after, version: s.version + 1 } as TimetableSlot }]
      : [];
  });
  const guards = await planGuards(schoolId, yearId, edits);
  if (guards.clashes.length > 0) throw await clashError(schoolId, yearId, guards.clashes);

  const subgroupOps = await refreshSubgroups(schoolId, classId, subjectId, next, year, cls.grade, dateInZone(input.now, input.timeZone));
  const removedGroups = (current?.groups ?? []).filter((g) => !(next.groups ?? []).some((n) => n.groupId === g.groupId));
  const ops = [
    ...putLoadLineOps(next, current?.version, removedGroups.map((g) => g.groupId)),
    ...edits.map((e) => putSlotOp(e.after, e.before.version)),
    ...guards.ops,
    ...subgroupOps,
    auditPut({
      schoolId,
      actor: input.by,
      action: current ? 'curriculum.line.update' : 'curriculum.line.create',
      entity: `LOAD#${yearId}#${classId}#${subjectId}`,
      before: current ?? undefined,
      after: next,
      at: input.now,
    }),
  ];
  await transactOr(ops, async (c) =>
    c.failedAt(0)
      ? new ConflictError(`Строку учебного плана ${where} только что изменил другой пользователь.`, await getLoad(schoolId, yearId, classId, subjectId, true))
      : new ConflictError('Расписание или подгруппы только что изменились. Обновите страницу и повторите.'),
  );
  return next;
}

/** Teachers and names of the groups in the make-up of subgroups of periods not yet over, and on their rosters. */
async function refreshSubgroups(schoolId: string, classId: string, subjectId: string, line: LoadLine, year: AcademicYear, grade: number, today: string) {
  const periods = periodsForGrade(year, grade).filter((p) => p.endDate >= today);
  if (periods.length === 0) return [];
  const periodIds = periods.map((p) => p.periodId);
  const [sets, rosters] = await Promise.all([getSubgroupSets(schoolId, classId, subjectId, periodIds), readRostersOfPeriods(schoolId, classId, subjectId, periodIds)]);
  return sets.flatMap((set) => {
    const groups = (line.groups ?? []).map((g) => ({ ...g, studentIds: set.groups.find((x) => x.groupId === g.groupId)?.studentIds ?? [] }));
    if (JSON.stringify(groups) === JSON.stringify(set.groups)) return [];
    return [putSubgroupsOp({ ...set, groups, version: set.version + 1 }, set.version), ...rosterSubgroupsOps({ schoolId, classId, periodId: set.periodId }, rosters.get(set.periodId), { groups })];
  });
}

export async function deleteLoadLine(input: { by: Principal; schoolId: string; yearId: string; classId: string; subjectId: string; version: number; now: Date }): Promise<void> {
  const { schoolId, yearId, classId, subjectId } = input;
  const [cls, current, slots, subject] = await Promise.all([
    requireClassOfYear(schoolId, yearId, classId),
    getLoad(schoolId, yearId, classId, subjectId, true),
    listSlots(schoolId, yearId, classId),
    getSubject(schoolId, subjectId),
  ]);
  if (!current) throw new NotFoundError('Такой строки в учебном плане нет.');
  const where = `«${subject?.name ?? subjectId}» в ${className(cls)}`;
  if (current.version !== input.version) throw new ConflictError(`Строку учебного плана ${where} только что изменил другой пользователь.`, current);
  if (slots.some((s) => s.subjectId === subjectId)) {
    throw new BadRequestError(`В расписании ${className(cls)} есть уроки ${where}: сначала уберите их из расписания.`);
  }
  await transactOr(
    [
      ...deleteLoadLineOps(current),
      auditPut({ schoolId, actor: input.by, action: 'curriculum.line.delete', entity: `LOAD#${yearId}#${classId}#${subjectId}`, before: current, at: input.now }),
    ],
    async () => new ConflictError(`Строку учебного плана ${where} только что изменил другой пользователь.`, await getLoad(schoolId, yearId, classId, subjectId, true)),
  );
}

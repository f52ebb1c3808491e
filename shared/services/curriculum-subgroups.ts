/**
 * Subgroups of a class for a period (R-12, R-24, clause 5): at the start of each period the deputy
 * director and the class teacher decide who is in which group of each split subject. The groups
 * themselves (ids, names, teachers) come from the curriculum line; the make-up is stored in the
 * class x period journal partition, so the journal page reads it with its one Query.
 */
import type { Principal } from '../auth/roles';
import { transact, TransactionCancelled } from '../db/transact';
import { checkSubgroups, subgroupRefusal, type SubgroupSet } from '../domain/curriculum';
import { dateInZone } from '../domain/calendar';
import { periodsForGrade, type Period } from '../domain/year';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { auditPut } from '../repos/audit';
import { getLoad, getSubgroups, getSubject, listLoad, listSubgroups, listSubjects, putSubgroupsOp } from '../repos/curriculum';
import { readRostersAndSubgroups } from '../repos/journal';
import { className, getClass, listStudentsOfClass, type SchoolClass } from '../repos/school';
import { getYear } from '../repos/year';
import { rosterSubgroupsOps } from './journal-rosters';

/** The class, its year and the period (of the class's grade) named in a path. */
export async function classPeriod(schoolId: string, classId: string, periodId: string): Promise<{ cls: SchoolClass; period: Period; yearId: string }> {
  const cls = await getClass(schoolId, classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const year = await getYear(schoolId, cls.yearId);
  const period = year && periodsForGrade(year, cls.grade).find((p) => p.periodId === periodId);
  if (!period) throw new NotFoundError(`У ${className(cls)} нет такого учебного периода.`);
  return { cls, period, yearId: cls.yearId };
}

/** The study periods of a class (those of its grade), for the screens that pick one. */
export async function periodsOfClass(schoolId: string, classId: string) {
  const cls = await getClass(schoolId, classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const year = await getYear(schoolId, cls.yearId);
  return {
    class: { classId: cls.classId, name: className(cls), grade: cls.grade, yearId: cls.yearId },
    periods: year ? periodsForGrade(year, cls.grade) : [],
  };
}

/** Everything the subgroups screen shows for a class x period. */
export async function subgroupsOverview(schoolId: string, classId: string, periodId: string) {
  const { cls, period, yearId } = await classPeriod(schoolId, classId, periodId);
  const [lines, sets, roster, subjects] = await Promise.all([
    listLoad(schoolId, yearId, classId),
    listSubgroups(schoolId, classId, periodId),
    listStudentsOfClass(schoolId, classId),
    listSubjects(schoolId),
  ]);
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const students = roster
    .map((s) => ({ studentId: s.studentId, name: [s.lastName, s.firstName].join(' ') }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const ids = students.map((s) => s.studentId);
  return {
    class: { classId: cls.classId, name: className(cls), grade: cls.grade, classTeacherId: cls.classTeacherId },
    period,
    students,
    subjects: lines
      .filter((l) => (l.groups ?? []).length > 0)
      .map((l) => {
        const set = sets.find((s) => s.subjectId === l.subjectId) ?? null;
        const check = checkSubgroups(set?.groups ?? [], ids, l.groups!.map((g) => g.groupId));
        return {
          subjectId: l.subjectId,
          subjectName: subjectName.get(l.subjectId) ?? l.subjectId,
          groups: l.groups!,
          subgroups: set,
          unassigned: check.unassigned,
        };
      })
      .sort((a, b) => a.subjectName.localeCompare(b.subjectName, 'ru')),
  };
}

export async function saveSubgroups(input: {
  by: Principal;
  schoolId: string;
  classId: string;
  periodId: string;
  subjectId: string;
  groups: Array<{ groupId: string; studentIds: string[] }>;
  /** Absent when the make-up is new; the version read otherwise. */
  version?: number;
  now: Date;
  timeZone: string;
}): Promise<{ subgroups: SubgroupSet; unassigned: string[] }> {
  const { schoolId, classId, periodId, subjectId } = input;
  const { cls, period, yearId } = await classPeriod(schoolId, classId, periodId);
  if (period.endDate < dateInZone(input.now, input.timeZone)) {
    throw new BadRequestError(`Период «${period.name}» уже завершён: состав его подгрупп не меняется.`);
  }
  const place = { schoolId, classId, periodId };
  const [line, subject, roster, stored] = await Promise.all([
    getLoad(schoolId, yearId, classId, subjectId),
    getSubject(schoolId, subjectId),
    listStudentsOfClass(schoolId, classId),
    readRostersAndSubgroups(place, [subjectId]),
  ]);
  const current = stored.subgroups.get(subjectId) ?? null;
  if (!subject) throw new NotFoundError('Предмет не найден.');
  if (!line?.groups?.length) {
    throw new BadRequestError(`В учебном плане ${className(cls)} предмет «${subject.name}» не делится на подгруппы.`);
  }
  if (input.version === undefined && current) throw new ConflictError('Состав подгрупп уже сохранён другим пользователем.', current);
  if (input.version !== undefined && current?.version !== input.version) {
    throw new ConflictError('Состав подгрупп только что изменил другой пользователь.', current);
  }
  const names = new Map(roster.map((s) => [s.studentId, `${s.lastName} ${s.firstName}`]));
  // Students who have left the class during the period keep their group: the journal still lists
  // them up to the day they left. They are not on the roster the screen shows, so they are kept
  // here unless the request places them itself.
  const former = new Map(
    (current?.groups ?? []).flatMap((g) => g.studentIds.filter((s) => !names.has(s)).map((s) => [s, g.groupId] as const)),
  );
  const check = checkSubgroups(input.groups, [...names.keys(), ...former.keys()], line.groups.map((g) => g.groupId));
  const refusal = subgroupRefusal(check, (id) => names.get(id) ?? id);
  if (refusal) throw new BadRequestError(refusal, check);
  const placed = new Set(input.groups.flatMap((g) => g.studentIds));
  const kept = [...former].filter(([s]) => !placed.has(s));

  const set: SubgroupSet = {
    schoolId,
    classId,
    periodId,
    subjectId,
    groups: line.groups.map((g) => ({
      ...g,
      studentIds: [...(input.groups.find((x) => x.groupId === g.groupId)?.studentIds ?? []), ...kept.filter(([, group]) => group === g.groupId).map(([s]) => s)],
    })),
    version: (current?.version ?? 0) + 1,
  };
  const unassigned = check.unassigned.filter((s) => names.has(s));
  const audit = auditPut({ schoolId, actor: input.by, action: 'subgroups.save', entity: `GROUPS#${classId}#${periodId}#${subjectId}`, before: current ?? undefined, after: set, at: input.now });
  // The subject's roster gets the make-up in the same transaction (a journal write reads the roster
  // alone); a roster rebuilt in between is read again, the make-up still on the version read.
  let subjectRoster = stored.rosters.get(subjectId);
  for (let attempt = 1; ; attempt++) {
    try {
      await transact([putSubgroupsOp(set, current?.version), audit, ...rosterSubgroupsOps(place, subjectRoster, set)]);
      return { subgroups: set, unassigned };
    } catch (e) {
      if (!(e instanceof TransactionCancelled)) throw e;
      if (e.failedAt(0) || attempt === 3) {
        throw new ConflictError('Состав подгрупп только что изменил другой пользователь.', await getSubgroups(schoolId, classId, periodId, subjectId, true));
      }
      subjectRoster = (await readRostersAndSubgroups(place, [subjectId])).rosters.get(subjectId);
    }
  }
}

/**
 * The per-subject rosters of a class x period: for every subject of the class's
 * curriculum, the students with their subgroup and, for those who joined or left during the
 * period, the dates. A roster is an item in the journal page's Query range, so the page needs no
 * other read to know who is in the class and who may fill it.
 *
 * `materialiseRosters` (re)builds them from the class list, the movement records since the
 * period's start, the curriculum lines and the period's subgroups. It is idempotent: an unchanged
 * roster is not written again. Call it when a period's subgroups are set, after a movement into
 * or out of the class (for the period the movement date falls in), and when a class teacher or a
 * curriculum line changes; the journal also builds a missing roster on first use.
 */
import { canonicalJson } from '../domain/journal-log';
import { classIntervals, inClassDuring, type Movement } from '../domain/movement';
import { groupOfStudent, type LoadLine, type SubgroupSet } from '../domain/curriculum';
import type { RosterGroup, RosterStudent, SubjectRoster } from '../domain/journal-model';
import { periodsForGrade } from '../domain/year';
import { NotFoundError } from '../errors';
import { listLoad, listSubjects } from '../repos/curriculum';
import type { TransactItem } from '../db/transact';
import { putRoster, readRostersAndSubgroups, rosterPutOp } from '../repos/journal';
import { listMovementsOfSchool } from '../repos/movement';
import { className, getClass, listStudentsOfClass } from '../repos/school';
import { getYear } from '../repos/year';

export interface RosterBuildResult {
  classId: string;
  periodId: string;
  subjects: number;
  written: number;
  students: number;
}

interface Enrolment {
  studentId: string;
  name: string;
  from?: string;
  until?: string;
}

/**
 * Who was in the class during [start, end], with the dates of those who came or went inside it.
 * Pure: from the current class list and the school's movements since `start`.
 */
export function classMembers(
  classId: string,
  period: { startDate: string; endDate: string },
  current: ReadonlyArray<{ studentId: string; lastName: string; firstName: string }>,
  movements: ReadonlyArray<Pick<Movement, 'studentId' | 'kind' | 'date' | 'fromClassId' | 'toClassId' | 'recordedAt' | 'studentName'>>,
): Enrolment[] {
  const movesOf = new Map<string, typeof movements[number][]>();
  for (const m of movements) if (m.fromClassId === classId || m.toClassId === classId) movesOf.set(m.studentId, []);
  for (const m of movements) movesOf.get(m.studentId)?.push(m);
  const out: Enrolment[] = [];
  const clip = (intervals: ReturnType<typeof classIntervals>) => {
    const mine = intervals.filter((i) => i.classId === classId && inClassDuring([i], classId, period.startDate, period.endDate));
    if (mine.length === 0) return null;
    const from = mine.map((i) => i.from).reduce<string | undefined>((a, b) => (a === undefined || b === undefined ? undefined : a < b ? a : b), mine[0]!.from);
    const until = mine.map((i) => i.until).reduce<string | undefined>((a, b) => (a === undefined || b === undefined ? undefined : a > b ? a : b), mine[0]!.until);
    return {
      ...(from && from > period.startDate ? { from } : {}),
      ...(until && until <= period.endDate ? { until } : {}),
    };
  };
  const seen = new Set<string>();
  for (const s of current) {
    seen.add(s.studentId);
    const moves = movesOf.get(s.studentId) ?? [];
    const dates = clip(classIntervals(moves, { classId, status: 'enrolled' }));
    if (dates) out.push({ studentId: s.studentId, name: `${s.lastName} ${s.firstName}`, ...dates });
  }
  for (const [studentId, moves] of movesOf) {
    if (seen.has(studentId) || moves.length === 0) continue;
    const last = [...moves].sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt)).at(-1)!;
    const now = last.kind === 'leave' || last.kind === 'graduate' ? { classId: last.fromClassId ?? classId, status: 'left' as const } : { classId: last.toClassId ?? '', status: 'enrolled' as const };
    const dates = clip(classIntervals(moves, now));
    if (dates) out.push({ studentId, name: shortStudentName(last.studentName), ...dates });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.studentId.localeCompare(b.studentId));
}

/** «Иванов Пётр Сергеевич» → «Иванов Пётр» (the journal shows surname and first name). */
function shortStudentName(full: string): string {
  return full.trim().split(/\s+/).slice(0, 2).join(' ');
}

/** The roster of one subject: pure, from the class members, the curriculum line and the subgroups. */
export function buildRoster(input: {
  classId: string;
  className: string;
  grade: number;
  period: { periodId: string; name: string; startDate: string; endDate: string };
  subjectId: string;
  subjectName?: string;
  line: Pick<LoadLine, 'teacherId' | 'groups'> | null;
  subgroups: SubgroupSet | null;
  members: Enrolment[];
  version: number;
  builtAt: string;
}): SubjectRoster {
  const groups: RosterGroup[] = (input.subgroups?.groups ?? input.line?.groups ?? []).map((g) => ({ groupId: g.groupId, name: g.name, teacherId: g.teacherId }));
  const students: RosterStudent[] = input.members.map((m) => {
    const groupId = groups.length > 0 ? groupOfStudent(input.subgroups, m.studentId) : undefined;
    return { studentId: m.studentId, name: m.name, ...(groupId ? { groupId } : {}), ...(m.from ? { from: m.from } : {}), ...(m.until ? { until: m.until } : {}) };
  });
  return {
    subjectId: input.subjectId,
    ...(input.subjectName ? { subjectName: input.subjectName } : {}),
    classId: input.classId,
    className: input.className,
    grade: input.grade,
    periodId: input.period.periodId,
    periodName: input.period.name,
    periodStart: input.period.startDate,
    periodEnd: input.period.endDate,
    line: input.line ? { ...(input.line.teacherId ? { teacherId: input.line.teacherId } : {}), ...(input.line.groups?.length ? { groups: input.line.groups.map((g) => ({ groupId: g.groupId, name: g.name, teacherId: g.teacherId })) } : {}) } : null,
    groups,
    students,
    version: input.version,
    builtAt: input.builtAt,
  };
}

/**
 * The roster with the subgroups as they are now: the subgroup set is read in the same request as
 * the roster (the page's Query, a write's BatchGetItem), so a changed make-up applies at once,
 * without waiting for the roster to be rebuilt.
 */
export function withCurrentSubgroups(roster: SubjectRoster, set: Pick<SubgroupSet, 'groups'> | null): SubjectRoster {
  if (!set || set.groups.length === 0) return roster;
  return {
    ...roster,
    groups: set.groups.map((g) => ({ groupId: g.groupId, name: g.name, teacherId: g.teacherId })),
    students: roster.students.map((s) => {
      const { groupId: _old, ...rest } = s;
      const groupId = groupOfStudent(set, s.studentId);
      return groupId ? { ...rest, groupId } : rest;
    }),
  };
}

/**
 * The write that puts a new make-up of subgroups on its roster, as operations of the transaction
 * that saves the make-up: a cell write reads the roster, not the subgroups item. None when the
 * roster is not built yet (its build reads the make-up) or already says the same.
 */
export function rosterSubgroupsOps(place: { schoolId: string; classId: string; periodId: string }, roster: SubjectRoster | undefined, set: Pick<SubgroupSet, 'groups'>): TransactItem[] {
  if (!roster) return [];
  const next = withCurrentSubgroups(roster, set);
  return sameRoster(roster, next) ? [] : [rosterPutOp(place, { ...next, version: roster.version + 1 }, roster.version)];
}

/** Whether two rosters say the same (the build time and version aside; DynamoDB keeps no key order). */
export function sameRoster(a: SubjectRoster, b: SubjectRoster): boolean {
  const strip = ({ version: _v, builtAt: _b, ...rest }: SubjectRoster) => rest;
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

export async function materialiseRosters(schoolId: string, classId: string, periodId: string, now: Date): Promise<RosterBuildResult> {
  // A roster is also rewritten when its subgroups are saved: a build that lost its conditional write
  // builds again from what is stored now, so the class list it came to write is not lost. Two builds
  // from the same records agree at the second pass, which writes nothing.
  let written = 0;
  for (let attempt = 1; ; attempt++) {
    const { lost, ...result } = await buildRosters(schoolId, classId, periodId, now);
    written += result.written;
    if (lost === 0 || attempt === 3) return { ...result, written };
  }
}

async function buildRosters(schoolId: string, classId: string, periodId: string, now: Date): Promise<RosterBuildResult & { lost: number }> {
  const cls = await getClass(schoolId, classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const year = await getYear(schoolId, cls.yearId);
  const period = year ? periodsForGrade(year, cls.grade).find((p) => p.periodId === periodId) : undefined;
  if (!period) throw new NotFoundError('Учебный период не найден для этого класса.');
  const [lines, subjects, current, movements] = await Promise.all([
    listLoad(schoolId, cls.yearId, classId),
    listSubjects(schoolId),
    listStudentsOfClass(schoolId, classId),
    listMovementsOfSchool(schoolId, period.startDate),
  ]);
  const place = { schoolId, classId, periodId };
  const { rosters, subgroups } = await readRostersAndSubgroups(place, lines.map((l) => l.subjectId));
  const members = classMembers(classId, period, current, movements);
  const nameOf = new Map(subjects.map((s) => [s.subjectId, s.name]));
  let written = 0;
  let lost = 0;
  await Promise.all(
    lines.map(async (line) => {
      const before = rosters.get(line.subjectId);
      const next = buildRoster({
        classId,
        className: className(cls),
        grade: cls.grade,
        period,
        subjectId: line.subjectId,
        subjectName: nameOf.get(line.subjectId),
        line,
        subgroups: subgroups.get(line.subjectId) ?? null,
        members,
        version: (before?.version ?? 0) + 1,
        builtAt: now.toISOString(),
      });
      if (before && sameRoster(before, next)) return;
      if (await putRoster(place, next, before?.version ?? 0)) written++;
      else lost++;
    }),
  );
  return { classId, periodId, subjects: lines.length, written, students: members.length, lost };
}

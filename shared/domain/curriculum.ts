/**
 * Curriculum and teacher load (R-12, clause 5 «Учебный процесс»), subgroups and substitutes
 * as pure rules. The deputy director fills the curriculum of a year: per class, the subjects
 * with their weekly hours and who teaches them - the whole class, or each subgroup of a split
 * subject (a foreign language, informatics, technology). The make-up of the subgroups is fixed at
 * the start of each period together with the class teacher; a substitute may fill the lessons of a
 * class-subject for a date range.
 */
import { ruDate } from './calendar';
import { isGraduationGrade } from './movement';

/** The group id of a lesson or slot for the whole class. */
export const WHOLE_CLASS = 'all';

export interface Subject {
  subjectId: string;
  schoolId: string;
  /** Russian name as the journal prints it: «Английский язык». */
  name: string;
  /** Short name for grids: «Англ. яз.». */
  shortName: string;
  /** May a class be split into subgroups for it (foreign language, informatics, technology). */
  splittable: boolean;
  version: number;
}

export interface LoadGroup {
  /** Short ascii id, unique within the line: 'g1', 'g2'. Part of lesson and slot keys. */
  groupId: string;
  /** «1 группа». */
  name: string;
  teacherId: string;
}

/** A line of the curriculum: one subject in one class for one school year. */
export interface LoadLine {
  schoolId: string;
  yearId: string;
  classId: string;
  subjectId: string;
  hoursPerWeek: number;
  /** The teacher of the whole class; absent when the class is split. */
  teacherId?: string;
  /** The subgroups and their teachers when the class is split for this subject. */
  groups?: LoadGroup[];
  /** «зачёт/незачёт»: the period, year and final marks of the subject are «зач»/«незач», not 2-5. */
  passFail?: boolean;
  /** «экзамен» (grades 9 and 11 only): the subject has an exam mark, and the final mark weighs it. */
  exam?: boolean;
  version: number;
}

/** One entry of a teacher's own load: a class, a subject and the group taught (or the whole class). */
export interface TeacherLoad {
  classId: string;
  subjectId: string;
  groupId: string;
  groupName?: string;
  teacherId: string;
  hoursPerWeek: number;
}

export interface Subgroup extends LoadGroup {
  studentIds: string[];
}

/** The make-up of a split subject's subgroups in one class and period. */
export interface SubgroupSet {
  schoolId: string;
  classId: string;
  periodId: string;
  subjectId: string;
  groups: Subgroup[];
  version: number;
}

/** A substitute may fill the lessons of a class-subject (or one group of it) from..to. */
export interface SubstituteAssignment {
  schoolId: string;
  classId: string;
  periodId: string;
  subjectId: string;
  /** WHOLE_CLASS or one group of a split subject. */
  groupId: string;
  /** Who fills the lessons: a substitute teacher, or the class teacher. */
  teacherId: string;
  /** Whom they replace, when known. */
  absentTeacherId?: string;
  from: string;
  to: string;
  /** Why, in Russian: «больничный лист учителя», «курсы повышения квалификации». */
  reason: string;
  version: number;
}

export const MAX_HOURS_PER_WEEK = 12;
export const MAX_GROUPS = 4;

/** Problems of a curriculum line, in Russian; empty when it may be stored. */
export function loadLineProblems(subject: Pick<Subject, 'name' | 'splittable'>, line: Pick<LoadLine, 'hoursPerWeek' | 'teacherId' | 'groups'>): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(line.hoursPerWeek) || line.hoursPerWeek < 1 || line.hoursPerWeek > MAX_HOURS_PER_WEEK) {
    problems.push(`Часов в неделю должно быть целое число от 1 до ${MAX_HOURS_PER_WEEK}.`);
  }
  const groups = line.groups ?? [];
  if (groups.length > 0 && line.teacherId) {
    problems.push('Укажите либо учителя всего класса, либо учителей подгрупп, но не то и другое.');
  }
  if (groups.length === 0 && !line.teacherId) problems.push(`Не указан учитель предмета «${subject.name}».`);
  if (groups.length > 0) {
    if (!subject.splittable) problems.push(`Предмет «${subject.name}» не делится на подгруппы.`);
    if (groups.length < 2 || groups.length > MAX_GROUPS) problems.push(`Подгрупп может быть от 2 до ${MAX_GROUPS}.`);
    const ids = groups.map((g) => g.groupId);
    if (new Set(ids).size !== ids.length) problems.push('У подгрупп должны быть разные обозначения.');
    if (ids.includes(WHOLE_CLASS)) problems.push(`Обозначение «${WHOLE_CLASS}» занято: так обозначается весь класс.`);
    const names = groups.map((g) => g.name.trim().toLocaleLowerCase('ru-RU'));
    if (new Set(names).size !== names.length) problems.push('У подгрупп должны быть разные названия.');
    if (groups.some((g) => !g.teacherId)) problems.push('У каждой подгруппы должен быть учитель.');
  }
  return problems;
}

export const PASS_FAIL_LABEL = 'Зачёт/незачёт';
export const EXAM_LABEL = 'Экзамен';

/**
 * Problems of the marking flags of a line in a class of this grade. An exam mark exists only where
 * the year ends in a certificate (grades 9 and 11, `isGraduationGrade`). A pass/fail subject has no
 * exam: the exams of those grades are marked 2-5.
 */
export function markingFlagProblems(grade: number, line: Pick<LoadLine, 'passFail' | 'exam'>): string[] {
  if (!line.exam) return [];
  if (!isGraduationGrade(grade)) return [`«${EXAM_LABEL}» отмечается только в 9 и 11 классах: в ${grade} классе экзаменационной отметки нет.`];
  if (line.passFail) return [`Предмет с отметками «${PASS_FAIL_LABEL}» не может иметь экзамен: экзамен оценивается отметкой от 2 до 5.`];
  return [];
}

/** Who teaches what in a line: one entry for the whole class or one per group. */
export function teachersOfLine(line: Pick<LoadLine, 'classId' | 'subjectId' | 'hoursPerWeek' | 'teacherId' | 'groups'>): TeacherLoad[] {
  if (line.groups && line.groups.length > 0) {
    return line.groups.map((g) => ({
      classId: line.classId,
      subjectId: line.subjectId,
      groupId: g.groupId,
      groupName: g.name,
      teacherId: g.teacherId,
      hoursPerWeek: line.hoursPerWeek,
    }));
  }
  return line.teacherId
    ? [{ classId: line.classId, subjectId: line.subjectId, groupId: WHOLE_CLASS, teacherId: line.teacherId, hoursPerWeek: line.hoursPerWeek }]
    : [];
}

/** The groups a lesson or slot of this line may be for: WHOLE_CLASS, or one of the line's groups. */
export function groupIdsOfLine(line: Pick<LoadLine, 'groups'>): string[] {
  return line.groups && line.groups.length > 0 ? line.groups.map((g) => g.groupId) : [WHOLE_CLASS];
}

/** The assigned teacher of a class-subject-group in the curriculum. */
export function assignedTeacher(line: Pick<LoadLine, 'teacherId' | 'groups'> | null | undefined, groupId: string): string | undefined {
  if (!line) return undefined;
  if (groupId === WHOLE_CLASS) return line.groups && line.groups.length > 0 ? undefined : line.teacherId;
  return line.groups?.find((g) => g.groupId === groupId)?.teacherId;
}

// --- subgroups -------------------------------------------------------------------------------

export interface SubgroupCheck {
  /** Students of the class in no group: listed for the people making the groups, not refused. */
  unassigned: string[];
  /** Students placed in more than one group: refused (a student is in exactly one group, R-24). */
  duplicates: string[];
  /** Ids that are not students of the class: refused. */
  unknown: string[];
  /** Group ids that the curriculum line does not have: refused. */
  unknownGroups: string[];
}

/** Checks a subgroup make-up against the class roster and the line's groups. */
export function checkSubgroups(
  groups: Array<Pick<Subgroup, 'groupId' | 'studentIds'>>,
  rosterIds: readonly string[],
  lineGroupIds: readonly string[],
): SubgroupCheck {
  const roster = new Set(rosterIds);
  const seen = new Map<string, number>();
  for (const g of groups) for (const s of g.studentIds) seen.set(s, (seen.get(s) ?? 0) + 1);
  return {
    unassigned: rosterIds.filter((s) => !seen.has(s)),
    duplicates: [...seen].filter(([, n]) => n > 1).map(([s]) => s),
    unknown: [...seen.keys()].filter((s) => !roster.has(s)),
    unknownGroups: groups.map((g) => g.groupId).filter((id) => !lineGroupIds.includes(id)),
  };
}

/** Whether the make-up may be stored; the Russian reason when not. Unassigned students do not block. */
export function subgroupRefusal(check: SubgroupCheck, nameOf: (studentId: string) => string): string | null {
  if (check.unknownGroups.length > 0) return `В учебном плане нет подгрупп: ${check.unknownGroups.join(', ')}.`;
  if (check.unknown.length > 0) return `Эти обучающиеся не числятся в классе: ${check.unknown.map(nameOf).join(', ')}.`;
  if (check.duplicates.length > 0) {
    return `Обучающийся может быть только в одной подгруппе: ${check.duplicates.map(nameOf).join(', ')}.`;
  }
  return null;
}

/** The group of a student in a period's make-up, if any. */
export function groupOfStudent(set: Pick<SubgroupSet, 'groups'> | null | undefined, studentId: string): string | undefined {
  return set?.groups.find((g) => g.studentIds.includes(studentId))?.groupId;
}

// --- substitutes -----------------------------------------------------------------------------

export interface LessonRef {
  subjectId: string;
  groupId: string;
  /** YYYY-MM-DD, school-local. */
  date: string;
  /** The teacher the lesson is planned for (the timetable's, or a one-off substitute's). */
  teacherId: string;
}

export function substituteCovers(
  sub: Pick<SubstituteAssignment, 'subjectId' | 'groupId' | 'from' | 'to'>,
  lesson: Pick<LessonRef, 'subjectId' | 'groupId' | 'date'>,
): boolean {
  return (
    sub.subjectId === lesson.subjectId &&
    (sub.groupId === WHOLE_CLASS || sub.groupId === lesson.groupId) &&
    sub.from <= lesson.date &&
    lesson.date <= sub.to
  );
}

/** Problems of a substitute assignment, in Russian; the period is the one it is stored in. */
export function substituteProblems(
  sub: Pick<SubstituteAssignment, 'from' | 'to' | 'teacherId' | 'absentTeacherId' | 'groupId'>,
  period: { name: string; startDate: string; endDate: string },
  lineGroupIds: readonly string[],
): string[] {
  const problems: string[] = [];
  if (sub.from > sub.to) problems.push('Дата начала замены позже даты окончания.');
  if (sub.from < period.startDate || sub.to > period.endDate) {
    problems.push(
      `Замена должна лежать внутри периода «${period.name}» (${ruDate(period.startDate)} – ${ruDate(period.endDate)}); ` +
        'замену на другой период оформите отдельно.',
    );
  }
  if (sub.absentTeacherId && sub.absentTeacherId === sub.teacherId) problems.push('Учитель не может замещать сам себя.');
  if (sub.groupId !== WHOLE_CLASS && !lineGroupIds.includes(sub.groupId)) problems.push('В учебном плане нет такой подгруппы.');
  return problems;
}

export type FillRight = 'teacher' | 'groupTeacher' | 'substitute';

/**
 * Who may fill a lesson in the journal (R-24, R-25, clause 5): the teacher the lesson is planned
 * for, the assigned teacher of the class-subject or of the lesson's subgroup, or a substitute
 * (a colleague, or the class teacher while a colleague is ill) whose range covers the lesson's date.
 * The journal calls this with the items of the class x period partition it has already read.
 */
export function fillRight(
  userId: string,
  lesson: LessonRef,
  context: {
    line?: Pick<LoadLine, 'teacherId' | 'groups'> | null;
    subgroups?: Pick<SubgroupSet, 'groups'> | null;
    substitutes?: ReadonlyArray<Pick<SubstituteAssignment, 'subjectId' | 'groupId' | 'from' | 'to' | 'teacherId'>>;
  },
): FillRight | null {
  if (lesson.teacherId === userId) return 'teacher';
  const groupTeacher =
    lesson.groupId === WHOLE_CLASS
      ? assignedTeacher(context.line, WHOLE_CLASS)
      : (context.subgroups?.groups.find((g) => g.groupId === lesson.groupId)?.teacherId ?? assignedTeacher(context.line, lesson.groupId));
  if (groupTeacher === userId) return 'groupTeacher';
  if ((context.substitutes ?? []).some((s) => s.teacherId === userId && substituteCovers(s, lesson))) return 'substitute';
  return null;
}

export function mayFillLesson(...args: Parameters<typeof fillRight>): boolean {
  return fillRight(...args) !== null;
}

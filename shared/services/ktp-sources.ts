/**
 * What the KTP and the assessment schedule read from the other parts of school set-up: the
 * curriculum's load (who teaches a class-subject, hours per week), the subjects' names, the
 * timetable's lesson count for the year, and the school's limits of tests. One module, so that the
 * rest of the ktp area does not care how those parts store their items.
 */
import type { Principal } from '../auth/roles';
import { DEFAULT_ASSESSMENT_LIMITS, type AssessmentLimits } from '../domain/assessments';
import { teachersOfLine, type LoadLine } from '../domain/curriculum';
import { curriculumHours, studyWeeks } from '../domain/ktp';
import { lessonCountForYear } from '../domain/lesson-dates';
import { resolveSchoolSettings } from '../domain/settings';
import type { AcademicYear } from '../domain/year';
import { displayName, getAccounts } from '../repos/accounts';
import { getLoad, listLoad, listLoadOfTeacher, listSubjects } from '../repos/curriculum';
import type { SchoolClass } from '../repos/school';
import { getSchoolSettings } from '../repos/settings';
import { listChanges, listSlots } from '../repos/timetable';

/** One KTP's place in the load: a class x subject x group and who teaches it. */
export interface PlanLine {
  classId: string;
  subjectId: string;
  groupId: string;
  groupName?: string;
  teacherIds: string[];
  hoursPerWeek: number;
}

/** A teacher's share of the load as a plan line: one teacher, one group. */
const planLine = (t: Omit<PlanLine, 'teacherIds'> & { teacherId: string }): PlanLine => ({
  classId: t.classId,
  subjectId: t.subjectId,
  groupId: t.groupId,
  ...(t.groupName ? { groupName: t.groupName } : {}),
  teacherIds: [t.teacherId],
  hoursPerWeek: t.hoursPerWeek,
});

function planLines(line: LoadLine): PlanLine[] {
  return teachersOfLine(line).map(planLine);
}

/** The lines of a class-subject (one for the whole class, or one per subgroup); empty when it is not in the curriculum. */
export async function linesOfClassSubject(schoolId: string, yearId: string, classId: string, subjectId: string): Promise<PlanLine[]> {
  const line = await getLoad(schoolId, yearId, classId, subjectId);
  return line ? planLines(line) : [];
}

export async function linesOfClass(schoolId: string, yearId: string, classId: string): Promise<PlanLine[]> {
  return (await listLoad(schoolId, yearId, classId)).flatMap(planLines);
}

export async function linesOfTeacher(schoolId: string, yearId: string, teacherId: string): Promise<PlanLine[]> {
  return (await listLoadOfTeacher(schoolId, yearId, teacherId)).map(planLine);
}

export async function subjectNames(schoolId: string): Promise<Map<string, string>> {
  return new Map((await listSubjects(schoolId)).map((s) => [s.subjectId, s.name]));
}

export async function teacherNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await getAccounts(unique)).map((a) => [a.userId, displayName(a)]));
}

/** Hours of a line for the year by the curriculum: hours per week x study weeks of the grade. */
export function curriculumHoursOf(line: Pick<PlanLine, 'hoursPerWeek'>, grade: number): number {
  return curriculumHours(line.hoursPerWeek, studyWeeks(grade));
}

/**
 * Lesson counts of one class for the year by its timetable, per subject x group; null for every
 * line when the class has no timetable yet (nothing to compare with). The same rule as
 * `lessonCountForYear` of shared/repos/lessons.ts, but with the class's slots and changes read once
 * (two Queries) for all its subjects, not four requests per subject.
 */
export async function timetableCounter(year: AcademicYear, cls: Pick<SchoolClass, 'classId' | 'grade' | 'schoolId'>) {
  const [slots, changes] = await Promise.all([
    listSlots(cls.schoolId, year.yearId, cls.classId),
    listChanges(cls.schoolId, year.yearId, year.startDate, year.endDate, cls.classId),
  ]);
  return (subjectId: string, groupId: string): number | null =>
    slots.length === 0 ? null : lessonCountForYear({ year, grade: cls.grade, classId: cls.classId, slots, changes, subjectId, groupId });
}

export async function assessmentLimitsOf(departmentId: string, schoolId: string): Promise<AssessmentLimits> {
  const stored = await getSchoolSettings(departmentId, schoolId);
  return stored ? resolveSchoolSettings(stored.settings).testLimits : DEFAULT_ASSESSMENT_LIMITS;
}

export type Actor = Pick<Principal, 'userId' | 'displayName'>;

/**
 * The schedule of assessment procedures (R-15, clause 8.3) per half-year: the table by week of one
 * class or of the whole school, and adding, moving and removing procedures. A date outside the
 * half-year, on a holiday or a Sunday is refused; more procedures in a day or week than the
 * school's limits is a warning shown with the answer, never a refusal.
 */
import { may } from '../auth/policy';
import type { Principal } from '../auth/roles';
import type { ClassSubjectObject } from '../auth/rules/ktp';
import {
  ASSESSMENT_KIND_IDS,
  ASSESSMENT_KINDS,
  assessmentDateProblem,
  halfOf,
  limitWarnings,
  warningsTouching,
  weeksOfHalf,
  type Assessment,
  type AssessmentKind,
  type AssessmentLimits,
  type Half,
  type HalfId,
  type LimitWarning,
  type Week,
} from '../domain/assessments';
import type { AcademicYear } from '../domain/year';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import {
  createAssessment,
  deleteAssessment,
  getAssessment,
  listAssessmentsOfClass,
  listAssessmentsOfSchool,
  updateAssessment,
} from '../repos/assessments';
import { className, getClass, listClasses, type School, type SchoolClass } from '../repos/school';
import { yearOf } from './ktp-plan';
import { assessmentLimitsOf, linesOfClass, linesOfClassSubject, subjectNames } from './ktp-sources';

export interface AssessmentOut {
  classId: string;
  className: string;
  subjectId: string;
  subjectName: string;
  date: string;
  kind: AssessmentKind;
  kindName: string;
  kindShort: string;
  title?: string;
  createdByName: string;
  version: number;
  mayEdit: boolean;
}

export interface ScheduleView {
  yearId: string;
  half: Half;
  limits: AssessmentLimits;
  classes: Array<{ classId: string; name: string }>;
  weeks: Week[];
  entries: AssessmentOut[];
  warnings: LimitWarning[];
  kinds: Array<{ id: AssessmentKind; name: string; short: string }>;
  subjects: Array<{ subjectId: string; name: string }>;
}

const KINDS = ASSESSMENT_KIND_IDS.map((id) => ({ id, name: ASSESSMENT_KINDS[id].name, short: ASSESSMENT_KINDS[id].short }));

function out(a: Assessment, cls: SchoolClass | undefined, subjects: Map<string, string>, mayEdit: boolean): AssessmentOut {
  return {
    classId: a.classId,
    className: cls ? className(cls) : a.classId,
    subjectId: a.subjectId,
    subjectName: subjects.get(a.subjectId) ?? a.subjectId,
    date: a.date,
    kind: a.kind,
    kindName: ASSESSMENT_KINDS[a.kind]?.name ?? a.kind,
    kindShort: ASSESSMENT_KINDS[a.kind]?.short ?? a.kind,
    ...(a.title ? { title: a.title } : {}),
    createdByName: a.createdByName,
    version: a.version,
    mayEdit,
  };
}

const halfMissing = (halfId: HalfId, grade?: number) =>
  new NotFoundError(`В учебном году нет ${halfId === 'h1' ? '1' : '2'} полугодия${grade ? ` для ${grade} классов` : ''}: проверьте учебные периоды.`);

/**
 * One class's half-year (the class view), or every class's (the deputy's overview: the half-year
 * then spans the earliest start and the latest end among the grades).
 */
export async function scheduleView(p: Principal, school: School, yearId: string, q: { halfId: HalfId; classId?: string }): Promise<ScheduleView> {
  const [year, classes, subjects, limits] = await Promise.all([
    yearOf(school.schoolId, yearId),
    listClasses(school.schoolId),
    subjectNames(school.schoolId),
    assessmentLimitsOf(school.departmentId, school.schoolId),
  ]);
  const classById = new Map(classes.map((c) => [c.classId, c]));
  const names = Object.fromEntries(classes.map((c) => [c.classId, className(c)]));
  const base = { departmentId: school.departmentId, schoolId: school.schoolId };

  if (q.classId) {
    const cls = classById.get(q.classId);
    if (!cls) throw new NotFoundError('Класс не найден.');
    const half = halfOf(year, cls.grade, q.halfId);
    if (!half) throw halfMissing(q.halfId, cls.grade);
    const [entries, lines] = await Promise.all([
      listAssessmentsOfClass(school.schoolId, yearId, cls.classId, q.halfId),
      linesOfClass(school.schoolId, yearId, cls.classId),
    ]);
    const teachersOf = new Map<string, string[]>();
    for (const l of lines) teachersOf.set(l.subjectId, [...(teachersOf.get(l.subjectId) ?? []), ...l.teacherIds]);
    const writable = (subjectId: string) =>
      may(p, 'assessment.write', { ...base, classId: cls.classId, subjectId, teacherIds: teachersOf.get(subjectId) ?? [] });
    return {
      yearId,
      half,
      limits,
      classes: [{ classId: cls.classId, name: className(cls) }],
      weeks: weeksOfHalf(year, half, cls.grade),
      entries: entries.map((a) => out(a, cls, subjects, writable(a.subjectId))),
      warnings: limitWarnings(entries, limits, names),
      kinds: KINDS,
      subjects: [...teachersOf.keys()]
        .filter(writable)
        .map((subjectId) => ({ subjectId, name: subjects.get(subjectId) ?? subjectId }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    };
  }

  const halves = [...new Set(classes.map((c) => c.grade))].flatMap((g) => halfOf(year, g, q.halfId) ?? []);
  if (halves.length === 0) throw halfMissing(q.halfId);
  const half: Half = {
    halfId: q.halfId,
    name: halves[0]!.name,
    startDate: halves.map((h) => h.startDate).sort()[0]!,
    endDate: halves.map((h) => h.endDate).sort().at(-1)!,
  };
  const entries = await listAssessmentsOfSchool(school.schoolId, yearId, q.halfId);
  // In the overview only the deputy edits; a teacher opens the class view for their own subjects.
  const deputy = may(p, 'assessment.write', { ...base, classId: '', subjectId: '', teacherIds: [] });
  return {
    yearId,
    half,
    limits,
    classes: classes.map((c) => ({ classId: c.classId, name: className(c) })),
    weeks: weeksOfHalf(year, half),
    entries: entries
      .sort((a, b) => a.date.localeCompare(b.date) || a.classId.localeCompare(b.classId))
      .map((a) => out(a, classById.get(a.classId), subjects, deputy)),
    warnings: limitWarnings(entries, limits, names),
    kinds: KINDS,
    subjects: [],
  };
}

// --- changes ------------------------------------------------------------------------------------

export interface AssessmentScope {
  school: School;
  year: AcademicYear;
  cls: SchoolClass;
  subjectId: string;
  object: ClassSubjectObject;
}

/**
 * The class and curriculum subject a procedure is for. `referencedByBody` makes a missing class or
 * subject a 400 (the person chose it in a form) rather than a 404 (an address that does not exist).
 */
export async function assessmentScope(
  school: School,
  yearId: string,
  classId: string,
  subjectId: string,
  referencedByBody: boolean,
): Promise<AssessmentScope> {
  const [year, cls, lines] = await Promise.all([
    yearOf(school.schoolId, yearId),
    getClass(school.schoolId, classId),
    linesOfClassSubject(school.schoolId, yearId, classId, subjectId),
  ]);
  const Missing = referencedByBody ? BadRequestError : NotFoundError;
  if (!cls) throw new Missing('Класс не найден.');
  if (lines.length === 0) throw new Missing(`Этот предмет не изучается в ${className(cls)} классе по учебному плану.`);
  return {
    school,
    year,
    cls,
    subjectId,
    object: {
      departmentId: school.departmentId,
      schoolId: school.schoolId,
      classId: cls.classId,
      subjectId,
      teacherIds: [...new Set(lines.flatMap((l) => l.teacherIds))],
    },
  };
}

function checkDate(scope: AssessmentScope, halfId: HalfId, date: string): void {
  const problem = assessmentDateProblem(scope.year, scope.cls.grade, halfId, date);
  if (problem) throw new BadRequestError(problem);
}

async function savedAnswer(scope: AssessmentScope, a: Assessment) {
  const [entries, subjects, limits] = await Promise.all([
    listAssessmentsOfClass(scope.school.schoolId, scope.year.yearId, scope.cls.classId, a.halfId),
    subjectNames(scope.school.schoolId),
    assessmentLimitsOf(scope.school.departmentId, scope.school.schoolId),
  ]);
  const warnings = warningsTouching(limitWarnings(entries, limits, { [scope.cls.classId]: className(scope.cls) }), scope.cls.classId, a.date);
  return { assessment: out(a, scope.cls, subjects, true), warnings };
}

export interface AssessmentInput {
  halfId: HalfId;
  date: string;
  kind: AssessmentKind;
  title?: string;
}

export async function addAssessment(scope: AssessmentScope, p: Principal, input: AssessmentInput, now: Date) {
  checkDate(scope, input.halfId, input.date);
  const a: Assessment = {
    schoolId: scope.school.schoolId,
    yearId: scope.year.yearId,
    halfId: input.halfId,
    classId: scope.cls.classId,
    subjectId: scope.subjectId,
    date: input.date,
    kind: input.kind,
    ...(input.title ? { title: input.title } : {}),
    createdBy: p.userId,
    createdByName: p.displayName,
    updatedAt: now.toISOString(),
    version: 1,
  };
  await createAssessment(a, p, now);
  return savedAnswer(scope, a);
}

/** The procedure at an address, or 404. */
export async function assessmentAt(scope: AssessmentScope, date: string): Promise<Assessment> {
  const a = await getAssessment({ schoolId: scope.school.schoolId, yearId: scope.year.yearId, classId: scope.cls.classId, date, subjectId: scope.subjectId });
  if (!a) throw new NotFoundError('Оценочная процедура не найдена: возможно, её уже удалили или перенесли.');
  return a;
}

export async function changeAssessment(
  scope: AssessmentScope,
  before: Assessment,
  p: Principal,
  input: Omit<AssessmentInput, 'halfId'> & { version: number },
  now: Date,
) {
  if (before.version !== input.version) {
    throw new ConflictError('Эту оценочную процедуру только что изменил другой пользователь. Ниже текущая версия.', before);
  }
  // A procedure stays in its half-year: the schedule is approved per half-year (clause 8.3).
  checkDate(scope, before.halfId, input.date);
  const { title: _t, ...rest } = before;
  const next: Assessment = {
    ...rest,
    date: input.date,
    kind: input.kind,
    ...(input.title ? { title: input.title } : {}),
    updatedAt: now.toISOString(),
    version: before.version + 1,
  };
  await updateAssessment(before, next, input.version, p, now);
  return savedAnswer(scope, next);
}

export async function removeAssessment(before: Assessment, p: Principal, version: number, now: Date): Promise<void> {
  if (before.version !== version) {
    throw new ConflictError('Эту оценочную процедуру только что изменил другой пользователь. Ниже текущая версия.', before);
  }
  await deleteAssessment(before, version, p, now);
}

/**
 * Reading period marks (issue 10): the class x all subjects table of a period (its marks in ONE
 * Query of the `FINAL#` range), the year/exam/final table (ONE Query of the class's year), the
 * per-student justification of one subject (clause 6.1, R-31) and one student's report for the
 * family (the early warnings are shared/services/early-warnings.ts). Everything is computed by the pure functions the
 * screens use, under the rules of the period's last day, with `now` passed in.
 */
import type { Principal } from '../auth/roles';
import type { ClassStaffObject } from '../auth/rules/period-marks';
import { countedMarksOf, justificationSummary, justifyPeriod, roundingRule, type Justification } from '../domain/mark-justification';
import { markWindow, subjectTeacherOf, type MarkWindow } from '../domain/period-mark-rules';
import { studentWarnings, type StudentWarnings } from '../domain/early-warning';
import { finalMarkKindTitle, type FinalMarkKind } from '../domain/period-marks';
import { periodsForGrade, type AcademicYear, type Period } from '../domain/year';
import { dateInZone } from '../domain/calendar';
import { GRADE_WITHOUT_MARKS } from '../domain/journal-rules';
import type { LoadLine } from '../domain/curriculum';
import { NotFoundError } from '../errors';
import { listLoad, listSubjects } from '../repos/curriculum';
import { readPeriodMarks, readYearMarks, type SubjectJournal } from '../repos/period-marks';
import { className, getClass, getDepartmentAndSchoolItems, getStudentCard, listStudentsOfClass, type SchoolClass } from '../repos/school';
import { getYear } from '../repos/year';
import { readStudentRecords } from '../repos/diary';
import { classIntervals } from '../domain/movement';
import { currentPeriod } from './journal-mine';
import { classJournalWithRosters, factsOf, periodView } from './early-warnings';
import { finalMarkView, lessonDatesNear, markingContextOf, sliceWithRoster, rulesOfPeriod, subjectMarking, systemMarkView, YEAR_SLOTS, type FinalMarkView, type MarkingContext } from './period-marks';

// --- the class ---------------------------------------------------------------------------------

export interface ClassMarksContext {
  schoolClass: SchoolClass;
  /** The school's full name, for the heading of a printed report. */
  schoolName: string;
  year: AcademicYear;
  periods: Period[];
  /** The period of the path; absent for the year's table. */
  period?: Period;
  lines: LoadLine[];
  marking: MarkingContext;
  access: ClassStaffObject;
}

/** The class, its year and curriculum: what deciding who may read needs; then the caller authorises `access`. */
export async function loadClassMarksContext(p: Principal, schoolId: string, classId: string, now: Date, periodId?: string): Promise<ClassMarksContext> {
  const [items, schoolClass] = await Promise.all([getDepartmentAndSchoolItems(p.departmentId, schoolId), getClass(schoolId, classId)]);
  if (!items.school) throw new NotFoundError('Школа не найдена.');
  if (!schoolClass) throw new NotFoundError('Класс не найден.');
  const [year, lines] = await Promise.all([getYear(schoolId, schoolClass.yearId), listLoad(schoolId, schoolClass.yearId, classId)]);
  if (!year) throw new NotFoundError('Учебный год класса не заведён.');
  const periods = periodsForGrade(year, schoolClass.grade);
  const period = periodId === undefined ? undefined : periods.find((x) => x.periodId === periodId);
  if (periodId !== undefined && !period) throw new NotFoundError('Нет такого периода у этого класса.');
  const teacherIds = [...new Set(lines.flatMap((l) => [l.teacherId, ...(l.groups ?? []).map((g) => g.teacherId)]).filter((t): t is string => !!t))];
  return {
    schoolClass,
    schoolName: String(items.school.name ?? ''),
    year,
    periods,
    ...(period ? { period } : {}),
    lines,
    marking: markingContextOf(items.department, items.school, now),
    access: { departmentId: p.departmentId, schoolId, classId, teacherIds },
  };
}

export interface SubjectColumn {
  subjectId: string;
  name: string;
  shortName: string;
  hoursPerWeek: number;
  /** The caller may set this subject's marks (as the subject teacher of some student, or as the class teacher). */
  canSet: boolean;
  /** How the curriculum marks it: the cells read «зач»/«незач», the exam column is offered. */
  passFail: boolean;
  hasExam: boolean;
}

/** The subjects of the class's curriculum with their names, and whether the caller may set their marks. */
export async function subjectColumns(p: Principal, ctx: ClassMarksContext): Promise<SubjectColumn[]> {
  const subjects = await listSubjects(ctx.schoolClass.schoolId);
  const names = new Map(subjects.map((s) => [s.subjectId, s]));
  const leads = p.grants.some((g) => g.role === 'classTeacher' && g.schoolId === ctx.schoolClass.schoolId && g.classId === ctx.schoolClass.classId);
  const teaches = (l: LoadLine) => subjectTeacherOf({ line: l }) === p.userId || (l.groups ?? []).some((g) => g.teacherId === p.userId);
  return ctx.lines
    .map((l) => ({
      subjectId: l.subjectId,
      name: names.get(l.subjectId)?.name ?? l.subjectId,
      shortName: names.get(l.subjectId)?.shortName ?? l.subjectId,
      hoursPerWeek: l.hoursPerWeek,
      canSet: leads || teaches(l),
      ...markingOf(l),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

function markingOf(line: LoadLine): { passFail: boolean; hasExam: boolean } {
  const m = subjectMarking(line);
  return { passFail: m.passFail, hasExam: m.hasExam === true };
}

export async function studentRows(ctx: ClassMarksContext) {
  const cards = await listStudentsOfClass(ctx.schoolClass.schoolId, ctx.schoolClass.classId);
  return cards
    .map((c) => ({ studentId: c.studentId, name: `${c.lastName} ${c.firstName}` }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

function windowView(w: MarkWindow | null) {
  return w ? { what: w.what, opensOn: w.opensOn, dueBy: w.dueBy, closesOn: w.closesOn } : null;
}

/** Grade 1: the system's «н/оц» / «осв» in every cell (clause 3.5); otherwise the stored marks. */
function cells(ctx: ClassMarksContext, kind: FinalMarkKind, stored: FinalMarkView[], subjects: SubjectColumn[], students: Array<{ studentId: string }>, periodId?: string): FinalMarkView[] {
  const grade = ctx.schoolClass.grade;
  if (grade === GRADE_WITHOUT_MARKS) {
    return subjects.flatMap((s) => students.flatMap((st) => systemMarkView(grade, kind, s.subjectId, st.studentId, periodId) ?? []));
  }
  return stored;
}

export interface StudentJustification extends Justification {
  studentId: string;
  summary: string;
}

/** The justification of every student of a subject in the period (clause 6.1). */
function justifications(ctx: ClassMarksContext, journal: Pick<SubjectJournal, 'roster' | 'marks'> | undefined, hoursPerWeek: number): StudentJustification[] {
  const period = ctx.period!;
  const rules = rulesOfPeriod(ctx.marking, period);
  return (journal?.roster?.students ?? []).map((s) => {
    const j = justifyPeriod(countedMarksOf(journal!.marks, s.studentId, period), rules, hoursPerWeek);
    return { studentId: s.studentId, ...j, summary: justificationSummary(j) };
  });
}

/** The class x all subjects table of a period; with `subjectId`, every student's justification in it. */
export async function periodMarksTable(p: Principal, ctx: ClassMarksContext, now: Date, subjectId?: string) {
  const period = ctx.period!;
  const cls = ctx.schoolClass;
  const [read, subjects, students, lessonDates, journal] = await Promise.all([
    readPeriodMarks(cls.schoolId, cls.classId, period.periodId),
    subjectColumns(p, ctx),
    studentRows(ctx),
    // The same window as a change is judged by: the last school day from the class's lessons.
    lessonDatesNear(cls.schoolId, cls.classId, period.endDate),
    subjectId && ctx.lines.some((l) => l.subjectId === subjectId) ? sliceWithRoster(cls.schoolId, cls.classId, period.periodId, subjectId, now) : Promise.resolve(null),
  ]);
  if (subjectId && !subjects.some((s) => s.subjectId === subjectId)) throw new NotFoundError('Предмета нет в учебном плане класса.');
  const stored = read.marks.flatMap((m) => finalMarkView(m) ?? []);
  const scheme = ctx.year.periodSets.find((s) => s.grades.includes(cls.grade))?.kind;
  const rules = rulesOfPeriod(ctx.marking, period);
  const line = subjectId ? ctx.lines.find((l) => l.subjectId === subjectId) : undefined;
  return {
    classId: cls.classId,
    className: className(cls),
    grade: cls.grade,
    today: dateInZone(now, ctx.marking.journal.timeZone),
    period: periodView(period),
    periods: ctx.periods.map(periodView),
    title: finalMarkKindTitle('period', scheme),
    window: windowView(markWindow(ctx.year, cls.grade, { kind: 'period', periodId: period.periodId }, { openDaysBefore: ctx.marking.openDaysBefore, lessonDates })),
    lockDays: ctx.marking.journal.locks.lockDays.finalMarks,
    rule: roundingRule(rules.thresholds),
    subjects,
    students,
    marks: cells(ctx, 'period', stored, subjects, students, period.periodId),
    // The rules ride with the justification so the teacher's what-if weighs a hypothetical mark as the server would.
    ...(subjectId && journal ? { justification: { subjectId, rules, students: justifications(ctx, journal, line?.hoursPerWeek ?? 0) } } : {}),
    queryPages: read.pages,
  };
}

/** The year, exam and final marks of a class: ONE Query of its year. */
export async function yearMarksTable(p: Principal, ctx: ClassMarksContext, now: Date) {
  const today = dateInZone(now, ctx.marking.journal.timeZone);
  const cls = ctx.schoolClass;
  const [read, subjects, students] = await Promise.all([readYearMarks(cls.schoolId, cls.classId, cls.yearId), subjectColumns(p, ctx), studentRows(ctx)]);
  const stored = read.marks.flatMap((m) => finalMarkView(m) ?? []);
  return {
    classId: cls.classId,
    className: className(cls),
    grade: cls.grade,
    yearId: cls.yearId,
    today,
    periods: ctx.periods.map(periodView),
    currentPeriodId: currentPeriod(ctx.periods, today)?.periodId ?? null,
    kinds: YEAR_SLOTS.map((kind) => ({
      kind,
      title: finalMarkKindTitle(kind),
      window: windowView(markWindow(ctx.year, cls.grade, { kind }, { openDaysBefore: ctx.marking.openDaysBefore })),
    })),
    subjects,
    students,
    marks: YEAR_SLOTS.flatMap((kind) => cells(ctx, kind, stored.filter((m) => m.kind === kind), subjects, students)),
    queryPages: read.pages,
  };
}

// --- one student, for the family ------------------------------------------------------------------

/** The student's card must be in the class of the path; otherwise nothing is said about it. */
export async function studentOfClass(schoolId: string, classId: string, studentId: string) {
  const card = await getStudentCard(schoolId, studentId);
  if (!card || card.classId !== classId) throw new NotFoundError('Обучающийся не найден.');
  return card;
}

/**
 * The family's report without knowing the class or the period (a student's grant names neither):
 * the card gives the class, `periodId` or today gives the period. A period the class does not have is a 404.
 */
export async function studentCurrentReport(p: Principal, schoolId: string, studentId: string, now: Date, periodId?: string, classId?: string) {
  const card = await getStudentCard(schoolId, studentId);
  if (!card) throw new NotFoundError('Обучающийся не найден.');
  // An earlier class (clause 2.2: the history of every year) only if the movement history puts the student in it.
  if (classId !== undefined && classId !== card.classId && !(await wasInClass(schoolId, studentId, classId))) throw new NotFoundError('Класс обучающегося не найден.');
  const ctx = await loadClassMarksContext(p, schoolId, classId ?? card.classId, now, periodId);
  const period = ctx.period ?? currentPeriod(ctx.periods, dateInZone(now, ctx.marking.journal.timeZone));
  if (!period) throw new NotFoundError('У класса нет периодов в учебном году.');
  return { ...(await studentPeriodReport({ ...ctx, period }, studentId, now)), periods: ctx.periods.map(periodView) };
}

async function wasInClass(schoolId: string, studentId: string, classId: string): Promise<boolean> {
  const { card, movements } = await readStudentRecords(schoolId, studentId);
  if (!card) return false;
  return classIntervals(movements, { classId: card.classId, status: 'enrolled' }).some((i) => i.classId === classId);
}

/** A student's period: per subject the mark with its reason, the justification and the warnings. */
export async function studentPeriodReport(ctx: ClassMarksContext, studentId: string, now: Date) {
  const cls = ctx.schoolClass;
  const period = ctx.period!;
  const [{ subjects: journal }, read, subjectNames] = await Promise.all([
    classJournalWithRosters({ ...ctx, period }, now),
    readPeriodMarks(cls.schoolId, cls.classId, period.periodId),
    listSubjects(cls.schoolId),
  ]);
  const subjectName = new Map(subjectNames.map((s) => [s.subjectId, s.name]));
  const wctx = { period, now, timeZone: ctx.marking.journal.timeZone };
  const rules = rulesOfPeriod(ctx.marking, period);
  const facts = factsOf({ ...ctx, period }, journal, studentId);
  const marks = new Map(read.marks.filter((m) => m.studentId === studentId).flatMap((m) => (finalMarkView(m) ? [[m.subjectId, finalMarkView(m)!] as const] : [])));
  const subjects = facts
    .map((f) => {
      const j = justifyPeriod(countedMarksOf(journal.get(f.subjectId!)!.marks, studentId, period), rules, ctx.lines.find((l) => l.subjectId === f.subjectId)?.hoursPerWeek ?? 0);
      const w: StudentWarnings = studentWarnings(f, wctx);
      return {
        subjectId: f.subjectId!,
        subjectName: subjectName.get(f.subjectId!) ?? f.subjectId!,
        mark: marks.get(f.subjectId!) ?? systemMarkView(cls.grade, 'period', f.subjectId!, studentId, period.periodId),
        justification: { ...j, summary: justificationSummary(j) },
        warnings: w.warnings,
        daysLeft: w.daysLeft,
        lessonsLeft: w.lessonsLeft,
      };
    })
    .sort((a, b) => a.subjectName.localeCompare(b.subjectName, 'ru'));
  return {
    studentId,
    classId: cls.classId,
    className: className(cls),
    period: periodView(period),
    today: dateInZone(now, ctx.marking.journal.timeZone),
    rule: roundingRule(rules.thresholds),
    // The what-if of the diary runs `whatIf` in the browser under these same rules.
    rules,
    subjects,
  };
}

/**
 * The deputy's school reports (issue 13, item 2; clause 5): movement dynamics, class sizes, the
 * school's results by class, subject and teacher, and a class's final data. The rules are
 * shared/domain/reports/{school-movement,school-results,movement-sheet,summary-sheet}.ts; here
 * the reads, every one by key or a Query on one key prefix (no Scan). DynamoDB requests, with N
 * the classes of the year (about 30 in the demo school):
 * - every school report: the school item and the year (GetItems) and the school's CLS# prefix: 3;
 * - movement dynamics: + 1 Query of the school's movement list (GSI1, the year's date range) = 4;
 * - class sizes: + the movement list from the year's start + N class lists (GSI2) = 4 + N;
 * - results for a period: + the year's curriculum (LOAD# prefix), subjects, staff, and per class
 *   the FINAL# range of the period and of the one before, + one BatchGetItem of the split
 *   subjects' subgroups = 6 + 2N + 1 (all in parallel after the first 3);
 * - final data of a class: school, class, year, curriculum, subjects, class list, year marks and one
 *   FINAL# Query per period = 7 + periods (3 round trips).
 */
import type { SchoolClass } from '../../repos/school';
import { dateInZone } from '../../domain/calendar';
import { classTitle } from '../../domain/people-classes';
import { isGraduationGrade } from '../../domain/movement';
import { monthsBetween } from '../../domain/reports/attendance';
import { classSizes, movementDynamics, type ReportClass } from '../../domain/reports/school-movement';
import { finalData, schoolResults, type ResultLine } from '../../domain/reports/school-results';
import { periodsForGrade, type AcademicYear, type Period } from '../../domain/year';
import { BadRequestError, NotFoundError } from '../../errors';
import { listLoad, listSubjects, listTeachers } from '../../repos/curriculum';
import { listMovementsOfSchool } from '../../repos/movement';
import { readPeriodMarks, readYearMarks } from '../../repos/period-marks';
import { getClass, listClasses, listStudentsOfClass, type School } from '../../repos/school';
import { getSubgroupSetsOf } from '../../repos/school-reports';
import { getYear } from '../../repos/year';
import { periodView } from '../early-warnings';
import { subjectMarking } from '../period-marks';
import { live } from './summary';

export interface SchoolReportContext {
  schoolId: string;
  schoolName: string;
  timeZone: string;
  today: string;
  year: AcademicYear;
  /** The classes of the year, by grade and letter. */
  classes: SchoolClass[];
}

/** The year and its classes (2 requests in parallel; the caller has read and authorised the school); 404 for an unknown year. */
export async function loadSchoolReportContext(school: Pick<School, 'schoolId' | 'name' | 'timeZone'>, yearId: string, now: Date): Promise<SchoolReportContext> {
  const [classes, year] = await Promise.all([listClasses(school.schoolId), getYear(school.schoolId, yearId)]);
  if (!year) throw new NotFoundError('Такой учебный год в школе не заведён.');
  return { schoolId: school.schoolId, schoolName: school.name, timeZone: school.timeZone, today: dateInZone(now, school.timeZone), year, classes: classes.filter((c) => c.yearId === yearId) };
}

/** What heads every school report. */
export function schoolHeading(ctx: Pick<SchoolReportContext, 'schoolName' | 'timeZone' | 'today' | 'year'>) {
  return { schoolName: ctx.schoolName, yearId: ctx.year.yearId, yearName: `${ctx.year.yearId}/${Number(ctx.year.yearId) + 1} учебный год`, today: ctx.today, timeZone: ctx.timeZone };
}

const reportClass = (c: SchoolClass): ReportClass => ({ classId: c.classId, title: classTitle(c), grade: c.grade });

/** From the year's first day to its last, or to today while it runs. */
function yearSpan(ctx: SchoolReportContext) {
  const until = ctx.year.endDate < ctx.today ? ctx.year.endDate : ctx.today;
  return { from: ctx.year.startDate, until };
}

export async function schoolMovementReport(ctx: SchoolReportContext) {
  const { from, until } = yearSpan(ctx);
  const moves = await listMovementsOfSchool(ctx.schoolId, from, until);
  return { ...schoolHeading(ctx), from, until, ...movementDynamics({ classes: ctx.classes.map(reportClass), months: from <= until ? monthsBetween(from, until) : [], movements: moves }) };
}

export async function classSizesReport(ctx: SchoolReportContext) {
  const [moves, lists] = await Promise.all([listMovementsOfSchool(ctx.schoolId, ctx.year.startDate), Promise.all(ctx.classes.map((c) => listStudentsOfClass(ctx.schoolId, c.classId)))]);
  const classes = ctx.classes.map((c, i) => ({ ...reportClass(c), periods: periodsForGrade(ctx.year, c.grade).map(periodView), current: lists[i]!.map((s) => s.studentId) }));
  return { ...schoolHeading(ctx), ...classSizes({ classes, movements: moves, today: ctx.today }) };
}

/** Every period of the year once (quarters, then halves), for the results' switch. */
export function periodsOfYear(year: AcademicYear): Period[] {
  return [...new Map(year.periodSets.flatMap((s) => s.periods).map((p) => [p.periodId, p])).values()];
}

/** The period a results report shows when none is asked: the one today falls in, else the last begun, of the year's first set. */
export function defaultPeriod(year: AcademicYear, today: string): Period | undefined {
  const periods = year.periodSets[0]?.periods ?? [];
  return periods.find((p) => p.startDate <= today && today <= p.endDate) ?? [...periods].reverse().find((p) => p.startDate <= today) ?? periods[0];
}

export async function schoolResultsReport(ctx: SchoolReportContext, periodId?: string) {
  const period = periodId ? periodsOfYear(ctx.year).find((p) => p.periodId === periodId) : defaultPeriod(ctx.year, ctx.today);
  if (!period) throw new BadRequestError(periodId ? 'Такого учебного периода в этом году нет.' : 'В учебном году не заданы периоды.');
  // The classes whose period set has this period, and the period before it in that set.
  const taking = ctx.classes.flatMap((c) => {
    const periods = periodsForGrade(ctx.year, c.grade);
    const at = periods.findIndex((p) => p.periodId === period.periodId);
    return at < 0 ? [] : [{ cls: c, previous: periods[at - 1] }];
  });
  const previous = taking[0]?.previous;
  const [lines, subjects, teachers, marks] = await Promise.all([
    listLoad(ctx.schoolId, ctx.year.yearId),
    listSubjects(ctx.schoolId),
    listTeachers(ctx.schoolId),
    Promise.all(taking.map(({ cls, previous: p }) => Promise.all([readPeriodMarks(ctx.schoolId, cls.classId, period.periodId), p ? readPeriodMarks(ctx.schoolId, cls.classId, p.periodId) : Promise.resolve(null)]))),
  ]);
  const split = lines.filter((l) => l.groups?.length && taking.some((t) => t.cls.classId === l.classId));
  const groupSets = await getSubgroupSetsOf(ctx.schoolId, split.flatMap((l) => [{ classId: l.classId, periodId: period.periodId, subjectId: l.subjectId }]));
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const teacherName = new Map(teachers.map((t) => [t.userId, t.name]));
  const results = schoolResults({
    classes: taking.map(({ cls }, i) => ({
      classId: cls.classId,
      className: classTitle(cls),
      lines: lines.filter((l) => l.classId === cls.classId).map((l): ResultLine => {
        const groups = groupSets.find((g) => g.classId === cls.classId && g.subjectId === l.subjectId)?.groups;
        return {
          subjectId: l.subjectId,
          passFail: subjectMarking(l).passFail,
          ...(l.teacherId ? { teacherId: l.teacherId } : {}),
          // Split: each group's teacher answers for its students of this period (the previous period's marks are split the same way).
          ...(l.groups?.length ? { groups: l.groups.map((g) => ({ teacherId: g.teacherId, studentIds: groups?.find((x) => x.groupId === g.groupId)?.studentIds ?? [] })) } : {}),
        };
      }),
      now: live(marks[i]![0].marks),
      before: marks[i]![1] ? live(marks[i]![1].marks) : null,
    })),
    subjectName: (id) => subjectName.get(id) ?? id,
    teacherName: (id) => teacherName.get(id) ?? 'учитель не в списке школы',
  });
  return {
    ...schoolHeading(ctx),
    period: periodView(period),
    previous: previous ? periodView(previous) : null,
    periods: periodsOfYear(ctx.year).map(periodView),
    ...results,
  };
}

/** A class's final data for its year: the class is read first, then everything else in parallel. */
export async function finalDataReport(school: Pick<School, 'schoolId' | 'name' | 'timeZone'>, classId: string, now: Date) {
  const schoolId = school.schoolId;
  const cls = await getClass(schoolId, classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const [year, lines, subjects, cards, yearMarks] = await Promise.all([
    getYear(schoolId, cls.yearId),
    listLoad(schoolId, cls.yearId, classId),
    listSubjects(schoolId),
    listStudentsOfClass(schoolId, classId),
    readYearMarks(schoolId, classId, cls.yearId),
  ]);
  if (!year) throw new NotFoundError('Учебный год класса не заведён.');
  const periods = periodsForGrade(year, cls.grade);
  const periodMarks = await Promise.all(periods.map((p) => readPeriodMarks(schoolId, classId, p.periodId)));
  const names = new Map(subjects.map((s) => [s.subjectId, s]));
  const columns = lines
    .map((l) => ({ subjectId: l.subjectId, name: names.get(l.subjectId)?.name ?? l.subjectId, shortName: names.get(l.subjectId)?.shortName ?? l.subjectId }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const students = cards.map((c) => ({ studentId: c.studentId, name: `${c.lastName} ${c.firstName}` })).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const kind = (k: string) => live(yearMarks.marks.filter((m) => m.kind === k));
  const ctx = { schoolName: school.name, timeZone: school.timeZone, today: dateInZone(now, school.timeZone), year };
  return {
    ...schoolHeading(ctx),
    classId,
    className: classTitle(cls),
    subjects: columns,
    ...finalData({
      students,
      subjects: columns,
      periods: periods.map((p, i) => ({ name: p.name, marks: live(periodMarks[i]!.marks) })),
      year: kind('year'),
      ...(isGraduationGrade(cls.grade) ? { exams: { exam: kind('exam'), final: kind('final') } } : {}),
    }),
  };
}

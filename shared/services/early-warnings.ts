/**
 * Early warnings of a class and of a whole school, computed by the pure rules of
 * shared/domain/early-warning.ts from the class's journal of the period under the rules of the
 * period's last day, with `now` passed in.
 *
 * A class costs ONE Query of its class x period partition's `SUBJ#` range (plus its pages); the
 * students' names come from the rosters in that range, so no class list is read. A school reads
 * what every class shares once (department and school, classes, year, the whole curriculum,
 * subjects: 5 requests) and then its classes' journals in parallel: 5 + one Query per class (and
 * its pages), read only. A subject whose journal was never opened in the period has no roster
 * yet, so the school's list cannot name its students; the class's own list builds the rosters.
 */
import type { Principal } from '../auth/roles';
import { studentLessonsOf, warningsList, type StudentFacts } from '../domain/early-warning';
import { countedMarksOf, justifyPeriod } from '../domain/mark-justification';
import { dateInZone } from '../domain/calendar';
import { periodOn, periodsForGrade, type Period } from '../domain/year';
import { NotFoundError } from '../errors';
import { listLoad, listSubjects } from '../repos/curriculum';
import { readClassJournal, type SubjectJournal } from '../repos/period-marks';
import { className, getDepartmentAndSchoolItems, listClasses } from '../repos/school';
import { getYear } from '../repos/year';
import { currentPeriod } from './journal-mine';
import { materialiseRosters } from './journal-rosters';
import { markingContextOf, rulesOfPeriod } from './period-marks';
import type { ClassMarksContext } from './period-marks-read';

type WarningsContext = Pick<ClassMarksContext, 'schoolClass' | 'lines' | 'marking'> & { period: Period };

/** The class's journal of the period, its rosters built first where the curriculum has a subject without one (as the journal does on first use). */
export async function classJournalWithRosters(ctx: Pick<WarningsContext, 'schoolClass' | 'lines' | 'period'>, now: Date) {
  const { schoolId, classId } = ctx.schoolClass;
  const periodId = ctx.period.periodId;
  const read = await readClassJournal(schoolId, classId, periodId);
  if (ctx.lines.every((l) => read.subjects.get(l.subjectId)?.roster)) return read;
  await materialiseRosters(schoolId, classId, periodId, now);
  return readClassJournal(schoolId, classId, periodId);
}

/** Every student x subject of the class's curriculum: the justification and the lessons the warnings are judged on. */
export function factsOf(ctx: Pick<WarningsContext, 'lines' | 'marking' | 'period'>, subjects: Map<string, SubjectJournal>, onlyStudent?: string): StudentFacts[] {
  const period = ctx.period;
  const rules = rulesOfPeriod(ctx.marking, period);
  const hours = new Map(ctx.lines.map((l) => [l.subjectId, l.hoursPerWeek]));
  const out: StudentFacts[] = [];
  for (const [subjectId, j] of subjects) {
    if (!j.roster || !hours.has(subjectId)) continue;
    for (const s of j.roster.students) {
      if (onlyStudent && s.studentId !== onlyStudent) continue;
      out.push({
        studentId: s.studentId,
        subjectId,
        justification: justifyPeriod(countedMarksOf(j.marks, s.studentId, period), rules, hours.get(subjectId)!),
        lessons: studentLessonsOf(j.lessons, j.attendance, s, j.roster.groups),
      });
    }
  }
  return out;
}

/** A period as the answers show it. */
export const periodView = (p: Period) => ({ periodId: p.periodId, name: p.name, startDate: p.startDate, endDate: p.endDate });

/**
 * One class's students heading for a «2» or «н/а», or whose attendance falls: the most urgent
 * first. `buildRosters`: a class's own list builds the rosters its journal never had (as the
 * journal does on first use); the school's list only reads, so that one GET never writes rosters
 * for every class of a school.
 */
async function warningsOfClass(ctx: WarningsContext, subjectName: ReadonlyMap<string, string>, now: Date, buildRosters: boolean) {
  const cls = ctx.schoolClass;
  const { subjects, pages } = buildRosters ? await classJournalWithRosters(ctx, now) : await readClassJournal(cls.schoolId, cls.classId, ctx.period.periodId);
  const names = new Map([...subjects.values()].flatMap((j) => (j.roster?.students ?? []).map((s) => [s.studentId, s.name] as const)));
  const list = warningsList(factsOf(ctx, subjects), { period: ctx.period, now, timeZone: ctx.marking.journal.timeZone });
  return {
    classId: cls.classId,
    className: className(cls),
    period: periodView(ctx.period),
    students: list.map((w) => ({ ...w, studentName: names.get(w.studentId) ?? w.studentId, subjectName: w.subjectId ? (subjectName.get(w.subjectId) ?? w.subjectId) : undefined })),
    unopened: ctx.lines.filter((l) => !subjects.get(l.subjectId)?.roster).map((l) => subjectName.get(l.subjectId) ?? l.subjectId),
    queryPages: pages,
  };
}

const namesOf = (subjects: ReadonlyArray<{ subjectId: string; name: string }>) => new Map(subjects.map((s) => [s.subjectId, s.name]));

/** The class's warnings in the period of the path. */
export async function classWarnings(ctx: ClassMarksContext, now: Date) {
  const subjects = await listSubjects(ctx.schoolClass.schoolId);
  const out = await warningsOfClass({ ...ctx, period: ctx.period! }, namesOf(subjects), now, true);
  return { ...out, today: dateInZone(now, ctx.marking.journal.timeZone), periods: ctx.periods.map(periodView) };
}

/**
 * Every class of the school's current year in the period `periodId`, or in the class's period of
 * today. Grades on halves have no quarter (and the other way round): such a class is judged in its
 * own period holding the named period's last day (the 2nd quarter → the 1st half-year). Classes
 * without a period or curriculum are left out; classes with no warning are listed empty, so the
 * screen can say they were checked; `unopened` names the subjects of a class judged nowhere for
 * want of a roster.
 */
export async function schoolWarnings(p: Principal, schoolId: string, now: Date, periodId?: string) {
  const [items, classes, subjects] = await Promise.all([getDepartmentAndSchoolItems(p.departmentId, schoolId), listClasses(schoolId), listSubjects(schoolId)]);
  if (!items.school) throw new NotFoundError('Школа не найдена.');
  const marking = markingContextOf(items.department, items.school, now);
  const today = dateInZone(now, marking.journal.timeZone);
  const yearId = classes.map((c) => c.yearId).sort().at(-1);
  const [year, lines] = yearId ? await Promise.all([getYear(schoolId, yearId), listLoad(schoolId, yearId)]) : [null, []];
  const named = periodId ? year?.periodSets.flatMap((s) => s.periods).find((x) => x.periodId === periodId) : undefined;
  if (periodId && !named) throw new NotFoundError('Нет такого периода в учебном году школы.');
  const contexts = (year ? classes.filter((c) => c.yearId === year.yearId) : []).flatMap((schoolClass): WarningsContext[] => {
    const periods = periodsForGrade(year!, schoolClass.grade);
    const period = named ? (periods.find((x) => x.periodId === named.periodId) ?? periodOn(year!, schoolClass.grade, named.endDate)) : currentPeriod(periods, today);
    const own = lines.filter((l) => l.classId === schoolClass.classId);
    return period && own.length ? [{ schoolClass, lines: own, marking, period }] : [];
  });
  const names = namesOf(subjects);
  const list = await Promise.all(contexts.map((c) => warningsOfClass(c, names, now, false)));
  const periods = [...new Map((year?.periodSets ?? []).flatMap((s) => s.periods).map((x) => [x.periodId, periodView(x)])).values()];
  return { schoolId, today, periodId: named?.periodId ?? null, periods, classes: list, queryPages: list.reduce((n, c) => n + c.queryPages, 0) };
}

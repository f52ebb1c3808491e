/**
 * What the deputy sees of the period close (R-40; issue 14): the year's periods with the state of
 * their close, and one period's close class by class (its state, what it found missing, the
 * journal's check against its log, the documents stored with their SHA-256). Reads: the school's
 * years (one Query) and the close partition (one Query), plus the school's classes for one period.
 */
import { dateInZone } from '../domain/calendar';
import { CLOSE_STATE_TEXT, closeDayOf, findingsText, gradesOfPeriod, isCloseDue, periodsOfYear } from '../domain/period-close';
import { periodsForGrade, type AcademicYear, type Period } from '../domain/year';
import { NotFoundError } from '../errors';
import { readCloses, type StoredClassClose, type StoredClose } from '../repos/period-close';
import { className, listClasses, type School } from '../repos/school';
import { listYears } from '../repos/year';

/** The school year that holds the period, and the period; 404 when no year of the school has it. */
export async function periodOfSchool(schoolId: string, periodId: string): Promise<{ year: AcademicYear; period: Period }> {
  for (const year of await listYears(schoolId)) {
    const period = periodsOfYear(year).find((p) => p.periodId === periodId);
    if (period) return { year, period };
  }
  throw new NotFoundError('Учебный период не найден.');
}

export type PeriodCloseState = 'notDue' | 'due' | 'running' | 'done';

const PERIOD_STATE_TEXT: Record<PeriodCloseState, string> = {
  notDue: 'Период идёт',
  due: 'Ожидает закрытия',
  running: CLOSE_STATE_TEXT.running,
  done: 'Закрыт',
};

function stateOf(run: StoredClose | undefined, due: boolean): PeriodCloseState {
  if (run) return run.state;
  return due ? 'due' : 'notDue';
}

/** The periods of the school's current year (the latest begun by today) and their closes. */
export async function closesOverview(school: School, now: Date) {
  const today = dateInZone(now, school.timeZone);
  const [years, closes] = await Promise.all([listYears(school.schoolId), readCloses(school.schoolId)]);
  const year = years.filter((y) => y.startDate <= today).at(-1) ?? years[0];
  if (!year) throw new NotFoundError('Учебный год школы не заведён.');
  const runs = new Map(closes.runs.map((r) => [r.periodId, r]));
  return {
    schoolName: school.name,
    today,
    yearId: year.yearId,
    periods: periodsOfYear(year).map((p) => {
      const run = runs.get(p.periodId);
      const state = stateOf(run, isCloseDue(p, today));
      const classes = closes.classes.filter((c) => c.periodId === p.periodId);
      return {
        periodId: p.periodId,
        name: p.name,
        startDate: p.startDate,
        endDate: p.endDate,
        closeDay: closeDayOf(p),
        state,
        stateText: PERIOD_STATE_TEXT[state],
        classesDone: classes.filter((c) => c.state === 'done').length,
        classesTotal: run?.classIds.length ?? 0,
        ...(run ? { closedOn: run.closedOn } : {}),
      };
    }),
  };
}

function classView(c: StoredClassClose | undefined, classId: string, name: string) {
  const state = c?.state ?? 'pending';
  return {
    classId,
    className: name,
    state,
    stateText: CLOSE_STATE_TEXT[state],
    ...(c?.lockedAt ? { lockedAt: c.lockedAt } : {}),
    ...(c?.doneAt ? { doneAt: c.doneAt } : {}),
    ...(c?.findings ? { findings: c.findings, findingsText: findingsText(c.findings) } : {}),
    ...(c?.integrity ? { integrity: c.integrity } : {}),
    documents: (c?.documents ?? []).map((d) => ({ kind: d.kind, title: d.title, fileName: d.fileName, sha256: d.sha256, bytes: d.bytes, retention: d.retention })),
  };
}

/** One period's close, class by class (the classes not reached yet as «ожидает»). */
export async function closeDetail(school: School, periodId: string, now: Date) {
  const today = dateInZone(now, school.timeZone);
  const { year, period } = await periodOfSchool(school.schoolId, periodId);
  const grades = gradesOfPeriod(year, periodId);
  const [all, closes] = await Promise.all([listClasses(school.schoolId), readCloses(school.schoolId, periodId)]);
  const run = closes.runs[0];
  const stored = new Map(closes.classes.map((c) => [c.classId, c]));
  const classes = all.filter((c) => c.yearId === year.yearId && grades.includes(c.grade) && periodsForGrade(year, c.grade).some((p) => p.periodId === periodId));
  const state = stateOf(run, isCloseDue(period, today));
  return {
    schoolName: school.name,
    today,
    yearId: year.yearId,
    periodId,
    periodName: period.name,
    startDate: period.startDate,
    endDate: period.endDate,
    closeDay: closeDayOf(period),
    state,
    stateText: PERIOD_STATE_TEXT[state],
    ...(run ? { closedOn: run.closedOn, startedAt: run.startedAt } : {}),
    ...(run?.doneAt ? { doneAt: run.doneAt } : {}),
    ...(run?.manifest ? { manifest: { fileName: run.manifest.fileName, sha256: run.manifest.sha256, bytes: run.manifest.bytes } } : {}),
    classes: classes.map((c) => classView(stored.get(c.classId), c.classId, className(c))),
  };
}

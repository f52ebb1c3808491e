/**
 * The school's monitoring of how the journal is kept (R-62; clauses 3.11, 8.2, 8.3; issue 13,
 * item 3): per teacher x class x subject of a period, to today, the figures and problems of
 * shared/domain/reports/monitoring.ts, and per class the families' activity in the diary. The check
 * and its справка (item 4) and the department's comparison (item 5) are drawn from this object.
 *
 * Reads (budget report.school_monitoring.ddb_requests): the department and school items (one
 * BatchGetItem: name, zone, locks, thresholds), the year, the classes, the year plan's KTPs and
 * assessment procedures (one Query each), the subjects, the school's accounts projected to their
 * last sign-in day (one Query of GSI2, its pages), the teachers' names (BatchGetItem), and each
 * class x period partition's SUBJ# range with ONE Query (plus its pages), projected to what is
 * counted (shared/repos/monitoring.ts), a few classes at a time.
 */
import { addDays, dateInZone } from '../../domain/calendar';
import type { AssessmentKind } from '../../domain/assessments';
import type { RosterStudent } from '../../domain/journal-model';
import {
  classActivity,
  MONITORING_NOTES,
  resolveMonitoringThresholds,
  subjectRows,
  type ActivityAccount,
  type ClassActivity,
  type MonitoringRow,
  type MonitoringThresholds,
  type MonitoringWindow,
} from '../../domain/reports/monitoring';
import type { SchoolSettings } from '../../domain/settings';
import { periodsForGrade, type AcademicYear, type Period } from '../../domain/year';
import { NotFoundError } from '../../errors';
import { accountActivityOfSchool, type AccountActivity } from '../../repos/accounts';
import { listAssessmentsOfSchool } from '../../repos/assessments';
import { listKtpSummariesOfClass } from '../../repos/ktp';
import { readJournalForMonitoring } from '../../repos/monitoring';
import type { SubjectJournal } from '../../repos/period-marks';
import { className, getDepartmentAndSchoolItems, listClasses, type SchoolClass } from '../../repos/school';
import { getYear } from '../../repos/year';
import { periodView } from '../early-warnings';
import type { ReportPeriods } from './heading';
import { rulesFromItems } from '../journal-settings';
import { linesOfTeacher, subjectNames, teacherNames } from '../ktp-sources';

export type { MonitoringRow, MonitoringThresholds, ClassActivity } from '../../domain/reports/monitoring';

export interface MonitoringInput {
  schoolId: string;
  /** The school's department (its items carry the locks and the school's settings). */
  departmentId: string;
  yearId: string;
  periodId: string;
  now: Date;
  /** Only these classes (the check of some classes); all classes of the year when absent. */
  classIds?: string[];
  /** Only this teacher's rows (the activity stays per class). */
  teacherId?: string;
}

export interface MonitoringRowView extends MonitoringRow {
  teacherName: string;
  className: string;
  grade: number;
  subjectName: string;
}

export interface ClassActivityView extends ClassActivity {
  className: string;
}

/** `periods`: every period of the year, of every grade's set; `from`..`until`: the days counted, the period's start to its end or today. */
export interface SchoolMonitoring extends ReportPeriods {
  schoolId: string;
  schoolName: string;
  yearId: string;
  from: string;
  until: string;
  thresholds: MonitoringThresholds;
  classes: Array<{ classId: string; className: string; grade: number; periodName: string }>;
  teachers: Array<{ userId: string; name: string }>;
  classOptions: Array<{ classId: string; className: string }>;
  rows: MonitoringRowView[];
  activity: ClassActivityView[];
  /** Rows and classes with at least one problem. */
  problemRows: number;
  notes: string[];
  /** Pages of the class x period Queries (one Query per class). */
  journalQueries: number;
}

/** Classes read at once: enough to overlap the round trips, few enough not to crowd one Lambda. */
const CONCURRENCY = 6;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Every period of the year once, by its start (quarters and halves side by side). */
export function yearPeriods(year: Pick<AcademicYear, 'periodSets'>): Period[] {
  const seen = new Map<string, Period>();
  for (const set of year.periodSets) for (const p of set.periods) if (!seen.has(p.periodId)) seen.set(p.periodId, p);
  return [...seen.values()].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate));
}

/** The period named `current` stands for: the shortest one today falls in (a quarter before its half-year), else the next, else the last. */
export const CURRENT_PERIOD = 'current';

export function currentPeriodOf(periods: readonly Period[], today: string): Period | undefined {
  const now = periods.filter((p) => p.startDate <= today && today <= p.endDate).sort((a, b) => a.endDate.localeCompare(b.endDate) || b.startDate.localeCompare(a.startDate));
  return now[0] ?? periods.find((p) => p.startDate > today) ?? periods.at(-1);
}

/**
 * The class's own period for the one asked: the same one, or, for a grade on another set (halves
 * while the school looks at a quarter), the class's period that holds the asked one's days; the
 * figures are then counted on the asked period's days only.
 */
export function classPeriodFor(year: Pick<AcademicYear, 'periodSets'>, grade: number, asked: Period): Period | undefined {
  const own = periodsForGrade(year, grade);
  return own.find((p) => p.periodId === asked.periodId) ?? own.find((p) => p.startDate <= asked.startDate && asked.startDate <= p.endDate);
}

/** The students on a class's rosters today (or at the end of the window), by any subject's roster. */
function classStudents(subjects: Map<string, SubjectJournal>): RosterStudent[] {
  const out = new Map<string, RosterStudent>();
  for (const j of subjects.values()) for (const s of j.roster?.students ?? []) if (!out.has(s.studentId)) out.set(s.studentId, s);
  return [...out.values()];
}

/** Students' and parents' accounts of a class (disabled accounts cannot sign in: not counted). */
function familiesOf(studentIds: ReadonlySet<string>, accounts: readonly AccountActivity[]): { students: ActivityAccount[]; parents: ActivityAccount[] } {
  const live = accounts.filter((a) => a.status !== 'disabled');
  const grantFor = (a: AccountActivity, role: 'student' | 'parent') =>
    a.grants.some((g) => g.role === role && 'studentId' in g && typeof g.studentId === 'string' && studentIds.has(g.studentId));
  const pick = (a: AccountActivity): ActivityAccount => ({ userId: a.userId, ...(a.lastSignInOn ? { lastSignInOn: a.lastSignInOn } : {}) });
  return {
    students: live.filter((a) => a.kind === 'student' && grantFor(a, 'student')).map(pick),
    parents: live.filter((a) => a.kind === 'parent' && grantFor(a, 'parent')).map(pick),
  };
}

export async function schoolMonitoring(input: MonitoringInput): Promise<SchoolMonitoring> {
  const { schoolId, yearId } = input;
  // The school and the year first: a year or period that is not there costs two reads, not the school's.
  const [items, year] = await Promise.all([getDepartmentAndSchoolItems(input.departmentId, schoolId), getYear(schoolId, yearId)]);
  if (!items.school) throw new NotFoundError('Школа не найдена.');
  if (!year) throw new NotFoundError('Учебный год не найден.');
  const rules = rulesFromItems(items.department, items.school, input.now);
  const thresholds = resolveMonitoringThresholds((items.school.settings as Partial<SchoolSettings> | undefined)?.monitoringThresholds);
  const timeZone = rules.timeZone;
  const today = dateInZone(input.now, timeZone);
  const periods = yearPeriods(year);
  const asked = input.periodId === CURRENT_PERIOD ? currentPeriodOf(periods, today) : periods.find((p) => p.periodId === input.periodId);
  if (!asked) throw new NotFoundError('Нет такого периода в учебном году.');
  const [allClasses, ktps, assessments, subjects, accounts, teacherLines] = await Promise.all([
    listClasses(schoolId),
    listKtpSummariesOfClass(schoolId, yearId),
    listAssessmentsOfSchool(schoolId, yearId),
    subjectNames(schoolId),
    accountActivityOfSchool(schoolId),
    // One teacher's rows: only the classes of their load are read (one Query of the curriculum's teacher index).
    input.teacherId ? linesOfTeacher(schoolId, yearId, input.teacherId) : Promise.resolve(null),
  ]);
  const until = asked.endDate < today ? asked.endDate : today;
  const wanted = input.classIds ? new Set(input.classIds) : null;
  const taught = teacherLines ? new Set(teacherLines.map((l) => l.classId)) : null;
  const classes = allClasses
    .filter((c) => c.yearId === yearId && (!wanted || wanted.has(c.classId)) && (!taught || taught.has(c.classId)))
    .flatMap((c) => {
      const period = classPeriodFor(year, c.grade, asked);
      return period ? [{ cls: c, period }] : [];
    });

  const window: MonitoringWindow = {
    from: asked.startDate,
    until: until < asked.startDate ? addDays(asked.startDate, -1) : until,
    to: asked.endDate,
    today,
    locks: rules.locks,
    dayOf: (iso) => dateInZone(new Date(iso), timeZone),
  };
  const ktpsOf = (classId: string, subjectId: string) => ktps.filter((k) => k.classId === classId && k.subjectId === subjectId).map((k) => ({ groupId: k.groupId, status: k.status }));
  const assessmentsOf = (classId: string, subjectId: string) =>
    assessments.filter((a) => a.classId === classId && a.subjectId === subjectId).map((a) => ({ date: a.date, kind: a.kind as AssessmentKind, ...(a.title ? { title: a.title } : {}) }));

  let journalQueries = 0;
  const perClass = await mapLimited(classes, CONCURRENCY, async ({ cls, period }) => {
    const { subjects: journal, pages } = await readJournalForMonitoring(schoolId, cls.classId, period.periodId);
    journalQueries += pages;
    const everyone = classStudents(journal);
    const rows: MonitoringRow[] = [];
    for (const [subjectId, j] of journal) {
      rows.push(
        ...subjectRows(
          {
            classId: cls.classId,
            subjectId,
            students: j.roster?.students ?? everyone,
            groups: j.roster?.groups ?? [],
            ...(j.roster?.line?.teacherId ? { lineTeacherId: j.roster.line.teacherId } : {}),
            lessons: j.lessons,
            marks: j.marks,
            attendance: j.attendance,
            ktps: ktpsOf(cls.classId, subjectId),
            assessments: assessmentsOf(cls.classId, subjectId),
          },
          window,
          thresholds,
        ),
      );
    }
    const current = everyone.filter((s) => s.until === undefined || s.until > window.until);
    const ids = new Set(current.length ? current.map((s) => s.studentId) : accounts.filter((a) => a.kind === 'student' && a.classId === cls.classId).flatMap((a) => a.grants.flatMap((g) => ('studentId' in g && g.role === 'student' ? [String(g.studentId)] : []))));
    return { cls, period, rows, activity: classActivity(cls.classId, familiesOf(ids, accounts), today, thresholds) };
  });

  const everyRow = perClass.flatMap((c) => c.rows);
  const rowsAll = everyRow.filter((r) => !input.teacherId || r.teacherId === input.teacherId);
  const names = await teacherNames(everyRow.map((r) => r.teacherId).filter(Boolean));
  const nameOf = (teacherId: string) => names.get(teacherId) ?? (teacherId || 'Учитель не назначен');
  const classById = new Map<string, SchoolClass>(classes.map((c) => [c.cls.classId, c.cls]));
  const rows: MonitoringRowView[] = rowsAll
    .map((r) => {
      const cls = classById.get(r.classId)!;
      return { ...r, teacherName: nameOf(r.teacherId), className: className(cls), grade: cls.grade, subjectName: subjects.get(r.subjectId) ?? r.subjectId };
    })
    .sort((a, b) => a.teacherName.localeCompare(b.teacherName, 'ru') || a.grade - b.grade || a.className.localeCompare(b.className, 'ru') || a.subjectName.localeCompare(b.subjectName, 'ru'));
  const activity = perClass.map((c) => ({ ...c.activity, className: className(c.cls) }));
  // The filters' choices: every teacher of the classes shown, every class of the year.
  const teachers = [...new Set(everyRow.map((r) => r.teacherId))].map((userId) => ({ userId, name: nameOf(userId) })).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const classOptions = allClasses.filter((c) => c.yearId === yearId).map((c) => ({ classId: c.classId, className: className(c) }));

  return {
    schoolId,
    schoolName: String(items.school.name ?? ''),
    yearId,
    period: periodView(asked),
    periods: periods.map(periodView),
    today,
    from: window.from,
    until: window.until,
    timeZone,
    thresholds,
    classes: classes.map(({ cls, period }) => ({ classId: cls.classId, className: className(cls), grade: cls.grade, periodName: period.name })),
    teachers,
    classOptions,
    rows,
    activity,
    problemRows: rows.filter((r) => r.problems.length > 0).length + activity.filter((a) => a.problems.length > 0).length,
    notes: MONITORING_NOTES,
    journalQueries,
  };
}

/**
 * Paper progress reports (clause 3.13, R-52): a parent who cannot or will not use the electronic
 * diary applies in writing, and the school hands them a printed report at least once in 2 weeks.
 * Pure rules: the fortnight grid, which applications a fortnight covers, when a report is overdue,
 * and a pupil's fortnight summary. Dates are school-local YYYY-MM-DD; `today` is passed in.
 */
import { addDays, daysBetween, mondayOf, ruDate, weekdayOf } from './calendar';
import { weightedAverage } from './journal-marks';
import { REASON_TITLES, type AbsenceReason, type AttendanceKind } from './journal-model';
import { ruAverage } from './mark-justification';
import { workTypeName } from './work-types';
import type { AcademicYear } from './year';

// --- the fortnight grid ------------------------------------------------------------------------

/**
 * A fortnight of a school year. The grid is fixed: fortnights of 14 days counted from the Monday of
 * the week the year starts in, so «the last two weeks» of any run names the same fortnight and a
 * report is keyed by it (the job run twice for one fortnight finds its report and makes none).
 * The dates are clipped to the year (the first fortnight begins on 1 September, not the Monday before).
 */
export interface Fortnight {
  /** '2026-f07': the year and the fortnight's number, stable across runs. */
  fortnightId: string;
  yearId: string;
  number: number;
  from: string;
  to: string;
}

type YearSpan = Pick<AcademicYear, 'yearId' | 'startDate' | 'endDate'>;

const FORTNIGHT_ID = /^(\d{4})-f(\d{2})$/;

export function fortnightIdOf(yearId: string, n: number): string {
  return `${yearId}-f${String(n).padStart(2, '0')}`;
}

export function parseFortnightId(id: string): { yearId: string; number: number } | null {
  const m = FORTNIGHT_ID.exec(id);
  return m && Number(m[2]) >= 1 ? { yearId: m[1]!, number: Number(m[2]) } : null;
}

/** Fortnight `n` (from 1) of the year, or null when it lies outside the year. */
export function fortnightByNumber(year: YearSpan, n: number): Fortnight | null {
  if (!Number.isInteger(n) || n < 1) return null;
  const start = addDays(mondayOf(year.startDate), (n - 1) * 14);
  if (start > year.endDate) return null;
  const end = addDays(start, 13);
  return {
    fortnightId: fortnightIdOf(year.yearId, n),
    yearId: year.yearId,
    number: n,
    from: start < year.startDate ? year.startDate : start,
    to: end > year.endDate ? year.endDate : end,
  };
}

/** The fortnight of the year that holds `date`, or null outside the year. */
export function fortnightOf(year: YearSpan, date: string): Fortnight | null {
  if (date < year.startDate || date > year.endDate) return null;
  return fortnightByNumber(year, Math.floor(daysBetween(mondayOf(year.startDate), date) / 14) + 1);
}

/**
 * The fortnight a run on `today` reports on: the last one that has ended (its last day is before
 * today). Null before the year's first fortnight has ended. After the year's end it stays the
 * year's last fortnight, so a run in the summer changes nothing.
 */
export function lastCompletedFortnight(year: YearSpan, today: string): Fortnight | null {
  const yesterday = addDays(today, -1);
  if (yesterday < year.startDate) return null;
  const last = fortnightOf(year, yesterday < year.endDate ? yesterday : year.endDate)!;
  // The fortnight of yesterday has ended only if yesterday was its last day.
  return last.to <= yesterday ? last : fortnightByNumber(year, last.number - 1);
}

/** The year a run on `today` works in: the latest one that started before today. */
export function yearOfRun<Y extends YearSpan>(years: readonly Y[], today: string): Y | null {
  const started = years.filter((y) => y.startDate < today).sort((a, b) => b.startDate.localeCompare(a.startDate));
  return started[0] ?? null;
}

// --- applications ------------------------------------------------------------------------------

export interface PaperApplicationInput {
  studentId: string;
  /** The date written on the parent's application and its incoming number. */
  date: string;
  number: string;
  parentName: string;
  /** Reports are due from this day on (the application's date unless the parent asked for later). */
  fromDate: string;
}

export interface PaperWithdrawal {
  /** The parent's second written application, ending the first. */
  date: string;
  number: string;
  recordedById: string;
  recordedByName: string;
  recordedAt: string;
}

export interface PaperApplication extends PaperApplicationInput {
  applicationId: string;
  schoolId: string;
  /** The class when recorded (the listing follows the pupil's current class). */
  classId: string;
  studentName: string;
  recordedById: string;
  recordedByName: string;
  recordedAt: string;
  withdrawal?: PaperWithdrawal;
  version: number;
}

export const NUMBER_MAX = 30;
export const PARENT_NAME_MAX = 120;

/** What is wrong with an application as entered, in words for the secretary; empty when it is fine. */
export function applicationProblems(a: Pick<PaperApplicationInput, 'date' | 'fromDate' | 'number' | 'parentName'>, today: string): string[] {
  const problems: string[] = [];
  if (a.date > today) problems.push(`Дата заявления ${ruDate(a.date)} ещё не наступила.`);
  if (a.fromDate < a.date) problems.push('Отчёты выдаются не раньше даты заявления: проверьте дату «с какого числа».');
  if (!a.number.trim()) problems.push('Укажите номер заявления.');
  if (a.parentName.trim().length < 3) problems.push('Укажите ФИО родителя (законного представителя).');
  return problems;
}

/** What is wrong with a withdrawal as entered; empty when it is fine. */
export function withdrawalProblems(app: Pick<PaperApplication, 'date' | 'withdrawal'>, w: { date: string; number: string }, today: string): string[] {
  if (app.withdrawal) return [`Заявление уже отозвано ${ruDate(app.withdrawal.date)} (№ ${app.withdrawal.number}).`];
  const problems: string[] = [];
  if (w.date > today) problems.push(`Дата заявления об отказе ${ruDate(w.date)} ещё не наступила.`);
  if (w.date < app.date) problems.push('Заявление об отказе не может быть раньше самого заявления.');
  if (!w.number.trim()) problems.push('Укажите номер заявления об отказе.');
  return problems;
}

/**
 * Whether a fortnight's report includes the application's pupil: the application applies from its
 * start day on, and a withdrawal dated on or before the fortnight's last day ends it (the parent
 * has asked for no more paper by the time the report is printed).
 */
export function applicationCovers(app: Pick<PaperApplication, 'fromDate' | 'withdrawal'>, f: Pick<Fortnight, 'to'>): boolean {
  return app.fromDate <= f.to && (!app.withdrawal || app.withdrawal.date > f.to);
}

/** A stable, path-safe id of the application from its date and number (the same pair twice is one application). */
export function applicationIdOf(date: string, numberHash: string): string {
  return `${date}-${numberHash.slice(0, 8)}`;
}

/** The number as compared for duplicates: «№ 15/вх» and «15/ВХ» are the same document. */
export function normalisedNumber(n: string): string {
  return n.replace(/^\s*№\s*/, '').trim().toLocaleLowerCase('ru-RU').replace(/\s+/g, ' ');
}

// --- handing over and overdue ------------------------------------------------------------------

/**
 * N = 3 working days to hand a report over. The job renders on the Monday after the fortnight ends;
 * three working days give the class teacher Monday to Wednesday to print it and meet the parent at
 * pick-up or a lesson break, and a report handed by Wednesday still reaches the family within the
 * week after its fortnight, so the gap between two reports stays about two weeks (clause 3.13:
 * «не реже 1 раза в 2 недели»). Holidays and weekends do not count: nobody is at school to hand it.
 */
export const HAND_OVER_WORKING_DAYS = 3;

/** A working day: Monday to Friday, not a holiday of the academic year. */
export function isWorkingDay(date: string, holidays: ReadonlyArray<{ startDate: string; endDate: string; grades?: number[] }>, grade?: number): boolean {
  if (weekdayOf(date) > 5) return false;
  return !holidays.some((h) => h.startDate <= date && date <= h.endDate && (!h.grades || grade === undefined || h.grades.includes(grade)));
}

/** The last day a report generated on `generatedOn` may be handed over without being overdue. */
export function handOverDeadline(generatedOn: string, holidays: Parameters<typeof isWorkingDay>[1], grade?: number, days = HAND_OVER_WORKING_DAYS): string {
  let d = generatedOn;
  for (let counted = 0; counted < days; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays, grade)) counted++;
  }
  return d;
}

export interface HandOver {
  date: string;
  byId: string;
  byName: string;
  at: string;
}

/** A pupil's report is overdue once its deadline has passed and nobody recorded it handed over. */
export function pupilOverdue(p: { handedOver?: HandOver }, deadline: string, today: string): boolean {
  return !p.handedOver && today > deadline;
}

export function handOverProblems(input: { date: string }, report: { generatedOn: string }, today: string, already?: HandOver): string[] {
  if (already) return [`Отчёт уже отмечен как вручённый ${ruDate(already.date)} (${already.byName}).`];
  if (input.date > today) return [`Дата вручения ${ruDate(input.date)} ещё не наступила.`];
  if (input.date < report.generatedOn) return [`Отчёт сформирован ${ruDate(report.generatedOn)}: вручить его раньше нельзя.`];
  return [];
}

// --- where a class's fortnight is read from ---------------------------------------------------

/**
 * Pages a class x period partition takes to read whole, as planned for. A Query page is at most
 * 1 MB read; a quarter's journal of a class (30 pupils, 15 subjects, six lessons a day with topics and
 * homework, a mark in a third of the pupil-lessons) is some 3,500 items, one page in bench/paper.ts,
 * so two leaves room for fuller journals. The partition cannot be asked for a date range across
 * subjects (its sort key leads with the subject), so it is read whole; the diary index answers one
 * pupil's days in one page.
 */
export const PARTITION_PAGES_ESTIMATE = 2;

/**
 * The fewer requests: the diary index costs one Query per pupil, the class's partitions about
 * `PARTITION_PAGES_ESTIMATE` pages each for the periods the fortnight touches (one, or two across a
 * period's end). So a few applicants are read from the index, a class where many applied from the
 * partitions.
 */
export function diarySource(pupils: number, periods: number): 'index' | 'partitions' {
  return periods > 0 && pupils > periods * PARTITION_PAGES_ESTIMATE ? 'partitions' : 'index';
}

/** The periods of a grade that a fortnight touches (their journals hold its lessons). */
export function periodsTouched<P extends { startDate: string; endDate: string }>(periods: readonly P[], f: Pick<Fortnight, 'from' | 'to'>): P[] {
  return periods.filter((p) => p.startDate <= f.to && p.endDate >= f.from);
}

// --- a pupil's fortnight -----------------------------------------------------------------------

export interface DiaryMark {
  date: string;
  subjectId: string;
  lessonNo: number;
  workType: string;
  value: number;
  weight: number;
}

export interface DiaryAttendance {
  date: string;
  subjectId: string;
  lessonNo: number;
  kind: AttendanceKind;
  reason?: AbsenceReason;
}

export interface SubjectSummary {
  subjectId: string;
  subjectName: string;
  marks: Array<{ date: string; value: number; workType: string; workTypeName: string; weight: number }>;
  average: number | null;
  /** «4,67», or «—» without marks. */
  averageText: string;
}

export interface AbsenceLine {
  date: string;
  subjectName: string;
  lessonNo: number;
  reason: string;
}

export interface PupilSummary {
  subjects: SubjectSummary[];
  absences: {
    /** Lessons missed, and on how many days. */
    lessons: number;
    days: number;
    byReason: Array<{ reason: string; lessons: number }>;
    late: number;
    list: AbsenceLine[];
  };
}

export const NO_REASON = 'причина не указана';

const byLesson = (a: { date: string; lessonNo: number }, b: { date: string; lessonNo: number }) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo;

/**
 * A pupil's fortnight: marks by subject (with work type and weight) and the weighted average of
 * those marks (R-31; the period's average stays on the diary's screens), and the absences with
 * their reasons. Subjects in the school's order (`subjectNames`' order), unknown ones last by id.
 */
export function pupilSummary(marks: readonly DiaryMark[], attendance: readonly DiaryAttendance[], subjectNames: ReadonlyMap<string, string>): PupilSummary {
  const order = [...subjectNames.keys()];
  const rank = (id: string) => (order.indexOf(id) + 1 || order.length + 1);
  const nameOf = (id: string) => subjectNames.get(id) ?? id;
  const bySubject = new Map<string, DiaryMark[]>();
  for (const m of [...marks].sort(byLesson)) bySubject.set(m.subjectId, [...(bySubject.get(m.subjectId) ?? []), m]);
  const subjects = [...bySubject.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([subjectId, list]): SubjectSummary => {
      const average = weightedAverage(list);
      return {
        subjectId,
        subjectName: nameOf(subjectId),
        marks: list.map((m) => ({ date: m.date, value: m.value, workType: m.workType, workTypeName: workTypeName(m.workType), weight: m.weight })),
        average,
        averageText: average === null ? '—' : ruAverage(average),
      };
    });

  const absent = attendance.filter((a) => a.kind === 'absent').sort(byLesson);
  const reasons = new Map<string, number>();
  for (const a of absent) {
    const r = a.reason ? REASON_TITLES[a.reason] : NO_REASON;
    reasons.set(r, (reasons.get(r) ?? 0) + 1);
  }
  return {
    subjects,
    absences: {
      lessons: absent.length,
      days: new Set(absent.map((a) => a.date)).size,
      byReason: [...reasons.entries()].map(([reason, lessons]) => ({ reason, lessons })),
      late: attendance.filter((a) => a.kind === 'late').length,
      list: absent.map((a) => ({ date: a.date, subjectName: nameOf(a.subjectId), lessonNo: a.lessonNo, reason: a.reason ? REASON_TITLES[a.reason] : NO_REASON })),
    },
  };
}

/** «Математика: 5 (ответ на уроке, 20.11), 4 (контрольная работа, 24.11)»: one subject as the report prints it. */
export function marksLine(s: Pick<SubjectSummary, 'marks'>): string {
  return s.marks.map((m) => `${m.value} (${m.workTypeName.toLocaleLowerCase('ru-RU')}, ${ruDate(m.date).slice(0, 5)})`).join(', ');
}

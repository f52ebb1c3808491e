/**
 * Who may set a period, year, exam or final mark, and when (R-30, R-32; clauses 3.8, 3.9, 3.10, 6.3).
 * Pure: the server's policy rule wraps `finalMarkRight`, the handlers call `finalMarkVerdict` with
 * `now` and the school's time zone, the grid shows the same messages.
 *
 * Who. Clause 3.9/3.10: the teacher «для своего класса и своего предмета» (of a split subject: of
 * the student's own subgroup), and the class teacher for every subject of their class. A substitute
 * fills lessons, not period marks; nobody else sets them (a later change is a correction request).
 *
 * When. Clause 3.9: period marks are set «в день окончания соответствующего периода», and marks are
 * never set in advance (3.8, 6.3): a period mark opens on the period's last school day (the year's validation
 * keeps that day clear of holidays; with the class's lessons, a period ending on a Saturday ends on
 * Friday for a five-day week), or up to N days earlier where the department allows it; a school
 * may only shorten N. It is due that day; a later one is accepted and flagged «с опозданием».
 *
 * Locks. Clause 6.3: «запрет редактировать итоговые отметки по прошествии 5 дней» counted as the
 * journal counts its locks (journal-rules.ts): the days after setting are counted in full, so a mark
 * set on 24.10 may be changed through 29.10 (day 5) and is locked from 00:00 of 30.10 (day 6). The
 * count runs from the first time the mark was set, so editing never extends it. Clause 3.8 also
 * locks the marks of a period when it ends; as late marks must remain possible, the period closes
 * on the first day of the next period (the holidays between are the grace), the last one on the day
 * after the school year ends; the scheduled closing may close it earlier with `closedOn`.
 * Exam and final marks come after the school year (the exams are in June): they close only when
 * `closedOn` is given.
 */
import { addDays, countOf, DAY, DAY_GENITIVE, dateInZone, daysBetween, ruDate } from './calendar';
import { assignedTeacher, WHOLE_CLASS, type LoadGroup, type LoadLine } from './curriculum';
import { capitalise, type FinalMarkKind } from './period-marks';
import type { LockDays, SettingsProblem } from './settings';
import { periodsForGrade, type AcademicYear, type Period, type PeriodSet } from './year';

// --- who ---------------------------------------------------------------------------------------

/** The caller's facts about the person: from a Principal, `isTeacher` = a teacher grant in the class's school. */
export interface MarkSetter {
  userId: string;
  isTeacher: boolean;
  /** Classes the person leads in the class's school (`ledClassIds(p, schoolId)`). */
  ledClassIds: readonly string[];
}

/** The student's place in the subject: the curriculum line and, for a split subject, the period's subgroups. */
export interface MarkPlace {
  classId: string;
  line: Pick<LoadLine, 'teacherId' | 'groups'> | null;
  subgroups?: ReadonlyArray<Pick<LoadGroup, 'groupId' | 'teacherId'>> | null;
  /** The student's subgroup of a split subject; absent for a whole-class subject or a student in no group. */
  studentGroupId?: string | null;
}

export type SetterRight = 'subjectTeacher' | 'classTeacher';

/** The teacher who teaches this student this subject: of the whole class, or of the student's subgroup. */
export function subjectTeacherOf(place: Omit<MarkPlace, 'classId'>): string | undefined {
  const split = !!place.line?.groups?.length;
  if (!split) return assignedTeacher(place.line, WHOLE_CLASS);
  if (!place.studentGroupId) return undefined;
  return place.subgroups?.find((g) => g.groupId === place.studentGroupId)?.teacherId ?? assignedTeacher(place.line, place.studentGroupId);
}

/** Clauses 3.9, 3.10: why this person may set the mark, or null when they may not. */
export function finalMarkRight(who: MarkSetter, place: MarkPlace): SetterRight | null {
  if (who.isTeacher && subjectTeacherOf(place) === who.userId) return 'subjectTeacher';
  if (who.ledClassIds.includes(place.classId)) return 'classTeacher';
  return null;
}

export function maySetFinalMark(who: MarkSetter, place: MarkPlace): boolean {
  return finalMarkRight(who, place) !== null;
}

export const NOT_YOUR_FINAL_MARK =
  'Четвертные, полугодовые, годовые, экзаменационные и итоговые отметки выставляет учитель своего класса и предмета ' +
  'или классный руководитель этого класса (пп. 3.9, 3.10 положения).';

// --- opening early: a department setting, stricter only at school ---------------------------------

/** The regulation's value: period marks open on the period's last day, not before. */
export const REGULATION_OPEN_DAYS_BEFORE = 0;
/** Two weeks is the longest a department may open period marks before a period ends. */
export const OPEN_DAYS_BEFORE_MAX = 14;
export const OPEN_DAYS_BEFORE_LABEL = 'За сколько дней до конца периода можно выставлять отметки за период';

/** The days a school works by: the smaller of the department's and its own. */
export function effectiveOpenDaysBefore(department: number, school?: number | null): number {
  return school === undefined || school === null ? department : Math.min(department, school);
}

/** Problems of a stored value; with `department`, a school's value may not be looser than it. */
export function openDaysBeforeProblems(value: unknown, department?: number): SettingsProblem[] {
  const field = 'periodMarksOpenDaysBefore';
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > OPEN_DAYS_BEFORE_MAX) {
    return [{ field, message: `«${OPEN_DAYS_BEFORE_LABEL}»: целое число от 0 до ${OPEN_DAYS_BEFORE_MAX}.` }];
  }
  if (department !== undefined && value > department) {
    return [
      {
        field,
        message:
          `«${OPEN_DAYS_BEFORE_LABEL}»: ${countOf(value, DAY)} — мягче, чем установило управление образования ` +
          `(не более ${countOf(department, DAY_GENITIVE)}). Школа может только сократить этот срок.`,
      },
    ];
  }
  return [];
}

// --- the window of a mark ------------------------------------------------------------------------

export type MarkTarget = { kind: 'period'; periodId: string } | { kind: Exclude<FinalMarkKind, 'period'> };

export interface MarkWindow {
  kind: FinalMarkKind;
  /** «четвертные отметки за «1 четверть»», «годовые отметки»: for messages. */
  what: string;
  /** The first day a mark may be set. */
  opensOn: string;
  /** The last day on time; a mark set later is flagged «с опозданием». Null: no due day (exam, final). */
  dueBy: string | null;
  /** The first day nothing may be set or changed; null while nothing closes it. */
  closesOn: string | null;
}

const earlier = (a: string | null, b: string | null | undefined): string | null => (b && (!a || b < a) ? b : a);

function kindOfGrade(year: Pick<AcademicYear, 'periodSets'>, grade: number): PeriodSet['kind'] | undefined {
  return year.periodSets.find((s) => s.grades.includes(grade))?.kind;
}

/**
 * The last school day of a period for a class: its last lesson day on or before the period's end
 * (a period ending on a Saturday ends on Friday for a five-day week), else the period's end date,
 * which the year's validation keeps clear of holidays. `lessonDates` are the class's lessons that
 * are not cancelled, any subject.
 */
export function lastSchoolDay(period: Pick<Period, 'startDate' | 'endDate'>, lessonDates: Iterable<string>): string {
  let last: string | undefined;
  for (const d of lessonDates) if (period.startDate <= d && d <= period.endDate && (!last || d > last)) last = d;
  return last ?? period.endDate;
}

export interface WindowOptions {
  /** The effective days a period mark opens before the last school day (`effectiveOpenDaysBefore`). */
  openDaysBefore: number;
  /** The first day the scheduled closing closed the period or the year's marks, if it has. */
  closedOn?: string | null;
  /** The class's lesson dates (`lastSchoolDay`); without them the period's end date is its last school day. */
  lessonDates?: Iterable<string>;
}

/**
 * When a mark of a grade may be set, under the academic year. Null when the period is not one of
 * the grade's (or the grade has none).
 */
export function markWindow(
  year: Pick<AcademicYear, 'endDate' | 'periodSets'>,
  grade: number,
  target: MarkTarget,
  options: WindowOptions,
): MarkWindow | null {
  const periods = periodsForGrade(year, grade);
  const last = periods[periods.length - 1];
  if (!last) return null;
  const { openDaysBefore, closedOn } = options;
  const dates = options.lessonDates ? [...options.lessonDates] : [];
  const afterYear = addDays(year.endDate, 1);
  const lastDay = (p: Period) => lastSchoolDay(p, dates);
  const opens = (p: Period) => {
    const d = addDays(lastDay(p), -openDaysBefore);
    return d < p.startDate ? p.startDate : d;
  };
  if (target.kind === 'period') {
    const i = periods.findIndex((p) => p.periodId === target.periodId);
    const p = periods[i];
    if (!p) return null;
    const title = kindOfGrade(year, grade) === 'half' ? 'полугодовые' : 'четвертные';
    return {
      kind: 'period',
      what: `${title} отметки за «${p.name}»`,
      opensOn: opens(p),
      dueBy: lastDay(p),
      closesOn: earlier(periods[i + 1]?.startDate ?? afterYear, closedOn),
    };
  }
  if (target.kind === 'year') {
    return { kind: 'year', what: 'годовые отметки', opensOn: opens(last), dueBy: lastDay(last), closesOn: earlier(afterYear, closedOn) };
  }
  const what = target.kind === 'exam' ? 'экзаменационные отметки' : 'итоговые отметки';
  return { kind: target.kind, what, opensOn: lastDay(last), dueBy: null, closesOn: closedOn ?? null };
}

// --- the verdict -------------------------------------------------------------------------------

export type FinalMarkVerdict =
  | {
      open: true;
      /** Set now, the mark is late (after its due day); for an existing mark, whether it was set late. */
      late: boolean;
      /** The first day the mark can no longer be changed (its own 5-day lock or the period's close). */
      lockedFrom: string | null;
    }
  | { open: false; reason: 'notYet'; opensOn: string; message: string }
  | { open: false; reason: 'locked'; lockedFrom: string; days: number; message: string }
  | { open: false; reason: 'closed'; closedOn: string; message: string };

/** An existing mark: when it was first set (an instant), so its lock never moves. */
export interface ExistingFinalMark {
  firstSetAt: string;
}

/**
 * May a mark be set (no `existing`), or changed or removed (`existing`), at `now` in the school's
 * time zone? `lockDays.finalMarks` is the effective number (department, made stricter by the school).
 */
export function finalMarkVerdict(
  window: MarkWindow,
  existing: ExistingFinalMark | null | undefined,
  now: Date,
  timeZone: string,
  lockDays: Pick<LockDays, 'finalMarks'>,
): FinalMarkVerdict {
  const today = dateInZone(now, timeZone);
  if (today < window.opensOn) {
    const early = window.dueBy && window.opensOn < window.dueBy ? ` (за ${countOf(daysBetween(window.opensOn, window.dueBy), DAY)} до окончания периода)` : '';
    return {
      open: false,
      reason: 'notYet',
      opensOn: window.opensOn,
      message:
        `${capitalise(window.what)} выставляются не раньше ${ruDate(window.opensOn)}${early}: ` +
        'заранее отметки не ставятся (пп. 3.8, 3.9 положения).',
    };
  }
  if (window.closesOn && today >= window.closesOn) {
    return {
      open: false,
      reason: 'closed',
      closedOn: window.closesOn,
      message:
        `С ${ruDate(window.closesOn)} ${window.what} больше не выставляются и не изменяются: период закрыт (п. 3.8 положения). ` +
        'Исправление — только по заявке на корректировку.',
    };
  }
  const days = lockDays.finalMarks;
  const setOn = existing ? dateInZone(new Date(existing.firstSetAt), timeZone) : today;
  const ownLock = addDays(setOn, days + 1);
  if (existing && today >= ownLock) {
    return {
      open: false,
      reason: 'locked',
      lockedFrom: ownLock,
      days,
      message:
        `Отметка выставлена ${ruDate(setOn)} и закрыта с ${ruDate(ownLock)}: ${window.what} ` +
        `нельзя изменять по прошествии ${countOf(days, DAY_GENITIVE)} после выставления (п. 6.3 положения). ` +
        'Исправление — только по заявке на корректировку.',
    };
  }
  return { open: true, late: !!window.dueBy && setOn > window.dueBy, lockedFrom: earlier(ownLock, window.closesOn) };
}

export const LATE_FLAG = 'с опозданием';

/** Whether a mark set at an instant was late: after its due day in the school's time zone. */
export function setLate(window: Pick<MarkWindow, 'dueBy'>, setAt: string, timeZone: string): boolean {
  return !!window.dueBy && dateInZone(new Date(setAt), timeZone) > window.dueBy;
}

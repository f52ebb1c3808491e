/**
 * The regulation's rules for entering the journal (R-22, R-23, clauses 3.5 and 3.8), pure: every
 * function takes the school's `today` (computed from `now` in the school's time zone by the caller,
 * see `dateInZone` in ./calendar) and the effective lock settings (department, made stricter by the school).
 *
 * When does a lesson "happen"? From 00:00 of its date in the school's time zone. The regulation
 * forbids marks "вперёд" (in advance, clause 3.8) and asks teachers to fill the journal "в день
 * проведения урока" (clause 5), i.e. it reasons in days; the timetable has lesson numbers, not bell
 * times, so a start-time rule could not be checked anyway. Entries for tomorrow's lesson are
 * refused; entries for today's are accepted all day.
 *
 * When does it lock? "по прошествии 10 дней после фактического проведения урока": the days after
 * the lesson are counted in full, so a lesson of 20.11 may be edited through 30.11 (day 10) and is
 * locked from 00:00 of 01.12 (day 11): lockedFrom = date + N + 1.
 *
 * The 2-day filling rule flags and never refuses: a lesson of 20.11 is due by 22.11 inclusive.
 */
import { addDays, countOf, DAY_GENITIVE, ruDate } from './calendar';
import type { LockDays, LockSettings } from './settings';
import { lockRuleOf, type WorkTypeId } from './work-types';

export type Verdict =
  | { open: true; /** First day on which the entry is locked. */ lockedFrom: string }
  | { open: false; reason: 'notYet'; /** The lesson's date: entries open then. */ opensOn: string; message: string }
  | { open: false; reason: 'locked'; lockedFrom: string; days: number; message: string }
  | { open: false; reason: 'grade1'; message: string }
  | { open: false; reason: 'cancelled'; message: string };

export type ClosedVerdict = Extract<Verdict, { open: false }>;

interface LessonFacts {
  date: string;
  status?: string;
}

/** Clause 3.5: no marks of any kind in grade 1. */
export const GRADE_WITHOUT_MARKS = 1;
/** Clause 3.5: the homework column of grade 1 reads «нет». */
export const GRADE1_HOMEWORK = 'нет';

export function takesMarks(grade: number): boolean {
  return grade !== GRADE_WITHOUT_MARKS;
}

export const GRADE1_MESSAGE = 'В 1 классе отметки не выставляются (п. 3.5 положения): ведётся только учёт посещаемости и тем уроков.';

function cancelled(l: LessonFacts): ClosedVerdict | null {
  return l.status === 'cancelled'
    ? { open: false, reason: 'cancelled', message: `Урок ${ruDate(l.date)} отменён по расписанию: записи к нему не вносятся.` }
    : null;
}

function notYet(l: LessonFacts, today: string, what: string): ClosedVerdict | null {
  if (today >= l.date) return null;
  return {
    open: false,
    reason: 'notYet',
    opensOn: l.date,
    message: `Урок ${ruDate(l.date)} ещё не проведён: ${what} нельзя вносить заранее (п. 3.8 положения). Запись откроется ${ruDate(l.date)}.`,
  };
}

function deadline(l: LessonFacts, today: string, days: number, subject: string): Verdict {
  const lockedFrom = addDays(l.date, days + 1);
  if (today < lockedFrom) return { open: true, lockedFrom };
  return {
    open: false,
    reason: 'locked',
    lockedFrom,
    days,
    message:
      `Изменения закрыты с ${ruDate(lockedFrom)}: ${subject} нельзя изменять по прошествии ${countOf(days, DAY_GENITIVE)} после урока ` +
      `${ruDate(l.date)} (п. 3.8 положения). Исправление — только по заявке на корректировку.`,
  };
}

/** Topic, what was studied, work types, homework and attendance of a lesson (clause 3.8). */
export function lessonVerdict(l: LessonFacts, today: string, locks: LockSettings): Verdict {
  return (
    cancelled(l) ??
    notYet(l, today, 'тему, домашнее задание и посещаемость') ??
    deadline(l, today, locks.lockDays.currentMarks, 'текущие отметки, посещаемость, темы уроков и виды работ')
  );
}

/** Attendance follows the lesson's lock (clause 3.8 names «отметки о посещаемости» with the topics). */
export const attendanceVerdict = lessonVerdict;

const LOCK_SUBJECT: Partial<Record<keyof LockDays, string>> = {
  currentMarks: 'текущие отметки',
  practicalWorks: 'отметки за практические работы внутреннего мониторинга',
  essays: 'отметки за сочинения в 10–11 классах',
};

/** A current mark of a work type in a grade. */
export function markVerdict(l: LessonFacts, today: string, locks: LockSettings, grade: number, workType: WorkTypeId): Verdict {
  if (!takesMarks(grade)) return { open: false, reason: 'grade1', message: GRADE1_MESSAGE };
  const c = cancelled(l);
  if (c) return c;
  if (!locks.marksInAdvanceAllowed) {
    const n = notYet(l, today, 'отметки');
    if (n) return n;
  }
  const rule = lockRuleOf(workType, grade);
  return deadline(l, today, locks.lockDays[rule], LOCK_SUBJECT[rule] ?? LOCK_SUBJECT.currentMarks!);
}

export interface FillState {
  filled: boolean;
  /** Last day on which filling is on time. */
  dueBy: string;
  /** Not filled and past the due day: flagged for the teacher and the class teacher. */
  overdue: boolean;
  /** Filled, but after the due day (R-62 counts late fills). */
  late: boolean;
}

/** a lesson is filled within `fillWithin` days (flag, never refuse). A cancelled lesson is never due. */
export function fillState(
  l: LessonFacts & { topic?: string; filledAt?: string },
  today: string,
  locks: LockSettings,
  timeZoneDate: (iso: string) => string,
): FillState {
  const dueBy = addDays(l.date, locks.lockDays.fillWithin);
  const filled = !!l.topic?.trim();
  if (l.status === 'cancelled') return { filled, dueBy, overdue: false, late: false };
  const late = filled && !!l.filledAt && timeZoneDate(l.filledAt) > dueBy;
  return { filled, dueBy, overdue: !filled && today > dueBy, late };
}

/** entries are in Russian, foreign-language lessons included (clause 5). */
export function lacksCyrillic(text: string | undefined): boolean {
  if (!text || !text.trim()) return false;
  return /[A-Za-z]/.test(text) && !/[А-Яа-яЁё]/.test(text);
}

export const NO_CYRILLIC_WARNING = 'Запись сделана без русских букв: по положению (п. 5) все записи, в том числе по иностранному языку, ведутся на русском языке.';

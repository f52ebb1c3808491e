/**
 * Early warning (R-63, clause 2.2): students heading for a «2» or «н/а» in a period, and students
 * whose attendance is falling, found while there is still time to act. Each warning says why in
 * words a parent understands and how many days the period has left. Pure, `now` passed in: the
 * teacher's, class teacher's and deputy's lists and the family's diary use the same function.
 *
 * The thresholds below are the product's choices where the issue names a signal but no number:
 * - too few marks: fewer than two lessons left for each mark still missing to the period's minimum
 *   (with one lesson per missing mark a teacher has no room for an absence or a bad day);
 * - more than half the lessons missed: counted over the lessons held so far, once at least 3 were
 *   held (one missed lesson on the second day of a period is not a trend);
 * - attendance falling: the share of lessons missed in the last 14 days is at least 20 points above
 *   the 14 days before, with at least 3 lessons in each window (equal windows, so a short illness
 *   is not compared with two months).
 */
import { addDays, countOf, DAY, daysBetween, dateInZone, ruDate, ruNumberFormat, type PluralForms } from './calendar';
import { MARK, ruAverage, type Justification } from './mark-justification';
import { capitalise } from './period-marks';
import { inLessonGroup, lessonIdOf, onRosterOn, type JournalAttendance, type JournalLesson, type RosterGroup, type RosterStudent } from './journal-model';
import type { Period } from './year';

export const LESSONS_PER_MISSING_MARK = 2;
export const ABSENCE_SHARE = 0.5;
export const ABSENCE_MIN_HELD = 3;
export const TREND_WINDOW_DAYS = 14;
export const TREND_MIN_LESSONS = 3;
export const TREND_DROP = 0.2;

const LESSON: PluralForms = ['урок', 'урока', 'уроков'];
const LESSON_GENITIVE: PluralForms = ['урока', 'уроков', 'уроков'];
const percent = ruNumberFormat({ style: 'percent', maximumFractionDigits: 0 });

/** A lesson of the student (not cancelled, on the student's roster dates): held or still planned. */
export interface StudentLesson {
  date: string;
  /** Recorded absent (any reason); a late arrival is not an absence. */
  absent: boolean;
}

/**
 * A student's lessons of a subject from the journal's partition: not cancelled, of the student's
 * subgroup, while the student was in the class; absent where a (not removed) absence is recorded.
 */
export function studentLessonsOf(
  lessons: ReadonlyArray<Pick<JournalLesson, 'date' | 'lessonNo' | 'groupId' | 'status'>>,
  attendance: ReadonlyArray<Pick<JournalAttendance, 'studentId' | 'date' | 'lessonNo' | 'groupId' | 'kind' | 'deleted'>>,
  student: Pick<RosterStudent, 'studentId' | 'groupId' | 'from' | 'until'>,
  groups: readonly RosterGroup[],
): StudentLesson[] {
  const absent = new Set(
    attendance
      .filter((a) => a.studentId === student.studentId && a.kind === 'absent' && !a.deleted)
      .map((a) => lessonIdOf(a)),
  );
  return lessons
    .filter((l) => l.status !== 'cancelled' && onRosterOn(student, l.date) && inLessonGroup(student, l.groupId, groups))
    .map((l) => ({ date: l.date, absent: absent.has(lessonIdOf(l)) }));
}

export type WarningKind = 'implied2' | 'fewMarks' | 'absences' | 'attendanceFalling';
export type WarningRisk = 'two' | 'notAssessed' | 'attendance';

export interface EarlyWarning {
  kind: WarningKind;
  risk: WarningRisk;
  /** The minimum cannot be reached even with a mark at every lesson left. */
  critical?: boolean;
  /** The reason in words, ending with the days left. */
  message: string;
}

export interface StudentFacts {
  studentId: string;
  /** The subject the facts are of; absent for attendance over all subjects. */
  subjectId?: string;
  /** `justifyPeriod` of the student's marks; absent when only attendance is checked. */
  justification?: Pick<Justification, 'average' | 'implied' | 'minimum'>;
  lessons: readonly StudentLesson[];
}

export interface StudentWarnings {
  studentId: string;
  subjectId?: string;
  /** Calendar days after today up to the period's last day; 0 on the last day and after it. */
  daysLeft: number;
  lessonsLeft: number;
  warnings: EarlyWarning[];
}

export interface WarningContext {
  period: Pick<Period, 'startDate' | 'endDate'>;
  now: Date;
  timeZone: string;
}

/** «до конца периода (29.12.2026) 12 дней», or «сегодня последний день периода». */
export function daysLeftText(daysLeft: number, endDate: string): string {
  if (daysLeft <= 0) return 'сегодня последний день периода или он уже окончен';
  return `до конца периода (${ruDate(endDate)}) ${daysLeft === 1 ? 'остался' : 'осталось'} ${countOf(daysLeft, DAY)}`;
}

const missedShare = (lessons: readonly StudentLesson[]) => lessons.filter((l) => l.absent).length / lessons.length;

/** Implied «2»; too few marks for the lessons left (R-63 «heading for a 2 or н/а»). */
function markWarnings(j: NonNullable<StudentFacts['justification']>, lessonsLeft: number, tail: string): EarlyWarning[] {
  const out: EarlyWarning[] = [];
  if (j.average !== null && j.implied === 2) {
    out.push({ kind: 'implied2', risk: 'two', message: `Средний балл ${ruAverage(j.average)} — по порогам школы это «2». ${tail}.` });
  }
  const needed = j.minimum.required - j.minimum.count;
  if (needed > 0 && lessonsLeft < LESSONS_PER_MISSING_MARK * needed) {
    const critical = lessonsLeft < needed;
    const has = j.minimum.count === 0 ? 'Отметок пока нет' : countOf(j.minimum.count, MARK);
    const left = lessonsLeft === 0 ? 'уроков больше нет' : `осталось ${countOf(lessonsLeft, LESSON)}`;
    const verdict = critical ? 'даже с отметкой на каждом уроке минимум не набрать' : 'времени мало';
    out.push({
      kind: 'fewMarks',
      risk: 'notAssessed',
      critical,
      message: `${has} при минимуме ${j.minimum.required}: не хватает ${needed}, а ${left} — ${verdict}, риск «н/а». ${tail}.`,
    });
  }
  return out;
}

/** More than half the held lessons missed: the period cannot be assessed («н/а»). */
function absenceWarning(held: readonly StudentLesson[], tail: string): EarlyWarning | null {
  if (held.length < ABSENCE_MIN_HELD || !(missedShare(held) > ABSENCE_SHARE)) return null;
  const missed = held.filter((l) => l.absent).length;
  return {
    kind: 'absences',
    risk: 'notAssessed',
    message:
      `Пропущено ${missed} из ${countOf(held.length, LESSON_GENITIVE)} (${percent.format(missed / held.length)}) — больше половины, риск «н/а». ${tail}.`,
  };
}

/** The last 14 days against the 14 before them. */
export function attendanceTrend(lessons: readonly StudentLesson[], today: string): { recent: StudentLesson[]; before: StudentLesson[] } {
  const recentFrom = addDays(today, 1 - TREND_WINDOW_DAYS);
  const beforeFrom = addDays(recentFrom, -TREND_WINDOW_DAYS);
  return {
    recent: lessons.filter((l) => recentFrom <= l.date && l.date <= today),
    before: lessons.filter((l) => beforeFrom <= l.date && l.date < recentFrom),
  };
}

function fallingWarning(lessons: readonly StudentLesson[], today: string, tail: string): EarlyWarning | null {
  const { recent, before } = attendanceTrend(lessons, today);
  if (recent.length < TREND_MIN_LESSONS || before.length < TREND_MIN_LESSONS) return null;
  const now = missedShare(recent);
  const then = missedShare(before);
  // Compared in whole percentage points, so a 20-point rise on the boundary is not lost to floating point.
  if (Math.round((now - then) * 100) < TREND_DROP * 100) return null;
  const missedNow = recent.filter((l) => l.absent).length;
  const missedThen = before.filter((l) => l.absent).length;
  return {
    kind: 'attendanceFalling',
    risk: 'attendance',
    message:
      `Посещаемость падает: за последние 2 недели пропущено ${missedNow} из ${countOf(recent.length, LESSON_GENITIVE)} (${percent.format(now)}), ` +
      `за 2 недели до того — ${missedThen} из ${countOf(before.length, LESSON_GENITIVE)} (${percent.format(then)}). ${tail}.`,
  };
}

/** Every warning for one student in one subject (or over all subjects, without a justification). */
export function studentWarnings(facts: StudentFacts, ctx: WarningContext): StudentWarnings {
  const today = dateInZone(ctx.now, ctx.timeZone);
  const inPeriod = facts.lessons.filter((l) => ctx.period.startDate <= l.date && l.date <= ctx.period.endDate);
  const held = inPeriod.filter((l) => l.date <= today);
  const lessonsLeft = inPeriod.length - held.length;
  const daysLeft = Math.max(0, daysBetween(today, ctx.period.endDate));
  const base = { studentId: facts.studentId, ...(facts.subjectId ? { subjectId: facts.subjectId } : {}), daysLeft, lessonsLeft };
  // Nothing to foresee before the period starts.
  if (today < ctx.period.startDate) return { ...base, warnings: [] };
  const tail = capitalise(daysLeftText(daysLeft, ctx.period.endDate));
  const warnings = [
    ...(facts.justification ? markWarnings(facts.justification, lessonsLeft, tail) : []),
    absenceWarning(held, tail),
    // The trend may reach back into the previous period: the caller passes the lessons it wants compared.
    fallingWarning(facts.lessons, today, tail),
  ].filter((w): w is EarlyWarning => w !== null);
  return { ...base, warnings };
}

const RISK_ORDER: Record<WarningRisk, number> = { two: 0, notAssessed: 1, attendance: 2 };

function severity(s: StudentWarnings): [number, number, number] {
  const critical = s.warnings.some((w) => w.critical) ? 0 : 1;
  const worst = Math.min(...s.warnings.map((w) => RISK_ORDER[w.risk]));
  return [critical, worst, -s.warnings.length];
}

/** A class's (or a school's) list: only students with a warning, the most urgent first. */
export function warningsList(all: readonly StudentFacts[], ctx: WarningContext): StudentWarnings[] {
  return all
    .map((f) => studentWarnings(f, ctx))
    .filter((s) => s.warnings.length > 0)
    .sort((a, b) => {
      const [x, y] = [severity(a), severity(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
}

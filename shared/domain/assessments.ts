/**
 * The schedule of assessment procedures («график оценочных процедур», R-15, clause 8.3): which tests
 * and monitoring works fall in which class, subject and date, per half-year. The school's limits of
 * procedures per class in one day and one week are warnings (the deputy may have reasons), while a
 * date outside the half-year, on a holiday or on a Sunday is refused.
 *
 * Pure: dates are school-local calendar dates (YYYY-MM-DD), so no time zone arithmetic is needed
 * here; "today" never enters these rules.
 */
import { addDays, countOf, isIsoDate, mondayOf, ruDate, weekdayOf, type PluralForms } from './calendar';
import { DEFAULT_TEST_LIMITS } from './settings';
import { periodsForGrade, type AcademicYear } from './year';

/** Kinds of procedures: stable English ids, Russian names, a short mark for the weekly table. */
export const ASSESSMENT_KINDS = {
  test: { name: 'Контрольная работа', short: 'КР', level: 'school' },
  vpr: { name: 'Всероссийская проверочная работа (ВПР)', short: 'ВПР', level: 'federal' },
  regional: { name: 'Краевая диагностическая работа (КДР)', short: 'КДР', level: 'regional' },
  diagnostic: { name: 'Диагностическая работа', short: 'ДР', level: 'school' },
  administrative: { name: 'Административная контрольная работа', short: 'АКР', level: 'school' },
  monitoring: { name: 'Практическая работа внутреннего мониторинга качества образования', short: 'ВСОКО', level: 'school' },
  final: { name: 'Итоговая контрольная работа', short: 'ИКР', level: 'school' },
  trial: { name: 'Тренировочная работа в формате ОГЭ/ЕГЭ', short: 'ТР', level: 'school' },
} as const satisfies Record<string, { name: string; short: string; level: 'federal' | 'regional' | 'school' }>;

export type AssessmentKind = keyof typeof ASSESSMENT_KINDS;
export const ASSESSMENT_KIND_IDS = Object.keys(ASSESSMENT_KINDS) as AssessmentKind[];

export const LEVEL_NAMES = { federal: 'федеральная', regional: 'региональная', school: 'школьная' } as const;

/** The school's limits of procedures per class (the school settings' `testLimits`). */
export interface AssessmentLimits {
  perDay: number;
  perWeek: number;
}

/** Defaults when the school has set nothing: one procedure a day and three a week per class (the
 * same constant the school settings fall back to, so there is one default). */
export const DEFAULT_ASSESSMENT_LIMITS: AssessmentLimits = DEFAULT_TEST_LIMITS;

/** One procedure of the schedule (one item per class x date x subject; keys.assessment). */
export interface Assessment {
  schoolId: string;
  yearId: string;
  halfId: HalfId;
  classId: string;
  subjectId: string;
  date: string;
  kind: AssessmentKind;
  /** What exactly: «Контрольный диктант по теме "Орфография"». */
  title?: string;
  createdBy: string;
  createdByName: string;
  updatedAt: string;
  version: number;
}

// --- half-years ---------------------------------------------------------------------------------

export type HalfId = 'h1' | 'h2';
export const HALF_IDS: HalfId[] = ['h1', 'h2'];

export interface Half {
  halfId: HalfId;
  name: string;
  startDate: string;
  endDate: string;
}

/**
 * The half-years of a grade: its halves as they are, or quarters 1-2 and 3-4 joined, so that a
 * grade on quarters and one on halves share one schedule per half-year.
 */
export function halvesForGrade(year: Pick<AcademicYear, 'periodSets'>, grade: number): Half[] {
  const periods = [...periodsForGrade(year, grade)].sort((a, b) => a.startDate.localeCompare(b.startDate));
  if (periods.length === 0) return [];
  const cut = Math.ceil(periods.length / 2);
  const groups = [periods.slice(0, cut), periods.slice(cut)].filter((g) => g.length > 0);
  return groups.map((g, i) => ({
    halfId: HALF_IDS[i]!,
    name: `${i + 1} полугодие`,
    startDate: g[0]!.startDate,
    endDate: g[g.length - 1]!.endDate,
  }));
}

export function halfOf(year: Pick<AcademicYear, 'periodSets'>, grade: number, halfId: HalfId): Half | undefined {
  return halvesForGrade(year, grade).find((h) => h.halfId === halfId);
}

export interface Week {
  monday: string;
  sunday: string;
  /** The school days Monday-Saturday of this week, each with the holiday it falls on, if any. */
  days: Array<{ date: string; holiday?: string; inHalf: boolean }>;
}

/** The weeks of a half-year for the schedule table, Monday to Saturday, holidays marked. */
export function weeksOfHalf(year: Pick<AcademicYear, 'holidays'>, half: Half, grade?: number): Week[] {
  const weeks: Week[] = [];
  for (let monday = mondayOf(half.startDate); monday <= half.endDate; monday = addDays(monday, 7)) {
    const days = Array.from({ length: 6 }, (_, i) => {
      const date = addDays(monday, i);
      const holiday = year.holidays.find(
        (h) => h.startDate <= date && date <= h.endDate && (!h.grades || grade === undefined || h.grades.includes(grade)),
      );
      return { date, inHalf: half.startDate <= date && date <= half.endDate, ...(holiday ? { holiday: holiday.name } : {}) };
    });
    weeks.push({ monday, sunday: addDays(monday, 6), days });
  }
  return weeks;
}

/**
 * Why a date cannot carry a procedure of a class of this grade in this half-year, or null when it
 * can: it must be a real date inside the half-year, inside a study period, not a holiday, not a Sunday.
 */
export function assessmentDateProblem(year: Pick<AcademicYear, 'periodSets' | 'holidays'>, grade: number, halfId: HalfId, date: string): string | null {
  if (!isIsoDate(date)) return `Дата «${date}» не существует или записана неверно.`;
  const half = halfOf(year, grade, halfId);
  if (!half) return `В учебном году нет ${halfId === 'h1' ? '1' : '2'} полугодия для ${grade} классов.`;
  if (date < half.startDate || date > half.endDate) {
    return `Дата ${ruDate(date)} вне ${half.name.replace('полугодие', 'полугодия')} (${ruDate(half.startDate)}–${ruDate(half.endDate)}).`;
  }
  const holiday = year.holidays.find(
    (h) => h.startDate <= date && date <= h.endDate && (!h.grades || h.grades.includes(grade)),
  );
  if (holiday) {
    return `${ruDate(date)} — «${holiday.name}»: в каникулы и праздники оценочные процедуры не проводятся.`;
  }
  if (!periodsForGrade(year, grade).some((p) => p.startDate <= date && date <= p.endDate)) {
    return `${ruDate(date)} не входит ни в одну учебную четверть (полугодие) ${grade} классов.`;
  }
  if (weekdayOf(date) === 7) return `${ruDate(date)} — воскресенье, выходной день.`;
  return null;
}

// --- limits -------------------------------------------------------------------------------------

const PROCEDURES: PluralForms = ['оценочная процедура', 'оценочные процедуры', 'оценочных процедур'];

export interface LimitWarning {
  classId: string;
  kind: 'day' | 'week';
  /** The day, or the Monday of the week. */
  date: string;
  count: number;
  limit: number;
  message: string;
}

/**
 * Days and weeks in which a class has more procedures than the school allows (every kind counts:
 * the federal guidance limits the load of all assessment procedures, not only tests).
 */
export function limitWarnings(
  entries: ReadonlyArray<Pick<Assessment, 'classId' | 'date'>>,
  limits: AssessmentLimits,
  classNames: Readonly<Record<string, string>> = {},
): LimitWarning[] {
  const byDay = new Map<string, number>();
  const byWeek = new Map<string, number>();
  for (const e of entries) {
    byDay.set(`${e.classId}|${e.date}`, (byDay.get(`${e.classId}|${e.date}`) ?? 0) + 1);
    const w = `${e.classId}|${mondayOf(e.date)}`;
    byWeek.set(w, (byWeek.get(w) ?? 0) + 1);
  }
  const name = (classId: string) => classNames[classId] ?? classId;
  const out: LimitWarning[] = [];
  for (const [k, count] of byDay) {
    const [classId, date] = k.split('|') as [string, string];
    if (count > limits.perDay) {
      out.push({
        classId,
        kind: 'day',
        date,
        count,
        limit: limits.perDay,
        message: `${name(classId)}: ${ruDate(date)} — ${countOf(count, PROCEDURES)} в один день (по правилам школы не более ${limits.perDay} в день).`,
      });
    }
  }
  for (const [k, count] of byWeek) {
    const [classId, monday] = k.split('|') as [string, string];
    if (count > limits.perWeek) {
      out.push({
        classId,
        kind: 'week',
        date: monday,
        count,
        limit: limits.perWeek,
        message: `${name(classId)}: неделя ${ruDate(monday)}–${ruDate(addDays(monday, 6))} — ${countOf(count, PROCEDURES)} (по правилам школы не более ${limits.perWeek} в неделю).`,
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.classId.localeCompare(b.classId) || a.kind.localeCompare(b.kind));
}

/** Warnings that a new or moved procedure on `date` in `classId` is part of. */
export function warningsTouching(warnings: readonly LimitWarning[], classId: string, date: string): LimitWarning[] {
  return warnings.filter((w) => w.classId === classId && (w.kind === 'day' ? w.date === date : w.date === mondayOf(date)));
}

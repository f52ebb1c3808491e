/**
 * The schedule of assessment procedures as tables by week: one class's weeks by day, or the
 * whole school's classes by week with their counts; warnings over the school's limits marked.
 * Pure functions of the API's answer.
 */
import { formatDate } from '../format';
import type { AssessmentEntry, LimitWarning, Schedule, ScheduleWeek } from './types';

export const WEEKDAYS_SHORT = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'] as const;

/** «14.12–19.12» for a week Monday to Saturday. */
export function weekLabel(w: Pick<ScheduleWeek, 'monday' | 'days'>): string {
  const last = w.days.at(-1)!.date;
  return `${formatDate(w.monday).slice(0, 5)}–${formatDate(last).slice(0, 5)}`;
}

export interface DayCell {
  date: string;
  inHalf: boolean;
  holiday?: string;
  entries: AssessmentEntry[];
  /** More procedures that day than the school allows. */
  over: boolean;
}

export interface WeekRow {
  monday: string;
  label: string;
  days: DayCell[];
  count: number;
  over: boolean;
  /** Every school day of the week is a holiday (or outside the half-year). */
  holidayWeek?: string;
}

/** One class's half-year: a row per week, a cell per day. */
export function classWeeks(s: Schedule, classId: string): WeekRow[] {
  const mine = s.entries.filter((e) => e.classId === classId);
  const overDay = new Set(s.warnings.filter((w) => w.classId === classId && w.kind === 'day').map((w) => w.date));
  const overWeek = new Set(s.warnings.filter((w) => w.classId === classId && w.kind === 'week').map((w) => w.date));
  return s.weeks.map((w) => {
    const days = w.days.map((d) => ({
      date: d.date,
      inHalf: d.inHalf,
      ...(d.holiday ? { holiday: d.holiday } : {}),
      entries: mine.filter((e) => e.date === d.date),
      over: overDay.has(d.date),
    }));
    const resting = days.filter((d) => d.inHalf);
    const holidayWeek = resting.length > 0 && resting.every((d) => d.holiday) ? resting[0]!.holiday : undefined;
    return {
      monday: w.monday,
      label: weekLabel(w),
      days,
      count: days.reduce((n, d) => n + d.entries.length, 0),
      over: overWeek.has(w.monday),
      ...(holidayWeek ? { holidayWeek } : {}),
    };
  });
}

export interface OverviewRow {
  classId: string;
  name: string;
  cells: Array<{ monday: string; count: number; over: boolean; entries: AssessmentEntry[] }>;
  total: number;
}

/** The whole school: a row per class, a column per week with how many procedures it has. */
export function overview(s: Schedule): OverviewRow[] {
  const warned = new Set(s.warnings.map((w) => `${w.classId}|${w.kind === 'week' ? w.date : mondayOf(s, w.date)}`));
  return s.classes
    .map((c) => {
      const mine = s.entries.filter((e) => e.classId === c.classId);
      const cells = s.weeks.map((w) => {
        const entries = mine.filter((e) => e.date >= w.monday && e.date <= w.sunday);
        return { monday: w.monday, count: entries.length, over: warned.has(`${c.classId}|${w.monday}`), entries };
      });
      return { classId: c.classId, name: c.name, cells, total: mine.length };
    })
    .filter((r) => r.total > 0);
}

function mondayOf(s: Schedule, date: string): string {
  return s.weeks.find((w) => w.monday <= date && date <= w.sunday)?.monday ?? date;
}

export function entryText(e: AssessmentEntry): string {
  return `${e.subjectName}: ${e.kindShort}`;
}

export function entryTitle(e: AssessmentEntry): string {
  return [e.kindName, e.title, `внёс(ла): ${e.createdByName}`].filter(Boolean).join('. ');
}

export function warningsOf(warnings: readonly LimitWarning[]): string[] {
  return warnings.map((w) => w.message);
}

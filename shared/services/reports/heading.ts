/** What every class report names at its top: the school, the class, its period (and the year's periods for a switch), the school's today. */
import { dateInZone } from '../../domain/calendar';
import { className } from '../../repos/school';
import { periodView } from '../early-warnings';
import type { ClassMarksContext } from '../period-marks-read';

/** A period as a report shows it. */
export type ReportPeriod = ReturnType<typeof periodView>;

/** The period part of a report's top: its period, the year's periods (the screen's switch), the school's today (the printed «сформировано» date) in its zone. */
export interface ReportPeriods {
  period: ReportPeriod;
  periods: ReportPeriod[];
  today: string;
  timeZone: string;
}

/** What it needs of a class's context (the movement sheet of the period close builds one without the curriculum). */
export type HeadingContext = Pick<ClassMarksContext, 'schoolName' | 'schoolClass' | 'period' | 'periods'> & { marking: { journal: { timeZone: string } } };

export function reportHeading(ctx: HeadingContext, now: Date) {
  const timeZone = ctx.marking.journal.timeZone;
  return {
    schoolName: ctx.schoolName,
    classId: ctx.schoolClass.classId,
    className: className(ctx.schoolClass),
    grade: ctx.schoolClass.grade,
    period: periodView(ctx.period!),
    periods: ctx.periods.map(periodView),
    today: dateInZone(now, timeZone),
    timeZone,
  };
}

/**
 * The academic year (R-10, clause 1.4): study periods per grade (quarters for some grades, halves
 * for others) and holidays. Dates are school-local calendar dates, YYYY-MM-DD, inclusive.
 */
export interface Period {
  /** Unique within the year, e.g. '2026-q1', '2026-h2'. Part of the journal's partition key. */
  periodId: string;
  /** Russian name shown to people: «1 четверть», «2 полугодие». */
  name: string;
  startDate: string;
  endDate: string;
}

export interface PeriodSet {
  kind: 'quarter' | 'half';
  grades: number[];
  periods: Period[];
}

export interface Holiday {
  name: string;
  startDate: string;
  endDate: string;
  /** Only these grades rest (the extra February week of grade 1); absent = every grade. */
  grades?: number[];
}

export interface AcademicYear {
  schoolId: string;
  /** The calendar year it starts in: '2026' is the 2026/2027 school year. */
  yearId: string;
  startDate: string;
  endDate: string;
  periodSets: PeriodSet[];
  holidays: Holiday[];
  version: number;
}

export function periodsForGrade(year: Pick<AcademicYear, 'periodSets'>, grade: number): Period[] {
  return year.periodSets.find((s) => s.grades.includes(grade))?.periods ?? [];
}

/** The period of a grade that contains a date, if any. */
export function periodOn(year: Pick<AcademicYear, 'periodSets'>, grade: number, date: string): Period | undefined {
  return periodsForGrade(year, grade).find((p) => p.startDate <= date && date <= p.endDate);
}

export function isHoliday(year: Pick<AcademicYear, 'holidays'>, date: string, grade?: number): boolean {
  return year.holidays.some(
    (h) => h.startDate <= date && date <= h.endDate && (!h.grades || grade === undefined || h.grades.includes(grade)),
  );
}

/**
 * The demo school's 2026/2027 year: quarters for grades 1-9, halves for 10-11, the usual holidays
 * of a Krasnodar school, the extra February week for grade 1, and the public holidays that fall on
 * school days.
 */
import { keys } from '../db/keys';
import type { AcademicYear } from '../domain/year';
import { DEMO_YEAR_ID } from './model';

export function demoYear(schoolId: string): AcademicYear {
  return {
    schoolId,
    yearId: DEMO_YEAR_ID,
    startDate: '2026-09-01',
    endDate: '2027-05-31',
    periodSets: [
      {
        kind: 'quarter',
        grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
        periods: [
          { periodId: '2026-q1', name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-24' },
          { periodId: '2026-q2', name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-29' },
          { periodId: '2026-q3', name: '3 четверть', startDate: '2027-01-12', endDate: '2027-03-20' },
          { periodId: '2026-q4', name: '4 четверть', startDate: '2027-03-30', endDate: '2027-05-26' },
        ],
      },
      {
        kind: 'half',
        grades: [10, 11],
        periods: [
          { periodId: '2026-h1', name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-29' },
          { periodId: '2026-h2', name: '2 полугодие', startDate: '2027-01-12', endDate: '2027-05-26' },
        ],
      },
    ],
    holidays: [
      { name: 'Осенние каникулы', startDate: '2026-10-25', endDate: '2026-11-04' },
      { name: 'Зимние каникулы', startDate: '2026-12-30', endDate: '2027-01-11' },
      { name: 'Дополнительные каникулы для 1 классов', startDate: '2027-02-15', endDate: '2027-02-21', grades: [1] },
      { name: 'День защитника Отечества', startDate: '2027-02-23', endDate: '2027-02-23' },
      { name: 'Международный женский день', startDate: '2027-03-08', endDate: '2027-03-08' },
      { name: 'Весенние каникулы', startDate: '2027-03-21', endDate: '2027-03-29' },
      { name: 'Праздник Весны и Труда (перенос)', startDate: '2027-05-03', endDate: '2027-05-03' },
      { name: 'День Победы (перенос)', startDate: '2027-05-10', endDate: '2027-05-10' },
    ],
    version: 1,
  };
}

export function demoYearItems(schoolId: string): Array<Record<string, unknown>> {
  return [{ ...keys.year(schoolId, DEMO_YEAR_ID), type: 'academicYear', ...demoYear(schoolId) }];
}

/**
 * The schedule of assessment procedures (R-15, clause 8.3): half-years per grade, dates refused
 * outside the half-year and on holidays, warnings over the school's limits per day and week.
 */
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_KIND_IDS,
  ASSESSMENT_KINDS,
  assessmentDateProblem,
  DEFAULT_ASSESSMENT_LIMITS,
  halvesForGrade,
  limitWarnings,
  warningsTouching,
  weeksOfHalf,
} from '../../shared/domain/assessments';
import { mondayOf } from '../../shared/domain/calendar';
import { demoYear } from '../../shared/demo/year';

const year = demoYear('sch53');

describe('half-years', () => {
  it('should join quarters 1-2 and 3-4 for grades on quarters', () => {
    expect(halvesForGrade(year, 5)).toEqual([
      { halfId: 'h1', name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-29' },
      { halfId: 'h2', name: '2 полугодие', startDate: '2027-01-12', endDate: '2027-05-26' },
    ]);
  });

  it('should take the halves of grades 10-11 as they are', () => {
    expect(halvesForGrade(year, 10).map((h) => [h.halfId, h.startDate, h.endDate])).toEqual([
      ['h1', '2026-09-01', '2026-12-29'],
      ['h2', '2027-01-12', '2027-05-26'],
    ]);
  });

  it('should list the weeks of a half Monday to Saturday with holidays marked', () => {
    const weeks = weeksOfHalf(year, halvesForGrade(year, 5)[0]!, 5);
    expect(weeks[0]!.monday).toBe('2026-08-31');
    expect(weeks[0]!.days[0]).toEqual({ date: '2026-08-31', inHalf: false });
    expect(weeks.at(-1)!.monday).toBe('2026-12-28');
    const autumn = weeks.find((w) => w.monday === '2026-10-26')!;
    expect(autumn.days.every((d) => d.holiday === 'Осенние каникулы')).toBe(true);
    expect(weeks).toHaveLength(18);
  });
});

describe('assessmentDateProblem', () => {
  it('should accept a school day inside the half-year', () => {
    expect(assessmentDateProblem(year, 5, 'h1', '2026-10-14')).toBeNull();
    expect(assessmentDateProblem(year, 5, 'h1', '2026-09-01')).toBeNull();
    expect(assessmentDateProblem(year, 5, 'h1', '2026-12-29')).toBeNull();
    expect(assessmentDateProblem(year, 5, 'h1', '2026-10-17')).toBeNull(); // a Saturday
  });

  it('should refuse a date just outside the half-year', () => {
    expect(assessmentDateProblem(year, 5, 'h1', '2027-01-12')).toBe('Дата 12.01.2027 вне 1 полугодия (01.09.2026–29.12.2026).');
    expect(assessmentDateProblem(year, 5, 'h2', '2026-12-29')).toBe('Дата 29.12.2026 вне 2 полугодия (12.01.2027–26.05.2027).');
    expect(assessmentDateProblem(year, 5, 'h1', '2026-08-31')).toMatch(/вне 1 полугодия/);
  });

  it('should refuse holidays, with grade-only holidays for that grade only', () => {
    expect(assessmentDateProblem(year, 5, 'h1', '2026-10-27')).toBe('27.10.2026 — «Осенние каникулы»: в каникулы и праздники оценочные процедуры не проводятся.');
    expect(assessmentDateProblem(year, 1, 'h2', '2027-02-16')).toMatch(/Дополнительные каникулы для 1 классов/);
    expect(assessmentDateProblem(year, 5, 'h2', '2027-02-16')).toBeNull();
    expect(assessmentDateProblem(year, 5, 'h2', '2027-02-23')).toMatch(/День защитника Отечества/);
  });

  it('should refuse Sundays and dates that do not exist', () => {
    expect(assessmentDateProblem(year, 5, 'h1', '2026-10-18')).toBe('18.10.2026 — воскресенье, выходной день.');
    expect(assessmentDateProblem(year, 5, 'h1', '2026-02-30')).toMatch(/не существует/);
    expect(assessmentDateProblem(year, 5, 'h1', '14.10.2026')).toMatch(/не существует/);
  });
});

describe('limitWarnings', () => {
  const names = { '5a': '5А', '5b': '5Б' };

  it('should warn at the second procedure of a day with the default limit of 1, not at the first', () => {
    expect(limitWarnings([{ classId: '5a', date: '2026-10-14' }], DEFAULT_ASSESSMENT_LIMITS, names)).toEqual([]);
    const w = limitWarnings(
      [
        { classId: '5a', date: '2026-10-14' },
        { classId: '5a', date: '2026-10-14' },
        { classId: '5b', date: '2026-10-14' },
      ],
      DEFAULT_ASSESSMENT_LIMITS,
      names,
    );
    expect(w).toEqual([
      {
        classId: '5a',
        kind: 'day',
        date: '2026-10-14',
        count: 2,
        limit: 1,
        message: '5А: 14.10.2026 — 2 оценочные процедуры в один день (по правилам школы не более 1 в день).',
      },
    ]);
  });

  it('should warn at the fourth procedure of a Monday-to-Sunday week, counting each class apart', () => {
    const three = ['2026-10-12', '2026-10-13', '2026-10-15'].map((date) => ({ classId: '5a', date }));
    expect(limitWarnings(three, DEFAULT_ASSESSMENT_LIMITS, names)).toEqual([]);
    // The Saturday before and the Monday after are other weeks; 5Б's procedure is another class.
    const around = [...three, { classId: '5a', date: '2026-10-10' }, { classId: '5a', date: '2026-10-19' }, { classId: '5b', date: '2026-10-14' }];
    expect(limitWarnings(around, DEFAULT_ASSESSMENT_LIMITS, names)).toEqual([]);
    const four = [...three, { classId: '5a', date: '2026-10-17' }];
    expect(limitWarnings(four, DEFAULT_ASSESSMENT_LIMITS, names)).toEqual([
      {
        classId: '5a',
        kind: 'week',
        date: '2026-10-12',
        count: 4,
        limit: 3,
        message: '5А: неделя 12.10.2026–18.10.2026 — 4 оценочные процедуры (по правилам школы не более 3 в неделю).',
      },
    ]);
  });

  it('should follow the school limits when they differ from the defaults', () => {
    const entries = ['2026-10-12', '2026-10-12', '2026-10-13'].map((date) => ({ classId: '5b', date }));
    expect(limitWarnings(entries, { perDay: 2, perWeek: 5 }, names)).toEqual([]);
    expect(limitWarnings(entries, { perDay: 1, perWeek: 2 }, names).map((w) => w.message)).toEqual([
      '5Б: 12.10.2026 — 2 оценочные процедуры в один день (по правилам школы не более 1 в день).',
      '5Б: неделя 12.10.2026–18.10.2026 — 3 оценочные процедуры (по правилам школы не более 2 в неделю).',
    ]);
    expect(limitWarnings(Array.from({ length: 5 }, () => ({ classId: '5b', date: '2026-10-12' })), { perDay: 1, perWeek: 9 }, names)[0]!.message).toMatch(
      /5 оценочных процедур в один день/,
    );
  });

  it('should find the warnings a given day belongs to', () => {
    const w = limitWarnings(
      ['2026-10-12', '2026-10-12', '2026-10-13', '2026-10-14'].map((date) => ({ classId: '5a', date })),
      DEFAULT_ASSESSMENT_LIMITS,
    );
    expect(warningsTouching(w, '5a', '2026-10-12').map((x) => x.kind).sort()).toEqual(['day', 'week']);
    expect(warningsTouching(w, '5a', '2026-10-14').map((x) => x.kind)).toEqual(['week']);
    expect(warningsTouching(w, '5b', '2026-10-12')).toEqual([]);
  });

  it('should know Monday of any day', () => {
    expect(mondayOf('2026-10-18')).toBe('2026-10-12');
    expect(mondayOf('2026-10-12')).toBe('2026-10-12');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('kinds', () => {
  it('should have Russian names and short marks for every stable id', () => {
    expect(ASSESSMENT_KIND_IDS).toEqual(expect.arrayContaining(['test', 'vpr', 'diagnostic', 'administrative', 'final']));
    for (const id of ASSESSMENT_KIND_IDS) {
      expect(id).toMatch(/^[a-z]+$/);
      expect(ASSESSMENT_KINDS[id].name).toMatch(/[А-Яа-я]/);
    }
    expect(ASSESSMENT_KINDS.vpr.name).toBe('Всероссийская проверочная работа (ВПР)');
  });
});

/**
 * Validation of an academic year (R-10, clause 1.4): periods inside the year, in order and not
 * overlapping; each grade 1-11 in exactly one set of periods; holidays inside the year, never on a
 * period's first or last day; real dates. Every problem is reported at once, in Russian.
 */
import { describe, expect, it } from 'vitest';
import { demoYear } from '../../shared/demo/year';
import { isIsoDate, ruDate } from '../../shared/domain/calendar';
import { gradesRu, validateYear } from '../../shared/domain/year-rules';
import type { AcademicYear } from '../../shared/domain/year';

const year = (): AcademicYear => structuredClone(demoYear('sch53'));
const paths = (y: AcademicYear) => validateYear(y).map((p) => p.path);
const messages = (y: AcademicYear) => validateYear(y).map((p) => p.message);

describe('the demo year', () => {
  it('should have no problems (it is what the demo school is seeded with)', () => {
    expect(validateYear(demoYear('sch53'))).toEqual([]);
  });
});

describe('dates', () => {
  it.each(['2027-02-30', '2026-13-01', '01.09.2026', '2026-9-1', '', '2026-09-01T00:00'])('should refuse %j as a date', (d) => {
    expect(isIsoDate(d)).toBe(false);
    const y = year();
    y.periodSets[0]!.periods[0]!.startDate = d;
    expect(paths(y)).toEqual(['periodSets.0.periods.0.startDate']);
  });

  it('should accept 29 February of a leap year only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
  });

  it('should show dates as DD.MM.YYYY and grades as people write them', () => {
    expect(ruDate('2026-09-01')).toBe('01.09.2026');
    expect(gradesRu([1, 2, 3, 4, 9])).toBe('1–4, 9');
    expect(gradesRu([10, 11])).toBe('10, 11');
  });

  it('should refuse a year that ends before it starts, lasts over a year, or starts in another year than its id', () => {
    const y = year();
    y.endDate = '2026-08-01';
    expect(messages(y)).toContain('Учебный год заканчивается (01.08.2026) не позже, чем начинается (01.09.2026).');
    const long = year();
    long.endDate = '2027-09-01';
    expect(paths(long)).toEqual(['endDate']);
    const wrongId = year();
    wrongId.yearId = '2025';
    expect(messages(wrongId)).toEqual(['Учебный год 2025/2026 должен начинаться в 2025 году, а указано 01.09.2026.']);
  });
});

describe('periods', () => {
  it('should refuse a period outside the year', () => {
    const y = year();
    y.periodSets[1]!.periods[1]!.endDate = '2027-06-15';
    expect(messages(y)).toEqual([
      'Полугодия (классы 10, 11), «2 полугодие» (12.01.2027–15.06.2027) выходит за границы учебного года (01.09.2026–31.05.2027).',
    ]);
  });

  it('should refuse overlapping periods of one set', () => {
    const y = year();
    y.periodSets[0]!.periods[1]!.startDate = '2026-10-20';
    y.holidays = y.holidays.filter((h) => h.name !== 'Осенние каникулы');
    expect(messages(y)).toEqual([
      'Четверти (классы 1–9): «2 четверть» начинается 20.10.2026, до окончания «1 четверть» (24.10.2026): периоды не должны пересекаться.',
    ]);
  });

  it('should refuse periods out of order', () => {
    const y = year();
    const [q1, q2, q3, q4] = y.periodSets[0]!.periods;
    y.periodSets[0]!.periods = [q1!, q3!, q2!, q4!];
    expect(paths(y)).toContain('periodSets.0.periods.2');
    expect(messages(y).join(' ')).toContain('расположите периоды по порядку');
  });

  it('should refuse a period that ends before it starts, a wrong count, a bad or repeated id, a missing name', () => {
    const y = year();
    const q = y.periodSets[0]!.periods;
    q[0]!.endDate = '2026-08-31';
    q[1]!.periodId = '2026-q1';
    q[2]!.periodId = 'q 3';
    q[3]!.name = ' ';
    y.periodSets[1]!.periods.pop();
    expect(paths(y)).toEqual([
      'periodSets.0.periods.0.endDate',
      'periodSets.0.periods.1.periodId',
      'periodSets.0.periods.2.periodId',
      'periodSets.0.periods.3.name',
      'periodSets.1.periods',
    ]);
  });
});

describe('grades', () => {
  it('should refuse a grade in two sets and a grade in none', () => {
    const y = year();
    y.periodSets[0]!.grades = [1, 2, 3, 4, 5, 6, 7, 8, 10];
    expect(messages(y)).toEqual([
      '9 класс не входит ни в один набор периодов.',
      '10 класс входит в несколько наборов периодов: четверти (классы 1–8, 10) и полугодия (классы 10, 11).',
    ]);
  });

  it('should refuse grades outside 1-11, repeated grades and an empty set', () => {
    const y = year();
    y.periodSets[1]!.grades = [10, 11, 12, 11];
    expect(paths(y)).toEqual(['periodSets.1.grades', 'periodSets.1.grades']);
    const empty = year();
    empty.periodSets[1]!.grades = [];
    expect(paths(empty)).toEqual(['periodSets.1.grades', 'periodSets', 'periodSets']);
  });

  it('should refuse a year with no period sets', () => {
    const y = year();
    y.periodSets = [];
    expect(messages(y)).toEqual(['Не задано ни одного набора учебных периодов (четвертей или полугодий).']);
  });
});

describe('holidays', () => {
  it('should refuse holidays outside the year', () => {
    const y = year();
    y.holidays.push({ name: 'Летние каникулы', startDate: '2027-06-01', endDate: '2027-08-31' });
    expect(messages(y)).toEqual(['«Летние каникулы» (01.06.2027–31.08.2027): выходит за границы учебного года (01.09.2026–31.05.2027).']);
  });

  it('should refuse holidays that end before they start', () => {
    const y = year();
    y.holidays[0]!.endDate = '2026-10-20';
    expect(paths(y)).toEqual(['holidays.0.endDate']);
  });

  it("should refuse holidays on a period's first or last day", () => {
    const y = year();
    // Spring holidays one day early: they take the last day of the 3rd quarter.
    y.holidays[5]!.startDate = '2027-03-20';
    // A day off on the first day of the 2nd half-year (and of the 3rd quarter).
    y.holidays.push({ name: 'Выходной', startDate: '2027-01-12', endDate: '2027-01-12' });
    expect(messages(y)).toEqual([
      '«Весенние каникулы» (20.03.2027–29.03.2027): захватывает последний день периода «3 четверть» (четверти, классы 1–9) — 20.03.2027. Первый и последний дни периода должны быть учебными.',
      '«Выходной» (12.01.2027): захватывает первый день периода «3 четверть» (четверти, классы 1–9) — 12.01.2027. Первый и последний дни периода должны быть учебными.',
      '«Выходной» (12.01.2027): захватывает первый день периода «2 полугодие» (полугодия, классы 10, 11) — 12.01.2027. Первый и последний дни периода должны быть учебными.',
    ]);
  });

  it('should check per-grade holidays only against the periods of those grades', () => {
    const y = year();
    // On the first day of the 2nd half-year, but only for grade 1, which studies by quarters.
    y.holidays.push({ name: 'Каникулы 1 классов', startDate: '2027-02-16', endDate: '2027-02-16', grades: [1] });
    expect(validateYear(y)).toEqual([]);
    y.holidays.push({ name: 'Только 10-11', startDate: '2027-01-12', endDate: '2027-01-12', grades: [10, 11] });
    expect(messages(y)).toEqual([
      '«Только 10-11» (12.01.2027): захватывает первый день периода «2 полугодие» (полугодия, классы 10, 11) — 12.01.2027. Первый и последний дни периода должны быть учебными.',
    ]);
  });

  it('should refuse an empty or wrong grade list and a missing name', () => {
    const y = year();
    y.holidays[2]!.grades = [];
    y.holidays[3]!.grades = [0];
    y.holidays[4]!.name = '';
    expect(paths(y)).toEqual(['holidays.2.grades', 'holidays.3.grades', 'holidays.4.name']);
  });
});

describe('all problems at once', () => {
  it('should report problems of the year, the periods, the grades and the holidays together', () => {
    const y = year();
    y.startDate = '2026-09-31';
    y.periodSets[1]!.grades = [11];
    y.holidays[0]!.startDate = '2026-10-24';
    expect(paths(y)).toEqual(['startDate', 'periodSets', 'holidays.0']);
  });
});

/**
 * The year screen's logic (web/src/lib/year/year.ts): dates typed DD.MM.YYYY, grade lists typed by
 * people, a new year made from the last one, and the check before saving that is the server's own.
 */
import { describe, expect, it } from 'vitest';
import { demoYear } from '../../shared/demo/year';
import { validateYear } from '../../shared/domain/year-rules';
import {
  bodyOf,
  checkForm,
  draftOf,
  flagged,
  formOf,
  isoFromRu,
  newYearForm,
  parseGrades,
  ruFromIso,
  setKind,
  yearSchool,
} from '../../web/src/lib/year/year';
import type { Me } from '../../web/src/lib/types';

const demo = demoYear('sch53');

describe('dates and grades as typed', () => {
  it.each([['01.09.2026', '2026-09-01'], ['1.9.2026', '2026-09-01'], [' 31.05.2027 ', '2027-05-31'], ['2026-09-01', '2026-09-01'], ['31/05/2027', '31/05/2027']])(
    '%j -> %j',
    (typed, iso) => {
      expect(isoFromRu(typed)).toBe(iso);
    },
  );

  it('should show ISO dates as DD.MM.YYYY', () => {
    expect(ruFromIso('2027-02-15')).toBe('15.02.2027');
  });

  it.each([['1', [1]], ['10, 11', [10, 11]], ['1-4, 9', [1, 2, 3, 4, 9]], ['1–4;2', [1, 2, 3, 4]], ['12', null], ['5-3', null], ['а', null]])(
    'grades %j -> %j',
    (typed, grades) => {
      expect(parseGrades(typed)).toEqual(grades);
    },
  );
});

describe('the form of a year', () => {
  it('should go to the form and back to the same year, with no problems', () => {
    const form = formOf(demo);
    expect(form.sets[0]!.periods[0]).toEqual({ periodId: '2026-q1', name: '1 четверть', start: '01.09.2026', end: '24.10.2026' });
    expect(form.holidays[2]!.grades).toBe('1');
    const { version, ...body } = bodyOf(form);
    expect(version).toBe(1);
    const { schoolId: _s, yearId: _y, version: _v, ...expected } = demo;
    expect(body).toEqual(expected);
    expect(checkForm(form)).toEqual([]);
  });

  it('should list a problem the server would report, before anything is sent', () => {
    const form = formOf(demo);
    form.holidays[5]!.start = '20.03.2027';
    form.holidays[0]!.grades = 'первые';
    const problems = checkForm(form);
    expect(problems.map((p) => p.path)).toEqual(['holidays.0.grades', 'holidays.5']);
    expect(problems[1]!.message).toContain('захватывает последний день периода «3 четверть»');
    expect(flagged(problems, 'holidays.5.startDate')).toBe(true);
    expect(flagged(problems, 'holidays.0.grades')).toBe(true);
    expect(flagged(problems, 'holidays.1.startDate')).toBe(false);
  });

  it('should name a date typed wrong', () => {
    const form = formOf(demo);
    form.start = '31.09.2026';
    expect(checkForm(form).map((p) => p.path)).toContain('startDate');
  });

  it('should switch a set to halves keeping the dates it keeps, with generated ids', () => {
    const form = formOf(demo);
    setKind(form, 0, 'half');
    expect(form.sets[0]!.periods).toEqual([
      { periodId: '2026-h1', name: '1 полугодие', start: '01.09.2026', end: '24.10.2026' },
      { periodId: '2026-h2', name: '2 полугодие', start: '05.11.2026', end: '29.12.2026' },
    ]);
    // A second set of halves gets ids of its own.
    setKind(form, 1, 'half');
    expect(form.sets[1]!.periods.map((p) => p.periodId)).toEqual(['2026-s2-h1', '2026-s2-h2']);
  });
});

describe('a new year', () => {
  it('should follow the last one, moved on a year, valid as it stands', () => {
    const form = newYearForm('2027', demo);
    expect(form).toMatchObject({ yearId: '2027', version: 0, start: '01.09.2027', end: '31.05.2028' });
    expect(form.sets[0]!.periods[0]).toEqual({ periodId: '2027-q1', name: '1 четверть', start: '01.09.2027', end: '24.10.2027' });
    expect(validateYear(draftOf(form).draft)).toEqual([]);
  });

  it('should offer quarters for 1-9 and halves for 10-11 with empty dates when there is no year yet', () => {
    const form = newYearForm('2026', null);
    expect(form.sets.map((s) => [s.kind, s.grades, s.periods.map((p) => p.periodId)])).toEqual([
      ['quarter', [1, 2, 3, 4, 5, 6, 7, 8, 9], ['2026-q1', '2026-q2', '2026-q3', '2026-q4']],
      ['half', [10, 11], ['2026-h1', '2026-h2']],
    ]);
    expect(checkForm(form).length).toBeGreaterThan(0);
  });
});

describe('yearSchool', () => {
  const me = (grants: Me['grants']): Me => ({ userId: 'u', login: 'u', displayName: 'U', departmentId: 'krd', grants, csrfToken: '', children: [], schools: [] });
  it('should be the school of a deputy or director, and nothing for others', () => {
    expect(yearSchool(me([{ role: 'deputy', schoolId: 'sch53' }]))).toBe('sch53');
    expect(yearSchool(me([{ role: 'teacher', schoolId: 'sch53' }, { role: 'parent', schoolId: 'sch53', studentId: 's' }]))).toBeUndefined();
  });
});

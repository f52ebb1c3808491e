/**
 * Lock settings (R-23, R-32, clauses 3.8, 6.3): the department sets them; a school may only make
 * them stricter (fewer days), never looser.
 */
import { describe, expect, it } from 'vitest';
import { looserThanDepartment, REGULATION_LOCK_DAYS, type LockDays } from '../../shared/domain/settings';

const department: LockDays = { currentMarks: 10, practicalWorks: 7, essays: 10, finalMarks: 5, fillWithin: 2 };

describe('REGULATION_LOCK_DAYS', () => {
  it('should hold the regulation numbers', () => {
    expect(REGULATION_LOCK_DAYS).toEqual(department);
  });
});

describe('looserThanDepartment', () => {
  it('should allow the department values unchanged', () => {
    expect(looserThanDepartment(department, { ...department })).toEqual([]);
  });

  it('should allow stricter (shorter) values in every field', () => {
    expect(looserThanDepartment(department, { currentMarks: 3, practicalWorks: 1, essays: 9, finalMarks: 0, fillWithin: 1 })).toEqual([]);
  });

  it.each<[keyof LockDays]>([['currentMarks'], ['practicalWorks'], ['essays'], ['finalMarks'], ['fillWithin']])(
    'should name %s when the school gives one day more',
    (field) => {
      expect(looserThanDepartment(department, { ...department, [field]: department[field] + 1 })).toEqual([field]);
    },
  );

  it('should take a field the school leaves out as following the department', () => {
    expect(looserThanDepartment(department, { currentMarks: 12 })).toEqual(['currentMarks']);
    expect(looserThanDepartment(department, {})).toEqual([]);
  });

  it('should name every looser field, in the department order, and not the stricter ones', () => {
    const school: LockDays = { currentMarks: 11, practicalWorks: 6, essays: 30, finalMarks: 5, fillWithin: 3 };
    expect(looserThanDepartment(department, school)).toEqual(['currentMarks', 'essays', 'fillWithin']);
  });
});

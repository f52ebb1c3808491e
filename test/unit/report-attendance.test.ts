/** The attendance sheet's pure counting (issue 13, item 1): months of a range, reasons, late arrivals, the class's share by month. */
import { describe, expect, it } from 'vitest';
import { attendanceSheet, attendedText, missedText, monthsBetween, monthTitle } from '../../shared/domain/reports/attendance';

describe('attendanceSheet', () => {
  it('should list the months of a range across a new year', () => {
    expect(monthsBetween('2026-11-05', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-09-01', '2026-09-30')).toEqual(['2026-09']);
    expect(monthTitle('2027-01')).toBe('январь 2027');
  });

  it('should count missed lessons by month and reason, a late arrival apart, and lessons outside the range not at all', () => {
    const s = attendanceSheet({
      students: [{ studentId: 'a', name: 'А' }, { studentId: 'b', name: 'Б' }],
      months: ['2026-11', '2026-12'],
      lessons: new Map([['a', ['2026-11-02', '2026-11-03', '2026-12-01', '2026-12-02']], ['b', ['2026-11-02', '2026-11-03']]]),
      records: [
        { studentId: 'a', date: '2026-11-02', kind: 'absent', reason: 'illness' },
        { studentId: 'a', date: '2026-11-03', kind: 'absent' },
        { studentId: 'a', date: '2026-12-01', kind: 'late' },
        { studentId: 'b', date: '2026-11-03', kind: 'absent', reason: 'invalid' },
        { studentId: 'b', date: '2027-01-12', kind: 'absent', reason: 'valid' },
      ],
    });
    expect(s.rows[0]).toMatchObject({ missed: 2, illness: 1, unexplained: 1, late: 1, lessons: 4 });
    expect(s.rows[0]!.months).toEqual([{ missed: 2, illness: 1, valid: 0, invalid: 0, unexplained: 1 }, { missed: 0, illness: 0, valid: 0, invalid: 0, unexplained: 0 }]);
    expect(s.rows[1]).toMatchObject({ missed: 1, invalid: 1, valid: 0 });
    // November: 4 student-lessons, 3 missed → 25 %; December: 2, none missed → 100 %.
    expect(s.byMonth).toEqual([{ month: '2026-11', lessons: 4, missed: 3, attended: 25 }, { month: '2026-12', lessons: 2, missed: 0, attended: 100 }]);
    expect(missedText(s.rows[0]!.months[0]!)).toBe('2 (б 1, н 1)');
    expect(missedText(s.rows[0]!.months[1]!)).toBe('—');
    expect(attendedText(25)).toBe('25 %');
    expect(attendedText(null)).toBe('—');
  });
});

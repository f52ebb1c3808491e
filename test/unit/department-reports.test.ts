/**
 * «Отчёты по школам» (issue 13 item 5): a school's monitoring in one line, worked out by hand, and
 * how the comparison prints a school's results, a subject and a change.
 */
import { describe, expect, it } from 'vitest';
import { monitoringSummary } from '../../shared/domain/reports/department';
import { changeText, monitoringCells, resultCells, subjectCell } from '../../shared/reports/department-tables';
import type { SchoolComparison } from '../../shared/services/reports/department';

const ktp = (behind: number) => ({ state: 'approved' as const, planned: 10, taught: 10 - behind, behind, ahead: 0 });
const row = (teacherId: string, over: Partial<Parameters<typeof monitoringSummary>[0]['rows'][number]>) => ({
  teacherId, fillRate: 1, homeworkShare: 100, topicShare: 100, ktp: ktp(0), lateFills: 0, assessmentsKept: 1, assessmentsDue: 1, ...over,
});
const people = (total: number, active30: number) => ({ total, active7: 0, active30, share7: null, share30: null });

describe('a school\'s monitoring in one line', () => {
  it('should average the lines\' figures, count the journals behind the plan and the families who signed in', () => {
    const m = monitoringSummary({
      rows: [row('t1', { fillRate: 1.25, homeworkShare: 90, topicShare: 100 }), row('t1', { fillRate: 0.5, homeworkShare: 61, topicShare: 95, ktp: ktp(3), lateFills: 2, assessmentsKept: 0 }), row('t2', { fillRate: null, homeworkShare: null, topicShare: null, assessmentsDue: 0, assessmentsKept: 0 })],
      activity: [{ parents: people(20, 15), students: people(10, 9) }, { parents: people(10, 0), students: people(10, 1) }],
      problemRows: 2,
    });
    // (1,25 + 0,5) / 2 = 0,875 → 0,88; (90 + 61) / 2 = 75,5 → 76; (100 + 95) / 2 = 97,5 → 98; parents 15 / 30 = 50 %; students 10 / 20 = 50 %.
    expect(m).toEqual({ journals: 3, teachers: 2, fillRate: 0.88, homeworkShare: 76, topicShare: 98, behindKtp: 1, lateFills: 2, assessmentsKept: 1, assessmentsDue: 2, withProblems: 2, parentsActive30: 50, studentsActive30: 50 });
    expect(monitoringCells('МАОУ СОШ № 7', m)).toEqual(['МАОУ СОШ № 7', '3', '2', '0,88', '76 %', '98 %', '1', '2', '1 из 2', '2', '50 %', '50 %']);
  });

  it('should have nothing to average in a school with no journal and nobody to sign in', () => {
    expect(monitoringSummary({ rows: [], activity: [], problemRows: 0 })).toMatchObject({ journals: 0, fillRate: null, homeworkShare: null, parentsActive30: null });
  });
});

describe('the comparison as printed', () => {
  const school: SchoolComparison = {
    schoolId: 's7', schoolName: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', classes: 1, students: 3,
    results: { success: 67, quality: 67, average: 3.67, change: { success: -8, quality: 0, average: 0.12 } },
    byClass: [], bySubject: [{ name: 'Алгебра', success: 67, quality: 67, average: 3.67 }, { name: 'Физика', success: null, quality: null, average: null }], monitoring: null,
  };

  it('should print a school\'s results with the change from the period before', () => {
    expect(resultCells(school)).toEqual(['МАОУ СОШ № 7', '1', '3', '67 %', '67 %', '3,67', expect.stringMatching(/^[-−]8$/), '0']);
    expect(changeText(0.12)).toBe('+0,12');
    expect(changeText(null)).toBe('—');
    expect(resultCells({ ...school, missing: 'учебный год не заведён' })).toEqual(['МАОУ СОШ № 7', '—', '—', '—', '—', '—', '—', 'учебный год не заведён']);
  });

  it('should print a subject as success / quality / average, and a dash where there is nothing to compare', () => {
    expect(subjectCell(school, 'Алгебра')).toBe('67 % / 67 % / 3,67');
    expect(subjectCell(school, 'Физика')).toBe('—');
    expect(subjectCell(school, 'Химия')).toBe('—');
  });
});

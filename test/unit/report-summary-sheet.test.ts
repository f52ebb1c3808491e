/**
 * The summary sheet and the class results (issue 13, item 1), figures computed by hand: four
 * students, three subjects (one «зачёт/незачёт»), one student without a mark in one subject.
 */
import { describe, expect, it } from 'vitest';
import { averageText, cellText, percentText, summarySheet, type SheetMark } from '../../shared/domain/reports/summary-sheet';
import type { FinalMarkCode } from '../../shared/domain/period-marks';

const subjects = [
  { subjectId: 'math', name: 'Математика', shortName: 'Мат', passFail: false },
  { subjectId: 'rus', name: 'Русский язык', shortName: 'Рус', passFail: false },
  { subjectId: 'pe', name: 'Физкультура', shortName: 'Физ', passFail: true },
];
const students = ['a', 'b', 'c', 'd'].map((id) => ({ studentId: id, name: `Ученик ${id}` }));
const m = (subjectId: string, studentId: string, code: FinalMarkCode): SheetMark => ({ subjectId, studentId, code });
// a: 5 5 зач (excellent); b: 4 5 зач (good); c: 3 4 незач (fails); d: na, —, зач (fails)
const marks = [
  m('math', 'a', '5'), m('rus', 'a', '5'), m('pe', 'a', 'pass'),
  m('math', 'b', '4'), m('rus', 'b', '5'), m('pe', 'b', 'pass'),
  m('math', 'c', '3'), m('rus', 'c', '4'), m('pe', 'c', 'fail'),
  m('math', 'd', 'na'), m('pe', 'd', 'pass'),
];

describe('summarySheet', () => {
  const s = summarySheet({ students, subjects, periodMarks: marks });

  it('should lay out students x subjects with each student\'s average and failing subjects', () => {
    expect(s.withYear).toBe(false);
    expect(s.rows.map((r) => r.cells.map(cellText))).toEqual([
      ['5', '5', 'зач'],
      ['4', '5', 'зач'],
      ['3', '4', 'незач'],
      ['н/а', '', 'зач'],
    ]);
    expect(s.rows.map((r) => r.average)).toEqual([5, 4.5, 3.5, null]);
    expect(s.rows.map((r) => r.failing)).toEqual([0, 0, 1, 1]);
    expect(s.rows.map((r) => r.no)).toEqual([1, 2, 3, 4]);
  });

  it('should count each subject as Russian schools do', () => {
    const [math, rus, pe] = s.results;
    // Mathematics: 5, 4, 3, н/а: 4 assessed; success 3/4 = 75 %; quality 2/4 = 50 %; average (5+4+3)/3 = 4.
    expect(math).toMatchObject({ assessed: 4, unmarked: 0, five: 1, four: 1, three: 1, two: 0, notAssessed: 1, success: 75, quality: 50, average: 4 });
    // Russian: 5, 5, 4 and one without a mark: 3 assessed, all succeed, all of quality; (5+5+4)/3 = 4.67.
    expect(rus).toMatchObject({ assessed: 3, unmarked: 1, five: 2, four: 1, success: 100, quality: 100, average: 4.67 });
    // PE is pass/fail: 3 of 4 pass; no quality, no average.
    expect(pe).toMatchObject({ assessed: 4, success: 75, quality: null, average: null });
  });

  it('should sum the class up by students', () => {
    // a excellent, b good; c has «незач», d has «н/а»: success 2/4, quality 2/4; average of all six numeric marks 26/6.
    expect(s.totals).toEqual({ students: 4, excellent: 1, good: 1, oneThree: 0, withTwo: 0, withNotAssessed: 1, success: 50, quality: 50, average: 4.33 });
  });

  it('should put the year mark beside the period\'s when the period ends the year', () => {
    const y = summarySheet({ students, subjects, periodMarks: marks, yearMarks: [m('math', 'a', '4')] });
    expect(y.withYear).toBe(true);
    expect(cellText(y.rows[0]!.cells[0]!)).toBe('5 / 4');
    expect(cellText(y.rows[0]!.cells[1]!)).toBe('5 / —');
    expect(cellText(y.rows[3]!.cells[1]!)).toBe('');
  });

  it('should print decimals with a comma and percents with a space', () => {
    expect(averageText(4.67)).toBe('4,67');
    expect(averageText(null)).toBe('—');
    expect(percentText(75)).toBe('75 %');
  });

  it('should count nobody assessed as no figure, not 0 %', () => {
    const empty = summarySheet({ students, subjects, periodMarks: [] });
    expect(empty.results[0]).toMatchObject({ assessed: 0, unmarked: 4, success: null, quality: null, average: null });
    expect(empty.totals.success).toBeNull();
  });
});

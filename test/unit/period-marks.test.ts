/** Period, year, exam and final marks as people type them (R-22, R-30, clause 3.5). */
import { describe, expect, it } from 'vitest';
import {
  finalMarkCodeProblem,
  finalMarkKindTitle,
  FINAL_MARK_CODES,
  FINAL_MARK_TEXT,
  GRADE1_FINAL_MESSAGE,
  numericMark,
  parseFinalMark,
  reasonTextProblem,
  systemMark,
  type FinalMarkContext,
} from '../../shared/domain/period-marks';

const marks: FinalMarkContext = { grade: 5, kind: 'period', passFail: false };
const passFail: FinalMarkContext = { grade: 5, kind: 'period', passFail: true };
const code = (text: string, ctx: FinalMarkContext = marks) => {
  const r = parseFinalMark(text, ctx);
  return r.ok ? r.code : `refused: ${r.message}`;
};

describe('parseFinalMark', () => {
  it('should read marks 2-5 and clear an empty cell', () => {
    expect(['2', '3', ' 4 ', '5'].map((t) => code(t))).toEqual(['2', '3', '4', '5']);
    expect(code('')).toBeNull();
    expect(code('   ')).toBeNull();
  });

  it('should read «н/а» however it is typed, the Latin layout included', () => {
    for (const t of ['н/а', 'Н/А', 'на', 'н\\а', 'н.а.', 'н / а', 'y/f']) expect(code(t), t).toBe('na');
    expect(code('н/а', passFail)).toBe('na');
  });

  it('should read «зач» and «незач» for a pass/fail subject', () => {
    for (const t of ['зач', 'Зачёт', 'зачтено', 'pfx']) expect(code(t, passFail), t).toBe('pass');
    for (const t of ['незач', 'не зачтено', 'Незачёт', 'ytpfx']) expect(code(t, passFail), t).toBe('fail');
  });

  it('should refuse numbers outside 2-5 and unknown words, in Russian', () => {
    for (const t of ['1', '6', '0', '45', 'abc', '5+', '4-']) {
      const r = parseFinalMark(t, marks);
      expect(r.ok, t).toBe(false);
      expect(!r.ok && r.message, t).toMatch(/[а-я]/);
    }
    expect(code('1')).toContain('от 2 до 5');
    expect(code('abc')).toContain('не распознано');
  });

  it('should keep pass/fail subjects and marked subjects apart', () => {
    expect(code('5', passFail)).toMatch(/refused: .*«зачёт\/незачёт»/);
    expect(code('зач')).toMatch(/refused: .*отметку от 2 до 5/);
    expect(code('abc', passFail)).toContain('«зач», «незач» или «н/а»');
  });

  it('should refuse «н/оц» and «осв» outside grade 1: the system writes them there', () => {
    expect(code('н/оц')).toMatch(/refused: .*только в 1 классе/);
    expect(code('осв', { ...marks, kind: 'year' })).toMatch(/refused: .*только в 1 классе/);
  });
});

describe('grade 1 (clause 3.5)', () => {
  const grade1 = (kind: FinalMarkContext['kind'], t: string) => parseFinalMark(t, { grade: 1, kind, passFail: false });

  it('should refuse everything a person types, 2-5 and «н/оц» alike', () => {
    for (const t of ['2', '3', '4', '5', 'н/а', 'зач', 'н/оц', 'осв', '']) {
      expect(grade1('period', t), t).toEqual({ ok: false, message: GRADE1_FINAL_MESSAGE });
    }
    expect(grade1('year', '5')).toEqual({ ok: false, message: GRADE1_FINAL_MESSAGE });
    expect(GRADE1_FINAL_MESSAGE).toContain('«н/оц»');
    expect(GRADE1_FINAL_MESSAGE).toContain('«осв»');
  });

  it('should have the system set «н/оц» for every period and «осв» for the year', () => {
    expect(systemMark(1, 'period')).toBe('notGraded');
    expect(systemMark(1, 'year')).toBe('mastered');
    expect(systemMark(1, 'exam')).toBeNull();
    expect(systemMark(1, 'final')).toBeNull();
    expect(FINAL_MARK_TEXT[systemMark(1, 'period')!]).toBe('н/оц');
    expect(FINAL_MARK_TEXT[systemMark(1, 'year')!]).toBe('осв');
    for (const g of [2, 5, 9, 11]) expect(systemMark(g, 'period')).toBeNull();
  });
});

describe('which marks exist', () => {
  it('should take exams in grades 9 and 11 where the curriculum has an exam', () => {
    expect(code('5', { grade: 9, kind: 'exam', passFail: false, hasExam: true })).toBe('5');
    expect(code('4', { grade: 11, kind: 'exam', passFail: false, hasExam: true })).toBe('4');
    expect(code('5', { grade: 9, kind: 'exam', passFail: false, hasExam: false })).toMatch(/refused: .*нет экзамена/);
    expect(code('5', { grade: 8, kind: 'exam', passFail: false, hasExam: true })).toMatch(/refused: .*9 и 11/);
    expect(code('5', { grade: 10, kind: 'exam', passFail: false, hasExam: true })).toMatch(/refused/);
  });

  it('should take final marks in the certificate grades only', () => {
    expect(code('5', { grade: 9, kind: 'final', passFail: false })).toBe('5');
    expect(code('5', { grade: 7, kind: 'final', passFail: false })).toMatch(/refused: .*аттестат/);
    expect(code('5', { grade: 7, kind: 'year', passFail: false })).toBe('5');
  });

  it('should check a stored code as the typed text', () => {
    expect(finalMarkCodeProblem('pass', passFail)).toBeNull();
    expect(finalMarkCodeProblem('5', marks)).toBeNull();
    expect(finalMarkCodeProblem('na', marks)).toBeNull();
    expect(finalMarkCodeProblem('pass', marks)).toMatch(/безотметочных/);
    expect(finalMarkCodeProblem('notGraded', marks)).toMatch(/1 классе/);
    expect(finalMarkCodeProblem('6', marks)).toMatch(/Неизвестное значение/);
    expect(finalMarkCodeProblem(5, marks)).toMatch(/Неизвестное значение/);
    // Every code reads back as itself through its text, where its context allows it.
    for (const c of FINAL_MARK_CODES.filter((c) => !['notGraded', 'mastered', 'pass', 'fail'].includes(c))) {
      expect(parseFinalMark(FINAL_MARK_TEXT[c], marks)).toEqual({ ok: true, code: c });
    }
  });

  it('should give numbers only for 2-5', () => {
    expect(['2', '5', 'na', 'pass', 'mastered', null, undefined].map((c) => numericMark(c as never))).toEqual([2, 5, null, null, null, null, null]);
  });

  it('should name the kinds after the grade\'s scheme', () => {
    expect(finalMarkKindTitle('period', 'quarter')).toBe('Четвертная отметка');
    expect(finalMarkKindTitle('period', 'half')).toBe('Полугодовая отметка');
    expect(finalMarkKindTitle('final')).toBe('Итоговая отметка');
  });

  it('should check the form of a reason', () => {
    expect(reasonTextProblem(undefined)).toBeNull();
    expect(reasonTextProblem('  ')).toBeNull();
    expect(reasonTextProblem('ab')).toMatch(/слишком короткая/);
    expect(reasonTextProblem('по болезни')).toBeNull();
    expect(reasonTextProblem('x'.repeat(301))).toMatch(/длиннее 300/);
  });
});

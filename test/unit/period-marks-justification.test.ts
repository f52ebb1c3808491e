/**
 * The justification of a period mark (clause 6.1, R-31): the weighted average on a hand-computed
 * example, the thresholds at their exact boundaries, the minimum of marks, the reasons a mark needs,
 * the what-if, and the year and final bases.
 */
import { describe, expect, it } from 'vitest';
import {
  countedMarksOf,
  explainAverage,
  finalBasis,
  finalMarkWithReason,
  hypotheticalProblems,
  justificationSummary,
  justifyPeriod,
  reasonProblem,
  reasonsRequired,
  roundingRule,
  whatIf,
  yearBasis,
  type CountedMark,
} from '../../shared/domain/mark-justification';
import { weightedAverage } from '../../shared/domain/journal-marks';
import { DEFAULT_MARKING_RULES, type MarkingRules } from '../../shared/domain/settings-versions';
import { DEFAULT_THRESHOLDS } from '../../shared/domain/settings';

const rules = DEFAULT_MARKING_RULES; // lessonAnswer 1, independent 1,5, verification 2, test 3
// Dates out of order on purpose: the justification lists them by date.
const marks: CountedMark[] = [
  { date: '2026-10-02', workType: 'test', value: 4 },
  { date: '2026-09-10', workType: 'lessonAnswer', value: 5 },
  { date: '2026-10-15', workType: 'independent', value: 3 },
  { date: '2026-10-20', workType: 'verification', value: 5 },
  { date: '2026-10-22', workType: 'homework', value: 2 },
];

describe('the weighted average, by hand', () => {
  it('should write out every mark, the sum, the divisor and the implied mark', () => {
    // 5·1 + 4·3 + 3·1.5 + 5·2 + 2·1 = 5 + 12 + 4.5 + 10 + 2 = 33.5; 1 + 3 + 1.5 + 2 + 1 = 8.5;
    // 33.5 / 8.5 = 3.941… → 3.94 → «4» (from 3.50).
    const j = justifyPeriod(marks, rules, 2);
    expect(j.lines.map((l) => [l.date, l.workTypeName, l.value, l.weight, l.product])).toEqual([
      ['2026-09-10', 'Ответ на уроке', 5, 1, 5],
      ['2026-10-02', 'Контрольная работа', 4, 3, 12],
      ['2026-10-15', 'Самостоятельная работа', 3, 1.5, 4.5],
      ['2026-10-20', 'Проверочная работа', 5, 2, 10],
      ['2026-10-22', 'Домашняя работа', 2, 1, 2],
    ]);
    expect(j.sum).toBe(33.5);
    expect(j.weightSum).toBe(8.5);
    expect(j.average).toBe(3.94);
    expect(j.implied).toBe(4);
    expect(j.formula).toBe('(5 × 1 + 4 × 3 + 3 × 1,5 + 5 × 2 + 2 × 1) / (1 + 3 + 1,5 + 2 + 1) = 33,5 / 8,5 = 3,94');
    expect(j.minimum).toEqual({ hoursPerWeek: 2, required: 5, count: 5, met: true });
    expect(justificationSummary(j)).toBe('Средний балл 3,94 → «4»; 5 отметок при минимуме 5 — минимум выполнен.');
  });

  it('should agree with the journal\'s own average', () => {
    const j = justifyPeriod(marks, rules, 2);
    expect(j.average).toBe(weightedAverage(j.lines));
  });

  it('should show 4,67 with a decimal comma', () => {
    const j = justifyPeriod(
      [
        { date: '2026-09-10', workType: 'lessonAnswer', value: 5 },
        { date: '2026-09-11', workType: 'lessonAnswer', value: 5 },
        { date: '2026-09-12', workType: 'lessonAnswer', value: 4 },
      ],
      rules,
      1,
    );
    expect(j.formula).toBe('(5 × 1 + 5 × 1 + 4 × 1) / (1 + 1 + 1) = 14 / 3 = 4,67');
    expect(j.implied).toBe(5);
    expect(j.minimum).toEqual({ hoursPerWeek: 1, required: 3, count: 3, met: true });
  });

  it('should weigh by the rules in force, not by the weight a mark was stored with', () => {
    const heavierTests: MarkingRules = { ...rules, weights: { ...rules.weights, test: 5 } };
    const j = justifyPeriod(marks, heavierTests, 2);
    expect(j.lines[1]?.weight).toBe(5);
    expect(j.weightSum).toBe(10.5);
  });

  it('should have no average, formula or implied mark without marks', () => {
    const j = justifyPeriod([], rules, 3);
    expect(j).toMatchObject({ average: null, implied: null, formula: null, sum: 0, weightSum: 0 });
    expect(j.minimum).toEqual({ hoursPerWeek: 3, required: 5, count: 0, met: false });
    expect(justificationSummary(j)).toBe('Текущих отметок нет; 0 отметок при минимуме 5 — минимум не выполнен.');
  });
});

describe('thresholds at their exact boundaries (4,50 / 3,50 / 2,50)', () => {
  const implied = (value: number) => explainAverage([{ value, weight: 1 }], DEFAULT_THRESHOLDS).implied;

  it('should give the higher mark on the threshold and the lower one a hundredth below', () => {
    expect([4.5, 4.49, 3.5, 3.49, 2.5, 2.49, 5, 2].map(implied)).toEqual([5, 4, 4, 3, 3, 2, 5, 2]);
  });

  it('should round the average to hundredths first: 5 and 4 with weights 1 and 1 is 4,50 → «5»', () => {
    const j = justifyPeriod(
      [
        { date: '2026-09-01', workType: 'lessonAnswer', value: 5 },
        { date: '2026-09-02', workType: 'homework', value: 4 },
      ],
      rules,
      1,
    );
    expect(j).toMatchObject({ average: 4.5, implied: 5 });
  });

  it('should compare the rounded average: 14/3 = 4,666… is 4,67, which meets a 4,67 threshold', () => {
    const strict = { mark5: 4.67, mark4: 3.5, mark3: 2.5 };
    const terms = [5, 5, 4].map((value) => ({ value, weight: 1 }));
    expect(explainAverage(terms, strict)).toMatchObject({ average: 4.67, implied: 5 });
    expect(explainAverage([5, 4, 5, 4, 5].map((value) => ({ value, weight: 1 })), strict)).toMatchObject({ average: 4.6, implied: 4 });
  });

  it('should state the rule in words, with the school\'s own thresholds', () => {
    const text = roundingRule(DEFAULT_THRESHOLDS);
    expect(text).toContain('округляется до сотых по правилам арифметики: 5 тысячных и больше — вверх (3,495 → 3,50)');
    expect(text).toContain('«5» — при среднем балле от 4,50, «4» — от 3,50 до 4,49, «3» — от 2,50 до 3,49, «2» — ниже 2,50.');
    expect(roundingRule({ mark5: 4.6, mark4: 3.6, mark3: 2.6 })).toContain('«4» — от 3,60 до 4,59');
  });
});

describe('the minimum of marks by weekly hours', () => {
  it('should need 3 marks at 1 hour a week and 5 from 2 hours', () => {
    const two = marks.slice(0, 2);
    expect(justifyPeriod(two, rules, 1).minimum).toEqual({ hoursPerWeek: 1, required: 3, count: 2, met: false });
    expect(justifyPeriod(marks.slice(0, 3), rules, 1).minimum.met).toBe(true);
    expect(justifyPeriod(marks.slice(0, 4), rules, 4).minimum).toEqual({ hoursPerWeek: 4, required: 5, count: 4, met: false });
  });
});

describe('when a mark needs a reason (clause 6.1)', () => {
  const j = justifyPeriod(marks, rules, 2); // 3,94 → «4», minimum met

  it('should accept the implied mark without a reason', () => {
    expect(reasonsRequired('4', j)).toEqual([]);
    expect(reasonProblem('4', '', j)).toBeNull();
  });

  it('should refuse a differing mark without a reason, and take it with one', () => {
    expect(reasonProblem('5', undefined, j)).toBe(
      'Отметка «5» отличается от расчётной «4» (средний балл 3,94): укажите причину (п. 6.1 положения: отметка должна быть обоснована).',
    );
    expect(reasonProblem('3', '  ', j)).toMatch(/^Отметка «3» отличается от расчётной «4»/);
    expect(reasonProblem('5', 'успешно выполненный проект', j)).toBeNull();
  });

  it('should need a reason while the minimum is not met, even for the implied mark', () => {
    const few = justifyPeriod(marks.slice(0, 2), rules, 2); // (5 + 12) / 4 = 4,25 → «4», 2 of 5
    expect(few.implied).toBe(4);
    expect(reasonsRequired('4', few)).toEqual(['за период 2 отметки при минимуме 5']);
    expect(reasonProblem('4', null, few)).toBe('За период 2 отметки при минимуме 5: укажите причину (п. 6.1 положения: отметка должна быть обоснована).');
    expect(reasonsRequired('5', few)).toHaveLength(2);
  });

  it('should need a reason for a mark with no marks behind it, and always for «н/а»', () => {
    const none = justifyPeriod([], rules, 2);
    expect(reasonsRequired('3', none)).toEqual(['текущих отметок нет — расчётной отметки нет']);
    expect(reasonProblem('na', '', j)).toMatch(/^Для «н\/а» нужна причина/);
    expect(reasonProblem('na', 'по болезни', none)).toBeNull();
  });

  it('should not ask for reasons where there is no average to depart from', () => {
    for (const c of ['pass', 'fail', 'notGraded', 'mastered'] as const) expect(reasonsRequired(c, justifyPeriod([], rules, 2)), c).toEqual([]);
  });

  it('should refuse a malformed reason even when none is needed', () => {
    expect(reasonProblem('4', 'ok', j)).toMatch(/слишком короткая/);
  });

  it('should show the reason wherever the mark is', () => {
    expect(finalMarkWithReason('na', 'по болезни')).toBe('н/а (по болезни)');
    expect(finalMarkWithReason('5', ' ')).toBe('5');
    expect(finalMarkWithReason('pass')).toBe('зач');
  });
});

describe('what-if (R-31)', () => {
  it('should add hypothetical marks to the same computation, flagged', () => {
    const j = whatIf(marks, [{ workType: 'test', value: 5 }], rules, 2, '2026-10-23');
    // (33.5 + 15) / (8.5 + 3) = 48.5 / 11.5 = 4.217… → 4,22
    expect(j.average).toBe(4.22);
    expect(j.implied).toBe(4);
    expect(j.lines.at(-1)).toMatchObject({ date: '2026-10-23', workType: 'test', value: 5, weight: 3, hypothetical: true });
    expect(j.lines.filter((l) => l.hypothetical)).toHaveLength(1);
    expect(j.minimum.count).toBe(6);
  });

  it('should show what it takes to reach the next mark', () => {
    const j = whatIf(marks, [{ workType: 'test', value: 5 }, { workType: 'test', value: 5, date: '2026-10-24' }], rules, 2, '2026-10-23');
    // (33.5 + 30) / (8.5 + 6) = 63.5 / 14.5 = 4.379… → still «4»
    expect(j).toMatchObject({ average: 4.38, implied: 4 });
    expect(j.formula).toMatch(/= 63,5 \/ 14,5 = 4,38$/);
  });

  it('should refuse what-if marks that are not marks', () => {
    expect(hypotheticalProblems([{ workType: 'test', value: 5 }])).toEqual([]);
    expect(hypotheticalProblems([{ workType: 'test', value: 6 }, { workType: 'nope', value: 4 }])).toEqual([
      'Предполагаемая отметка 1: ставятся отметки от 2 до 5.',
      'Предполагаемая отметка 2: выберите вид работы.',
    ]);
    expect(hypotheticalProblems(Array.from({ length: 21 }, () => ({ workType: 'test', value: 5 })))[0]).toMatch(/Не больше 20/);
  });
});

describe('year and final bases', () => {
  it('should average the period marks for the year', () => {
    const y = yearBasis(
      [
        { name: '1 четверть', code: '5' },
        { name: '2 четверть', code: '4' },
        { name: '3 четверть', code: '4' },
        { name: '4 четверть', code: '5' },
      ],
      DEFAULT_THRESHOLDS,
    );
    expect(y).toMatchObject({ average: 4.5, implied: 5, missing: [], formula: '(5 × 1 + 4 × 1 + 4 × 1 + 5 × 1) / (1 + 1 + 1 + 1) = 18 / 4 = 4,50' });
    expect(reasonsRequired('5', y)).toEqual([]);
    expect(reasonsRequired('4', y)).toEqual(['отметка «4» отличается от расчётной «5» (средний балл 4,50)']);
  });

  it('should have no implied year mark while a period has no 2-5 mark', () => {
    const y = yearBasis(
      [
        { name: '1 полугодие', code: 'na' },
        { name: '2 полугодие', code: '4' },
      ],
      DEFAULT_THRESHOLDS,
    );
    expect(y).toMatchObject({ implied: null, missing: ['1 полугодие'], average: 4 });
    expect(reasonsRequired('4', y)).toEqual(['не выставлены: 1 полугодие — расчётной отметки нет']);
  });

  it('should take the mean of the year and exam marks for the final mark', () => {
    expect(finalBasis('4', '3', true, DEFAULT_THRESHOLDS)).toMatchObject({ average: 3.5, implied: 4 });
    expect(finalBasis('3', '2', true, DEFAULT_THRESHOLDS)).toMatchObject({ average: 2.5, implied: 3 });
    expect(finalBasis('4', undefined, false, DEFAULT_THRESHOLDS)).toMatchObject({ average: 4, implied: 4, missing: [] });
    expect(finalBasis('4', null, true, DEFAULT_THRESHOLDS)).toMatchObject({ implied: null, missing: ['экзаменационная'] });
  });
});

describe('from the journal\'s stored marks', () => {
  it('should count the student\'s marks of the period, removed ones left out', () => {
    const stored = [
      { studentId: 's1', date: '2026-10-20', workType: 'test' as const, value: 5, weight: 3 },
      { studentId: 's1', date: '2026-10-21', workType: 'homework' as const, value: 2, weight: 1, deleted: true },
      { studentId: 's2', date: '2026-10-21', workType: 'homework' as const, value: 4, weight: 1 },
      { studentId: 's1', date: '2026-11-05', workType: 'homework' as const, value: 3, weight: 1 },
    ];
    expect(countedMarksOf(stored, 's1', { startDate: '2026-09-01', endDate: '2026-10-24' })).toEqual([{ date: '2026-10-20', workType: 'test', value: 5 }]);
  });
});

/**
 * The what-if of a period's average (web/src/lib/what-if/what-if.ts, R-31) on a hand-computed
 * example, and whose marks the family screen shows (web/src/lib/what-if/family.ts).
 *
 * Real marks: 3 and 3 as lesson answers (weight 1) and 4 for a verification work (weight 2):
 * (3 × 1 + 3 × 1 + 4 × 2) / (1 + 1 + 2) = 14 / 4 = 3,50 → «4» (the «4» threshold is 3,50).
 * A hypothetical 5 for homework (weight 1): 19 / 5 = 3,80 → still «4».
 * A hypothetical 2 for a test (weight 3) instead: 20 / 7 = 2,857… → 2,86 → «3».
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKING_RULES } from '../../shared/domain/settings-versions';
import { chosenStudent, familyStudents, periodMarkText } from '../../web/src/lib/what-if/family';
import { changeText, draftProblems, HYPOTHETICAL_MAX, lineCells, whatIfResult, workTypeOptions, type WhatIfSource } from '../../web/src/lib/what-if/what-if';

const source: WhatIfSource = {
  lines: [
    { date: '2026-11-16', workType: 'lessonAnswer', value: 3 },
    { date: '2026-11-20', workType: 'verification', value: 4 },
    { date: '2026-11-23', workType: 'lessonAnswer', value: 3 },
  ],
  rules: DEFAULT_MARKING_RULES,
  hoursPerWeek: 5,
  today: '2026-12-01',
};

describe('the what-if', () => {
  it('should give the real average without hypothetical marks', () => {
    const r = whatIfResult(source, []);
    expect(r.before).toMatchObject({ sum: 14, weightSum: 4, average: 3.5, implied: 4 });
    expect(r.change).toBe('Средний балл: 3,50 → 3,50. Расчётная отметка: «4» → «4».');
    expect(r.rule).toContain('округляется до сотых');
  });

  it('should count a hypothetical 5 of weight 1: 3,50 → 3,80, flagged and dated today', () => {
    const r = whatIfResult(source, [{ workType: 'homework', value: '5' }]);
    expect(r.after).toMatchObject({ sum: 19, weightSum: 5, average: 3.8, implied: 4 });
    expect(r.after.formula).toBe('(3 × 1 + 4 × 2 + 3 × 1 + 5 × 1) / (1 + 2 + 1 + 1) = 19 / 5 = 3,80');
    expect(r.change).toBe('Средний балл: 3,50 → 3,80. Расчётная отметка: «4» → «4».');
    const last = r.after.lines.at(-1)!;
    expect(lineCells(last)).toEqual({ date: '01.12.2026', workType: 'Домашняя работа', weight: '1', value: '5', kind: 'предполагаемая' });
    expect(lineCells(r.after.lines[1]!)).toMatchObject({ date: '20.11.2026', weight: '2', kind: 'поставлена' });
  });

  it('should change the implied mark when a heavy 2 is added: 3,50 «4» → 2,86 «3»', () => {
    const r = whatIfResult(source, [{ workType: 'test', value: '2' }]);
    expect(r.after).toMatchObject({ sum: 20, weightSum: 7, average: 2.86, implied: 3 });
    expect(r.change).toBe('Средний балл: 3,50 → 2,86. Расчётная отметка: «4» → «3».');
  });

  it('should name the problem of each faulty line in Russian and leave the line out until it is fixed', () => {
    const drafts = [
      { workType: 'homework', value: '5' },
      { workType: '', value: '5' },
      { workType: 'test', value: '' },
    ];
    expect(draftProblems(drafts)).toEqual([[], ['Предполагаемая отметка 2: выберите вид работы.'], ['Предполагаемая отметка 3: ставятся отметки от 2 до 5.']]);
    expect(whatIfResult(source, drafts).after.average).toBe(3.8);
    expect(HYPOTHETICAL_MAX).toBe(20);
  });

  it('should offer every work type with the weight of the period\'s rules, a comma in the decimals', () => {
    const options = workTypeOptions({ ...DEFAULT_MARKING_RULES, weights: { ...DEFAULT_MARKING_RULES.weights, test: 2.5 } });
    expect(options.find((o) => o.id === 'test')!.label).toBe('Контрольная работа (вес 2,5)');
    expect(options.find((o) => o.id === 'independent')!.label).toBe('Самостоятельная работа (вес 1,5)');
  });

  it('should say «нет отметок» and «—» without marks', () => {
    expect(changeText({ average: null, implied: null }, { average: 5, implied: 5 })).toBe('Средний балл: нет отметок → 5,00. Расчётная отметка: — → «5».');
  });
});

describe('whose marks the family screen shows', () => {
  const grants = [
    { role: 'parent' as const, schoolId: 's', studentId: 'kid-1' },
    { role: 'parent' as const, schoolId: 's', studentId: 'kid-2' },
  ];
  const children = [
    { studentId: 'kid-1', schoolId: 's', classId: '5a', displayName: 'Петров Иван', className: '5А' },
    { studentId: 'kid-2', schoolId: 's', classId: '8b', displayName: 'Петрова Ольга', className: '8Б' },
  ];

  it('should list a parent\'s children and take the one the address asks for, never a stranger', () => {
    const list = familyStudents({ grants, children, displayName: 'Петрова Анна' });
    expect(list.map((s) => s.name)).toEqual(['Петров Иван, 5А', 'Петрова Ольга, 8Б']);
    expect(chosenStudent(list, 'kid-2')?.studentId).toBe('kid-2');
    expect(chosenStudent(list, 'someone-else')?.studentId).toBe('kid-1');
  });

  it('should give a student their own marks and nobody else nothing', () => {
    const list = familyStudents({ grants: [{ role: 'student', schoolId: 's', studentId: 'me' }], children: [], displayName: 'Сидоров Пётр' });
    expect(list).toEqual([{ studentId: 'me', schoolId: 's', name: 'Сидоров Пётр' }]);
    expect(chosenStudent(familyStudents({ grants: [{ role: 'teacher', schoolId: 's' }], children: [], displayName: 'x' }), null)).toBeNull();
  });

  it('should write the period mark with its reason', () => {
    expect(periodMarkText(null)).toBe('ещё не выставлена');
    expect(periodMarkText({ code: 'na', reason: 'по болезни' } as Parameters<typeof periodMarkText>[0])).toBe('н/а (по болезни)');
  });
});

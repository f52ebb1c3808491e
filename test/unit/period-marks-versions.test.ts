/**
 * Versioned marking rules (issue 10 item 5): a period is computed under the version in force on its
 * last day, a closed period never changes, and saving mid-period names the open periods it changes.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MARKING_RULES,
  minimumMarksFor,
  periodChangeText,
  periodRules,
  periodsChangedBy,
  ruleChanges,
  rulesInForce,
  versionProblems,
  withVersion,
  type MarkingRulesVersion,
} from '../../shared/domain/settings-versions';

const version = (effectiveFrom: string, change: { test?: number; mark5?: number; minimum2h?: number } = {}): MarkingRulesVersion => ({
  effectiveFrom,
  weights: { ...DEFAULT_MARKING_RULES.weights, test: change.test ?? 3 },
  thresholds: { ...DEFAULT_MARKING_RULES.thresholds, mark5: change.mark5 ?? 4.5 },
  minimumMarks: [
    { hoursPerWeek: 1, marks: 3 },
    { hoursPerWeek: 2, marks: change.minimum2h ?? 5 },
  ],
});

const q1 = { periodId: '2026-q1', name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-24' };
const q2 = { periodId: '2026-q2', name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-29' };
const q3 = { periodId: '2026-q3', name: '3 четверть', startDate: '2027-01-12', endDate: '2027-03-20' };

describe('the version in force', () => {
  const v1 = version('2026-09-01', { test: 3 });
  const v2 = version('2026-11-10', { test: 4 });
  // Stored out of order: the date decides, not the order.
  const versions = [v2, v1];

  it('should take the latest version that took effect on or before the date', () => {
    expect(rulesInForce(versions, '2026-11-09').weights.test).toBe(3);
    expect(rulesInForce(versions, '2026-11-10').weights.test).toBe(4);
    expect(rulesInForce(versions, '2027-05-01').weights.test).toBe(4);
  });

  it('should fall back on the regulation\'s defaults before the first version', () => {
    expect(rulesInForce(versions, '2026-08-31')).toBe(DEFAULT_MARKING_RULES);
    expect(rulesInForce([], '2026-10-01')).toBe(DEFAULT_MARKING_RULES);
  });

  it('should compute a period under the rules of its last day, even those taking effect mid-period', () => {
    expect(periodRules(versions, q1).weights.test).toBe(3);
    expect(periodRules(versions, q2).weights.test).toBe(4);
  });

  it('should replace a version of the same day and keep the order', () => {
    const next = withVersion(versions, version('2026-09-01', { test: 2 }));
    expect(next.map((v) => [v.effectiveFrom, v.weights.test])).toEqual([
      ['2026-09-01', 2],
      ['2026-11-10', 4],
    ]);
  });
});

describe('the minimum of marks', () => {
  it('should take the step of the weekly hours', () => {
    const steps = DEFAULT_MARKING_RULES.minimumMarks;
    expect([0, 1, 2, 3, 6].map((h) => minimumMarksFor(steps, h))).toEqual([0, 3, 5, 5, 5]);
    expect(minimumMarksFor([{ hoursPerWeek: 4, marks: 8 }, { hoursPerWeek: 1, marks: 3 }], 5)).toBe(8);
  });
});

describe('what a new version would change', () => {
  const current = [version('2026-09-01')];

  it('should name each change in Russian, with decimal commas', () => {
    expect(ruleChanges(current[0]!, version('2026-11-10', { test: 4, mark5: 4.6, minimum2h: 6 }))).toEqual([
      'вес «Контрольная работа»: 3 → 4',
      'порог отметки «5»: 4,5 → 4,6',
      'минимум отметок при 2 ч в неделю и больше: 5 → 6',
    ]);
    expect(ruleChanges(current[0]!, version('2027-01-01'))).toEqual([]);
  });

  it('should list the open periods whose last day it would govern, and never a closed one', () => {
    const draft = version('2026-10-20', { test: 4 });
    const changed = periodsChangedBy(current, draft, [{ ...q1, closed: true }, q2, q3]);
    expect(changed.map((c) => c.period.periodId)).toEqual(['2026-q2', '2026-q3']);
    // An open q1 would be changed too: the draft takes effect before its last day.
    expect(periodsChangedBy(current, draft, [q1]).map((c) => c.period.periodId)).toEqual(['2026-q1']);
    expect(periodChangeText(changed[0]!)).toBe('«2 четверть» (05.11.2026–29.12.2026): вес «Контрольная работа»: 3 → 4.');
  });

  it('should skip a period governed by a later version, and a period the draft does not reach', () => {
    const versions = [...current, version('2027-01-15', { test: 5 })];
    const changed = periodsChangedBy(versions, version('2026-12-30', { test: 4 }), [q2, q3]);
    expect(changed).toEqual([]);
    const mid = periodsChangedBy(versions, version('2026-12-01', { test: 4 }), [q2, q3]);
    expect(mid.map((c) => c.period.periodId)).toEqual(['2026-q2']);
  });

  it('should list nothing when the draft changes nothing', () => {
    expect(periodsChangedBy(current, version('2026-11-01'), [q2, q3])).toEqual([]);
  });
});

describe('a new version\'s problems', () => {
  const ok = version('2026-11-10');

  it('should accept a version from today on', () => {
    expect(versionProblems(ok, '2026-11-10', [q1])).toEqual([]);
  });

  it('should refuse a back-dated version and one reaching into a closed period', () => {
    expect(versionProblems(ok, '2026-11-11', [])).toEqual([
      { field: 'effectiveFrom', message: 'Правила не могут действовать задним числом: дата 10.11.2026 раньше сегодняшней (11.11.2026).' },
    ]);
    const p = versionProblems(version('2026-10-24'), '2026-10-01', [q1]);
    expect(p).toEqual([
      { field: 'effectiveFrom', message: 'С 24.10.2026 правила изменили бы закрытые периоды («1 четверть»): выберите дату после их окончания.' },
    ]);
    expect(versionProblems({ ...ok, effectiveFrom: '2026-02-30' }, '2026-01-01', [])[0]?.field).toBe('effectiveFrom');
  });

  it('should check the minimums, every problem at once', () => {
    const p = versionProblems(
      {
        effectiveFrom: '2026-11-10',
        minimumMarks: [
          { hoursPerWeek: 2, marks: 5 },
          { hoursPerWeek: 2, marks: 0 },
          { hoursPerWeek: 0.5, marks: 3 },
        ],
      },
      '2026-11-10',
      [],
    );
    expect(p.map((x) => x.field)).toEqual(['minimumMarks.1.hoursPerWeek', 'minimumMarks.1.marks', 'minimumMarks.2.hoursPerWeek']);
    expect(p[0]?.message).toBe('Минимум отметок: правило для 2 ч в неделю указано дважды.');
    expect(versionProblems({ effectiveFrom: '2026-11-10', minimumMarks: [{ hoursPerWeek: 2, marks: 5 }] }, '2026-11-10', [])[0]?.message).toMatch(/нужно правило для 1 ч/);
    expect(versionProblems({ effectiveFrom: '2026-11-10', minimumMarks: [] }, '2026-11-10', [])[0]?.field).toBe('minimumMarks');
  });
});

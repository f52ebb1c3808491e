/**
 * The school's versions of its marking rules as the settings keep them (shared/domain/marking-rules.ts):
 * the initial version made from the rules a school had before versions, what each version changed,
 * which periods are closed, and every problem of a new version.
 */
import { describe, expect, it } from 'vitest';
import { draftProblems, INITIAL_RULES_FROM, schoolPeriods, schoolVersions, versionViews } from '../../shared/domain/marking-rules';
import { DEFAULT_MARKING_RULES, periodRules, type MarkingRulesVersion } from '../../shared/domain/settings-versions';
import { resolveSchoolSettings } from '../../shared/domain/settings';

const year = {
  endDate: '2027-05-31',
  periodSets: [
    {
      kind: 'quarter' as const,
      grades: [2, 3, 4, 5, 6, 7, 8, 9],
      periods: [
        { periodId: '2026-q2', name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-27' },
        { periodId: '2026-q1', name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-24' },
        { periodId: '2026-q3', name: '3 четверть', startDate: '2027-01-12', endDate: '2027-03-20' },
        { periodId: '2026-q4', name: '4 четверть', startDate: '2027-03-30', endDate: '2027-05-31' },
      ],
    },
    {
      kind: 'quarter' as const,
      grades: [1],
      periods: [{ periodId: '2026-q1', name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-24' }],
    },
    {
      kind: 'half' as const,
      grades: [10, 11],
      periods: [
        { periodId: '2026-h1', name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-27' },
        { periodId: '2026-h2', name: '2 полугодие', startDate: '2027-01-12', endDate: '2027-05-31' },
      ],
    },
  ],
};

describe('the school\'s versions', () => {
  it('should make the initial version from the rules the school had, so earlier periods keep them', () => {
    const own = resolveSchoolSettings({ weights: { test: 4 } as never, thresholds: { mark5: 4.6, mark4: 3.5, mark3: 2.5 } });
    const [initial] = schoolVersions(own);
    expect(initial).toMatchObject({ effectiveFrom: INITIAL_RULES_FROM, weights: { test: 4, homework: 1 }, thresholds: { mark5: 4.6 } });
    expect(initial!.minimumMarks).toEqual(DEFAULT_MARKING_RULES.minimumMarks);
    expect(periodRules([initial!], { endDate: '2026-10-24' }).weights.test).toBe(4);
  });

  it('should keep stored versions in date order, and say what each changed against the one before', () => {
    const initial = schoolVersions(resolveSchoolSettings(null))[0]!;
    const later: MarkingRulesVersion = { ...initial, effectiveFrom: '2026-12-01', weights: { ...initial.weights, test: 5 } };
    const versions = schoolVersions({ ...resolveSchoolSettings(null), markingRules: [later, initial] });
    expect(versions.map((v) => v.effectiveFrom)).toEqual([INITIAL_RULES_FROM, '2026-12-01']);
    const views = versionViews(versions);
    expect(views.map((v) => [v.initial, v.changes])).toEqual([
      [true, []],
      [false, ['вес «Контрольная работа»: 3 → 5']],
    ]);
  });
});

describe('the periods of the school\'s years', () => {
  it('should list every period once, in the order of their ends, closed from the next period\'s first day', () => {
    const on = (today: string) => schoolPeriods([year], today).map((p) => `${p.periodId}${p.closed ? ' closed' : ''}`);
    expect(on('2026-11-04')).toEqual(['2026-q1', '2026-h1', '2026-q2', '2026-q3', '2026-h2', '2026-q4']);
    // Grade 1's own set still has its first quarter open on 05.11 (its next quarter is not in the set).
    expect(on('2026-11-05')[0]).toBe('2026-q1');
    const quartersOnly = { ...year, periodSets: [year.periodSets[0]!] };
    expect(schoolPeriods([quartersOnly], '2026-11-05')[0]).toMatchObject({ periodId: '2026-q1', closed: true });
    expect(on('2027-06-01').every((p) => p.endsWith('closed'))).toBe(true);
    expect(on('2027-05-31').slice(-2)).toEqual(['2026-h2', '2026-q4']);
  });
});

describe('problems of a new version', () => {
  const versions = schoolVersions(resolveSchoolSettings(null));
  const periods = schoolPeriods([year], '2026-11-20');
  const draft = (over: Partial<MarkingRulesVersion> = {}): MarkingRulesVersion => ({ ...versions[0]!, effectiveFrom: '2026-11-25', ...over });

  it('should accept a change from today on', () => {
    expect(draftProblems(versions, draft({ thresholds: { mark5: 4.6, mark4: 3.5, mark3: 2.5 } }), '2026-11-20', periods)).toEqual([]);
  });

  it('should refuse a version that changes nothing, naming the date', () => {
    expect(draftProblems(versions, draft(), '2026-11-20', periods)).toEqual([
      { field: 'effectiveFrom', message: 'Эти правила не отличаются от действующих на 25.11.2026: измените вес, порог или минимум отметок.' },
    ]);
  });

  it('should report bad weights, thresholds, minimums and a back-dated version all at once', () => {
    const bad = draft({
      effectiveFrom: '2026-11-19',
      weights: { ...versions[0]!.weights, test: 11 },
      thresholds: { mark5: 3, mark4: 3.5, mark3: 2.5 },
      minimumMarks: [{ hoursPerWeek: 2, marks: 0 }],
    });
    expect(draftProblems(versions, bad, '2026-11-20', periods).map((p) => p.field)).toEqual(['weights.test', 'thresholds.mark5', 'minimumMarks.0.marks', 'effectiveFrom']);
  });
});

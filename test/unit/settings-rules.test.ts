/**
 * Department and school settings (R-01, R-23, R-31, R-32, R-15; clauses 3.8, 6.2, 6.3): the lock
 * numbers are the department's, a school may only make them stricter, and what a school works by is
 * the stricter of the two, field by field.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHOOL_SETTINGS,
  effectiveLockDays,
  effectiveLocks,
  impliedMark,
  REGULATION_LOCK_DAYS,
  REGULATION_LOCK_SETTINGS,
  resolveSchoolSettings,
  stricterOnlyProblems,
  validateDepartmentSettings,
  validateSchoolSettings,
  type LockDays,
  type LockSettings,
  type SchoolSettings,
} from '../../shared/domain/settings';
import { DEFAULT_WEIGHTS, lockRuleOf, WORK_TYPE_IDS, WORK_TYPES } from '../../shared/domain/work-types';

const dep: LockSettings = { lockDays: { ...REGULATION_LOCK_DAYS }, marksInAdvanceAllowed: false };
const school = (over: Partial<SchoolSettings> = {}): SchoolSettings => ({ ...resolveSchoolSettings(null), ...over });
const fields = (ps: Array<{ field: string }>) => ps.map((p) => p.field);

describe('validateDepartmentSettings', () => {
  it('should accept the regulation numbers (10 / 7 / 10 / 5, fill within 2, no marks in advance)', () => {
    expect(validateDepartmentSettings(REGULATION_LOCK_SETTINGS)).toEqual([]);
  });

  it.each<[string, number]>([
    ['zero days', 0],
    ['31 days', 31],
    ['a fraction', 2.5],
    ['a negative number', -1],
  ])('should refuse %s with a Russian message naming the field', (_what, v) => {
    const problems = validateDepartmentSettings({ ...dep, lockDays: { ...dep.lockDays, finalMarks: v } });
    expect(fields(problems)).toEqual(['lockDays.finalMarks']);
    expect(problems[0]!.message).toMatch(/^«Блокировка итоговых отметок»: (нужно целое число дней|число дней должно быть от 1 до 30)\.$/);
  });

  it('should accept both ends of the range', () => {
    const lockDays: LockDays = { currentMarks: 30, practicalWorks: 1, essays: 30, finalMarks: 1, fillWithin: 1 };
    expect(validateDepartmentSettings({ lockDays, marksInAdvanceAllowed: true })).toEqual([]);
  });

  it('should report every bad field at once, and a missing one', () => {
    const lockDays = { currentMarks: 0, practicalWorks: 99, essays: 10, finalMarks: 1.5 } as unknown as LockDays;
    expect(fields(validateDepartmentSettings({ lockDays, marksInAdvanceAllowed: false }))).toEqual([
      'lockDays.currentMarks',
      'lockDays.practicalWorks',
      'lockDays.finalMarks',
      'lockDays.fillWithin',
    ]);
  });

  it('should refuse a fill term longer than the lock of current marks', () => {
    const problems = validateDepartmentSettings({ ...dep, lockDays: { ...dep.lockDays, currentMarks: 3, fillWithin: 4 } });
    expect(problems).toEqual([
      { field: 'lockDays.fillWithin', message: '«Срок заполнения урока» (4 дня) не может быть больше срока блокировки текущих отметок (3 дня).' },
    ]);
  });
});

describe('effectiveLockDays', () => {
  it('should be the department numbers when the school has set nothing', () => {
    expect(effectiveLockDays(dep.lockDays, {})).toEqual(dep.lockDays);
    expect(effectiveLockDays(dep.lockDays, undefined)).toEqual(dep.lockDays);
  });

  it('should take a stricter school value', () => {
    expect(effectiveLockDays(dep.lockDays, { currentMarks: 5, finalMarks: 3 })).toEqual({ ...dep.lockDays, currentMarks: 5, finalMarks: 3 });
  });

  it('should keep the department value when the department tightened below what the school saved', () => {
    // The school saved 8 under the old 10; the department now says 6: the school works by 6.
    const tightened = { ...dep.lockDays, currentMarks: 6 };
    expect(effectiveLockDays(tightened, { currentMarks: 8 }).currentMarks).toBe(6);
  });

  it('should never be looser than the department in any field, whatever the school holds', () => {
    for (const k of Object.keys(dep.lockDays) as Array<keyof LockDays>) {
      for (const v of [1, 5, 10, 30]) {
        expect(effectiveLockDays(dep.lockDays, { [k]: v })[k]).toBe(Math.min(v, dep.lockDays[k]));
      }
    }
  });
});

describe('effectiveLocks: marks in advance', () => {
  it('should forbid marks in advance when the department forbids them, whatever the school says', () => {
    expect(effectiveLocks(dep, { lockDays: {}, marksInAdvanceAllowed: true }).marksInAdvanceAllowed).toBe(false);
    expect(effectiveLocks(dep, { lockDays: {} }).marksInAdvanceAllowed).toBe(false);
  });

  it('should let a school forbid what the department allows, and follow it otherwise', () => {
    const allowing = { ...dep, marksInAdvanceAllowed: true };
    expect(effectiveLocks(allowing, { lockDays: {}, marksInAdvanceAllowed: false }).marksInAdvanceAllowed).toBe(false);
    expect(effectiveLocks(allowing, { lockDays: {} }).marksInAdvanceAllowed).toBe(true);
    expect(effectiveLocks(allowing, null).marksInAdvanceAllowed).toBe(true);
  });
});

describe('stricter only (R-01)', () => {
  it('should allow equal and shorter terms', () => {
    expect(stricterOnlyProblems(dep, { lockDays: { currentMarks: 10, practicalWorks: 3, fillWithin: 1 } })).toEqual([]);
  });

  it('should refuse a looser term, naming the field and the department limit', () => {
    expect(stricterOnlyProblems(dep, { lockDays: { currentMarks: 14 } })).toEqual([
      {
        field: 'lockDays.currentMarks',
        message:
          '«Блокировка текущих отметок, посещаемости, тем и видов работ»: 14 дней — мягче, чем установило управление образования (не более 10 дней). Школа может только сократить этот срок.',
      },
    ]);
  });

  it('should refuse allowing marks in advance that the department forbids', () => {
    const [p] = stricterOnlyProblems(dep, { lockDays: {}, marksInAdvanceAllowed: true });
    expect(p!.field).toBe('marksInAdvanceAllowed');
    expect(p!.message).toContain('управление образования запрещает выставлять отметки заранее');
  });
});

describe('validateSchoolSettings', () => {
  it('should accept the defaults', () => {
    expect(validateSchoolSettings(dep, DEFAULT_SCHOOL_SETTINGS)).toEqual([]);
  });

  it('should report every problem at once: a looser lock, a bad weight, non-monotonic thresholds, test limits', () => {
    const s = school({
      lockDays: { finalMarks: 6 },
      weights: { ...DEFAULT_WEIGHTS, test: 0 },
      thresholds: { mark5: 4.5, mark4: 4.6, mark3: 2.5 },
      testLimits: { perDay: 2, perWeek: 1 },
    });
    expect(fields(validateSchoolSettings(dep, s))).toEqual(['lockDays.finalMarks', 'weights.test', 'thresholds.mark5', 'testLimits.perDay']);
  });

  it('should check a school fill term against the lock it works by', () => {
    const problems = validateSchoolSettings(dep, school({ lockDays: { currentMarks: 1 } }));
    expect(problems).toEqual([expect.objectContaining({ field: 'lockDays.fillWithin' })]);
    expect(validateSchoolSettings(dep, school({ lockDays: { currentMarks: 2 } }))).toEqual([]);
  });

  it('should refuse an unknown work type and weights out of range or too precise', () => {
    const s = school({ weights: { ...DEFAULT_WEIGHTS, nonsense: 1, homework: 11, essay: 1.25 } as SchoolSettings['weights'] });
    expect(validateSchoolSettings(dep, s).map((p) => p.message)).toEqual([
      'Вес «Домашняя работа»: от 0.1 до 10.',
      'Вес «Сочинение»: не больше одного знака после запятой.',
      'Неизвестный вид работы «nonsense».',
    ]);
  });

  it.each([
    [{ mark5: 4.5, mark4: 3.5, mark3: 3.5 }, ['thresholds.mark4']],
    [{ mark5: 3, mark4: 3.5, mark3: 4 }, ['thresholds.mark5', 'thresholds.mark4']],
    [{ mark5: 5.5, mark4: 3.5, mark3: 2.5 }, ['thresholds.mark5']],
    [{ mark5: 4.5, mark4: 3.5, mark3: 2 }, ['thresholds.mark3']],
    [{ mark5: 4.555, mark4: 3.5, mark3: 2.5 }, ['thresholds.mark5']],
    [{ mark5: 5, mark4: 4, mark3: 2.01 }, []],
  ])('thresholds %j -> problems in %j', (thresholds, expected) => {
    expect(fields(validateSchoolSettings(dep, school({ thresholds })))).toEqual(expected);
  });

  it.each([
    [{ perDay: 0, perWeek: 3 }, ['testLimits.perDay']],
    [{ perDay: 1, perWeek: 11 }, ['testLimits.perWeek']],
    [{ perDay: 1.5, perWeek: 3 }, ['testLimits.perDay']],
    [{ perDay: 2, perWeek: 5 }, []],
  ])('test limits %j -> problems in %j', (testLimits, expected) => {
    expect(fields(validateSchoolSettings(dep, school({ testLimits })))).toEqual(expected);
  });
});

describe('resolveSchoolSettings', () => {
  it('should give sensible defaults when a school has set nothing', () => {
    const s = resolveSchoolSettings(null);
    expect(s.lockDays).toEqual({});
    expect(s.marksInAdvanceAllowed).toBeUndefined();
    expect(s.thresholds).toEqual({ mark5: 4.5, mark4: 3.5, mark3: 2.5 });
    expect(s.testLimits).toEqual({ perDay: 1, perWeek: 3 });
    expect(s.weights).toMatchObject({ lessonAnswer: 1, independent: 1.5, practical: 2, laboratory: 2, test: 3, essay: 3, exposition: 3, dictation: 2, project: 2, credit: 2 });
  });

  it('should keep what a school stored and give a work type it never weighed its default', () => {
    const s = resolveSchoolSettings({ weights: { test: 4 } as SchoolSettings['weights'], lockDays: { finalMarks: 3 } });
    expect(s.weights.test).toBe(4);
    expect(s.weights.homework).toBe(DEFAULT_WEIGHTS.homework);
    expect(s.lockDays).toEqual({ finalMarks: 3 });
  });
});

describe('impliedMark (R-31)', () => {
  const t = { mark5: 4.5, mark4: 3.5, mark3: 2.5 };
  it.each([
    [5, 5], [4.5, 5], [4.49, 4], [3.5, 4], [3.49, 3], [2.5, 3], [2.49, 2], [2, 2],
  ])('average %d -> %d', (avg, mark) => {
    expect(impliedMark(avg, t)).toBe(mark);
  });
});

describe('work types', () => {
  it('should have unique stable ids and Russian names', () => {
    expect(new Set(WORK_TYPE_IDS).size).toBe(WORK_TYPES.length);
    for (const w of WORK_TYPES) {
      expect(w.id).toMatch(/^[a-z][A-Za-z]+$/);
      expect(w.name).toMatch(/^[А-ЯЁ][а-яёА-ЯЁ ()-]+$/);
    }
  });

  it('should name the lock rule of clause 3.8 for each mark', () => {
    expect(lockRuleOf('monitoringPractical', 5)).toBe('practicalWorks');
    expect(lockRuleOf('essay', 10)).toBe('essays');
    expect(lockRuleOf('essay', 11)).toBe('essays');
    expect(lockRuleOf('essay', 9)).toBe('currentMarks');
    expect(lockRuleOf('test', 7)).toBe('currentMarks');
  });
});


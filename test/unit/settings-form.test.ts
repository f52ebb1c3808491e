/**
 * The settings screen's logic (web/src/lib/settings/settings.ts): who gets which form, and how the
 * forms turn into request bodies (an empty school field follows the department).
 */
import { describe, expect, it } from 'vitest';
import { REGULATION_LOCK_DAYS } from '../../shared/domain/settings';
import { ApiError } from '../../web/src/lib/api';
import {
  departmentBody,
  departmentForm,
  periodsToConfirm,
  problemsOf,
  rulesBody,
  rulesForm,
  schoolBody,
  schoolForm,
  settingsScopes,
  versionChanges,
  versionDate,
  versionInForce,
  type SchoolSettingsView,
} from '../../web/src/lib/settings/settings';
import type { Me } from '../../web/src/lib/types';

const me = (grants: Me['grants']): Me => ({ userId: 'u', login: 'u', displayName: 'U', departmentId: 'krd', grants, csrfToken: '', children: [], schools: [] });

const view: SchoolSettingsView = {
  schoolId: 'sch53',
  version: 3,
  settings: {
    lockDays: { currentMarks: 7 },
    weights: { test: 4, homework: 1 },
    thresholds: { mark5: 4.5, mark4: 3.5, mark3: 2.5 },
    testLimits: { perDay: 1, perWeek: 3 },
    periodMarksOpenDaysBefore: 1,
  },
  department: { lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false, periodMarksOpenDaysBefore: 3 },
  effective: { lockDays: { ...REGULATION_LOCK_DAYS, currentMarks: 7 }, marksInAdvanceAllowed: false, periodMarksOpenDaysBefore: 1 },
  workTypes: [
    { id: 'test', name: 'Контрольная работа', defaultWeight: 3 },
    { id: 'homework', name: 'Домашняя работа', defaultWeight: 1 },
    { id: 'project', name: 'Проект', defaultWeight: 2 },
  ],
  markingRules: {
    today: '2026-11-20',
    versions: [
      { effectiveFrom: '1970-01-01', initial: true, weights: { test: 4, homework: 1 }, thresholds: { mark5: 4.5, mark4: 3.5, mark3: 2.5 }, minimumMarks: [{ hoursPerWeek: 1, marks: 3 }], changes: ['вес «Контрольная работа»: 3 → 4'] },
      { effectiveFrom: '2026-12-01', initial: false, weights: { test: 5, homework: 1 }, thresholds: { mark5: 4.6, mark4: 3.5, mark3: 2.5 }, minimumMarks: [{ hoursPerWeek: 1, marks: 3 }, { hoursPerWeek: 2, marks: 5 }], changes: [] },
    ],
  },
};

describe('settingsScopes', () => {
  it('should give department staff the department form and the leadership their school form', () => {
    expect(settingsScopes(me([{ role: 'department', departmentId: 'krd' }]))).toEqual({ departmentId: 'krd' });
    expect(settingsScopes(me([{ role: 'deputy', schoolId: 'sch53' }]))).toEqual({ schoolId: 'sch53' });
    expect(settingsScopes(me([{ role: 'director', schoolId: 'a' }, { role: 'deputy', schoolId: 'b' }]), 'b')).toEqual({ schoolId: 'b' });
    expect(settingsScopes(me([{ role: 'director', schoolId: 'a' }]), 'elsewhere')).toEqual({ schoolId: 'a' });
  });

  it('should give nothing to a parent, a student, a teacher, or department staff of another department', () => {
    expect(settingsScopes(me([{ role: 'parent', schoolId: 'sch53', studentId: 's' }]))).toEqual({});
    expect(settingsScopes(me([{ role: 'teacher', schoolId: 'sch53' }, { role: 'student', schoolId: 'sch53', studentId: 's' }]))).toEqual({});
    expect(settingsScopes(me([{ role: 'department', departmentId: 'sochi' }]))).toEqual({});
  });
});

describe('department form', () => {
  it('should start from version 0 when the settings were never saved, and send nulls for emptied fields', () => {
    const f = departmentForm({ departmentId: 'krd', name: 'УО', lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false });
    expect(f.version).toBe(0);
    expect(f.openDaysBefore).toBe(0);
    f.lockDays.essays = null;
    f.openDaysBefore = 2;
    expect(departmentBody(f)).toEqual({ version: 0, lockDays: { ...REGULATION_LOCK_DAYS, essays: null }, marksInAdvanceAllowed: false, periodMarksOpenDaysBefore: 2 });
  });
});

describe('school form', () => {
  it('should show the school values, empty where it follows the department', () => {
    const f = schoolForm(view);
    expect(f.lockDays).toEqual({ currentMarks: 7, practicalWorks: null, essays: null, finalMarks: null, fillWithin: null });
    expect(f.openDaysBefore).toBe(1);
    expect(f.forbidMarksInAdvance).toBe(true);
    expect(schoolForm({ ...view, settings: { ...view.settings, periodMarksOpenDaysBefore: undefined } }).openDaysBefore).toBeNull();
  });

  it('should leave out empty lock fields, and say "no marks in advance" only where it is stricter', () => {
    const f = schoolForm(view);
    f.lockDays.finalMarks = 3;
    f.lockDays.currentMarks = undefined as unknown as null;
    f.openDaysBefore = null;
    expect(schoolBody(f, view.department)).toEqual({
      version: 3,
      lockDays: { finalMarks: 3 },
      testLimits: { perDay: 1, perWeek: 3 },
      periodMarksOpenDaysBefore: null,
      idleMinutes: null,
    });
    const allowing = { ...view.department, marksInAdvanceAllowed: true };
    expect(schoolBody(f, allowing).marksInAdvanceAllowed).toBe(false);
    f.forbidMarksInAdvance = false;
    expect(schoolBody(f, allowing)).not.toHaveProperty('marksInAdvanceAllowed');
  });
});

describe('versions of the marking rules', () => {
  it('should name each version by its date (the initial one in words), say what it changed, and mark the one in force', () => {
    const [initial, dated] = view.markingRules.versions;
    expect(versionDate(initial!)).toBe('исходные правила школы');
    expect(versionDate(dated!)).toBe('01.12.2026');
    expect(versionChanges(initial!)).toBe('вес «Контрольная работа»: 3 → 4');
    expect(versionChanges(dated!)).toBe('как в положении по умолчанию');
    expect(versionInForce(view)).toBe(initial);
    expect(versionInForce({ markingRules: { ...view.markingRules, today: '2026-12-01' } })).toBe(dated);
  });

  it('should start a new version from the latest one, from today, and send the emptied fields as null', () => {
    const f = rulesForm(view);
    expect(f).toMatchObject({ effectiveFrom: '2026-11-20', weights: { test: 5, homework: 1, project: 2 }, thresholds: { mark5: 4.6 } });
    expect(f.minimumMarks).toHaveLength(2);
    f.weights.project = null;
    f.minimumMarks[1]!.marks = null;
    expect(rulesBody(f, 3, true)).toEqual({
      version: 3,
      effectiveFrom: '2026-11-20',
      weights: { test: 5, homework: 1 },
      thresholds: { mark5: 4.6, mark4: 3.5, mark3: 2.5 },
      minimumMarks: [{ hoursPerWeek: 1, marks: 3 }, { hoursPerWeek: 2, marks: null }],
      confirm: true,
    });
  });

  it('should find the periods to confirm only in a 409 that names them', () => {
    const asked = new ApiError(409, 'x', 'periods_change', { periods: [{ text: '«2 четверть» (…): вес' }, { nope: 1 }] });
    expect(periodsToConfirm(asked)).toEqual(['«2 четверть» (…): вес']);
    expect(periodsToConfirm(new ApiError(409, 'x', 'conflict', { current: {} }))).toEqual([]);
    expect(periodsToConfirm(new Error('x'))).toEqual([]);
  });
});

describe('problemsOf', () => {
  it('should list the field messages of a 400 and the fields to mark, or the message alone', () => {
    const p = problemsOf('a b', { fields: [{ path: 'lockDays.finalMarks', message: 'a' }, { path: 'weights.test', message: 'b' }] });
    expect(p.messages).toEqual(['a', 'b']);
    expect([...p.fields]).toEqual(['lockDays.finalMarks', 'weights.test']);
    expect(problemsOf('Недостаточно прав.', undefined)).toEqual({ messages: ['Недостаточно прав.'], fields: new Set() });
  });
});

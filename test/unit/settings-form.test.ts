/**
 * The settings screen's logic (web/src/lib/settings/settings.ts): who gets which form, and how the
 * forms turn into request bodies (an empty school field follows the department).
 */
import { describe, expect, it } from 'vitest';
import { REGULATION_LOCK_DAYS } from '../../shared/domain/settings';
import {
  departmentBody,
  departmentForm,
  problemsOf,
  schoolBody,
  schoolForm,
  settingsScopes,
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
  },
  department: { lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false },
  effective: { lockDays: { ...REGULATION_LOCK_DAYS, currentMarks: 7 }, marksInAdvanceAllowed: false },
  workTypes: [
    { id: 'test', name: 'Контрольная работа', defaultWeight: 3 },
    { id: 'homework', name: 'Домашняя работа', defaultWeight: 1 },
    { id: 'project', name: 'Проект', defaultWeight: 2 },
  ],
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
    f.lockDays.essays = null;
    expect(departmentBody(f)).toEqual({ version: 0, lockDays: { ...REGULATION_LOCK_DAYS, essays: null }, marksInAdvanceAllowed: false });
  });
});

describe('school form', () => {
  it('should show the school values, empty where it follows the department, and default weights', () => {
    const f = schoolForm(view);
    expect(f.lockDays).toEqual({ currentMarks: 7, practicalWorks: null, essays: null, finalMarks: null, fillWithin: null });
    expect(f.weights).toEqual({ test: 4, homework: 1, project: 2 });
    expect(f.forbidMarksInAdvance).toBe(true);
  });

  it('should leave out empty lock fields and weights, and say "no marks in advance" only where it is stricter', () => {
    const f = schoolForm(view);
    f.lockDays.finalMarks = 3;
    f.lockDays.currentMarks = undefined as unknown as null;
    f.weights.project = null;
    expect(schoolBody(f, view.department)).toEqual({
      version: 3,
      lockDays: { finalMarks: 3 },
      weights: { test: 4, homework: 1 },
      thresholds: { mark5: 4.5, mark4: 3.5, mark3: 2.5 },
      testLimits: { perDay: 1, perWeek: 3 },
    });
    const allowing = { ...view.department, marksInAdvanceAllowed: true };
    expect(schoolBody(f, allowing).marksInAdvanceAllowed).toBe(false);
    f.forbidMarksInAdvance = false;
    expect(schoolBody(f, allowing)).not.toHaveProperty('marksInAdvanceAllowed');
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

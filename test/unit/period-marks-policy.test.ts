/**
 * Who sets and reads period, year and final marks (clauses 3.9, 3.10; R-63): the policy's rules of
 * shared/auth/rules/period-marks.ts, through `may` and the school-level precondition.
 */
import { describe, expect, it } from 'vitest';
import { may, refusalBeforeLoading } from '../../shared/auth/policy';
import type { FinalMarkObject } from '../../shared/auth/rules/period-marks';
import { person } from '../support/principals';

const S = { departmentId: 'krd', schoolId: 's1' };
const whole: FinalMarkObject = { ...S, classId: '5a', line: { teacherId: 'math' }, subgroups: null, studentGroupId: null };
const split: FinalMarkObject = {
  ...S,
  classId: '5a',
  line: { groups: [{ groupId: 'g1', name: '1 группа', teacherId: 'eng1' }, { groupId: 'g2', name: '2 группа', teacherId: 'eng2' }] },
  subgroups: [{ groupId: 'g1', teacherId: 'eng1' }, { groupId: 'g2', teacherId: 'eng3' }],
  studentGroupId: 'g2',
};
const teacher = (id: string) => person(id, [{ role: 'teacher', schoolId: 's1' }]);
const ct5a = person('ct', [{ role: 'teacher', schoolId: 's1' }, { role: 'classTeacher', schoolId: 's1', classId: '5a' }]);

describe('setting a period mark', () => {
  it('should allow the subject teacher of the class and the class teacher, nobody else', () => {
    expect(may(teacher('math'), 'finalMark.write', whole)).toBe(true);
    expect(may(ct5a, 'finalMark.write', whole)).toBe(true);
    expect(may(teacher('other'), 'finalMark.write', whole)).toBe(false);
    for (const role of ['director', 'deputy', 'secretary', 'administrator'] as const) {
      expect(may(person(role, [{ role, schoolId: 's1' }]), 'finalMark.write', whole), role).toBe(false);
    }
  });

  it('should follow the period\'s subgroups of a split subject: the student\'s own group teacher only', () => {
    expect(may(teacher('eng3'), 'finalMark.write', split)).toBe(true);
    // eng2 was the curriculum's teacher of g2, but this period's subgroups name eng3.
    expect(may(teacher('eng2'), 'finalMark.write', split)).toBe(false);
    expect(may(teacher('eng1'), 'finalMark.write', split)).toBe(false);
  });

  it('should not cross departments or schools, and refuse parents before anything is read', () => {
    expect(may(person('math', [{ role: 'teacher', schoolId: 's1' }], 'other'), 'finalMark.write', whole)).toBe(false);
    expect(may(person('math', [{ role: 'teacher', schoolId: 's2' }]), 'finalMark.write', whole)).toBe(false);
    const parent = person('p', [{ role: 'parent', schoolId: 's1', studentId: 'st1' }]);
    expect(refusalBeforeLoading(parent, 'finalMark.write', S)).toMatch(/учителям и администрации/);
    expect(refusalBeforeLoading(teacher('math'), 'finalMark.write', S)).toBeNull();
  });
});

describe('reading the marks', () => {
  const cls = { ...S, classId: '5a', teacherIds: ['math', 'eng1'] };
  it('should show the class table and warnings to the class teacher, the class\'s teachers and the administration', () => {
    expect(may(ct5a, 'finalMark.readClass', cls)).toBe(true);
    expect(may(teacher('eng1'), 'finalMark.readWarnings', cls)).toBe(true);
    expect(may(person('d', [{ role: 'deputy', schoolId: 's1' }]), 'finalMark.readClass', cls)).toBe(true);
    expect(may(teacher('other'), 'finalMark.readClass', cls)).toBe(false);
    expect(may(person('sec', [{ role: 'secretary', schoolId: 's1' }]), 'finalMark.readWarnings', cls)).toBe(false);
  });

  it('should give one student\'s report to the student and their parents only', () => {
    const o = { ...S, classId: '5a', studentId: 'st1' };
    expect(may(person('p', [{ role: 'parent', schoolId: 's1', studentId: 'st1' }]), 'finalMark.readOwn', o)).toBe(true);
    expect(may(person('u', [{ role: 'student', schoolId: 's1', studentId: 'st1' }]), 'finalMark.readOwn', o)).toBe(true);
    expect(may(person('p2', [{ role: 'parent', schoolId: 's1', studentId: 'st2' }]), 'finalMark.readOwn', o)).toBe(false);
    expect(may(ct5a, 'finalMark.readOwn', o)).toBe(false);
  });
});

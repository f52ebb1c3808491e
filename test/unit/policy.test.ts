/**
 * The authorisation matrix of the platform's own actions (issue 2, item 4, clauses
 * 1.7, 3.1, 3.4; shared/auth/rules/core.ts): role x action x own/other object. For every action each
 * object lists who may act on it; everybody else in the cast must be refused, so the table is the
 * full cross product. Each later area's rules get their own matrix beside them.
 *
 * Tenancy: department `krd` has schools `s1` (classes `5a`, `5b`) and `s2`; department `sochi`
 * has a school with the SAME ids (`s1`, class `5a`, student `st-1`), so a role name and matching
 * ids are never enough without the department.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, may, refusalBeforeLoading, type Action } from '../../shared/auth/policy';
import type { Principal, RoleGrant } from '../../shared/auth/roles';
import { coreRules, type CoreObjects } from '../../shared/auth/rules/core';
import { allStaffOf, person } from '../support/principals';


const cast = {
  administrator: person('admin', [{ role: 'administrator', schoolId: 's1' }]),
  secretary: person('secretary', [{ role: 'secretary', schoolId: 's1' }]),
  teacher: person('teacher', [{ role: 'teacher', schoolId: 's1' }]),
  classTeacher5a: person('ct5a', [{ role: 'classTeacher', schoolId: 's1', classId: '5a' }]),
  deputy: person('deputy', [{ role: 'deputy', schoolId: 's1' }]),
  director: person('director', [{ role: 'director', schoolId: 's1' }]),
  studentS1: person('st-1', [{ role: 'student', schoolId: 's1', studentId: 'st-1' }]),
  parentS1: person('par-1', [{ role: 'parent', schoolId: 's1', studentId: 'st-1' }]),
  parentS3: person('par-3', [{ role: 'parent', schoolId: 's2', studentId: 'st-3' }]),
  department: person('uo', [{ role: 'department', departmentId: 'krd' }]),
  /** Every staff role, class 5a included, but in the other school of the same department. */
  staffOfS2: person('s2-staff', allStaffOf('s2')),
  /** Every staff role in a school with the same ids, but of another department. */
  staffOfOtherDep: person('sochi-staff', allStaffOf('s1'), 'sochi'),
  otherDepartment: person('uo-sochi', [{ role: 'department', departmentId: 'sochi' }], 'sochi'),
  nobody: person('nobody', []),
} satisfies Record<string, Principal>;
type Who = keyof typeof cast;
const everybody = Object.keys(cast) as Who[];

const school = (schoolId: string, departmentId = 'krd') => ({ departmentId, schoolId });
const klass = (schoolId: string, classId: string, departmentId = 'krd') => ({ departmentId, schoolId, classId });
const card = (schoolId: string, classId: string, studentId: string, departmentId = 'krd') => ({ departmentId, schoolId, classId, studentId });
const target = (schoolId: string, kind: 'staff' | 'student' | 'parent', classId?: string, departmentId = 'krd') => ({ departmentId, schoolId, kind, classId });

/** For each action: named objects and who (alone) may act on each. */
const allowed: { [A in keyof CoreObjects]: Array<[string, unknown, Who[]]> } = {
  'account.readSelf': [['itself', null, everybody]],
  'school.read': [
    ['school s1', school('s1'), ['administrator', 'secretary', 'teacher', 'classTeacher5a', 'deputy', 'director', 'studentS1', 'parentS1', 'department']],
    ['school s2', school('s2'), ['parentS3', 'staffOfS2', 'department']],
    ['sochi school s1', school('s1', 'sochi'), ['staffOfOtherDep', 'otherDepartment']],
  ],
  'class.list': [
    ['school s1', school('s1'), ['administrator', 'secretary', 'teacher', 'classTeacher5a', 'deputy', 'director']],
    ['school s2', school('s2'), ['staffOfS2']],
    ['sochi school s1', school('s1', 'sochi'), ['staffOfOtherDep']],
  ],
  'class.readRoster': [
    ['class 5a', klass('s1', '5a'), ['administrator', 'secretary', 'teacher', 'classTeacher5a', 'deputy', 'director']],
    ['class 5b', klass('s1', '5b'), ['administrator', 'secretary', 'teacher', 'deputy', 'director']],
    ['class 5a of s2', klass('s2', '5a'), ['staffOfS2']],
    ['sochi class 5a', klass('s1', '5a', 'sochi'), ['staffOfOtherDep']],
  ],
  'student.readCard': [
    ['S1 (5a)', card('s1', '5a', 'st-1'), ['administrator', 'secretary', 'classTeacher5a', 'deputy', 'director', 'studentS1', 'parentS1']],
    ['S2 (5a, same class)', card('s1', '5a', 'st-2'), ['administrator', 'secretary', 'classTeacher5a', 'deputy', 'director']],
    ['S4 (5b)', card('s1', '5b', 'st-4'), ['administrator', 'secretary', 'deputy', 'director']],
    ['S3 (school s2)', card('s2', '5a', 'st-3'), ['parentS3', 'staffOfS2']],
    ['sochi S1', card('s1', '5a', 'st-1', 'sochi'), ['staffOfOtherDep']],
  ],
  'activationCode.issue': [
    ['staff of s1', target('s1', 'staff'), ['administrator']],
    ['a student of 5a', target('s1', 'student', '5a'), ['administrator', 'classTeacher5a']],
    ['a parent in 5a', target('s1', 'parent', '5a'), ['administrator', 'classTeacher5a']],
    ['a student of 5b', target('s1', 'student', '5b'), ['administrator']],
    ['a student with no class', target('s1', 'student'), ['administrator']],
    ['staff of s2', target('s2', 'staff'), ['staffOfS2']],
    ['sochi staff', target('s1', 'staff', undefined, 'sochi'), ['staffOfOtherDep']],
    ['a sochi student of 5a', target('s1', 'student', '5a', 'sochi'), ['staffOfOtherDep']],
  ],
  'loginRegister.read': [
    ['school s1', school('s1'), ['administrator', 'director']],
    ['school s2', school('s2'), ['staffOfS2']],
    ['sochi school s1', school('s1', 'sochi'), ['staffOfOtherDep']],
  ],
  'department.readSettings': [
    ['krd', { departmentId: 'krd' }, ['department', 'deputy', 'director', 'staffOfS2']],
    ['sochi', { departmentId: 'sochi' }, ['otherDepartment', 'staffOfOtherDep']],
  ],
  'department.writeSettings': [
    ['krd', { departmentId: 'krd' }, ['department']],
    ['sochi', { departmentId: 'sochi' }, ['otherDepartment']],
  ],
};

const matrix = Object.entries(allowed).flatMap(([action, objects]) =>
  objects.flatMap(([name, object, who]) => everybody.map((p) => [p, action as Action, name, who.includes(p), object] as const)),
);

describe('may', () => {
  it('should have a row in this matrix for every core action, each known to the policy', () => {
    expect(Object.keys(allowed).sort()).toEqual(Object.keys(coreRules).sort());
    for (const action of Object.keys(allowed)) expect(ACTIONS).toContain(action);
  });

  it.each(matrix)('%s, %s on %s -> allowed: %s', (who, action, _name, expected, object) => {
    expect(may(cast[who], action, object as never)).toBe(expected);
  });

  it('should throw for an action it has no rule for', () => {
    expect(() => may(cast.administrator, 'school.delete' as Action, school('s1') as never)).toThrow('No authorisation rule for action school.delete');
  });
});

describe('may for people with several roles', () => {
  const teacherAndParent = person('tp', [
    { role: 'teacher', schoolId: 's1' },
    { role: 'parent', schoolId: 's1', studentId: 'st-4' },
  ]);

  it('should let a teacher who is a parent read their own child card and no other', () => {
    expect(may(teacherAndParent, 'student.readCard', card('s1', '5b', 'st-4'))).toBe(true);
    expect(may(teacherAndParent, 'student.readCard', card('s1', '5b', 'st-5'))).toBe(false);
    expect(may(teacherAndParent, 'student.readCard', card('s1', '5a', 'st-1'))).toBe(false);
  });

  it('should not carry a role from one school to another', () => {
    const directorHereParentThere = person('dp', [
      { role: 'director', schoolId: 's2' },
      { role: 'parent', schoolId: 's1', studentId: 'st-1' },
    ]);
    expect(may(directorHereParentThere, 'student.readCard', card('s1', '5a', 'st-2'))).toBe(false);
    expect(may(directorHereParentThere, 'loginRegister.read', school('s1'))).toBe(false);
    expect(may(directorHereParentThere, 'loginRegister.read', school('s2'))).toBe(true);
  });

  it('should not let a parent grant for a student id of another school open that id in this school', () => {
    const parentElsewhere = person('pe', [{ role: 'parent', schoolId: 's2', studentId: 'st-1' }, { role: 'teacher', schoolId: 's1' }]);
    expect(may(parentElsewhere, 'student.readCard', card('s1', '5a', 'st-1'))).toBe(false);
  });
});

describe('refusalBeforeLoading (what an action needs of the school alone)', () => {
  const s1 = { departmentId: 'krd', schoolId: 's1' };
  const parentOfS1 = person('parent', [{ role: 'parent', schoolId: 's1', studentId: 'st-1' }]);
  const studentOfS1 = person('student', [{ role: 'student', schoolId: 's1', studentId: 'st-1' }]);
  const teacherOfS1 = person('teacher', [{ role: 'teacher', schoolId: 's1' }]);
  const teacherOfS2 = person('teacher2', [{ role: 'teacher', schoolId: 's2' }]);

  it.each(['journal.read', 'journal.write', 'journal.correctReason'] as const)('should refuse parents, students and other schools %s before anything is read', (action) => {
    for (const p of [parentOfS1, studentOfS1, teacherOfS2]) expect(refusalBeforeLoading(p, action, s1), p.userId).toMatch(/учителям и администрации/);
    expect(refusalBeforeLoading(teacherOfS1, action, s1)).toBeNull();
  });

  it('should have nothing to say about actions that need their object', () => {
    expect(refusalBeforeLoading(parentOfS1, 'student.readCard', s1)).toBeNull();
  });

  it('should be part of may as well, so that loading the object first changes nothing', () => {
    // A journal page object that names the parent as a filler still refuses them.
    const page = { ...s1, classId: '5a', subjectId: 'math', fillers: ['parent'] };
    const parentTeacher = person('parent', [{ role: 'parent', schoolId: 's1', studentId: 'st-1' }, { role: 'classTeacher', schoolId: 's1', classId: '5a' }]);
    expect(may(parentOfS1, 'journal.read', page)).toBe(false);
    expect(may(parentTeacher, 'journal.read', page)).toBe(true);
  });
});

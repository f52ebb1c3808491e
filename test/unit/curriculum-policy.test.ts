/**
 * The authorisation matrix of the curriculum area (R-12, R-24, R-25; shared/auth/rules/curriculum.ts):
 * the deputy director and the director make the curriculum and assign substitutes; the class
 * teacher makes the subgroups of their own class with them; a teacher reads their own load; staff
 * read the curriculum; parents, students, the department and other schools do none of it.
 */
import { describe, expect, it } from 'vitest';
import { may, type Action } from '../../shared/auth/policy';
import type { Principal, RoleGrant } from '../../shared/auth/roles';
import { curriculumRules, type CurriculumObjects } from '../../shared/auth/rules/curriculum';
import { allStaffOf, person } from '../support/principals';


const cast = {
  administrator: person('admin', [{ role: 'administrator', schoolId: 's1' }]),
  secretary: person('secretary', [{ role: 'secretary', schoolId: 's1' }]),
  teacher: person('teacher', [{ role: 'teacher', schoolId: 's1' }]),
  classTeacher5a: person('ct5a', [{ role: 'teacher', schoolId: 's1' }, { role: 'classTeacher', schoolId: 's1', classId: '5a' }]),
  deputy: person('deputy', [{ role: 'deputy', schoolId: 's1' }]),
  director: person('director', [{ role: 'director', schoolId: 's1' }]),
  studentS1: person('st-1', [{ role: 'student', schoolId: 's1', studentId: 'st-1' }]),
  parentS1: person('par-1', [{ role: 'parent', schoolId: 's1', studentId: 'st-1' }]),
  department: person('uo', [{ role: 'department', departmentId: 'krd' }]),
  staffOfS2: person('s2-staff', allStaffOf('s2')),
  staffOfOtherDep: person('sochi-staff', allStaffOf('s1'), 'sochi'),
  /** A teacher there and a parent here: the parent grant opens nothing of the curriculum. */
  teacherS2ParentS1: person('tp', [{ role: 'teacher', schoolId: 's2' }, { role: 'parent', schoolId: 's1', studentId: 'st-1' }]),
  nobody: person('nobody', []),
} satisfies Record<string, Principal>;
type Who = keyof typeof cast;
const everybody = Object.keys(cast) as Who[];
const school = (schoolId: string, departmentId = 'krd') => ({ departmentId, schoolId });
const klass = (schoolId: string, classId: string, departmentId = 'krd') => ({ departmentId, schoolId, classId });
const STAFF_S1: Who[] = ['administrator', 'secretary', 'teacher', 'classTeacher5a', 'deputy', 'director'];

const allowed: { [A in keyof CurriculumObjects]: Array<[string, unknown, Who[]]> } = {
  'curriculum.read': [
    ['school s1', school('s1'), STAFF_S1],
    ['school s2', school('s2'), ['staffOfS2', 'teacherS2ParentS1']],
    ['sochi school s1', school('s1', 'sochi'), ['staffOfOtherDep']],
  ],
  'curriculum.manage': [
    ['school s1', school('s1'), ['deputy', 'director']],
    ['school s2', school('s2'), ['staffOfS2']],
    ['sochi school s1', school('s1', 'sochi'), ['staffOfOtherDep']],
  ],
  'load.readOfTeacher': [
    ['teacher own load', { ...school('s1'), teacherId: 'teacher' }, ['teacher', 'deputy', 'director']],
    ['class teacher own load', { ...school('s1'), teacherId: 'ct5a' }, ['classTeacher5a', 'deputy', 'director']],
    ['a colleague load in s2', { ...school('s2'), teacherId: 'someone' }, ['staffOfS2']],
    ['own id in another school', { ...school('s2'), teacherId: 'teacher' }, ['staffOfS2']],
  ],
  'subgroups.read': [
    ['5a of s1', klass('s1', '5a'), ['administrator', 'secretary', 'teacher', 'classTeacher5a', 'deputy', 'director']],
    ['5b of s1', klass('s1', '5b'), ['administrator', 'secretary', 'teacher', 'classTeacher5a', 'deputy', 'director']],
    ['5a of s2', klass('s2', '5a'), ['staffOfS2', 'teacherS2ParentS1']],
  ],
  'subgroups.manage': [
    ['5a of s1', klass('s1', '5a'), ['classTeacher5a', 'deputy', 'director']],
    ['5b of s1', klass('s1', '5b'), ['deputy', 'director']],
    ['5a of s2', klass('s2', '5a'), ['staffOfS2']],
    ['5a of sochi s1', klass('s1', '5a', 'sochi'), ['staffOfOtherDep']],
  ],
  'substitute.read': [
    ['5a of s1', klass('s1', '5a'), STAFF_S1],
    ['5a of s2', klass('s2', '5a'), ['staffOfS2', 'teacherS2ParentS1']],
  ],
  'substitute.manage': [
    ['5a of s1', klass('s1', '5a'), ['deputy', 'director']],
    ['5a of s2', klass('s2', '5a'), ['staffOfS2']],
  ],
};

const matrix = Object.entries(allowed).flatMap(([action, objects]) =>
  objects.flatMap(([name, object, who]) => everybody.map((p) => [p, action as Action, name, who.includes(p), object] as const)),
);

describe('may (curriculum area)', () => {
  it('should have a row for every curriculum action, each known to the policy', () => {
    expect(Object.keys(allowed).sort()).toEqual(Object.keys(curriculumRules).sort());
  });

  it.each(matrix)('%s, %s on %s -> allowed: %s', (who, action, _name, expected, object) => {
    expect(may(cast[who], action, object as never)).toBe(expected);
  });
});

/**
 * The authorisation matrix of the timetable area (R-13; shared/auth/rules/timetable.ts): the deputy
 * director and the director make the timetable, its changes and the lessons; staff read them;
 * parents, students, the department and other schools do none of it here.
 */
import { describe, expect, it } from 'vitest';
import { may, type Action } from '../../shared/auth/policy';
import type { Principal, RoleGrant } from '../../shared/auth/roles';
import { timetableRules, type TimetableObjects } from '../../shared/auth/rules/timetable';
import { person } from '../support/principals';

const allStaffOf = (schoolId: string): RoleGrant[] => [
  { role: 'administrator', schoolId },
  { role: 'teacher', schoolId },
  { role: 'deputy', schoolId },
  { role: 'director', schoolId },
];

const cast = {
  administrator: person('admin', [{ role: 'administrator', schoolId: 's1' }]),
  secretary: person('secretary', [{ role: 'secretary', schoolId: 's1' }]),
  teacher: person('teacher', [{ role: 'teacher', schoolId: 's1' }]),
  classTeacher5a: person('ct5a', [{ role: 'classTeacher', schoolId: 's1', classId: '5a' }]),
  deputy: person('deputy', [{ role: 'deputy', schoolId: 's1' }]),
  director: person('director', [{ role: 'director', schoolId: 's1' }]),
  studentS1: person('st-1', [{ role: 'student', schoolId: 's1', studentId: 'st-1' }]),
  parentS1: person('par-1', [{ role: 'parent', schoolId: 's1', studentId: 'st-1' }]),
  department: person('uo', [{ role: 'department', departmentId: 'krd' }]),
  staffOfS2: person('s2-staff', allStaffOf('s2')),
  staffOfOtherDep: person('sochi-staff', allStaffOf('s1'), 'sochi'),
  nobody: person('nobody', []),
} satisfies Record<string, Principal>;
type Who = keyof typeof cast;
const everybody = Object.keys(cast) as Who[];
const school = (schoolId: string, departmentId = 'krd') => ({ departmentId, schoolId });
const klass = (schoolId: string, classId: string) => ({ departmentId: 'krd', schoolId, classId });
const STAFF_S1: Who[] = ['administrator', 'secretary', 'teacher', 'classTeacher5a', 'deputy', 'director'];

const allowed: { [A in keyof TimetableObjects]: Array<[string, unknown, Who[]]> } = {
  'timetable.read': [
    ['school s1', school('s1'), STAFF_S1],
    ['school s2', school('s2'), ['staffOfS2']],
    ['sochi school s1', school('s1', 'sochi'), ['staffOfOtherDep']],
  ],
  'timetable.manage': [
    ['school s1', school('s1'), ['deputy', 'director']],
    ['school s2', school('s2'), ['staffOfS2']],
    ['sochi school s1', school('s1', 'sochi'), ['staffOfOtherDep']],
  ],
  'lesson.readOfClass': [
    ['5a of s1', klass('s1', '5a'), STAFF_S1],
    ['5a of s2', klass('s2', '5a'), ['staffOfS2']],
  ],
  'lesson.generate': [
    ['school s1', school('s1'), ['deputy', 'director']],
    ['school s2', school('s2'), ['staffOfS2']],
  ],
};

const matrix = Object.entries(allowed).flatMap(([action, objects]) =>
  objects.flatMap(([name, object, who]) => everybody.map((p) => [p, action as Action, name, who.includes(p), object] as const)),
);

describe('may (timetable area)', () => {
  it('should have a row for every timetable action, each known to the policy', () => {
    expect(Object.keys(allowed).sort()).toEqual(Object.keys(timetableRules).sort());
  });

  it.each(matrix)('%s, %s on %s -> allowed: %s', (who, action, _name, expected, object) => {
    expect(may(cast[who], action, object as never)).toBe(expected);
  });
});

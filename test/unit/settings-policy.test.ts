/**
 * The authorisation matrix of the settings area (R-01, R-02, R-05; shared/auth/rules/settings.ts):
 * role x action x own/other object. The department's lock rules are its own staff's; a school's
 * settings are read and changed by its director and deputy, and read by the department.
 */
import { describe, expect, it } from 'vitest';
import { may, type Action } from '../../shared/auth/policy';
import type { Principal, RoleGrant } from '../../shared/auth/roles';
import { settingsRules, type SettingsObjects } from '../../shared/auth/rules/settings';
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
  department: person('uo', [{ role: 'department', departmentId: 'krd' }]),
  staffOfS2: person('s2-staff', allStaffOf('s2')),
  staffOfOtherDep: person('sochi-staff', allStaffOf('s1'), 'sochi'),
  otherDepartment: person('uo-sochi', [{ role: 'department', departmentId: 'sochi' }], 'sochi'),
  /** A department grant smuggled into a principal of another department: never enough. */
  mismatchedDepartment: person('odd', [{ role: 'department', departmentId: 'krd' }], 'sochi'),
  nobody: person('nobody', []),
} satisfies Record<string, Principal>;
type Who = keyof typeof cast;
const everybody = Object.keys(cast) as Who[];
const school = (schoolId: string, departmentId = 'krd') => ({ departmentId, schoolId });

const allowed: { [A in keyof SettingsObjects]: Array<[string, unknown, Who[]]> } = {
  'settings.writeDepartment': [
    ['krd', { departmentId: 'krd' }, ['department']],
    ['sochi', { departmentId: 'sochi' }, ['otherDepartment']],
  ],
  'settings.readSchool': [
    ['school s1', school('s1'), ['deputy', 'director', 'department']],
    ['school s2', school('s2'), ['staffOfS2', 'department']],
    ['sochi school s1', school('s1', 'sochi'), ['staffOfOtherDep', 'otherDepartment']],
  ],
  'settings.writeSchool': [
    ['school s1', school('s1'), ['deputy', 'director']],
    ['school s2', school('s2'), ['staffOfS2']],
    ['sochi school s1', school('s1', 'sochi'), ['staffOfOtherDep']],
  ],
};

const matrix = Object.entries(allowed).flatMap(([action, objects]) =>
  objects.flatMap(([name, object, who]) => everybody.map((p) => [p, action as Action, name, who.includes(p), object] as const)),
);

describe('may (settings area)', () => {
  it('should have a row for every settings action, each known to the policy', () => {
    expect(Object.keys(allowed).sort()).toEqual(Object.keys(settingsRules).sort());
  });

  it.each(matrix)('%s, %s on %s -> allowed: %s', (who, action, _name, expected, object) => {
    expect(may(cast[who], action, object as never)).toBe(expected);
  });
});

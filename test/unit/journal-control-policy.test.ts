/**
 * Who controls the journal (clauses 3.11, 8.2; issue 11 items 5, 6): the journal checked against its
 * change log, and the table of changes made under correction requests, are for the director, the
 * deputies and the education department's specialist of the school's own department; not for a
 * teacher, a class teacher, the administrator, the secretary, a parent or another school's staff.
 */
import { describe, expect, it } from 'vitest';
import { may } from '../../shared/auth/policy';
import type { RoleGrant } from '../../shared/auth/roles';
import { person } from '../support/principals';

const CLASS = { departmentId: 'krd', schoolId: 's1', classId: '5a' };
const at = (role: string, extra: Record<string, string> = {}): RoleGrant[] => [{ role, schoolId: 's1', ...extra } as RoleGrant];

const CASES: Array<[string, RoleGrant[], boolean, string?]> = [
  ['director', at('director'), true],
  ['deputy', at('deputy'), true],
  ['department specialist', [{ role: 'department', departmentId: 'krd' }], true],
  ['another department\'s specialist', [{ role: 'department', departmentId: 'tula' }], false],
  ['teacher', at('teacher'), false],
  ['class teacher of the class', at('classTeacher', { classId: '5a' }), false],
  ['administrator', at('administrator'), false],
  ['secretary', at('secretary'), false],
  ['director of another school', [{ role: 'director', schoolId: 's2' }], false],
  ['parent', [{ role: 'parent', schoolId: 's1', studentId: 'st1' }], false],
];

describe('journal control', () => {
  it.each(CASES)('%s: check the journal against its log and read the change table → %s', (_who, grants, allowed) => {
    const p = person('u1', grants);
    expect(may(p, 'journal.checkIntegrity', CLASS)).toBe(allowed);
    expect(may(p, 'correction.readChanges', CLASS)).toBe(allowed);
  });
});

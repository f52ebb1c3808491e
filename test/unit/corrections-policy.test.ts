/**
 * Who files, reads and decides correction requests (clauses 7.2, 7.5): the rules of
 * shared/auth/rules/corrections.ts through `may` and the school-level precondition.
 */
import { describe, expect, it } from 'vitest';
import { may, refusalBeforeLoading } from '../../shared/auth/policy';
import { person } from '../support/principals';

const S = { departmentId: 'krd', schoolId: 's1' };
const cls = { ...S, classId: '5a', teacherIds: ['math'] };
const staff = (role: 'director' | 'deputy' | 'secretary' | 'administrator') => person(role, [{ role, schoolId: 's1' }]);
const teacher = (id: string) => person(id, [{ role: 'teacher', schoolId: 's1' }]);
const ct5a = person('ct', [{ role: 'teacher', schoolId: 's1' }, { role: 'classTeacher', schoolId: 's1', classId: '5a' }]);
const parent = person('p', [{ role: 'parent', schoolId: 's1', studentId: 'st1' }]);
const uo = person('uo', [{ role: 'department', departmentId: 'krd' }]);
const otherUo = person('uo2', [{ role: 'department', departmentId: 'msk' }], 'msk');

describe('filing (clause 7.2)', () => {
  it('should allow a teacher of the class, its class teacher and a deputy, nobody else', () => {
    expect(may(teacher('math'), 'correction.file', cls)).toBe(true);
    expect(may(ct5a, 'correction.file', cls)).toBe(true);
    expect(may(staff('deputy'), 'correction.file', cls)).toBe(true);
    expect(may(teacher('other'), 'correction.file', cls)).toBe(false);
    for (const p of [staff('director'), staff('secretary'), staff('administrator'), parent, uo]) expect(may(p, 'correction.file', cls), p.userId).toBe(false);
    expect(refusalBeforeLoading(parent, 'correction.file', S)).toContain('работники школы');
  });
});

describe('deciding (clauses 7.2, 7.5)', () => {
  it('should let the director decide and the department record a disputed decision, each only that', () => {
    expect(may(staff('director'), 'correction.decide', S)).toBe(true);
    for (const p of [staff('deputy'), teacher('math'), ct5a, uo]) expect(may(p, 'correction.decide', S), p.userId).toBe(false);
    expect(may(uo, 'correction.recordDepartment', S)).toBe(true);
    for (const p of [staff('director'), otherUo]) expect(may(p, 'correction.recordDepartment', S), p.userId).toBe(false);
  });
});

describe('reading', () => {
  const request = { ...S, classId: '5a', filedBy: 'math' };
  it('should show a request to its author, the administration and the department, not to other teachers or families', () => {
    for (const p of [teacher('math'), staff('director'), staff('deputy'), uo]) expect(may(p, 'correction.read', request), p.userId).toBe(true);
    for (const p of [teacher('other'), ct5a, parent, otherUo]) expect(may(p, 'correction.read', request), p.userId).toBe(false);
    expect(may(parent, 'correction.list', S)).toBe(false);
    expect(may(teacher('other'), 'correction.list', S)).toBe(true);
  });
});

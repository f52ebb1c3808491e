/**
 * Who may do what with a KTP and the assessment schedule (R-14, R-15, clause 5): per object, always
 * within the school.
 */
import { describe, expect, it } from 'vitest';
import { may } from '../../shared/auth/policy';
import type { Principal, RoleGrant } from '../../shared/auth/roles';

const person = (userId: string, ...grants: RoleGrant[]): Principal => ({ userId, departmentId: 'krd', displayName: userId, grants });
const s = 'sch53';
const teacher = person('t1', { role: 'teacher', schoolId: s });
const other = person('t2', { role: 'teacher', schoolId: s });
const classTeacher = person('t3', { role: 'teacher', schoolId: s }, { role: 'classTeacher', schoolId: s, classId: '5a' });
const deputy = person('d1', { role: 'deputy', schoolId: s });
const director = person('dir', { role: 'director', schoolId: s });
const deputyElsewhere = person('d2', { role: 'deputy', schoolId: 'sch7' });
const teacherElsewhere = person('t1', { role: 'teacher', schoolId: 'sch7' });
const parent = person('p1', { role: 'parent', schoolId: s, studentId: 'st-1' });
const student = person('st', { role: 'student', schoolId: s, studentId: 'st-1' });
const admin = person('a1', { role: 'administrator', schoolId: s });

const ktp = { departmentId: 'krd', schoolId: s, classId: '5a', subjectId: 'math', groupId: 'all', teacherIds: ['t1'] };
const klass = { departmentId: 'krd', schoolId: s, classId: '5a' };
const school = { departmentId: 'krd', schoolId: s };
const subject = { ...klass, subjectId: 'math', teacherIds: ['t1'] };

const who = (action: Parameters<typeof may>[1], object: unknown) =>
  Object.entries({ teacher, other, classTeacher, deputy, director, deputyElsewhere, teacherElsewhere, parent, student, admin })
    .filter(([, p]) => may(p, action, object as never))
    .map(([name]) => name);

describe('KTP policy', () => {
  it('should let the class-subject\'s teacher, the deputy, the director and the class teacher read it', () => {
    expect(who('ktp.read', ktp)).toEqual(['teacher', 'classTeacher', 'deputy', 'director']);
  });

  it('should let only the teacher of the class-subject and the deputy write it', () => {
    expect(who('ktp.write', ktp)).toEqual(['teacher', 'deputy']);
  });

  it('should let only the deputy of the same school approve or reopen it', () => {
    expect(who('ktp.approve', ktp)).toEqual(['deputy']);
  });

  it('should list own KTPs for teachers and a class\'s for the deputy, director and its class teacher', () => {
    expect(who('ktp.listOwn', school)).toEqual(['teacher', 'other', 'classTeacher']);
    expect(who('ktp.listClass', klass)).toEqual(['classTeacher', 'deputy', 'director']);
    expect(who('ktp.listClass', { ...klass, classId: '5b' })).toEqual(['deputy', 'director']);
  });
});

describe('assessment schedule policy', () => {
  it('should show the schedule to the school\'s staff only', () => {
    expect(who('assessment.read', school)).toEqual(['teacher', 'other', 'classTeacher', 'deputy', 'director', 'admin']);
  });

  it('should let the deputy write any class-subject and a teacher only their own', () => {
    expect(who('assessment.write', subject)).toEqual(['teacher', 'deputy']);
    expect(who('assessment.write', { ...subject, teacherIds: ['t2'] })).toEqual(['other', 'deputy']);
  });
});

/**
 * Who reaches paper progress reports (clause 3.13, R-52): the secretary and the pupil's class
 * teacher record applications and hand-overs; the administration reads; nobody from another school,
 * no parent, student, plain teacher or read-only viewer.
 */
import { describe, expect, it } from 'vitest';
import { may } from '../../shared/auth/policy';
import { allStaffOf, person } from '../support/principals';

const CLS = { departmentId: 'krd', schoolId: 'sch53', classId: '5a' };
const SCHOOL = { departmentId: 'krd', schoolId: 'sch53' };

const secretary = person('sec', [{ role: 'secretary', schoolId: 'sch53' }]);
const classTeacher = person('ct', [{ role: 'classTeacher', schoolId: 'sch53', classId: '5a' }]);
const otherClassTeacher = person('ct6', [{ role: 'classTeacher', schoolId: 'sch53', classId: '6a' }]);
const director = person('dir', [{ role: 'director', schoolId: 'sch53' }]);
const deputy = person('dep', [{ role: 'deputy', schoolId: 'sch53' }]);
const teacher = person('t', [{ role: 'teacher', schoolId: 'sch53' }]);
const parent = person('p', [{ role: 'parent', schoolId: 'sch53', studentId: 's1' }]);
const student = person('s1', [{ role: 'student', schoolId: 'sch53', studentId: 's1' }]);
const viewer = person('v', [{ role: 'viewer', schoolId: 'sch53', classIds: 'all', areas: ['journal', 'reports', 'people'], until: '2027-05-31' }]);
const otherSchool = person('x', allStaffOf('sch7'));

describe('paper report policy', () => {
  it('should let the secretary and the class teacher of the class record an application and a hand-over', () => {
    for (const action of ['paperReport.recordApplication', 'paperReport.handOver'] as const) {
      expect(may(secretary, action, CLS), action).toBe(true);
      expect(may(classTeacher, action, CLS), action).toBe(true);
      for (const p of [otherClassTeacher, director, deputy, teacher, parent, student, viewer, otherSchool]) expect(may(p, action, CLS), `${action} ${p.userId}`).toBe(false);
    }
  });

  it('should show a class reports to its class teacher, the secretary and the administration only', () => {
    for (const p of [secretary, classTeacher, director, deputy]) expect(may(p, 'paperReport.readClass', CLS), p.userId).toBe(true);
    for (const p of [otherClassTeacher, teacher, parent, student, viewer, otherSchool]) expect(may(p, 'paperReport.readClass', CLS), p.userId).toBe(false);
  });

  it('should list the school applications for the secretary and the administration, and count overdue reports for class teachers too', () => {
    for (const p of [secretary, director, deputy]) expect(may(p, 'paperReport.listSchool', SCHOOL), p.userId).toBe(true);
    for (const p of [classTeacher, teacher, parent, otherSchool]) expect(may(p, 'paperReport.listSchool', SCHOOL), p.userId).toBe(false);
    for (const p of [secretary, director, deputy, classTeacher]) expect(may(p, 'paperReport.overdue', SCHOOL), p.userId).toBe(true);
    for (const p of [teacher, parent, student, viewer, otherSchool]) expect(may(p, 'paperReport.overdue', SCHOOL), p.userId).toBe(false);
  });
});

/** Rules of the platform's own actions: accounts, school lists, personal cards, codes, the register. */
import { childStudentIds, hasSchoolRole, isDepartmentStaff, ledClassIds } from '../roles';
import type { AccountTarget, ClassObject, Rules, SchoolObject, StudentObject } from './objects';
import { inSchool, PERSONAL_DATA_STAFF, STAFF } from './common';

export interface CoreObjects {
  'account.readSelf': null;
  'school.read': SchoolObject;
  'class.list': SchoolObject;
  'class.readRoster': ClassObject;
  'student.readCard': StudentObject;
  'activationCode.issue': AccountTarget;
  'loginRegister.read': SchoolObject;
  'department.readSettings': { departmentId: string };
  'department.writeSettings': { departmentId: string };
}

export const coreRules: Rules<CoreObjects> = {
  'account.readSelf': () => true,
  'school.read': (p, o) => inSchool(p, o) || isDepartmentStaff(p, o.departmentId),
  'class.list': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...STAFF),
  'class.readRoster': (p, o) =>
    inSchool(p, o) &&
    (hasSchoolRole(p, o.schoolId, ...PERSONAL_DATA_STAFF, 'teacher') || ledClassIds(p, o.schoolId).includes(o.classId)),
  'student.readCard': (p, o) =>
    inSchool(p, o) &&
    (hasSchoolRole(p, o.schoolId, ...PERSONAL_DATA_STAFF) ||
      ledClassIds(p, o.schoolId).includes(o.classId) ||
      childStudentIds(p, o.schoolId).includes(o.studentId) ||
      p.grants.some((g) => g.role === 'student' && g.schoolId === o.schoolId && g.studentId === o.studentId)),
  // Clause 3.1: the administrator issues staff codes; the class teacher issues them to the
  // students and parents of their own class.
  'activationCode.issue': (p, o) =>
    inSchool(p, o) &&
    (o.kind === 'staff'
      ? hasSchoolRole(p, o.schoolId, 'administrator')
      : hasSchoolRole(p, o.schoolId, 'administrator') ||
        (o.classId !== undefined && ledClassIds(p, o.schoolId).includes(o.classId))),
  'loginRegister.read': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'administrator', 'director'),
  'department.readSettings': (p, o) =>
    isDepartmentStaff(p, o.departmentId) ||
    (p.departmentId === o.departmentId && p.grants.some((g) => g.role === 'director' || g.role === 'deputy')),
  'department.writeSettings': (p, o) => isDepartmentStaff(p, o.departmentId),
};


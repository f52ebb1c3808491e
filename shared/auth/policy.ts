/**
 * The authorisation layer: "may this principal do this action to this object?". Every handler
 * asks it after loading the object, so a changed id in a request meets the same check as any
 * other (R-05, clause 3.4). A role alone is never enough where an object is named.
 */
import { childStudentIds, hasSchoolRole, isDepartmentStaff, ledClassIds, type Principal } from './roles';

/** The objects actions apply to; each carries its school, so tenancy is part of every check. */
export interface SchoolObject {
  departmentId: string;
  schoolId: string;
}
export interface ClassObject extends SchoolObject {
  classId: string;
}
export interface StudentObject extends ClassObject {
  studentId: string;
}
/** An account that an activation code is issued for. */
export interface AccountTarget extends SchoolObject {
  kind: 'staff' | 'student' | 'parent';
  /** The class of the student (or of the parent's child); absent for staff. */
  classId?: string;
}

interface Objects {
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
export type Action = keyof Objects;
export type ObjectOf<A extends Action> = Objects[A];

type Rule<A extends Action> = (p: Principal, o: Objects[A]) => boolean;

const inSchool = (p: Principal, o: SchoolObject) =>
  p.grants.some((g) => 'schoolId' in g && g.schoolId === o.schoolId) && p.departmentId === o.departmentId;

// Staff who need personal data for their work (clause 1.7): not every teacher.
const PERSONAL_DATA_STAFF = ['administrator', 'secretary', 'deputy', 'director'] as const;
const STAFF = ['administrator', 'secretary', 'teacher', 'deputy', 'director', 'classTeacher'] as const;

const rules: { [A in Action]: Rule<A> } = {
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

export function may<A extends Action>(p: Principal, action: A, object: ObjectOf<A>): boolean {
  return (rules[action] as Rule<A>)(p, object);
}

/**
 * Rules of the department's own work on its schools (issue 9, item 1): the department specialist
 * opens schools and appoints each school's first administrator (clause 5: the administrator then
 * registers everybody else). A school's staff never act on the department's list.
 */
import { isDepartmentStaff } from '../roles';
import type { Rules, SchoolObject } from './objects';

export interface DepartmentObjects {
  'school.listOfDepartment': { departmentId: string };
  'school.create': { departmentId: string };
  'school.appointAdministrator': SchoolObject;
  /** A department inspector's read-only access to some of its schools (clause 4.5). */
  'department.grantInspector': { departmentId: string };
}

const specialist = (p: Parameters<typeof isDepartmentStaff>[0], o: { departmentId: string }) => p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId);

export const departmentRules: Rules<DepartmentObjects> = {
  'school.listOfDepartment': specialist,
  'school.create': specialist,
  'school.appointAdministrator': specialist,
  'department.grantInspector': specialist,
};

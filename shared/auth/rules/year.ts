/** Authorisation rules of the year area (see shared/auth/policy.ts). */
import { hasSchoolRole, isDepartmentStaff } from '../roles';
import { inSchool } from './common';
import type { Rules, SchoolObject } from './objects';

export interface YearObjects {
  /** The year as set up, for the set-up screen; the journal and the diary read it server-side. */
  'year.read': SchoolObject;
  /** the deputy director sets the year up; the director may too. */
  'year.write': SchoolObject;
}

export const yearRules: Rules<YearObjects> = {
  'year.read': (p, o) =>
    (inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'deputy', 'director')) ||
    (p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId)),
  'year.write': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'deputy', 'director'),
};

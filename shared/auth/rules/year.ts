/** Authorisation rules of the year area (see shared/auth/policy.ts). */
import { hasSchoolRole, isDepartmentStaff } from '../roles';
import { inSchool, STAFF } from './common';
import type { Rules, SchoolObject } from './objects';

export interface YearObjects {
  /** The year's periods and holidays as set up; the journal and the diary read them server-side. */
  'year.read': SchoolObject;
  /** the deputy director sets the year up; the director may too. */
  'year.write': SchoolObject;
}

export const yearRules: Rules<YearObjects> = {
  'year.read': (p, o) =>
    (inSchool(p, o) && hasSchoolRole(p, o.schoolId, ...STAFF)) || (p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId)),
  'year.write': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'deputy', 'director'),
};

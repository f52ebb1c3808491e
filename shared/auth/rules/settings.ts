/** Authorisation rules of the settings area (see shared/auth/policy.ts). */
import { hasSchoolRole, isDepartmentStaff } from '../roles';
import { inSchool } from './common';
import type { Rules, SchoolObject } from './objects';

export interface SettingsObjects {
  /** R-01, clause 6.3: the lock rules are the department's. */
  'settings.writeDepartment': { departmentId: string };
  'settings.readSchool': SchoolObject;
  /** The school's administration sets its own (stricter) locks and its weighted-average rules. */
  'settings.writeSchool': SchoolObject;
}

export const settingsRules: Rules<SettingsObjects> = {
  'settings.writeDepartment': (p, o) => p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId),
  // The set-up screen is the administration's; the journal applies these rules on the server, so
  // teachers, parents and students need no route to them. The department oversees its schools.
  'settings.readSchool': (p, o) =>
    (inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy')) ||
    (p.departmentId === o.departmentId && isDepartmentStaff(p, o.departmentId)),
  'settings.writeSchool': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy'),
};

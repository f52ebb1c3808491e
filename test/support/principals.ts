/**
 * Principals for the authorisation matrices (test/unit/*policy.test.ts): a person with grants, and
 * every staff role of a school, to prove that roles never cross schools or departments.
 */
import type { Principal, RoleGrant } from '../../shared/auth/roles';

export const person = (userId: string, grants: RoleGrant[], departmentId = 'krd'): Principal => ({ userId, departmentId, displayName: userId, grants });

export const allStaffOf = (schoolId: string): RoleGrant[] => [
  { role: 'administrator', schoolId },
  { role: 'secretary', schoolId },
  { role: 'teacher', schoolId },
  { role: 'deputy', schoolId },
  { role: 'director', schoolId },
  { role: 'classTeacher', schoolId, classId: '5a' },
];

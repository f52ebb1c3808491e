/**
 * Shapes of the API's answers that the screens use. The contract is functions/<area>/schemas.ts;
 * these mirror it (only type imports cross into the server code, so nothing of it is bundled).
 */
import type { Role, RoleGrant } from '../../../shared/auth/roles';
import type { LockDays } from '../../../shared/domain/settings';

export type { LockDays, Role, RoleGrant };

export interface Child {
  studentId: string;
  schoolId: string;
  classId: string;
  displayName: string;
  className: string;
}

export interface SchoolRef {
  schoolId: string;
  name: string;
}

/** GET /api/me, and the answer of sign-in and activation. */
export interface Me {
  userId: string;
  login: string;
  displayName: string;
  departmentId: string;
  grants: RoleGrant[];
  csrfToken: string;
  children: Child[];
  schools: SchoolRef[];
}

export interface ClassSummary {
  classId: string;
  grade: number;
  letter: string;
  name: string;
  classTeacherId?: string;
  classTeacherName?: string;
}

export interface StudentListItem {
  studentId: string;
  displayName: string;
}

export interface LoginRegisterEntry {
  userId: string;
  login: string;
  displayName: string;
  kind: string;
  issuedAt: string;
  issuedBy: string;
  expiresAt: string;
  redeemedAt?: string;
}

export interface IssuedCode {
  userId: string;
  login: string;
  code: string;
  expiresAt: string;
}

export interface DepartmentSettings {
  departmentId: string;
  name: string;
  lockDays: LockDays;
  marksInAdvanceAllowed: boolean;
}

/**
 * Bringing a deployment into service: the department item and new schools, written only as
 * create-only operations that callers put into their own transaction with the audit record.
 */
import { CREATE_ONLY, putOp, type TransactItem } from '../db/transact';
import { keys } from '../db/keys';
import type { LockDays } from '../domain/settings';
import type { School } from './school';

export interface NewDepartment {
  departmentId: string;
  name: string;
  lockDays: LockDays;
  marksInAdvanceAllowed: boolean;
  /** Who `npm run admin -- init` made the first department specialist: a re-run recognises itself by it. */
  firstSpecialistId: string;
  createdAt: string;
}

/** Fails the transaction if the department exists (two `init` runs at once: one wins). */
export function createDepartmentOp(d: NewDepartment): TransactItem {
  return putOp({ ...keys.department(d.departmentId), type: 'department', ...d }, CREATE_ONLY);
}

/** Fails the transaction if a school with this id exists in the department. */
export function createSchoolOp(s: School & { createdAt: string }): TransactItem {
  return putOp({ ...keys.school(s.departmentId, s.schoolId), type: 'school', ...s }, CREATE_ONLY);
}

/**
 * Shapes of the people area's answers (functions/people/schemas.ts is the contract; these mirror
 * it for the screens).
 */
import type { z } from 'zod';
import type { MovementKind } from '../../../../shared/domain/movement';
import type { staffListResponse } from '../../../../functions/people/schemas';

export interface ClassRecord {
  classId: string;
  schoolId: string;
  grade: number;
  letter: string;
  yearId: string;
  classTeacherId?: string;
  classTeacherName?: string;
  version: number;
}

export interface RosterEntry {
  studentId: string;
  displayName: string;
  birthDate: string;
  consent: boolean;
  accountStatus?: string;
  login?: string;
  parents: Array<{ userId: string; displayName: string; status: string; login: string }>;
}

export interface ClassPage {
  class: ClassRecord & { name: string };
  students: RosterEntry[];
}

export interface StudentCard {
  studentId: string;
  schoolId: string;
  classId: string;
  className?: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  birthDate: string;
  gender?: 'm' | 'f';
  address?: string;
  personalFileNo?: string;
  status: 'enrolled' | 'left' | 'graduated';
  consentRecordedAt?: string;
  consent?: { date: string; document: string; recordedByName: string };
  version: number;
}

export interface AccountInfo {
  userId: string;
  login: string;
  displayName: string;
  status: string;
  phone?: string;
  disabledReason?: string;
}

export interface MovementRecord {
  studentId: string;
  kind: MovementKind;
  date: string;
  orderNo: string;
  fromClassId?: string;
  toClassId?: string;
  fromClassName?: string;
  toClassName?: string;
  kindTitle?: string;
  note?: string;
  studentName: string;
  recordedAt: string;
  recordedByName: string;
}

export interface StudentFull {
  card: StudentCard;
  account: AccountInfo | null;
  parents: AccountInfo[];
  movements: MovementRecord[];
}

/** A member of staff as the staff list and its edits answer (the contract: `staffOut`). */
export type StaffMember = z.infer<typeof staffListResponse>['staff'][number];

export interface PreviewRow {
  row: number;
  name: string;
  birthDate: string;
  gender: string | null;
  className: string;
  parent: string | null;
  enrolment: string | null;
  warnings: string[];
}

export interface RejectedRow {
  row: number;
  summary: string;
  errors: string[];
}

export interface ImportPreview {
  importId: string | null;
  status: string;
  version: number;
  fileName: string;
  format: string;
  counts: { accepted: number; rejected: number; warnings: number; parents: number };
  fileErrors: string[];
  ignoredColumns: string[];
  accepted: PreviewRow[];
  rejected: RejectedRow[];
  canApply: boolean;
}

export interface ImportResult {
  importId: string;
  status: 'applied';
  students: number;
  parents: number;
  items: number;
  transactions: number;
  skippedRows: number;
  ms: number;
}

export interface SheetResult {
  title: string;
  classId?: string;
  issued: Array<{ userId: string; kind: string; displayName: string; role: string; login: string; code: string; expiresAt: string }>;
  skipped: Array<{ userId: string; displayName: string; role: string; reason: string }>;
  expiresAt: string | null;
  pdf: { fileName: string; contentType: 'application/pdf'; base64: string } | null;
}

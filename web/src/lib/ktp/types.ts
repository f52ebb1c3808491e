/**
 * Shapes of the ktp area's answers (functions/ktp/schemas.ts is the contract); only type imports
 * cross into the server code, so nothing of it is bundled.
 */
import type { HoursCheck, KtpRow } from '../../../../shared/domain/ktp';

export type { HoursCheck, KtpRow };

export interface KtpRef {
  schoolId: string;
  yearId: string;
  classId: string;
  subjectId: string;
  groupId: string;
}

export interface KtpHeader {
  classId: string;
  className: string;
  subjectId: string;
  subjectName: string;
  groupId: string;
  groupName?: string;
  teachers: Array<{ userId: string; displayName: string }>;
  hoursPerWeek: number | null;
  exists: boolean;
  status: 'draft' | 'approved';
  approvedByName?: string;
  approvedAt?: string;
  updatedByName?: string;
  updatedAt?: string;
  version: number;
  check: HoursCheck;
}

export interface KtpListItem extends KtpHeader {
  topicCount: number;
}

export interface KtpList {
  yearId: string;
  startsOn: string;
  items: KtpListItem[];
}

export interface KtpView extends KtpHeader {
  rows: KtpRow[];
  warnings: string[];
  yearStartsOn: string;
  mayEdit: boolean;
  mayApprove: boolean;
}

export interface ImportIssue {
  row: number | null;
  message: string;
}

export interface ImportResult {
  applied: boolean;
  format?: string;
  rows: KtpRow[];
  sourceRows: number[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  totalHours: number;
  check: HoursCheck;
  ktp?: KtpView;
}

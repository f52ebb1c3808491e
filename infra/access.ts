/**
 * What each function may touch, stated per function and granted in one place. Least privilege:
 * a function that only reads is not allowed to write, one that never sees a session cookie cannot
 * read the signing key. A new area fails to compile until it has an entry; a new job fails the
 * synth.
 */
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Area } from '../functions/routes';

export interface Access {
  table: 'none' | 'read' | 'readWrite';
  /** Verifies or issues session tokens. */
  sessionKey: boolean;
  /** Writes rendered reports (s3:PutObject, and PutObjectRetention for 25-year sheets). */
  reports: boolean;
}

const EDITS_RECORDS: Access = { table: 'readWrite', sessionKey: true, reports: false };

export const AREA_ACCESS: Record<Area, Access> = {
  // Sign-in counts failed attempts, activation redeems codes and sets passwords.
  auth: { table: 'readWrite', sessionKey: true, reports: false },
  // Reads schools, rosters and cards; renewing a session re-reads the account.
  school: { table: 'read', sessionKey: true, reports: false },
  // Health and the OpenAPI document read no data, but the area adapter verifies any session
  // cookie a request carries.
  system: { table: 'none', sessionKey: true, reports: false },
  // The administration areas keep the school's set-up: department and school settings, the
  // academic year and its periods, staff and pupils, the curriculum, the timetable and the
  // calendar-thematic plans. Each creates and edits its own records.
  settings: EDITS_RECORDS,
  year: EDITS_RECORDS,
  people: EDITS_RECORDS,
  curriculum: EDITS_RECORDS,
  timetable: EDITS_RECORDS,
  ktp: EDITS_RECORDS,
};

export const JOB_ACCESS: Readonly<Record<string, Access>> = {
  // Disables accounts whose access has ended.
  'expire-access': { table: 'readWrite', sessionKey: false, reports: false },
};

export function jobAccess(name: string): Access {
  const access = JOB_ACCESS[name];
  if (!access) throw new Error(`infra/access.ts: job "${name}" has no entry in JOB_ACCESS`);
  return access;
}

export interface Resources {
  table: ITable;
  reports: IBucket;
  sessionKey: ISecret;
}

export function grantAccess(fn: IGrantable, access: Access, res: Resources): void {
  if (access.table === 'read') res.table.grantReadData(fn);
  if (access.table === 'readWrite') res.table.grantReadWriteData(fn);
  if (access.sessionKey) res.sessionKey.grantRead(fn);
  if (access.reports) res.reports.grantPut(fn);
}

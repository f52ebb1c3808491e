/**
 * What each function may touch, stated per function and granted in one place. Least privilege:
 * a function that only reads is not allowed to write, one that never sees a session cookie cannot
 * read the signing key. A new area fails to compile until it has an entry (and, run without the
 * type check, stops the synth with its name); a new job stops the synth.
 */
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Area } from '../functions/routes';

export interface Access {
  table: 'none' | 'read' | 'readWrite';
  /** Verifies or issues session tokens. */
  sessionKey: boolean;
  /**
   * Rendered reports (shared/repos/reports.ts): `write` stores them (s3:PutObject with a per-object
   * retain-until date, so also s3:PutObjectRetention), `readWrite` also serves them back.
   */
  reports: 'none' | 'read' | 'write' | 'readWrite';
  /** Sets and lifts the Object Lock legal hold of stored reports (a document in a dispute, issue 14). */
  legalHold?: boolean;
}

/**
 * DynamoDB actions, listed rather than CDK's grantReadData/grantReadWriteData, which include Scan,
 * stream reads and DescribeTable. The architecture allows no Scan on a request path: IAM enforces
 * it. TransactGetItems/TransactWriteItems are authorised per item by these same actions.
 */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
export const REPORT_WRITE_ACTIONS = ['s3:PutObject', 's3:PutObjectRetention'];
export const REPORT_READ_ACTIONS = ['s3:GetObject'];
export const REPORT_LEGAL_HOLD_ACTIONS = ['s3:PutObjectLegalHold'];

const EDITS_RECORDS: Access = { table: 'readWrite', sessionKey: true, reports: 'none' };

export const AREA_ACCESS: Record<Area, Access> = {
  // Sign-in counts failed attempts, activation redeems codes and sets passwords.
  auth: { table: 'readWrite', sessionKey: true, reports: 'none' },
  // Reads schools, rosters and cards; renewing a session re-reads the account.
  school: { table: 'read', sessionKey: true, reports: 'none' },
  // Health and the OpenAPI document read no data, but the area adapter verifies any session
  // cookie a request carries.
  system: { table: 'none', sessionKey: true, reports: 'none' },
  // The administration areas keep the school's set-up: department and school settings, the
  // academic year and its periods, staff and pupils, the curriculum, the timetable and the
  // calendar-thematic plans. Each creates and edits its own records.
  settings: EDITS_RECORDS,
  year: EDITS_RECORDS,
  people: EDITS_RECORDS,
  curriculum: EDITS_RECORDS,
  timetable: EDITS_RECORDS,
  ktp: EDITS_RECORDS,
  // The journal: marks, attendance, lessons' topics with their change log; rosters; OGE/EGE/GVE.
  journal: EDITS_RECORDS,
  // PDF rendering and spreadsheet reading, in functions of their own (bundle size): activation
  // codes, class lists, KTPs.
  'people-pdf': EDITS_RECORDS,
  'people-import': EDITS_RECORDS,
  'ktp-import': EDITS_RECORDS,
  // Period, year, exam and final marks with their change log (issue 10).
  'period-marks': EDITS_RECORDS,
  // Correction requests after a lock and their register (issue 11).
  corrections: EDITS_RECORDS,
  // Paper progress reports: applications and hand-overs recorded, the job's PDFs served back.
  'paper-reports': { table: 'readWrite', sessionKey: true, reports: 'readWrite' },
  // Messages and parent surveys (issue 12): threads, inboxes and their counters; surveys and answers.
  messages: EDITS_RECORDS,
  surveys: EDITS_RECORDS,
  // The diary: the family's week (reads) and the events the administration and class teachers publish (issue 12).
  diary: EDITS_RECORDS,
  // The register of correction requests and the table of changes made under them, as PDF: reads only.
  'corrections-pdf': { table: 'read', sessionKey: true, reports: 'none' },
  // Journal control: the journal checked against its change log (reads only).
  'journal-control': { table: 'read', sessionKey: true, reports: 'none' },
  // The class teacher's reports (issue 13): reads only; the files are answered, not stored.
  reports: { table: 'read', sessionKey: true, reports: 'none' },
  'report-files': { table: 'read', sessionKey: true, reports: 'none' },
  'report-xlsx': { table: 'read', sessionKey: true, reports: 'none' },
  // The archive (issue 14): the keeper's list, downloads and the checksum check read the stored
  // documents; a legal hold is recorded and set on the objects. It never stores a document.
  archive: { table: 'readWrite', sessionKey: true, reports: 'read', legalHold: true },
  // The director's approval: reads the original, stores the approved copy with its own retain-until
  // (held from the start when the document is held).
  'archive-pdf': { table: 'readWrite', sessionKey: true, reports: 'readWrite', legalHold: true },
  // The checks of the journal and their справки (issue 13 item 4): a check and its audit record are written.
  checks: EDITS_RECORDS,
};

export const JOB_ACCESS: Readonly<Record<string, Access>> = {
  // Disables accounts whose access has ended.
  'expire-access': { table: 'readWrite', sessionKey: false, reports: 'none' },
  // Reduces former students' cards once their term has ended (R-71).
  'reduce-former-cards': { table: 'readWrite', sessionKey: false, reports: 'none' },
  // Renders the fortnight's paper progress reports into the report bucket and records them.
  'render-paper-reports': { table: 'readWrite', sessionKey: false, reports: 'write' },
  // Closes ended periods: locks the journal's chains, records progress and findings, archives the documents.
  'close-period': { table: 'readWrite', sessionKey: false, reports: 'write' },
  // Renders each class's yearly journal into the archive and stamps the year's records with their removal date.
  'render-yearly-journals': { table: 'readWrite', sessionKey: false, reports: 'write' },
};

export function areaAccess(area: Area): Access {
  const access = (AREA_ACCESS as Partial<Record<string, Access>>)[area];
  if (!access) throw new Error(`infra/access.ts: area "${area}" has no entry in AREA_ACCESS`);
  return access;
}

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
  // Table.grant covers the table and its indexes. The table's key is AWS-managed: no KMS grant.
  if (access.table === 'read') res.table.grant(fn, ...TABLE_READ_ACTIONS);
  if (access.table === 'readWrite') res.table.grant(fn, ...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS);
  if (access.sessionKey) res.sessionKey.grantRead(fn);
  if (access.reports !== 'none' || access.legalHold) {
    const writes = access.reports === 'write' || access.reports === 'readWrite';
    const reads = access.reports === 'read' || access.reports === 'readWrite';
    const actions = [...(writes ? REPORT_WRITE_ACTIONS : []), ...(reads ? REPORT_READ_ACTIONS : []), ...(access.legalHold ? REPORT_LEGAL_HOLD_ACTIONS : [])];
    // SSE-S3: no KMS key to grant. No delete: Object Lock and lifecycle decide when reports go.
    fn.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [res.reports.arnForObjects('*')] }));
  }
}

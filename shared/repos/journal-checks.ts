/**
 * Checks of the electronic journal and their справки (issue 13 item 4; clauses 8.2, 8.4): one item
 * per check in the school's check partition, written with its audit record in one transaction,
 * over the version it was read at. One function per access pattern; the service decides.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { keys } from '../db/keys';
import { CREATE_ONLY, putOp, transactIf, versionCondition } from '../db/transact';
import { getItem, queryAll, stripKeys, type Item } from '../db/query';
import type { CheckFigure, CheckStatus } from '../domain/reports/journal-checks';
import { auditPut, type AuditEntry } from './audit';

const CHECK = 'journalCheck';

export interface JournalCheck {
  schoolId: string;
  /** `<date>-<nonce>`: the list sorts by it. */
  checkId: string;
  yearId: string;
  periodId: string;
  periodName: string;
  /** The day of the check (school-local). */
  date: string;
  classIds: string[];
  classNames: string[];
  checkedBy: string;
  checkedByName: string;
  /** «Заместитель директора», «Директор». */
  checkedByTitle: string;
  /** Conclusions and recommendations, in the checker's words. */
  findings: string;
  /** The справка's text: drafted from the figures, edited until signed off. */
  text: string;
  figures: CheckFigure[];
  /** When the figures were drafted (they are the monitoring's of that moment). */
  draftedAt: string;
  status: CheckStatus;
  signedOffAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The list's line: everything but the long texts and figures (read with a projection). */
export type CheckSummary = Pick<JournalCheck, 'checkId' | 'date' | 'periodName' | 'classNames' | 'checkedByName' | 'status' | 'signedOffAt' | 'version'>;

/**
 * The figures are stored gzipped: a check of the whole school has a line per teacher x class x
 * subject (about 290 in the demo school, 240 KB as JSON, 25 KB gzipped), and an item may not pass
 * DynamoDB's 400 KB.
 */
function itemOf(c: JournalCheck): Item {
  const { figures, ...rest } = c;
  return { ...keys.journalCheck(c.schoolId, c.checkId), type: CHECK, ...rest, figuresGz: gzipSync(JSON.stringify(figures)) };
}

export async function getCheck(schoolId: string, checkId: string): Promise<JournalCheck | null> {
  const stored = stripKeys<Omit<JournalCheck, 'figures'> & { figuresGz: Uint8Array }>((await getItem(keys.journalCheck(schoolId, checkId), { consistent: true })) ?? undefined, CHECK);
  if (!stored) return null;
  const { figuresGz, ...rest } = stored;
  return { ...rest, figures: JSON.parse(gunzipSync(figuresGz).toString('utf8')) as CheckFigure[] };
}

/** The school's checks, newest first: one Query (plus pages), the long texts left on the server. */
export async function listChecks(schoolId: string): Promise<CheckSummary[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.journalChecksPartition(schoolId), ':p': keys.journalChecksPrefix() },
    ProjectionExpression: '#t, checkId, #d, periodName, classNames, checkedByName, #s, signedOffAt, version',
    ExpressionAttributeNames: { '#t': 'type', '#d': 'date', '#s': 'status' },
    ScanIndexForward: false,
  });
  return items.flatMap((i) => stripKeys<CheckSummary>(i, CHECK) ?? []);
}

type Audit = Omit<AuditEntry, 'schoolId' | 'entity' | 'after'>;

/**
 * Writes the check with its audit record: a new one (`expectedVersion` undefined) only where its key
 * is free, a changed one only over the version it was read at, and never over a signed-off one
 * (the condition holds it in DynamoDB too). False when the condition failed.
 */
export function saveCheck(c: JournalCheck, expectedVersion: number | undefined, audit: Audit): Promise<boolean> {
  const condition = expectedVersion === undefined ? CREATE_ONLY : versionCondition(expectedVersion);
  const guarded = expectedVersion === undefined ? condition : { ...condition, ConditionExpression: `${condition.ConditionExpression} AND #st = :draft`, ExpressionAttributeNames: { '#st': 'status' }, ExpressionAttributeValues: { ...condition.ExpressionAttributeValues, ':draft': 'draft' } };
  const { text: _t, figures, ...rest } = c;
  return transactIf([putOp(itemOf(c), guarded), auditPut({ ...audit, schoolId: c.schoolId, entity: `JCHECK#${c.checkId}`, after: { ...rest, figures: figures.length } })]);
}

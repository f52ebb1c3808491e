/**
 * KTP items (R-14): one per school year x class x subject x group in the year-plan partition
 * (keys.ktp). Every change is one TransactWriteItems: the item, conditioned on its version (and on
 * being a draft where the regulation wants an approved plan left alone), plus its audit record.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { transact, writeRefused } from '../db/transact';
import { batchGet, queryAll } from '../db/query';
import type { Principal } from '../auth/roles';
import { dynamo, tableName } from '../db/client';
import { keys } from '../db/keys';
import { topicCount, totalHours, type Ktp, type KtpRow } from '../domain/ktp';
import { ConflictError, LockedError, NotFoundError } from '../errors';
import { auditPut } from './audit';

export type KtpSummary = Omit<Ktp, 'rows'>;

/** The fields a list needs: everything but the rows (a list of 15 subjects should not carry 15 plans). */
const SUMMARY_FIELDS = [
  'schoolId', 'yearId', 'classId', 'subjectId', 'groupId', 'totalHours', 'topicCount', 'status',
  'approvedBy', 'approvedByName', 'approvedAt', 'updatedBy', 'updatedByName', 'updatedAt', 'version', 'type',
];
// Every name through a placeholder: several of these (status, type ...) are DynamoDB reserved words.
const PROJECTION = {
  ProjectionExpression: SUMMARY_FIELDS.map((_, i) => `#f${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(SUMMARY_FIELDS.map((f, i) => [`#f${i}`, f])),
};

export function ktpItem(k: Ktp): Record<string, unknown> {
  return { ...keys.ktp(k.schoolId, k.yearId, k.classId, k.subjectId, k.groupId), type: 'ktp', ...k };
}

function fromItem<T>(item: Record<string, unknown> | undefined): T | null {
  if (!item || item.type !== 'ktp') return null;
  const { pk: _pk, sk: _sk, type: _t, ...rest } = item;
  return rest as T;
}

export const ktpEntity = (k: Pick<Ktp, 'classId' | 'subjectId' | 'groupId'>) => `KTP#${k.classId}#${k.subjectId}#${k.groupId}`;

export interface KtpRef {
  schoolId: string;
  yearId: string;
  classId: string;
  subjectId: string;
  groupId: string;
}

export async function getKtp(ref: KtpRef, consistent = false): Promise<Ktp | null> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.ktp(ref.schoolId, ref.yearId, ref.classId, ref.subjectId, ref.groupId), ConsistentRead: consistent }),
  );
  return fromItem<Ktp>(out.Item);
}

/** The KTPs of one class without their rows, or (no class) of the whole school: one Query of the year plan's KTP# range. */
export async function listKtpSummariesOfClass(schoolId: string, yearId: string, classId?: string): Promise<KtpSummary[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': keys.yearPlan(schoolId, yearId), ':sk': keys.ktpPrefix(classId) },
    ...PROJECTION,
  });
  return items.flatMap((i) => fromItem<KtpSummary>(i) ?? []);
}

/** KTPs by key without their rows (a teacher's list across classes): BatchGetItem. */
export async function getKtpSummaries(refs: KtpRef[]): Promise<KtpSummary[]> {
  const found = await batchGet(refs.map((r) => keys.ktp(r.schoolId, r.yearId, r.classId, r.subjectId, r.groupId)), { projection: PROJECTION.ProjectionExpression, names: PROJECTION.ExpressionAttributeNames });
  return found.flatMap((i) => fromItem<KtpSummary>(i) ?? []);
}


/** Why an approved plan refuses a change (R-14: only the deputy's reopening makes it editable again). */
export const approvedMessage = (k: Pick<Ktp, 'approvedByName'>) =>
  `КТП утверждён заместителем директора${k.approvedByName ? ` (${k.approvedByName})` : ''}: изменить его можно только после того, как заместитель директора вернёт его на доработку.`;

/** After a refused conditional write: tell a stale version (409 with the current plan) from an approved one (423). */
async function explainFailure(ref: KtpRef, expectedVersion: number): Promise<never> {
  const current = await getKtp(ref, true);
  if (current && current.version === expectedVersion && current.status === 'approved') throw new LockedError(approvedMessage(current), { current });
  if (!current && expectedVersion > 0) throw new NotFoundError('КТП не найден: возможно, его только что удалили.');
  throw new ConflictError('КТП только что изменил другой пользователь. Обновите страницу: ниже текущая версия.', current ?? undefined);
}

export interface SaveRows {
  ref: KtpRef;
  rows: KtpRow[];
  /** The version the editor started from; 0 creates the plan. */
  expectedVersion: number;
  by: Pick<Principal, 'userId' | 'displayName'>;
  now: Date;
  /** 'ktp.update' for the editor, 'ktp.import' for a file (with its name as the reason). */
  action: 'ktp.update' | 'ktp.import';
  reason?: string;
  /** The plan as the caller read it, for the audit record's old value. */
  before: Ktp | null;
}

/** Replaces the rows of a draft KTP (or creates it), with its audit record, in one transaction. */
export async function saveKtpRows(s: SaveRows): Promise<Ktp> {
  const at = s.now.toISOString();
  const next: Ktp = {
    ...s.ref,
    rows: s.rows,
    totalHours: totalHours(s.rows),
    topicCount: topicCount(s.rows),
    status: 'draft',
    updatedBy: s.by.userId,
    updatedByName: s.by.displayName,
    updatedAt: at,
    version: s.expectedVersion + 1,
  };
  const audit = auditPut({
    schoolId: s.ref.schoolId,
    actor: s.by,
    action: s.action,
    entity: ktpEntity(s.ref),
    before: s.before ? { version: s.before.version, totalHours: s.before.totalHours, rows: s.before.rows } : undefined,
    after: { version: next.version, totalHours: next.totalHours, rows: next.rows },
    reason: s.reason,
    at: s.now,
  });
  const put =
    s.expectedVersion === 0
      ? { Put: { TableName: tableName(), Item: ktpItem(next), ConditionExpression: 'attribute_not_exists(pk)' } }
      : {
          Put: {
            TableName: tableName(),
            Item: ktpItem(next),
            ConditionExpression: 'version = :v AND #status = :draft',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':v': s.expectedVersion, ':draft': 'draft' },
          },
        };
  try {
    await transact([put, audit]);
  } catch (e) {
    if (writeRefused(e)) await explainFailure(s.ref, s.expectedVersion);
    throw e;
  }
  return next;
}

export interface SetStatus {
  ktp: Ktp;
  to: 'approved' | 'draft';
  expectedVersion: number;
  by: Pick<Principal, 'userId' | 'displayName'>;
  now: Date;
  reason?: string;
}

/** Approval by the deputy director (who, when) or its withdrawal ("returned for revision"). */
export async function setKtpStatus(s: SetStatus): Promise<Ktp> {
  const at = s.now.toISOString();
  const { approvedBy: _a, approvedByName: _b, approvedAt: _c, ...rest } = s.ktp;
  const next: Ktp =
    s.to === 'approved'
      ? { ...rest, status: 'approved', approvedBy: s.by.userId, approvedByName: s.by.displayName, approvedAt: at, version: s.expectedVersion + 1 }
      : { ...rest, status: 'draft', version: s.expectedVersion + 1 };
  const from = s.to === 'approved' ? 'draft' : 'approved';
  try {
    await transact([
      {
        Put: {
          TableName: tableName(),
          Item: ktpItem(next),
          ConditionExpression: 'version = :v AND #status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':v': s.expectedVersion, ':from': from },
        },
      },
      auditPut({
        schoolId: s.ktp.schoolId,
        actor: s.by,
        action: s.to === 'approved' ? 'ktp.approve' : 'ktp.reopen',
        entity: ktpEntity(s.ktp),
        before: { version: s.ktp.version, status: s.ktp.status, approvedBy: s.ktp.approvedBy, approvedAt: s.ktp.approvedAt },
        after: { version: next.version, status: next.status, approvedBy: next.approvedBy, approvedAt: next.approvedAt },
        reason: s.reason,
        at: s.now,
      }),
    ]);
  } catch (e) {
    if (writeRefused(e)) {
      const current = await getKtp(s.ktp, true);
      throw new ConflictError(
        current && current.version === s.expectedVersion
          ? s.to === 'approved'
            ? 'КТП уже утверждён.'
            : 'КТП не утверждён: возвращать на доработку нечего.'
          : 'КТП только что изменил другой пользователь. Обновите страницу: ниже текущая версия.',
        current ?? undefined,
      );
    }
    throw e;
  }
  return next;
}

/**
 * Personal data (R-71; 152-FZ): the log of who looked at a student's personal card or took personal
 * data out of the system, and the administrator's last monthly check (clause 5).
 *
 * A log entry is written by the request that showed or exported the data, after it read what it
 * shows: that request is a read, so there is no transaction to join and the entry is one PutItem of
 * its own (a new key each time, so it can never overwrite another). Nothing updates or deletes an
 * entry; the only reader is one Query of the school's `PDLOG` partition, newest first, a page at a time.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../db/client';
import { getItem, queryAll } from '../db/query';
import { CREATE_ONLY, putOp, versionCondition, type TransactItem } from '../db/transact';
import { keys } from '../db/keys';

export type AccessKind = 'view' | 'export';

export interface AccessEntry {
  schoolId: string;
  actorId: string;
  actorName: string;
  kind: AccessKind;
  /** The students whose data was shown or exported, with their names at that moment. */
  students: Array<{ studentId: string; name: string }>;
  /** What exactly, in words: «личная карточка», «коды активации: 5А класс». */
  what: string;
  at: string;
}

const TYPE = 'personalDataAccess';

export async function recordAccess(e: AccessEntry): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.personalDataAccess(e.schoolId, e.at, randomBytes(4).toString('hex')), type: TYPE, ...e, studentIds: e.students.map((s) => s.studentId) },
      ...CREATE_ONLY,
    }),
  );
}

export interface AccessPage {
  entries: AccessEntry[];
  /** The sort key to continue after, or null on the last page. */
  after: string | null;
}

/**
 * A page of the log between two instants (ISO, `to` exclusive), newest first, optionally of one
 * student. With a student filter a page may hold fewer than `limit` entries: DynamoDB filters after
 * it reads `limit` items, so the screen follows `after` as with any page.
 */
export async function readAccessLog(schoolId: string, q: { from: string; to: string; studentId?: string; limit: number; after?: string }): Promise<AccessPage> {
  const pk = keys.personalDataAccessPartition(schoolId);
  const out = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ...(q.studentId ? { FilterExpression: 'contains(studentIds, :s)' } : {}),
      ExpressionAttributeValues: { ':pk': pk, ':from': q.from, ':to': q.to, ...(q.studentId ? { ':s': q.studentId } : {}) },
      ScanIndexForward: false,
      Limit: q.limit,
      ...(q.after ? { ExclusiveStartKey: { pk, sk: q.after } } : {}),
    }),
  );
  const entries = (out.Items ?? []).map((i) => {
    const { pk: _pk, sk: _sk, type: _t, studentIds: _ids, ...e } = i;
    return e as AccessEntry;
  });
  return { entries, after: out.LastEvaluatedKey ? String(out.LastEvaluatedKey.sk) : null };
}

/** The last monthly check of personal data (clause 5). */
export interface PersonalDataCheck {
  schoolId: string;
  checkedAt: string;
  checkedBy: string;
  checkedByName: string;
  /** How many cards had changed since the check before. */
  changedCards: number;
  version: number;
}

const CHECK = 'personalDataCheck';

export async function getLastCheck(schoolId: string): Promise<PersonalDataCheck | null> {
  const item = await getItem(keys.personalDataCheck(schoolId), { consistent: true });
  if (!item || item.type !== CHECK) return null;
  const { pk: _pk, sk: _sk, type: _t, ...c } = item;
  return c as unknown as PersonalDataCheck;
}

/** The check's Put over the one it began from (`expectedVersion`, 0: none yet), for the transaction with its audit record. */
export function putCheckOp(c: PersonalDataCheck, expectedVersion: number): TransactItem {
  return putOp({ ...keys.personalDataCheck(c.schoolId), type: CHECK, ...c }, expectedVersion === 0 ? CREATE_ONLY : versionCondition(expectedVersion));
}

/** An audit record of a student's personal card (entity `STU#<id>`; exam results are not the card). */
export interface CardChange {
  studentId: string;
  action: string;
  actorName: string;
  at: string;
}

const CARD_ENTITY = /^STU#([^#]+)$/;

/**
 * Changes of personal cards from `since` (ISO, exclusive) to `until`: the audit partitions of each
 * month in between, one Query each, from the first instant after `since`.
 */
export async function cardChangesSince(schoolId: string, since: string, until: string): Promise<CardChange[]> {
  const months: string[] = [];
  for (let m = since.slice(0, 7); m <= until.slice(0, 7); m = nextMonth(m)) months.push(m);
  const pages = await Promise.all(
    months.map((m) =>
      queryAll({
        KeyConditionExpression: 'pk = :pk AND sk > :since',
        FilterExpression: 'begins_with(entity, :stu)',
        // A change at the very instant of the check was seen by it: the key range starts after that instant's keys.
        ExpressionAttributeValues: { ':pk': keys.auditPartition(schoolId, m), ':since': `${since}#\uffff`, ':stu': 'STU#' },
      }),
    ),
  );
  return pages.flat().flatMap((i) => {
    const id = CARD_ENTITY.exec(String(i.entity))?.[1];
    return id ? [{ studentId: id, action: String(i.action), actorName: String(i.actorName), at: String(i.at) }] : [];
  });
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/**
 * The journal's change log in the class x period partition: one record per change, chained
 * by hashes (shared/domain/journal-log.ts), and one head item per subject that names the last
 * record. Both are written as two more operations of the change's own TransactWriteItems, the head
 * conditioned on the sequence number it had, so two concurrent changes can never take one number
 * and a change without its record cannot exist. Nothing updates or deletes a record; the only
 * reader is one Query of the partition's `LOG#` range.
 */
import { tableName } from '../db/client';
import { queryAll } from '../db/query';
import type { TransactItem } from '../db/transact';
import { keys } from '../db/keys';
import { TABLE } from '../db/table';
import type { ChainHead, ChangeRecord } from '../domain/journal-log';


export const CHANGE_LOG_TYPES = { record: 'changeLog', head: 'changeLogHead' } as const;

interface PlaceOfLog {
  schoolId: string;
  classId: string;
  periodId: string;
  subjectId: string;
}

export function changeRecordItem(p: PlaceOfLog, record: ChangeRecord): Record<string, unknown> {
  return { ...keys.changeLog(p.schoolId, p.classId, p.periodId, p.subjectId, record.seq), type: CHANGE_LOG_TYPES.record, ...record };
}

/**
 * A record as it was chained: the item without its keys and type, and without the table's TTL stamp
 * the yearly job sets it on every item of an ended year; it was never part of what was
 * recorded, and left in, it would fail the record's hash).
 */
export function changeRecordOf(item: Record<string, unknown>): ChangeRecord {
  const { pk: _pk, sk: _sk, type: _t, [TABLE.ttlAttribute]: _ttl, ...record } = item;
  return record as unknown as ChangeRecord;
}

export function changeHeadItem(p: PlaceOfLog, head: Pick<ChangeRecord, 'seq' | 'hash'>): Record<string, unknown> {
  return { ...keys.changeLogHead(p.schoolId, p.classId, p.periodId, p.subjectId), type: CHANGE_LOG_TYPES.head, subjectId: p.subjectId, seq: head.seq, hash: head.hash };
}

/** The head's move from `previousSeq` to the record's number, then the record itself. */
export function changeLogOps(p: PlaceOfLog, record: ChangeRecord, previousSeq: number): [TransactItem, TransactItem] {
  const headKey = keys.changeLogHead(p.schoolId, p.classId, p.periodId, p.subjectId);
  const head: TransactItem =
    previousSeq === 0
      ? {
          Put: {
            TableName: tableName(),
            Item: changeHeadItem(p, record),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }
      : {
          Update: {
            TableName: tableName(),
            Key: headKey,
            UpdateExpression: 'SET seq = :seq, #h = :hash',
            ConditionExpression: 'seq = :prev',
            ExpressionAttributeNames: { '#h': 'hash' },
            ExpressionAttributeValues: { ':seq': record.seq, ':hash': record.hash, ':prev': previousSeq },
          },
        };
  return [head, changeRecordPut(p, record)];
}

function changeRecordPut(p: PlaceOfLog, record: ChangeRecord): TransactItem {
  return { Put: { TableName: tableName(), Item: changeRecordItem(p, record), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Several records of one chain in one transaction (shared/domain/journal-log.ts `chainRun`): the head moved once, to the last. */
export function changeLogRunOps(p: PlaceOfLog, records: readonly ChangeRecord[], previousSeq: number): TransactItem[] {
  const [head] = changeLogOps(p, records[records.length - 1]!, previousSeq);
  return [head, ...records.map((r) => changeRecordPut(p, r))];
}

export interface ChangeLogRead {
  records: ChangeRecord[];
  heads: ChainHead[];
  pages: number;
}

/** The change log of a class x period (or of one subject in it): one Query, plus its pages. */
export async function readChangeLog(schoolId: string, classId: string, periodId: string, subjectId?: string): Promise<ChangeLogRead> {
  const out: ChangeLogRead = { records: [], heads: [], pages: 0 };
  const pages = { count: 0 };
  const items = await queryAll(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.journalPartition(schoolId, classId, periodId), ':p': keys.changeLogPrefix(subjectId) },
    },
    { pages },
  );
  out.pages = pages.count;
  for (const i of items) {
    if (i.type === CHANGE_LOG_TYPES.record) {
      out.records.push(changeRecordOf(i));
    } else if (i.type === CHANGE_LOG_TYPES.head) {
      out.heads.push({ subjectId: String(i.subjectId), seq: Number(i.seq), hash: String(i.hash) });
    }
  }
  return out;
}

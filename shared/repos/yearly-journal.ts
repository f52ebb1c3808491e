/**
 * The yearly journal's reads and the retention stamp of a year's records (R-64, R-70; clauses 8.5,
 * 8.6). Printing a class's year reads each class x period partition in ONE Query (plus its pages):
 * the rosters, lessons, marks, attendance and period marks come back together; the change log is
 * filtered out on the server (it is not printed). The stamp is the table's TTL attribute, set on
 * every item of the class's partitions without touching anything else of the item.
 */
import { tableName } from '../db/client';
import { keys, type Key } from '../db/keys';
import { getItem, queryAll } from '../db/query';
import { TABLE } from '../db/table';
import { transact, TransactionCancelled, type TransactItem } from '../db/transact';
import type { JournalAttendance, JournalLesson, JournalMark, SubjectRoster } from '../domain/journal-model';
import { attendanceOf, JOURNAL_TYPES, lessonOf, markOf, rosterOf } from './journal';
import { FINAL_MARK_TYPE, finalMarkOf, type StoredFinalMark } from './period-marks';

type Item = Record<string, unknown>;

export interface PrintedPartition {
  rosters: SubjectRoster[];
  lessons: JournalLesson[];
  /** Live marks and attendance: a removed one is an empty cell on paper. */
  marks: Array<JournalMark & { subjectId: string }>;
  attendance: Array<JournalAttendance & { subjectId: string }>;
  periodMarks: StoredFinalMark[];
  pages: number;
}

const subjectOfKey = (sk: unknown) => String(sk).split('#')[1]!;

/** What a class x period prints: ONE Query of its partition (the change log left on the server). */
export async function readPartitionForPrint(schoolId: string, classId: string, periodId: string, pages = { count: 0 }): Promise<PrintedPartition> {
  const items = await queryAll(
    {
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#t IN (:roster, :lesson, :mark, :att, :final)',
      ExpressionAttributeNames: { '#t': 'type' },
      ExpressionAttributeValues: {
        ':pk': keys.journalPartition(schoolId, classId, periodId),
        ':roster': JOURNAL_TYPES.roster,
        ':lesson': JOURNAL_TYPES.lesson,
        ':mark': JOURNAL_TYPES.mark,
        ':att': JOURNAL_TYPES.attendance,
        ':final': FINAL_MARK_TYPE,
      },
    },
    { pages },
  );
  const out: PrintedPartition = { rosters: [], lessons: [], marks: [], attendance: [], periodMarks: [], pages: 0 };
  const readers: Record<string, (i: Item) => void> = {
    [JOURNAL_TYPES.roster]: (i) => out.rosters.push(rosterOf(i)),
    [JOURNAL_TYPES.lesson]: (i) => out.lessons.push(lessonOf(i)),
    [JOURNAL_TYPES.mark]: (i) => void (i.deleted || out.marks.push({ ...markOf(i), subjectId: subjectOfKey(i.sk) })),
    [JOURNAL_TYPES.attendance]: (i) => void (i.deleted || out.attendance.push({ ...attendanceOf(i), subjectId: subjectOfKey(i.sk) })),
    [FINAL_MARK_TYPE]: (i) => out.periodMarks.push(finalMarkOf(i)),
  };
  for (const i of items) readers[String(i.type)]?.(i);
  out.pages = pages.count;
  return out;
}

// --- the retention stamp (R-70) -------------------------------------------------------------

export interface StampedKey extends Key {
  expiresAt?: number;
}

/** The keys of every item of a partition with its TTL value, if any: one keys-only Query (plus pages). */
export async function readPartitionStamps(pk: string): Promise<StampedKey[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ProjectionExpression: 'pk, sk, #ttl',
    ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute },
    ExpressionAttributeValues: { ':pk': pk },
  });
  return items.map((i) => ({ pk: String(i.pk), sk: String(i.sk), ...(typeof i[TABLE.ttlAttribute] === 'number' ? { expiresAt: i[TABLE.ttlAttribute] as number } : {}) }));
}

const TRANSACTION_SIZE = 100; // DynamoDB's limit of operations in one TransactWriteItems
const MAX_ATTEMPTS = 8;

function stampOp(k: Key, expiresAt: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: { pk: k.pk, sk: k.sk },
      // Only the TTL attribute: whatever else the item holds, and its version, stay as they are.
      UpdateExpression: 'SET #ttl = :e',
      // An item removed since it was read is not brought back as a bare key.
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute },
      ExpressionAttributeValues: { ':e': expiresAt },
    },
  };
}

/** Transactions in flight at once: a class's year is some 200 of them. */
const PARALLEL = 4;

/**
 * Sets the TTL attribute of each item, a hundred items per TransactWriteItems (one request instead
 * of a hundred UpdateItems), a few transactions at a time. An item removed meanwhile is dropped from
 * its batch; a batch that met a concurrent write is tried again. Returns how many items were stamped.
 */
export async function stampItems(items: ReadonlyArray<{ key: Key; expiresAt: number }>): Promise<number> {
  const batches: Array<Array<{ key: Key; expiresAt: number }>> = [];
  for (let i = 0; i < items.length; i += TRANSACTION_SIZE) batches.push(items.slice(i, i + TRANSACTION_SIZE));
  let stamped = 0;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) stamped += await stampBatch(batches[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, batches.length) }, worker));
  return stamped;
}

async function stampBatch(first: ReadonlyArray<{ key: Key; expiresAt: number }>): Promise<number> {
  let batch = first;
  for (let attempt = 1; batch.length > 0; attempt++) {
    try {
      await transact(batch.map((b) => stampOp(b.key, b.expiresAt)));
      return batch.length;
    } catch (e) {
      if (!(e instanceof TransactionCancelled) || attempt >= MAX_ATTEMPTS) throw e;
      const cancelled = e;
      batch = batch.filter((_, n) => !cancelled.failedAt(n));
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 25 * 2 ** attempt)));
    }
  }
  return 0;
}

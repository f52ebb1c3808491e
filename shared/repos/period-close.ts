/**
 * The period close's items (R-40; issue 14): in the school's `SCH#<sch>#CLOSE` partition, a run
 * item per period (state, counts, the manifest once stored) and a progress item per class (its
 * journal locked, then its documents and findings). ONE Query of a period's range gives the
 * deputy's screen everything; ONE Query of the partition lists every period's close.
 *
 * The lock itself is written into the class x period journal partition, in ONE TransactWriteItems
 * per class: per subject, the change-log record «период закрыт» and its chain head moved onto it
 * (conditioned on the sequence number read, as any change) and marked `closedOn`, plus the class's
 * progress item (created only if absent). A mark written at the same moment fails on the head's
 * condition, reads it again and meets the close; a second close finds the progress item and skips.
 */
import { tableName } from '../db/client';
import { keys, type Key } from '../db/keys';
import { batchGet, queryAll } from '../db/query';
import { putIf, TransactionCancelled, transact, type TransactItem } from '../db/transact';
import type { ClassCloseState, ClassFindings, ClosedMark, CloseState } from '../domain/period-close';
import type { ChangeRecord } from '../domain/journal-log';
import { changeRecordItem, CHANGE_LOG_TYPES } from './change-log';

type Item = Record<string, unknown>;

export const CLOSE_TYPES = { run: 'periodClose', cls: 'periodCloseClass' } as const;

/** A stored document of the close, as the manifest lists it. */
export interface ClosedDocument {
  kind: string;
  title: string;
  fileName: string;
  /** Where the archive keeps it (its object key) and its checksum. */
  key: string;
  sha256: string;
  bytes: number;
  retention: 'journals' | 'summarySheets';
}

export interface IntegritySummary {
  ok: boolean;
  records: number;
  cells: number;
  differences: number;
  chainProblems: number;
  /** The first differences in words (the deputy's screen opens the full check). */
  examples: string[];
}

export interface StoredClassClose {
  schoolId: string;
  periodId: string;
  classId: string;
  className: string;
  state: ClassCloseState;
  lockedAt: string;
  /** Subjects whose chains the close extended. */
  subjects: number;
  doneAt?: string;
  findings?: ClassFindings;
  integrity?: IntegritySummary;
  documents?: ClosedDocument[];
}

export interface StoredClose {
  schoolId: string;
  periodId: string;
  periodName: string;
  yearId: string;
  closeId: string;
  state: CloseState;
  /** The school's date of the close (the chains' `closedOn`). */
  closedOn: string;
  startedAt: string;
  classIds: string[];
  doneAt?: string;
  manifest?: ClosedDocument;
}

const strip = <T>(i: Item): T => {
  const { pk: _pk, sk: _sk, type: _t, ...rest } = i;
  return rest as T;
};

/** One period's close (its run and its classes), or every period's: ONE Query, strongly consistent. */
export async function readCloses(schoolId: string, periodId?: string): Promise<{ runs: StoredClose[]; classes: StoredClassClose[] }> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.periodCloses(schoolId), ':p': keys.periodClosePrefix(periodId) },
    ConsistentRead: true,
  });
  return {
    runs: items.filter((i) => i.type === CLOSE_TYPES.run).map((i) => strip<StoredClose>(i)),
    classes: items.filter((i) => i.type === CLOSE_TYPES.cls).map((i) => strip<StoredClassClose>(i)),
  };
}

/** The run's item, created once: a second run (or one racing it) keeps the first's. */
export async function startClose(c: StoredClose): Promise<boolean> {
  return putIf({ ...keys.periodClose(c.schoolId, c.periodId), type: CLOSE_TYPES.run, ...c }, { ConditionExpression: 'attribute_not_exists(pk)' });
}

export async function finishClose(schoolId: string, periodId: string, doneAt: string, manifest: ClosedDocument): Promise<void> {
  await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.periodClose(schoolId, periodId),
        UpdateExpression: 'SET #s = :done, doneAt = :at, manifest = :m',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#s': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':at': doneAt, ':m': manifest },
      },
    },
  ]);
}

// --- the lock --------------------------------------------------------------------------------------

export interface ChainPlace {
  schoolId: string;
  classId: string;
  periodId: string;
  subjectId: string;
}

export interface HeadRead {
  seq: number;
  hash: string;
  closedOn?: string;
}

const headKey = (p: ChainPlace): Key => keys.changeLogHead(p.schoolId, p.classId, p.periodId, p.subjectId);

/** The chain heads of a class's subjects, strongly consistent: ONE BatchGetItem. */
export async function readHeads(places: readonly ChainPlace[]): Promise<Map<string, HeadRead>> {
  const found = await batchGet(places.map(headKey), { consistent: true });
  const out = new Map<string, HeadRead>();
  for (const i of found) {
    if (i.type !== CHANGE_LOG_TYPES.head) continue;
    out.set(String(i.subjectId), { seq: Number(i.seq), hash: String(i.hash), ...(typeof i.closedOn === 'string' ? { closedOn: i.closedOn } : {}) });
  }
  return out;
}

/** The head moved onto the close's record and marked closed: conditioned on the sequence read. */
function closedHeadOp(p: ChainPlace, record: ChangeRecord, previousSeq: number, closed: ClosedMark): TransactItem {
  const mark = { closedOn: closed.closedOn, ...(closed.periodName ? { closedPeriodName: closed.periodName } : {}) };
  if (previousSeq === 0) {
    return {
      Put: {
        TableName: tableName(),
        Item: { ...headKey(p), type: CHANGE_LOG_TYPES.head, subjectId: p.subjectId, seq: record.seq, hash: record.hash, ...mark },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }
  return {
    Update: {
      TableName: tableName(),
      Key: headKey(p),
      UpdateExpression: `SET seq = :seq, #h = :hash, closedOn = :on${closed.periodName ? ', closedPeriodName = :name' : ''}`,
      ConditionExpression: 'seq = :prev AND attribute_not_exists(closedOn)',
      ExpressionAttributeNames: { '#h': 'hash' },
      ExpressionAttributeValues: { ':seq': record.seq, ':hash': record.hash, ':prev': previousSeq, ':on': closed.closedOn, ...(closed.periodName ? { ':name': closed.periodName } : {}) },
    },
  };
}

export type LockOutcome = 'locked' | 'alreadyLocked' | 'headMoved';

/**
 * Locks a class's period in one transaction: the progress item (absent before), and per subject
 * the close's record with its head. `headMoved`: a change of some subject came in between; read
 * the heads again and retry. `alreadyLocked`: another run locked the class first.
 */
export async function lockClass(progress: StoredClassClose, chains: ReadonlyArray<{ place: ChainPlace; record: ChangeRecord; previousSeq: number }>, closed: ClosedMark): Promise<LockOutcome> {
  const ops: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.periodCloseClass(progress.schoolId, progress.periodId, progress.classId), type: CLOSE_TYPES.cls, ...progress },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...chains.flatMap((c) => [closedHeadOp(c.place, c.record, c.previousSeq, closed), { Put: { TableName: tableName(), Item: changeRecordItem(c.place, c.record), ConditionExpression: 'attribute_not_exists(pk)' } }]),
  ];
  try {
    await transact(ops);
    return 'locked';
  } catch (e) {
    if (!(e instanceof TransactionCancelled)) throw e;
    if (e.failedAt(0)) return 'alreadyLocked';
    return 'headMoved';
  }
}

/** The class's documents and findings recorded: the class is done. */
export async function finishClass(c: StoredClassClose, done: Required<Pick<StoredClassClose, 'doneAt' | 'findings' | 'integrity' | 'documents'>>): Promise<void> {
  await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.periodCloseClass(c.schoolId, c.periodId, c.classId),
        UpdateExpression: 'SET #s = :done, doneAt = :at, findings = :f, integrity = :i, documents = :d',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#s': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':at': done.doneAt, ':f': done.findings, ':i': done.integrity, ':d': done.documents },
      },
    },
  ]);
}

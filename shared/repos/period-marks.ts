/**
 * Period, year, exam and final marks as stored (issue 10, R-30): a period mark beside the journal
 * in the class x period partition (`FINAL#<subject>#<student>`), so the class x all subjects table
 * is ONE Query of one key prefix and never wades through the period's lessons and current marks;
 * year, exam and final marks in the class's school-year partition (`FINAL#<kind>#<subject>#<student>`).
 *
 * A cleared mark stays as a tombstone (`deleted: true`) holding its `firstSetAt` and version: the
 * 5-day lock (clause 6.3) counts from the first time the mark was set, so clearing and setting it
 * again never restarts the count, and a late retry cannot bring a cleared mark back.
 */
import { scopedRead } from '../db/read-scope';
import { tableName } from '../db/client';
import { keys, type Key } from '../db/keys';
import { batchGet, queryAll } from '../db/query';
import { versionCondition, type TransactItem } from '../db/transact';
import type { JournalAttendance, JournalLesson, JournalMark, SubjectRoster } from '../domain/journal-model';
import type { FinalMarkCode, FinalMarkKind } from '../domain/period-marks';
import { attendanceOf, JOURNAL_TYPES, lessonOf, markOf, rosterOf } from './journal';

type Item = Record<string, unknown>;

export const FINAL_MARK_TYPE = 'finalMark';

export interface StoredFinalMark {
  kind: FinalMarkKind;
  classId: string;
  /** Period marks: the period; year, exam, final: absent. */
  periodId?: string;
  yearId: string;
  subjectId: string;
  studentId: string;
  /** Absent on a tombstone. */
  code?: FinalMarkCode;
  reason?: string;
  setBy: string;
  setByName: string;
  setAt: string;
  /** The first time the mark was set: its 5-day lock counts from here (clause 6.3). */
  firstSetAt: string;
  /** Set after its due day («с опозданием»). */
  late: boolean;
  version: number;
  deleted?: boolean;
  lastRequestId?: string;
}

/** Where a mark lives: a period of the class, or the class's year for year/exam/final. */
export interface FinalMarkSlot {
  schoolId: string;
  classId: string;
  yearId: string;
  kind: FinalMarkKind;
  periodId?: string;
  subjectId: string;
  studentId: string;
}

/** The fields of a stored mark that name its slot. */
export function slotFields(s: FinalMarkSlot): Pick<StoredFinalMark, 'kind' | 'classId' | 'periodId' | 'yearId' | 'subjectId' | 'studentId'> {
  return { kind: s.kind, classId: s.classId, ...(s.periodId ? { periodId: s.periodId } : {}), yearId: s.yearId, subjectId: s.subjectId, studentId: s.studentId };
}

export function finalMarkKey(s: FinalMarkSlot): Key {
  if (s.kind === 'period') return keys.periodMark(s.schoolId, s.classId, s.periodId!, s.subjectId, s.studentId);
  return keys.yearMark(s.schoolId, s.classId, s.yearId, s.kind, s.subjectId, s.studentId);
}

const KEY_ATTRS = new Set(['pk', 'sk', 'type']);

export function finalMarkOf(item: Item): StoredFinalMark {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.has(k)) out[k] = v;
  return out as unknown as StoredFinalMark;
}

/** The mark as an item of the table (its Put below; the bench seeds with it). */
export function finalMarkItem(slot: FinalMarkSlot, mark: StoredFinalMark): Item {
  return { ...finalMarkKey(slot), type: FINAL_MARK_TYPE, ...mark };
}

/** The mark's Put at the version read (null: never written), returning the stored item on a conflict. */
export function finalMarkPutOp(slot: FinalMarkSlot, mark: StoredFinalMark, readVersion: number | null): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: finalMarkItem(slot, mark),
      ...versionCondition(readVersion ?? undefined, ':read'),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

async function queryMarks(pk: string, prefix: string, pages: { count: number }): Promise<StoredFinalMark[]> {
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': prefix } }, { pages });
  return items.filter((i) => i.type === FINAL_MARK_TYPE).map(finalMarkOf);
}

/** The period marks of a class, all subjects (or one): ONE Query of the `FINAL#` range; tombstones included. */
export async function readPeriodMarks(schoolId: string, classId: string, periodId: string, subjectId?: string): Promise<{ marks: StoredFinalMark[]; pages: number }> {
  const pages = { count: 0 };
  const marks = await queryMarks(keys.journalPartition(schoolId, classId, periodId), keys.periodMarksPrefix(subjectId), pages);
  return { marks, pages: pages.count };
}

/** The year, exam and final marks of a class: ONE Query of its school-year partition. */
export async function readYearMarks(schoolId: string, classId: string, yearId: string): Promise<{ marks: StoredFinalMark[]; pages: number }> {
  const pages = { count: 0 };
  const marks = await queryMarks(keys.classYearPartition(schoolId, classId, yearId), keys.yearMarksPrefix(), pages);
  return { marks, pages: pages.count };
}

/** Items by key, strongly consistent (the mark being written, its chain head, the marks its basis needs). */
export async function readItems(wanted: readonly Key[]): Promise<Map<string, Item>> {
  const found = await batchGet([...wanted], { consistent: true });
  return new Map(found.map((i) => [`${i.pk}|${i.sk}`, i]));
}

export const keyId = (k: Key) => `${k.pk}|${k.sk}`;

/** The journal of a whole class x period, by subject: what the early warnings are computed from. */
export interface SubjectJournal {
  roster: SubjectRoster | null;
  lessons: JournalLesson[];
  marks: JournalMark[];
  attendance: JournalAttendance[];
}

/**
 * Every subject of a class x period: ONE Query of the partition's `SUBJ#` range (plus its pages),
 * live marks and attendance only. The class's early warnings and a student's report read it;
 * the monitoring reads it `projected` to the attributes it counts (shared/repos/monitoring.ts).
 */
export function readClassJournal(schoolId: string, classId: string, periodId: string, projected?: JournalProjection): Promise<ClassJournal> {
  // Whole journals are shared within a read scope (shared/db/read-scope.ts): the period close's findings and attendance sheet read the same ones.
  return projected ? readClassJournalNow(schoolId, classId, periodId, projected) : scopedRead(['readClassJournal', schoolId, classId, periodId], () => readClassJournalNow(schoolId, classId, periodId));
}

type JournalProjection = { ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> };
export type ClassJournal = { subjects: Map<string, SubjectJournal>; pages: number };

/**
 * Within a read scope, answers the whole journal of a class x period from what the caller has just
 * read (the period close: the partition it read after its lock holds the same SUBJ# items).
 */
export function shareClassJournal(schoolId: string, classId: string, periodId: string, journal: ClassJournal): void {
  void scopedRead(['readClassJournal', schoolId, classId, periodId], () => Promise.resolve(journal));
}

/** An empty journal by subject and the subject's entry, made on first use (readClassJournal and the partition's view of it fill it). */
export function subjectJournals() {
  const subjects = new Map<string, SubjectJournal>();
  const of = (subjectId: string) => {
    let s = subjects.get(subjectId);
    if (!s) subjects.set(subjectId, (s = { roster: null, lessons: [], marks: [], attendance: [] }));
    return s;
  };
  return { subjects, of };
}

async function readClassJournalNow(schoolId: string, classId: string, periodId: string, projected?: JournalProjection): Promise<ClassJournal> {
  const pages = { count: 0 };
  const range = { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': keys.journalPartition(schoolId, classId, periodId), ':p': 'SUBJ#' } };
  const items = await queryAll({ ...range, ...projected }, { pages });
  const { subjects, of } = subjectJournals();
  for (const i of items) {
    // The subject is the second part of every sort key of the range: SUBJ#<subject>#...
    const subjectId = String(i.sk).split('#')[1]!;
    if (i.type === JOURNAL_TYPES.roster) of(subjectId).roster = rosterOf(i);
    else if (i.type === JOURNAL_TYPES.lesson) of(subjectId).lessons.push(lessonOf(i));
    else if (i.type === JOURNAL_TYPES.mark && !i.deleted) of(subjectId).marks.push(markOf(i));
    else if (i.type === JOURNAL_TYPES.attendance && !i.deleted) of(subjectId).attendance.push(attendanceOf(i));
  }
  return { subjects, pages: pages.count };
}

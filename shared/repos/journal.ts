/**
 * The journal's items in the class x period partition (R-20, R-21, R-24): the per-subject roster,
 * lessons (written by the timetable, filled by the journal), marks and attendance; and the reads
 * the journal's requests are built on:
 *
 * - the teacher's page: ONE Query `begins_with(sk, SUBJ#<subject>#)` (plus its pages), which
 *   returns the roster, the subgroups, the substitutes, the lessons, the marks and the attendance;
 * - a cell write: ONE BatchGetItem of exactly the items it needs (department and school settings,
 *   the writer's account, the roster, the lesson, the cell, the change-log head), then ONE TransactWriteItems
 *   (./change-log.ts adds the record and the head to it).
 *
 * Marks and attendance are never deleted: a removal leaves a tombstone (`deleted: true`, no diary
 * index keys), so versions keep counting and a late retry cannot bring a removed mark back.
 */
import { tableName } from '../db/client';
import { keys, type Key } from '../db/keys';
import { batchGet, getItem, queryAll, queryIndex } from '../db/query';
import { deleteOp, putIf, putOp, transact as transactWrite, TransactionCancelled, versionCondition, type TransactItem } from '../db/transact';
import type { SubgroupSet, SubstituteAssignment } from '../domain/curriculum';
import type { JournalAttendance, JournalLesson, JournalMark, LessonRef, SubjectRoster } from '../domain/journal-model';
import type { WorkTypeId } from '../domain/work-types';
import type { ClosedMark } from '../domain/period-close';
import type { SchoolClass } from './school';
import { accountFromItem, type Account } from './accounts';

type Item = Record<string, unknown>;

/** `type` of the items in the partition; lessons, subgroups and substitutes are written by issue 3. */
export const JOURNAL_TYPES = {
  roster: 'journalRoster',
  lesson: 'lesson',
  subgroups: 'subgroups',
  substitute: 'substitute',
  mark: 'mark',
  attendance: 'attendance',
} as const;

export interface Place {
  schoolId: string;
  classId: string;
  periodId: string;
  subjectId: string;
}

const KEY_ATTRS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type']);

function body<T>(item: Item): T {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.has(k)) out[k] = v;
  return out as T;
}

export function lessonOf(item: Item): JournalLesson & { journalData?: boolean } {
  const l = body<JournalLesson & { journalData?: boolean }>(item);
  return { ...l, version: typeof item.version === 'number' ? item.version : 0 };
}

export const markOf = (item: Item) => body<JournalMark>(item);
export const attendanceOf = (item: Item) => body<JournalAttendance>(item);
export const rosterOf = (item: Item) => body<SubjectRoster>(item);

/** Everything of one subject of a class x period: what the journal page shows. */
export interface JournalSlice {
  roster: SubjectRoster | null;
  subgroups: SubgroupSet | null;
  substitutes: SubstituteAssignment[];
  lessons: Array<JournalLesson & { journalData?: boolean }>;
  /** Live marks and attendance (tombstones left out). */
  marks: JournalMark[];
  attendance: JournalAttendance[];
  /** DynamoDB pages the Query took (the budget: one Query, plus pages). */
  pages: number;
}

export async function readJournalSlice(p: Place): Promise<JournalSlice> {
  const slice: JournalSlice = { roster: null, subgroups: null, substitutes: [], lessons: [], marks: [], attendance: [], pages: 0 };
  const pages = { count: 0 };
  const items = await queryAll(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.journalPartition(p.schoolId, p.classId, p.periodId), ':p': keys.journalSubjectPrefix(p.subjectId) },
    },
    { pages },
  );
  slice.pages = pages.count;
  for (const i of items) {
    switch (i.type) {
      case JOURNAL_TYPES.roster:
        slice.roster = rosterOf(i);
        break;
      case JOURNAL_TYPES.lesson:
        slice.lessons.push(lessonOf(i));
        break;
      case JOURNAL_TYPES.mark:
        if (!i.deleted) slice.marks.push(markOf(i));
        break;
      case JOURNAL_TYPES.attendance:
        if (!i.deleted) slice.attendance.push(attendanceOf(i));
        break;
      case JOURNAL_TYPES.subgroups:
        slice.subgroups = body<SubgroupSet>(i);
        break;
      case JOURNAL_TYPES.substitute:
        slice.substitutes.push(body<SubstituteAssignment>(i));
        break;
    }
  }
  return slice;
}

/** The substitutes of a subject in a class x period (read on a write only when the writer is nobody else). */
export async function readSubstitutes(p: Place): Promise<SubstituteAssignment[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.journalPartition(p.schoolId, p.classId, p.periodId), ':p': keys.substitutesPrefix(p.subjectId) },
    ConsistentRead: true,
  });
  return items.filter((i) => i.type === JOURNAL_TYPES.substitute).map((i) => body<SubstituteAssignment>(i));
}

// --- the read of a write -------------------------------------------------------------------

export type CellRef =
  | { kind: 'mark'; studentId: string; workType: WorkTypeId }
  | { kind: 'attendance'; studentId: string }
  | { kind: 'lesson' };

export function cellKey(p: Place, lesson: LessonRef, cell: CellRef): Key | null {
  if (cell.kind === 'mark') return keys.mark(p.schoolId, p.classId, p.periodId, p.subjectId, lesson, cell.studentId, cell.workType);
  if (cell.kind === 'attendance') return keys.attendance(p.schoolId, p.classId, p.periodId, p.subjectId, lesson, cell.studentId);
  return null;
}

export interface WriteContextItems {
  department: Item | null;
  school: Item | null;
  /** The class is not read: its roster exists only for an existing class, and carries its grade
   * (fixed for a class: its id is made of grade and letter). One item fewer on the hot path. Nor
   * are the subgroups: every save of them puts the make-up on the roster in the same transaction. */
  roster: SubjectRoster | null;
  lesson: (JournalLesson & { journalData?: boolean }) | null;
  /** The cell as stored, tombstone included (null: never written). */
  cell: Item | null;
  head: ChainHeadRead | null;
  /** The writer's account, read in the same request so that an ended session writes nothing. */
  callerAccount: Account | null;
}

const sameKey = (a: Item, b: Key) => a.pk === b.pk && a.sk === b.sk;

/** One strongly consistent BatchGetItem of everything a cell write decides on. */
export async function readWriteContext(departmentId: string, p: Place, lesson: LessonRef, cell: CellRef, callerId: string): Promise<WriteContextItems> {
  const k = {
    caller: keys.account(callerId),
    department: keys.department(departmentId),
    school: keys.school(departmentId, p.schoolId),
    roster: keys.roster(p.schoolId, p.classId, p.periodId, p.subjectId),
    lesson: keys.lesson(p.schoolId, p.classId, p.periodId, p.subjectId, lesson.date, lesson.lessonNo, lesson.groupId),
    head: keys.changeLogHead(p.schoolId, p.classId, p.periodId, p.subjectId),
    cell: cellKey(p, lesson, cell),
  };
  const wanted = Object.values(k).filter((x): x is Key => x !== null);
  const found = await batchGetConsistent(wanted);
  const pick = (key: Key | null) => (key ? (found.find((i) => sameKey(i, key)) ?? null) : null);
  const lessonItem = pick(k.lesson);
  const rosterItem = pick(k.roster);
  const headItem = pick(k.head);
  return {
    department: pick(k.department),
    school: pick(k.school),
    roster: rosterItem ? rosterOf(rosterItem) : null,
    lesson: lessonItem && lessonItem.type === JOURNAL_TYPES.lesson ? lessonOf(lessonItem) : null,
    cell: pick(k.cell),
    head: headItem ? headOf(headItem) : null,
    callerAccount: accountFromItem(pick(k.caller)),
  };
}

function batchGetConsistent(wanted: Key[]): Promise<Item[]> {
  return batchGet(wanted, { consistent: true });
}

/** A chain head as a write decides on it: where the chain ends, and whether the period close (R-40) closed it. */
export interface ChainHeadRead {
  seq: number;
  hash: string;
  closed?: ClosedMark;
}

export function headOf(item: Item): ChainHeadRead {
  const closed = typeof item.closedOn === 'string' ? { closed: { closedOn: item.closedOn, ...(typeof item.closedPeriodName === 'string' ? { periodName: item.closedPeriodName } : {}) } } : {};
  return { seq: Number(item.seq), hash: String(item.hash), ...closed };
}

/** The head of a subject's change-log chain, read again after another write moved it. */
export async function readHead(p: Place): Promise<ChainHeadRead | null> {
  const head = await getItem(keys.changeLogHead(p.schoolId, p.classId, p.periodId, p.subjectId), { consistent: true });
  return head ? headOf(head) : null;
}

// --- write operations (parts of one TransactWriteItems) --------------------------------------


/** Condition that the cell is still as read: absent, or at the version read. */
function cellCondition(readVersion: number | null) {
  return versionCondition(readVersion ?? undefined, ':read');
}

/** A mark as stored: with the diary's index keys while it is live (R-50 reads them). */
export function markItem(p: Place, m: JournalMark): Item {
  const diary = m.deleted ? {} : keys.diaryEntry(p.schoolId, m.studentId, m.date, 'MARK', p.subjectId, m.lessonNo, m.workType);
  return {
    ...keys.mark(p.schoolId, p.classId, p.periodId, p.subjectId, m, m.studentId, m.workType),
    ...diary,
    type: JOURNAL_TYPES.mark,
    classId: p.classId,
    periodId: p.periodId,
    subjectId: p.subjectId,
    ...m,
  };
}

export function attendanceItem(p: Place, a: JournalAttendance): Item {
  const diary = a.deleted ? {} : keys.diaryEntry(p.schoolId, a.studentId, a.date, 'ATT', p.subjectId, a.lessonNo);
  return {
    ...keys.attendance(p.schoolId, p.classId, p.periodId, p.subjectId, a, a.studentId),
    ...diary,
    type: JOURNAL_TYPES.attendance,
    classId: p.classId,
    periodId: p.periodId,
    subjectId: p.subjectId,
    ...a,
  };
}

export function rosterItem(p: Omit<Place, 'subjectId'>, r: SubjectRoster): Item {
  return { ...keys.roster(p.schoolId, p.classId, p.periodId, r.subjectId), type: JOURNAL_TYPES.roster, ...r };
}

export function markPutOp(p: Place, m: JournalMark, readVersion: number | null): TransactItem {
  return { Put: { TableName: tableName(), Item: markItem(p, m), ...cellCondition(readVersion), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
}

export function attendancePutOp(p: Place, a: JournalAttendance, readVersion: number | null): TransactItem {
  return { Put: { TableName: tableName(), Item: attendanceItem(p, a), ...cellCondition(readVersion), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
}

/**
 * Marks the lesson as holding journal data, so that regenerating the timetable never deletes it
 * (the contract of shared/domain/lesson-dates.ts); also proves the lesson still exists.
 */
export function lessonTouchOp(p: Place, l: LessonRef): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.lesson(p.schoolId, p.classId, p.periodId, p.subjectId, l.date, l.lessonNo, l.groupId),
      UpdateExpression: 'SET journalData = :t',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':t': true },
    },
  };
}

/** The journal's fields of a lesson, set on the timetable's item without touching its schedule fields. */
export function lessonContentOp(
  p: Place,
  l: LessonRef,
  set: Record<string, unknown>,
  remove: string[],
  readVersion: number,
): TransactItem {
  const names: Record<string, string> = { '#v': 'version' };
  const values: Record<string, unknown> = { ':nv': readVersion + 1, ':t': true };
  const sets = ['#v = :nv', 'journalData = :t'];
  Object.entries(set).forEach(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  });
  const removes = remove.map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  const condition = readVersion === 0 ? 'attribute_exists(pk) AND (attribute_not_exists(#v) OR #v = :zero)' : '#v = :read';
  if (readVersion === 0) values[':zero'] = 0;
  else values[':read'] = readVersion;
  return {
    Update: {
      TableName: tableName(),
      Key: keys.lesson(p.schoolId, p.classId, p.periodId, p.subjectId, l.date, l.lessonNo, l.groupId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

export type TransactOutcome = { ok: true } | { ok: false; reasons: Array<{ code: string; item: Item | null }> };

/**
 * Runs one TransactWriteItems. The client request token makes the SDK's own retries of the same
 * call idempotent (DynamoDB keeps it for 10 minutes); a cancellation comes back with the reason of
 * each operation and, for failed conditions, the item as it is now.
 */
export async function transact(items: TransactItem[], token: string): Promise<TransactOutcome> {
  try {
    await transactWrite(items, { idempotencyToken: token });
    return { ok: true };
  } catch (e) {
    if (e instanceof TransactionCancelled) return { ok: false, reasons: e.reasons };
    throw e;
  }
}

// --- rosters ----------------------------------------------------------------------------------

/** The roster items and subgroup sets of several subjects of a class x period, by key. */
export async function readRostersAndSubgroups(
  p: Omit<Place, 'subjectId'>,
  subjectIds: string[],
): Promise<{ rosters: Map<string, SubjectRoster>; subgroups: Map<string, SubgroupSet> }> {
  const wanted = subjectIds.flatMap((s) => [
    keys.roster(p.schoolId, p.classId, p.periodId, s),
    keys.subgroups(p.schoolId, p.classId, p.periodId, s),
  ]);
  const found = await batchGetConsistent(wanted);
  const rosters = new Map<string, SubjectRoster>();
  const subgroups = new Map<string, SubgroupSet>();
  for (const item of found) {
    if (item.type === JOURNAL_TYPES.roster) rosters.set(String(item.subjectId), rosterOf(item));
    else if (item.type === JOURNAL_TYPES.subgroups) subgroups.set(String(item.subjectId), body<SubgroupSet>(item));
  }
  return { rosters, subgroups };
}

/** Writes a roster if nobody rebuilt it since `readVersion` (0: it did not exist). */
export function putRoster(p: Omit<Place, 'subjectId'>, r: SubjectRoster, readVersion: number): Promise<boolean> {
  return putIf(rosterItem(p, r), rosterCondition(readVersion));
}

/** The same write as one operation of a transaction: a save of the subject's subgroups puts the make-up on it. */
export function rosterPutOp(p: Omit<Place, 'subjectId'>, r: SubjectRoster, readVersion: number): TransactItem {
  return putOp(rosterItem(p, r), rosterCondition(readVersion));
}

const rosterCondition = (readVersion: number) => versionCondition(readVersion === 0 ? undefined : readVersion);

/** The rosters of one subject of a class in several periods, by period (absent ones left out). */
export async function readRostersOfPeriods(schoolId: string, classId: string, subjectId: string, periodIds: readonly string[]): Promise<Map<string, SubjectRoster>> {
  const found = await batchGetConsistent(periodIds.map((periodId) => keys.roster(schoolId, classId, periodId, subjectId)));
  return new Map(found.filter((i) => i.type === JOURNAL_TYPES.roster).map((i) => [String(i.periodId), rosterOf(i)]));
}

// --- the class teacher's daily view -------------------------------------------------------

/** The lessons of a class on the dates from..to, all subjects: one Query of the class-day index (gsi2). */
export async function readLessonsOfClassDays(schoolId: string, classId: string, from: string, to: string): Promise<Array<JournalLesson & { periodId?: string }>> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.lessonsOfClassDayPartition(schoolId, classId), ':from': from, ':to': `${to}#\uffff` },
  });
  return items.filter((i) => i.type === JOURNAL_TYPES.lesson).map((i) => lessonOf(i));
}

// --- external assessments (R-26) ---------------------------------------------------------------

export const EXAM_KINDS = ['OGE', 'EGE', 'GVE'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];

export interface ExternalAssessment {
  schoolId: string;
  yearId: string;
  classId: string;
  studentId: string;
  studentName: string;
  kind: ExamKind;
  subjectId: string;
  subjectName: string;
  date: string;
  /** Test or primary score, as the results sheet gives it. */
  score?: number;
  /** The mark 2-5 where the exam gives one (OGE, GVE, EGE in basic mathematics). */
  mark?: number;
  version: number;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

export function examKey(e: Pick<ExternalAssessment, 'schoolId' | 'studentId' | 'kind' | 'subjectId' | 'date'>): Key {
  return keys.externalAssessment(e.schoolId, e.studentId, e.kind, e.subjectId, e.date);
}

export async function getExternalAssessment(e: Pick<ExternalAssessment, 'schoolId' | 'studentId' | 'kind' | 'subjectId' | 'date'>): Promise<ExternalAssessment | null> {
  const item = await getItem(examKey(e), { consistent: true });
  return item?.type === 'externalAssessment' ? body<ExternalAssessment>(item) : null;
}

/** Put (create or replace at the version read) as one operation of a transaction with its audit record. */
export function externalAssessmentPutOp(e: ExternalAssessment, readVersion: number): TransactItem {
  const item = { ...examKey(e), ...keys.externalAssessmentsOfClass(e.schoolId, e.yearId, e.classId, e.studentId, e.date, e.kind, e.subjectId), type: 'externalAssessment', ...e };
  return putOp(item, versionCondition(readVersion === 0 ? undefined : readVersion));
}

export function externalAssessmentDeleteOp(e: ExternalAssessment): TransactItem {
  return deleteOp(examKey(e), versionCondition(e.version));
}

/** The results recorded for the students of a class in a school year: one Query of gsi2. */
export async function listExternalAssessments(schoolId: string, yearId: string, classId: string): Promise<ExternalAssessment[]> {
  const items = await queryIndex('gsi2', keys.externalAssessmentsOfClassPartition(schoolId, yearId, classId));
  return items.filter((i) => i.type === 'externalAssessment').map((i) => body<ExternalAssessment>(i));
}

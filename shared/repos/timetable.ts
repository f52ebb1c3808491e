/**
 * Timetable data: weekly slots, the guard items that make clashes impossible in DynamoDB
 * itself, and one-off changes of a date.
 *
 * Access patterns:
 * - a class's week: Query SCH#<sch>#YEAR#<year> begins_with TT#<class>#
 * - the whole school's week: Query the same partition begins_with TT#
 * - a teacher's week: Query gsi2 SCH#<sch>#YEAR#<year>#TT#TEACHER#<t>
 * - guards of a slot (teacher, class, room at its weekly time): one BatchGetItem
 * - changes dated from..to: Query the year-plan partition, sk BETWEEN TTCHANGE#<from> AND TTCHANGE#<to>…
 */
import { keys } from '../db/keys';
import { guardsOf, type GuardRef, type SlotLesson, type TimetableChange, type TimetableSlot } from '../domain/timetable';
import { batchGet, getItem } from '../db/query';
import { checkOp, deleteOp, putOp, versionCondition, type TransactItem } from '../db/transact';
import { queryItems, stripKeys } from './curriculum';

type Item = Record<string, unknown>;

export function slotKey(s: Pick<TimetableSlot, 'schoolId' | 'yearId' | 'classId' | 'weekday' | 'lessonNo' | 'groupId'>) {
  return keys.timetableSlot(s.schoolId, s.yearId, s.classId, s.weekday, s.lessonNo, s.groupId);
}

export function slotItem(s: TimetableSlot): Item {
  return {
    ...slotKey(s),
    ...keys.timetableOfTeacher(s.schoolId, s.yearId, s.teacherId, s.weekday, s.lessonNo, s.classId),
    type: 'timetableSlot',
    ...s,
  };
}

/** What a guard remembers of each lesson holding it: enough to name the clash. */
export function slotLesson(s: SlotLesson): SlotLesson {
  return { classId: s.classId, subjectId: s.subjectId, groupId: s.groupId, teacherId: s.teacherId, ...(s.room ? { room: s.room } : {}) };
}

export interface Guard extends GuardRef {
  holders: SlotLesson[];
  version: number;
}

export function guardKey(schoolId: string, yearId: string, g: GuardRef) {
  return keys.timetableGuard(schoolId, yearId, g.kind, g.id, g.weekday, g.lessonNo);
}

export function guardItem(schoolId: string, yearId: string, g: Guard): Item {
  return { ...guardKey(schoolId, yearId, g), type: 'timetableGuard', kind: g.kind, id: g.id, weekday: g.weekday, lessonNo: g.lessonNo, holders: g.holders, version: g.version };
}

/** Writes a slot: created when `expected` is absent, else on the version read. */
export function putSlotOp(s: TimetableSlot, expected?: number): TransactItem {
  return putOp(slotItem(s), versionCondition(expected));
}

export function deleteSlotOp(s: TimetableSlot): TransactItem {
  return deleteOp(slotKey(s), versionCondition(s.version));
}

/**
 * The write that moves a guard from the version read to its new holders: only checked when
 * its holders stay the same (a concurrent change still cancels), deleted when nobody holds it,
 * created, or rewritten on the version read. Null when there is nothing to do.
 */
export function guardOp(schoolId: string, yearId: string, guard: Guard, read: { existed: boolean; version: number; unchanged: boolean }): TransactItem | null {
  const key = guardKey(schoolId, yearId, guard);
  if (read.unchanged) return checkOp(key, versionCondition(read.version));
  if (guard.holders.length === 0) return read.existed ? deleteOp(key, versionCondition(read.version)) : null;
  return read.existed ? putOp(guardItem(schoolId, yearId, { ...guard, version: read.version + 1 }), versionCondition(read.version)) : putOp(guardItem(schoolId, yearId, { ...guard, version: 1 }), versionCondition(undefined));
}

/** Slot items and their guard items, for a timetable written in one go (the demo school). */
export function timetableItems(slots: readonly TimetableSlot[]): Item[] {
  const items: Item[] = [];
  const guards = new Map<string, { schoolId: string; yearId: string; guard: Guard }>();
  for (const s of slots) {
    items.push(slotItem(s));
    for (const g of guardsOf(s)) {
      const k = guardKey(s.schoolId, s.yearId, g);
      const id = `${k.pk}|${k.sk}`;
      const entry = guards.get(id) ?? { schoolId: s.schoolId, yearId: s.yearId, guard: { ...g, holders: [], version: 1 } };
      entry.guard.holders.push(slotLesson(s));
      guards.set(id, entry);
    }
  }
  for (const { schoolId, yearId, guard } of guards.values()) items.push(guardItem(schoolId, yearId, guard));
  return items;
}

function slotOf(item: Item): TimetableSlot {
  return stripKeys<TimetableSlot>(item);
}

const bySlotOrder = (a: TimetableSlot, b: TimetableSlot) =>
  a.weekday - b.weekday || a.lessonNo - b.lessonNo || a.classId.localeCompare(b.classId) || a.groupId.localeCompare(b.groupId);

/** A class's weekly slots, or every class's when classId is absent. */
export async function listSlots(schoolId: string, yearId: string, classId?: string): Promise<TimetableSlot[]> {
  const items = await queryItems({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.yearPlan(schoolId, yearId), ':p': keys.timetablePrefix(classId) },
  });
  return items.filter((i) => i.type === 'timetableSlot').map(slotOf).sort(bySlotOrder);
}

export async function listSlotsOfTeacher(schoolId: string, yearId: string, teacherId: string): Promise<TimetableSlot[]> {
  const items = await queryItems({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.timetableOfTeacherPartition(schoolId, yearId, teacherId) },
  });
  return items.filter((i) => i.type === 'timetableSlot').map(slotOf).sort(bySlotOrder);
}

export async function getSlot(
  s: Pick<TimetableSlot, 'schoolId' | 'yearId' | 'classId' | 'weekday' | 'lessonNo' | 'groupId'>,
): Promise<TimetableSlot | null> {
  const item = await getItem(slotKey(s), { consistent: true });
  return item?.type === 'timetableSlot' ? slotOf(item) : null;
}

/** The current guards of the given refs (absent ones are simply missing), read consistently. */
export async function getGuards(schoolId: string, yearId: string, refs: readonly GuardRef[]): Promise<Map<string, Guard>> {
  const items = await batchGet(refs.map((g) => guardKey(schoolId, yearId, g)), { consistent: true });
  const result = new Map<string, Guard>();
  for (const i of items) {
    if (i.type !== 'timetableGuard') continue;
    const g = stripKeys<Guard & { kind: GuardRef['kind'] }>(i);
    result.set(`${g.kind}|${g.id}|${g.weekday}|${g.lessonNo}`, g);
  }
  return result;
}

// --- one-off changes ---------------------------------------------------------------------------

export function changeKey(c: Pick<TimetableChange, 'schoolId' | 'yearId' | 'date' | 'classId' | 'lessonNo'>) {
  return keys.timetableChange(c.schoolId, c.yearId, c.date, c.classId, c.lessonNo);
}

export function changeItem(c: TimetableChange): Item {
  return { ...changeKey(c), type: 'timetableChange', ...c };
}

/** Creates a one-off change; the key (date, class, lesson number) must be free. */
export function createChangeOp(c: TimetableChange): TransactItem {
  return putOp(changeItem(c), versionCondition(undefined));
}

/** Deletes a change on the version read, or whatever is there when no version is given (the other
 * half of a move goes with the half that was read). */
export function deleteChangeOp(c: Pick<TimetableChange, 'schoolId' | 'yearId' | 'date' | 'classId' | 'lessonNo'>, expected?: number): TransactItem {
  return deleteOp(changeKey(c), expected === undefined ? undefined : versionCondition(expected));
}

/** Changes dated from..to (inclusive), of one class or of all. */
export async function listChanges(schoolId: string, yearId: string, from: string, to: string, classId?: string): Promise<TimetableChange[]> {
  const range = keys.timetableChangesBetween(from, to);
  const items = await queryItems({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
    ExpressionAttributeValues: {
      ':pk': keys.yearPlan(schoolId, yearId),
      ':a': range.skFrom,
      ':b': range.skTo,
      ':t': 'timetableChange',
      ...(classId ? { ':c': classId } : {}),
    },
    FilterExpression: classId ? '#t = :t AND classId = :c' : '#t = :t',
    ExpressionAttributeNames: { '#t': 'type' },
  });
  return items.map((i) => stripKeys<TimetableChange>(i));
}

export async function getChange(c: Pick<TimetableChange, 'schoolId' | 'yearId' | 'date' | 'classId' | 'lessonNo'>): Promise<TimetableChange | null> {
  const item = await getItem(changeKey(c), { consistent: true });
  return item?.type === 'timetableChange' ? stripKeys<TimetableChange>(item) : null;
}

/**
 * Clash checks of the timetable, enforced in DynamoDB. Every slot holds a guard item for its
 * teacher, its class and its room at its weekly time. A slot is written in one TransactWriteItems
 * with the new state of each guard it touches: a guard that did not exist is created with
 * attribute_not_exists, an existing one is rewritten on condition of the version that was read.
 * So two people booking the same teacher at the same time cannot both succeed, even when each
 * read an empty timetable: the later transaction is cancelled.
 */
import type { TransactItem } from '../db/transact';
import { BadRequestError, ConflictError } from '../errors';
import { clashesMessage, clashesOf, guardId, guardsOf, sameSlot, type Clash, type SlotLesson, type TimetableNames, type TimetableSlot } from '../domain/timetable';
import { WHOLE_CLASS } from '../domain/curriculum';
import { getAccounts } from '../repos/accounts';
import { getLoadLineItems, listSubjects, shortPersonName } from '../repos/curriculum';
import { className as nameOfClass, listClasses } from '../repos/school';
import { getGuards, guardOp, slotLesson, type Guard } from '../repos/timetable';

export interface SlotEdit {
  before?: TimetableSlot;
  after?: TimetableSlot;
}

export interface GuardPlan {
  ops: TransactItem[];
  clashes: Array<{ slot: TimetableSlot; clashes: Clash[] }>;
}

/** The guard writes for a set of slot edits, or the clashes that forbid them. */
export async function planGuards(schoolId: string, yearId: string, edits: readonly SlotEdit[]): Promise<GuardPlan> {
  const refs = edits.flatMap((e) => [...(e.before ? guardsOf(e.before) : []), ...(e.after ? guardsOf(e.after) : [])]);
  const current = await getGuards(schoolId, yearId, refs);
  const next = new Map<string, { guard: Guard; existed: boolean; version: number }>();
  const stateOf = (ref: (typeof refs)[number]) => {
    const id = guardId(ref);
    let s = next.get(id);
    if (!s) {
      const c = current.get(id);
      s = { guard: { ...ref, holders: [...(c?.holders ?? [])], version: c?.version ?? 0 }, existed: !!c, version: c?.version ?? 0 };
      next.set(id, s);
    }
    return s;
  };
  // First every slot leaves its old place, then each takes its new one (so slots may swap).
  for (const e of edits) {
    if (!e.before) continue;
    for (const ref of guardsOf(e.before)) {
      const s = stateOf(ref);
      s.guard.holders = s.guard.holders.filter((h) => !sameSlot(h, e.before!));
    }
  }
  const clashes: GuardPlan['clashes'] = [];
  for (const e of edits) {
    if (!e.after) continue;
    const after = e.after;
    const others = new Map<string, SlotLesson>();
    for (const ref of guardsOf(after)) {
      // A holder with the slot's own class and group is another lesson already in that place
      // (the slot's old state has left above), so it clashes too.
      for (const h of stateOf(ref).guard.holders) others.set(`${h.classId}|${h.groupId}`, h);
    }
    const found = clashesOf(after, [...others.values()]);
    if (found.length > 0) {
      clashes.push({ slot: after, clashes: found });
      continue;
    }
    for (const ref of guardsOf(after)) {
      const s = stateOf(ref);
      s.guard.holders = [...s.guard.holders.filter((h) => !sameSlot(h, after)), slotLesson(after)];
    }
  }
  if (clashes.length > 0) return { ops: [], clashes };

  const ops: TransactItem[] = [];
  for (const { guard, existed, version } of next.values()) {
    const before = current.get(guardId(guard));
    const unchanged = !!before && JSON.stringify(before.holders) === JSON.stringify(guard.holders);
    const op = guardOp(schoolId, yearId, guard, { existed, version, unchanged });
    if (op) ops.push(op);
  }
  return { ops, clashes };
}

/** Names for clash messages, loaded only when there is something to say. */
export async function timetableNames(schoolId: string, yearId: string, lessons: readonly SlotLesson[]): Promise<TimetableNames> {
  const teacherIds = [...new Set(lessons.map((l) => l.teacherId))];
  const split = lessons.filter((l) => l.groupId !== WHOLE_CLASS).map((l) => ({ classId: l.classId, subjectId: l.subjectId }));
  const [classes, subjects, accounts, lines] = await Promise.all([
    listClasses(schoolId),
    listSubjects(schoolId),
    getAccounts(teacherIds),
    getLoadLineItems(schoolId, yearId, split),
  ]);
  const classNames = new Map(classes.map((c) => [c.classId, nameOfClass(c)]));
  const subjectNames = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const teacherNames = new Map(accounts.map((a) => [a.userId, shortPersonName(a)]));
  const groupNames = new Map<string, string>();
  for (const l of lines) {
    for (const g of (l.groups as Array<{ groupId: string; name: string }> | undefined) ?? []) groupNames.set(`${l.classId}|${l.subjectId}|${g.groupId}`, g.name);
  }
  return {
    teacher: (id) => teacherNames.get(id) ?? id,
    subject: (id) => subjectNames.get(id) ?? id,
    className: (id) => classNames.get(id) ?? id,
    group: (c, s, g) => groupNames.get(`${c}|${s}|${g}`) ?? `подгруппа ${g}`,
  };
}

/** The 409 that names every clash of a plan. */
export async function clashError(schoolId: string, yearId: string, clashes: GuardPlan['clashes']): Promise<ConflictError> {
  const names = await timetableNames(schoolId, yearId, clashes.flatMap((c) => [c.slot, ...c.clashes.map((x) => x.other)]));
  const message = clashes.map((c) => clashesMessage(c.clashes, c.slot, c.slot, names)).join(' ');
  return new ConflictError(message, {
    clashes: clashes.flatMap((c) => c.clashes.map((x) => ({ kind: x.kind, weekday: c.slot.weekday, lessonNo: c.slot.lessonNo, other: x.other }))),
  });
}

/** Refuses input problems with one Russian message. */
export function refuseProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new BadRequestError(problems.join(' '), { problems });
}

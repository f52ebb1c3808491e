/**
 * Entering the journal (R-20 - R-25, R-42): a mark, an attendance entry, an absence reason, or the
 * lesson's topic, work types and homework. Every change is:
 *
 * 1. one strongly consistent BatchGetItem of everything it decides on (`loadWriteContext`; a
 *    Query of the substitutes only when the writer is not otherwise assigned),
 * 2. the regulation's rules on the school's `today` (shared/domain/journal-rules.ts),
 * 3. one TransactWriteItems: the cell conditioned on the version read, the change-log record and
 *    its chain head conditioned on the sequence number read (and, on the lesson's first entry,
 *    the lesson marked as holding journal data so that the timetable never deletes it).
 *
 * The client sends the version it saw and an idempotency key per edit. A stale version is a 409
 * with the current value. A retried request whose first attempt did commit finds its own key on
 * the cell and answers with the stored result, so a lost response never makes a second mark.
 * When another cell's change moved the chain head in between, the transaction is rebuilt on the
 * new head and sent again: that is not a conflict for the user.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/roles';
import { mayFillLesson } from '../domain/curriculum';
import { dateInZone, ruDate } from '../domain/calendar';
import { chainNext, logValue, type ChangeBody } from '../domain/journal-log';
import { type AttendanceEntry } from '../domain/journal-marks';
import {
  inLessonGroup,
  lessonIdOf,
  onRosterOn,
  type AbsenceReason,
  type AttendanceKind,
  type IndividualHomework,
  type JournalAttendance,
  type JournalLesson,
  type JournalMark,
  type LessonRef,
  type SubjectRoster,
} from '../domain/journal-model';
import {
  attendanceVerdict,
  GRADE1_HOMEWORK,
  lacksCyrillic,
  lessonVerdict,
  markVerdict,
  NO_CYRILLIC_WARNING,
  takesMarks,
  type Verdict,
} from '../domain/journal-rules';
import type { WorkTypeId } from '../domain/work-types';
import { closedMessage } from '../domain/period-close';
import type { JournalLessonObject } from '../auth/rules/journal';
import { BadRequestError, ConflictError, LockedError, NotFoundError, RuleViolationError } from '../errors';
import type { Account } from '../repos/accounts';
import { changeLogOps } from '../repos/change-log';
import {
  attendanceOf,
  attendancePutOp,
  lessonContentOp,
  lessonOf,
  lessonTouchOp,
  markOf,
  markPutOp,
  readHead,
  readSubstitutes,
  readWriteContext,
  transact,
  type CellRef,
  type ChainHeadRead,
  type Place,
} from '../repos/journal';
import { rulesFromItems, type JournalRules } from './journal-settings';
import { materialiseRosters } from './journal-rosters';
import { keys } from '../db/keys';

type Item = Record<string, unknown>;

export interface Actor {
  userId: string;
  displayName: string;
}

export interface WriteContext {
  place: Place;
  ref: LessonRef;
  rules: JournalRules;
  today: string;
  grade: number;
  roster: SubjectRoster;
  lesson: JournalLesson & { journalData?: boolean };
  cell: Item | null;
  head: ChainHeadRead | null;
  /** What the policy decides on (shared/auth/rules/journal.ts). */
  access: JournalLessonObject;
  /** The writer's account, from the same BatchGetItem (the handler checks its session against it). */
  callerAccount: Account | null;
}

/** Loads what a write to one lesson decides on; the caller then asks the policy with `access`. */
export async function loadWriteContext(
  p: Principal,
  place: Place,
  ref: LessonRef,
  cell: CellRef,
  now: Date,
  purpose: 'fill' | 'correctReason' = 'fill',
): Promise<WriteContext> {
  let items = await readWriteContext(p.departmentId, place, ref, cell, p.userId);
  if (!items.school) throw new NotFoundError('Школа не найдена.');
  if (!items.roster) {
    // Throws «Класс не найден» for a class that does not exist.
    await materialiseRosters(place.schoolId, place.classId, place.periodId, now);
    items = await readWriteContext(p.departmentId, place, ref, cell, p.userId);
  }
  if (!items.roster) throw new NotFoundError('Предмета нет в учебном плане класса на этот период.');
  if (!items.lesson) throw new NotFoundError(`Урока ${ruDate(ref.date)} (${ref.lessonNo}-й) нет в расписании класса по этому предмету.`);
  const rules = rulesFromItems(items.department, items.school, now);
  const grade = items.roster.grade;
  // The make-up of subgroups as saved last: its saves put it on the roster (./curriculum-subgroups.ts).
  const roster = items.roster;
  const lesson = items.lesson;
  const curriculumLesson = { subjectId: place.subjectId, groupId: lesson.groupId, date: lesson.date, teacherId: lesson.teacherId ?? '' };
  const subgroups = { groups: roster.groups.map((g) => ({ ...g, studentIds: [] as string[] })) };
  // The substitutes are read only for a writer the lesson, the curriculum and the subgroups do not name.
  const named = purpose !== 'fill' || mayFillLesson(p.userId, curriculumLesson, { line: roster.line, subgroups });
  const substitutes = named ? [] : await readSubstitutes(place);
  return {
    place,
    ref,
    rules,
    today: dateInZone(now, rules.timeZone),
    grade,
    roster,
    lesson,
    cell: items.cell,
    head: items.head,
    callerAccount: items.callerAccount,
    access: {
      departmentId: p.departmentId,
      schoolId: place.schoolId,
      classId: place.classId,
      lesson: curriculumLesson,
      line: roster.line,
      subgroups,
      substitutes,
    },
  };
}

// --- shared steps ------------------------------------------------------------------------------

function refuse(v: Verdict): void {
  if (v.open) return;
  // Grade 1 takes no marks at all (clause 3.5): a rule, not a lock that a date opens.
  if (v.reason === 'grade1') throw new RuleViolationError('grade1_no_marks', v.message, '3.5');
  const { message, ...details } = v;
  throw new LockedError(message, details);
}

function studentOfLesson(ctx: WriteContext, studentId: string) {
  const s = ctx.roster.students.find((x) => x.studentId === studentId);
  if (!s) throw new BadRequestError('Этого обучающегося нет в списке класса по предмету за этот период.');
  if (!inLessonGroup(s, ctx.lesson.groupId, ctx.roster.groups)) {
    throw new BadRequestError(`${s.name} занимается в другой подгруппе: отметки ставит учитель своей подгруппы (п. 5 положения).`);
  }
  if (!onRosterOn(s, ctx.lesson.date)) {
    const why = s.from && ctx.lesson.date < s.from ? `прибыл(а) в класс ${ruDate(s.from)}` : `выбыл(а) из класса ${ruDate(s.until!)}`;
    throw new BadRequestError(`${s.name} ${why}: в день урока ${ruDate(ctx.lesson.date)} не числился(ась) в классе.`);
  }
  return s;
}

/** The lesson cell of one student that a mark or an attendance entry fills: its place in the journal. */
const cellOf = (ctx: WriteContext, studentId: string) => ({ date: ctx.lesson.date, lessonNo: ctx.lesson.lessonNo, groupId: ctx.lesson.groupId, studentId });

/** A cell's version as the client can have seen it: a tombstone or nothing is 0. */
const visibleVersion = (cell: Item | null) => (cell && !cell.deleted ? Number(cell.version) : 0);

/** A change to run: what its log record says of it (the record's own fields), and how the cell is written. */
interface Commit extends Pick<ChangeBody, 'action' | 'entity' | 'target' | 'old'> {
  ctx: WriteContext;
  actor: Actor;
  now: Date;
  requestId: string;
  next: Record<string, unknown> | null;
  /** The cell's own operation (first in the transaction). */
  cellOp: Parameters<typeof transact>[0][number];
  /** The lesson is written by cellOp itself (lesson content): no separate touch. */
  cellIsLesson?: boolean;
  /** What a cancelled condition on the cell means: the current value for the 409, or a replay. */
  onCellChanged: (current: Item | null) => never | 'replayed';
}

/** Enough for a dozen writers of one subject at once; a teacher's own screen sends one save at a time. */
const MAX_ATTEMPTS = 24;

/** Runs the change with its log record; rebuilds on a moved chain head; returns whether it was a replay. */
async function commit(c: Commit): Promise<'written' | 'replayed'> {
  const { ctx } = c;
  let head = ctx.head;
  const touch = !c.cellIsLesson && !ctx.lesson.journalData;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // The period close marks the head it moves: nothing but a correction's entry extends it.
    if (head?.closed) throw new LockedError(closedMessage(head.closed), { reason: 'periodClosed', ...head.closed });
    const body: ChangeBody = {
      partition: keys.journalPartition(ctx.place.schoolId, ctx.place.classId, ctx.place.periodId),
      subjectId: ctx.place.subjectId,
      at: c.now.toISOString(),
      actorId: c.actor.userId,
      actorName: c.actor.displayName,
      action: c.action,
      entity: c.entity,
      target: c.target,
      old: c.old,
      new: c.next,
      requestId: c.requestId,
    };
    const record = chainNext(body, head);
    const ops = [c.cellOp, ...(touch ? [lessonTouchOp(ctx.place, ctx.ref)] : []), ...changeLogOps(ctx.place, record, head?.seq ?? 0)];
    const outcome = await transact(ops, randomUUID());
    if (outcome.ok) return 'written';
    const [cell, ...rest] = outcome.reasons;
    if (cell?.code === 'ConditionalCheckFailed') {
      if (c.cellIsLesson && !cell.item) throw new NotFoundError('Урок удалён из расписания.');
      return c.onCellChanged(cell.item);
    }
    if (touch && rest[0]?.code === 'ConditionalCheckFailed') throw new NotFoundError('Урок удалён из расписания.');
    // The chain head moved (another change of this subject) or a concurrent transaction held an
    // item: read the head again and send the change on top of it, after a jittered pause that
    // grows with the attempts (writers of one subject take turns on its head).
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 8 * 2 ** attempt)));
    head = await readHead(ctx.place);
  }
  throw new ConflictError('Журнал этого предмета сейчас сохраняет много изменений одновременно. Повторите сохранение.');
}

// --- marks ---------------------------------------------------------------------------------------

export interface MarkInput {
  studentId: string;
  workType: WorkTypeId;
  /** null removes the mark. */
  value: number | null;
  /** Left out: unchanged; null or empty: removed. */
  comment?: string | null;
  /** The version the client saw; 0 = no mark. */
  version: number;
  requestId: string;
}

export interface MarkView {
  studentId: string;
  lessonId: string;
  workType: WorkTypeId;
  value: number;
  weight: number;
  comment?: string;
  version: number;
}

export function markView(m: JournalMark): MarkView {
  return {
    studentId: m.studentId,
    lessonId: lessonIdOf(m),
    workType: m.workType,
    value: m.value,
    weight: m.weight,
    ...(m.comment ? { comment: m.comment } : {}),
    version: m.version,
  };
}

const liveMark = (item: Item | null): MarkView | null => (item && !item.deleted ? markView(markOf(item)) : null);

export interface EntryResult<T> {
  value: T | null;
  /** 0 when the cell is empty now. */
  version: number;
  replayed: boolean;
  warnings?: string[];
}

export async function setMark(ctx: WriteContext, input: MarkInput, actor: Actor, now: Date): Promise<EntryResult<MarkView>> {
  refuse(markVerdict(ctx.lesson, ctx.today, ctx.rules.locks, ctx.grade, input.workType));
  studentOfLesson(ctx, input.studentId);

  const stored = ctx.cell;
  if (stored && stored.lastRequestId === input.requestId) return { value: liveMark(stored), version: visibleVersion(stored), replayed: true };
  const current = liveMark(stored);
  if (visibleVersion(stored) !== input.version) {
    throw new ConflictError('Отметку уже изменил другой пользователь: показано текущее значение.', current);
  }
  // A comment left out stays as it is; null or an empty one removes it.
  const comment = input.comment === undefined ? current?.comment : input.comment?.trim() || undefined;
  if (input.value === null && !current) return { value: null, version: 0, replayed: false };
  if (current && input.value === current.value && comment === current.comment) return { value: current, version: current.version, replayed: false };

  const version = (stored ? Number(stored.version) : 0) + 1;
  const mark: JournalMark = {
    ...cellOf(ctx, input.studentId),
    workType: input.workType,
    value: input.value ?? current!.value,
    weight: ctx.rules.weights[input.workType] ?? current?.weight ?? 1,
    ...(comment && input.value !== null ? { comment } : {}),
    version,
    ...(input.value === null ? { deleted: true } : {}),
    setBy: actor.userId,
    setAt: now.toISOString(),
    lastRequestId: input.requestId,
  };
  const shown = logValue.mark;
  const result = await commit({
    ctx,
    actor,
    now,
    requestId: input.requestId,
    entity: 'mark',
    target: { lessonId: lessonIdOf(ctx.lesson), studentId: input.studentId, workType: input.workType },
    action: !current ? 'create' : input.value === null ? 'delete' : 'update',
    old: current ? shown(current) : null,
    next: input.value === null ? null : shown(mark),
    cellOp: markPutOp(ctx.place, mark, stored ? Number(stored.version) : null),
    onCellChanged: (item) => {
      if (item && item.lastRequestId === input.requestId) return 'replayed';
      throw new ConflictError('Отметку только что изменил другой пользователь: показано текущее значение.', liveMark(item));
    },
  });
  if (result === 'replayed') return { value: input.value === null ? null : markView(mark), version: input.value === null ? 0 : version, replayed: true };
  return { value: input.value === null ? null : markView(mark), version: input.value === null ? 0 : version, replayed: false };
}

// --- attendance ----------------------------------------------------------------------------------

export interface AttendanceInput {
  studentId: string;
  /** null clears the entry (the student was present). */
  kind: AttendanceKind | null;
  reason?: AbsenceReason | null;
  version: number;
  requestId: string;
}

export interface AttendanceView {
  studentId: string;
  lessonId: string;
  kind: AttendanceKind;
  reason?: AbsenceReason;
  document?: string;
  version: number;
}

export function attendanceView(a: JournalAttendance): AttendanceView {
  return {
    studentId: a.studentId,
    lessonId: lessonIdOf(a),
    kind: a.kind,
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.document ? { document: a.document } : {}),
    version: a.version,
  };
}

const liveAttendance = (item: Item | null): AttendanceView | null => (item && !item.deleted ? attendanceView(attendanceOf(item)) : null);

const shownAttendance = logValue.attendance;

async function writeAttendance(
  ctx: WriteContext,
  next: (AttendanceEntry & { document?: string }) | null,
  input: { studentId: string; version: number; requestId: string },
  actor: Actor,
  now: Date,
): Promise<EntryResult<AttendanceView>> {
  const stored = ctx.cell;
  const current = liveAttendance(stored);
  const version = (stored ? Number(stored.version) : 0) + 1;
  const entry: JournalAttendance = {
    ...cellOf(ctx, input.studentId),
    kind: next?.kind ?? current!.kind,
    ...(next?.reason ? { reason: next.reason } : {}),
    ...(next?.document ? { document: next.document } : {}),
    version,
    ...(next === null ? { deleted: true } : {}),
    setBy: actor.userId,
    setAt: now.toISOString(),
    lastRequestId: input.requestId,
  };
  const result = await commit({
    ctx,
    actor,
    now,
    requestId: input.requestId,
    entity: 'attendance',
    target: { lessonId: lessonIdOf(ctx.lesson), studentId: input.studentId },
    action: !current ? 'create' : next === null ? 'delete' : 'update',
    old: current ? shownAttendance(current) : null,
    next: next === null ? null : shownAttendance(entry),
    cellOp: attendancePutOp(ctx.place, entry, stored ? Number(stored.version) : null),
    onCellChanged: (item) => {
      if (item && item.lastRequestId === input.requestId) return 'replayed';
      throw new ConflictError('Посещаемость только что изменил другой пользователь: показано текущее значение.', liveAttendance(item));
    },
  });
  const value = next === null ? null : attendanceView(entry);
  return { value, version: value ? version : 0, replayed: result === 'replayed' };
}

/**
 * Where a change of a student's attendance starts: the student is on the lesson, the lesson may be
 * changed, a repeated request answers what it did the first time, and a stale version is a conflict.
 */
function attendanceChangeStart(
  ctx: WriteContext,
  input: { studentId: string; version: number; requestId: string },
): { replay: EntryResult<AttendanceView> } | { current: AttendanceView | null } {
  studentOfLesson(ctx, input.studentId);
  refuse(attendanceVerdict(ctx.lesson, ctx.today, ctx.rules.locks));
  const stored = ctx.cell;
  if (stored && stored.lastRequestId === input.requestId) return { replay: { value: liveAttendance(stored), version: visibleVersion(stored), replayed: true } };
  const current = liveAttendance(stored);
  if (visibleVersion(stored) !== input.version) {
    throw new ConflictError('Посещаемость уже изменил другой пользователь: показано текущее значение.', current);
  }
  return { current };
}

export async function setAttendance(ctx: WriteContext, input: AttendanceInput, actor: Actor, now: Date): Promise<EntryResult<AttendanceView>> {
  const start = attendanceChangeStart(ctx, input);
  if ('replay' in start) return start.replay;
  const { current } = start;
  if (input.kind === 'late' && input.reason) throw new BadRequestError('Причина указывается только для пропуска урока, не для опоздания.');
  const reason = input.kind === 'absent' ? (input.reason ?? undefined) : undefined;
  if (input.kind === null && !current) return { value: null, version: 0, replayed: false };
  if (current && input.kind === current.kind && reason === current.reason) return { value: current, version: current.version, replayed: false };
  // The class teacher's document stays while the reason it proves stays (clause 3.7).
  const document = current?.document && current.reason === reason ? current.document : undefined;
  const next = input.kind === null ? null : { kind: input.kind, ...(reason ? { reason } : {}), ...(document ? { document } : {}) };
  return writeAttendance(ctx, next, input, actor, now);
}

export interface ReasonInput {
  studentId: string;
  reason: AbsenceReason;
  /** «Справка № 123 от 20.11.2026» */
  document: string;
  version: number;
  requestId: string;
}

/** Clause 3.7: the class teacher corrects the reason of an absence, naming the document. */
export async function correctAbsenceReason(ctx: WriteContext, input: ReasonInput, actor: Actor, now: Date): Promise<EntryResult<AttendanceView>> {
  const start = attendanceChangeStart(ctx, input);
  if ('replay' in start) return start.replay;
  const { current } = start;
  if (!current || current.kind !== 'absent') throw new BadRequestError('Причину можно указать только для отмеченного пропуска урока.');
  const document = input.document.trim();
  if (current.reason === input.reason && current.document === document) return { value: current, version: current.version, replayed: false };
  return writeAttendance(ctx, { kind: 'absent', reason: input.reason, document }, input, actor, now);
}

// --- lesson content --------------------------------------------------------------------------------

export interface LessonInput {
  topic?: string;
  studied?: string;
  workTypes?: WorkTypeId[];
  homework?: string;
  individualHomework?: IndividualHomework[];
  version: number;
  requestId: string;
}

export interface LessonContentView {
  lessonId: string;
  topic?: string;
  studied?: string;
  workTypes: WorkTypeId[];
  homework?: string;
  individualHomework: IndividualHomework[];
  filledAt?: string;
  version: number;
}

export function lessonContentView(l: JournalLesson, grade: number): LessonContentView {
  return {
    lessonId: lessonIdOf(l),
    ...(l.topic ? { topic: l.topic } : {}),
    ...(l.studied ? { studied: l.studied } : {}),
    workTypes: l.workTypes ?? [],
    ...(takesMarks(grade) ? (l.homework ? { homework: l.homework } : {}) : { homework: GRADE1_HOMEWORK }),
    individualHomework: l.individualHomework ?? [],
    ...(l.filledAt ? { filledAt: l.filledAt } : {}),
    version: l.version,
  };
}

const CONTENT_FIELDS = ['topic', 'studied', 'workTypes', 'homework', 'individualHomework'] as const;
type ContentField = (typeof CONTENT_FIELDS)[number];

const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Topic, what was studied, work types and homework of a lesson; fields left out stay as they are. */
export async function fillLesson(ctx: WriteContext, input: LessonInput, actor: Actor, now: Date): Promise<EntryResult<LessonContentView>> {
  refuse(lessonVerdict(ctx.lesson, ctx.today, ctx.rules.locks));
  const lesson = ctx.lesson;
  if (lesson.lastRequestId === input.requestId) return { value: lessonContentView(lesson, ctx.grade), version: lesson.version, replayed: true };
  if (lesson.version !== input.version) {
    throw new ConflictError('Урок уже изменил другой пользователь: показаны текущие тема и задание.', lessonContentView(lesson, ctx.grade));
  }
  const wanted: Partial<Record<ContentField, unknown>> = {};
  for (const f of CONTENT_FIELDS) if (input[f] !== undefined) wanted[f] = typeof input[f] === 'string' ? (input[f] as string).trim() : input[f];
  if (!takesMarks(ctx.grade)) {
    // Clause 3.5: the homework column of grade 1 reads «нет».
    if (wanted.homework !== undefined && wanted.homework !== '' && wanted.homework !== GRADE1_HOMEWORK) {
      throw new BadRequestError('В 1 классе домашнее задание не задаётся: в графе записывается «нет» (п. 3.5 положения).');
    }
    if (!isEmpty(wanted.individualHomework)) throw new BadRequestError('В 1 классе домашнее задание не задаётся (п. 3.5 положения).');
    delete wanted.individualHomework;
    wanted.homework = GRADE1_HOMEWORK;
  }
  for (const hw of (wanted.individualHomework as IndividualHomework[] | undefined) ?? []) {
    for (const id of hw.studentIds) studentOfLesson(ctx, id);
  }
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const old: Record<string, unknown> = {};
  const next: Record<string, unknown> = {};
  for (const [f, v] of Object.entries(wanted) as Array<[ContentField, unknown]>) {
    const before = lesson[f];
    if (JSON.stringify(before ?? null) === JSON.stringify(isEmpty(v) ? null : v) || (isEmpty(before) && isEmpty(v))) continue;
    old[f] = before ?? null;
    next[f] = isEmpty(v) ? null : v;
    if (isEmpty(v)) remove.push(f);
    else set[f] = v;
  }
  const warnings = [lacksCyrillic(wanted.topic as string | undefined), lacksCyrillic(wanted.studied as string | undefined), lacksCyrillic(wanted.homework as string | undefined)].some(Boolean)
    ? [NO_CYRILLIC_WARNING]
    : undefined;
  if (Object.keys(next).length === 0) return { value: lessonContentView(lesson, ctx.grade), version: lesson.version, replayed: false, warnings };

  const topicAfter = 'topic' in next ? (next.topic as string | null) : (lesson.topic ?? null);
  if (topicAfter && !lesson.filledAt) {
    set.filledAt = now.toISOString();
    set.filledBy = actor.userId;
  }
  set.lastRequestId = input.requestId;
  const after: JournalLesson = { ...lesson, ...set, version: lesson.version + 1 } as JournalLesson;
  for (const f of remove) delete (after as unknown as Record<string, unknown>)[f];
  const result = await commit({
    ctx,
    actor,
    now,
    requestId: input.requestId,
    entity: 'lesson',
    target: { lessonId: lessonIdOf(lesson) },
    action: CONTENT_FIELDS.every((f) => isEmpty(lesson[f])) ? 'create' : 'update',
    old,
    next,
    cellOp: lessonContentOp(ctx.place, ctx.ref, set, remove, lesson.version),
    cellIsLesson: true,
    onCellChanged: (item) => {
      if (item && item.lastRequestId === input.requestId) return 'replayed';
      throw new ConflictError('Урок только что изменил другой пользователь: показаны текущие тема и задание.', item ? lessonContentView(lessonOf(item), ctx.grade) : null);
    },
  });
  return { value: lessonContentView(after, ctx.grade), version: after.version, replayed: result === 'replayed', warnings };
}


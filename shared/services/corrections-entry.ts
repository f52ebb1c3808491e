/**
 * Entering an approved correction request into the journal (issue 11; clauses 7.4, 3.11; ).
 * The deputy responsible for journal control (designated by the director in the school's settings)
 * sends the request's cells with the values as approved. Then:
 *
 * 1. the request is read as of `now`: only an approved request inside its window may be entered
 *    (an unused window has expired at its end in the school's zone); a repeated entry with the same
 *    idempotency key answers the stored request;
 * 2. the cells sent are checked against the scope, cell by cell (400 naming each refused cell);
 * 3. ONE consistent BatchGetItem of every cell, its lesson, roster and subgroups, and each chain
 *    head; a cell whose value is no longer the request's «value now» is a 409 listing each one;
 * 4. ONE TransactWriteItems: the request (state `entered`, with what, who, when) on its version, its
 *    audit record, every cell on the version read (the lock is not asked: the approval is the
 *    permission, for exactly these cells), and per subject chain the change-log records, each
 *    naming the request (`correctionNo`, «по заявке № N»). A chain head moved by another change is
 *    read again and the transaction rebuilt; anything else that moved is a 409.
 *
 * The items and log shapes are the journal's own (shared/repos/journal.ts, period-marks.ts,
 * shared/domain/journal-log.ts `logValue`), so the page, the diary and the log read them as any other.
 */
import { randomUUID } from 'node:crypto';
import type { CorrectionEntryObject } from '../auth/rules/corrections';
import { documentText } from '../domain/absence-documents';
import type { SubgroupSet } from '../domain/curriculum';
import { keys, type Key } from '../db/keys';
import type { TransactItem } from '../db/transact';
import {
  cellKey,
  cellLabel,
  correctionNote,
  entryProblems,
  staleCells,
  transitionRefusal,
  type ScopeCell,
} from '../domain/corrections';
import { chainRun, logValue, type ChangeAction, type ChangeBody, type ChangeEntity, type ChangeTarget } from '../domain/journal-log';
import { ATTENDANCE_CODES, attendanceCode } from '../domain/journal-marks';
import { inLessonGroup, lessonIdOf, onRosterOn, type JournalAttendance, type JournalLesson, type JournalMark, type SubjectRoster } from '../domain/journal-model';
import { takesMarks } from '../domain/journal-rules';
import type { FinalMarkCode } from '../domain/period-marks';
import { resolveSchoolSettings } from '../domain/settings';
import { periodsForGrade, type Period } from '../domain/year';
import type { WorkTypeId } from '../domain/work-types';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { changeLogRunOps } from '../repos/change-log';
import { entryOps, type StoredCorrection } from '../repos/corrections';
import { attendanceOf, attendancePutOp, lessonContentOp, lessonOf, lessonTouchOp, markOf, markPutOp, rosterOf, transact, type Place } from '../repos/journal';
import { finalMarkKey, finalMarkOf, finalMarkPutOp, keyId, readItems, slotFields, type FinalMarkSlot, type StoredFinalMark } from '../repos/period-marks';
import { getClass, getDepartmentAndSchoolItems, type School, type SchoolClass } from '../repos/school';
import { getYear } from '../repos/year';
import { correctionView, loadCorrection, type Actor, type CorrectionView } from './corrections';
import { materialiseRosters, withCurrentSubgroups } from './journal-rosters';
import { rulesFromItems } from './journal-settings';
import { targetOfSlot } from './period-marks';

type Item = Record<string, unknown>;

export interface EntryContext {
  school: School;
  correction: StoredCorrection;
  /** What `correction.enter` is checked on: the request's class and the designated deputies. */
  access: CorrectionEntryObject;
  department: Item | null;
  schoolItem: Item | null;
}

export async function loadEntryContext(school: School, yearId: string, num: number): Promise<EntryContext> {
  const [{ correction }, items] = await Promise.all([loadCorrection(school, yearId, num), getDepartmentAndSchoolItems(school.departmentId, school.schoolId)]);
  const settings = resolveSchoolSettings(items.school?.settings as Parameters<typeof resolveSchoolSettings>[0]);
  return {
    school,
    correction,
    department: items.department,
    schoolItem: items.school,
    access: { departmentId: school.departmentId, schoolId: school.schoolId, classId: correction.classId, journalControlDeputyIds: settings.journalControlDeputyIds ?? [] },
  };
}

/** Why the caller may not enter, in Russian: nobody designated yet, or somebody else is. */
export function entryRefusal(ctx: EntryContext): string {
  return ctx.access.journalControlDeputyIds.length === 0
    ? 'Директор ещё не назначил заместителя, ответственного за контроль ведения журнала (Настройки школы → Корректировка журнала): вносить исправления по заявкам пока некому (п. 3.11, 7.4 Положения).'
    : 'Исправление по заявке вносит заместитель директора, ответственный за контроль ведения журнала, назначенный директором (п. 3.11, 7.4 Положения).';
}

export interface EntryInput {
  cells: ScopeCell[];
  /** The request's version the deputy saw. */
  version: number;
  /** Idempotency key of this entry (a retry after a lost answer finds the entry done). */
  requestId?: string;
}

// --- where each cell lives ---------------------------------------------------------------------

/** A cell located in the table: its item's key, the chain its record extends, what else it needs read. */
interface Located {
  cell: ScopeCell;
  key: Key;
  /** The subject chain of the class x period the record goes to. */
  chain: Place;
  lessonKey?: Key;
  rosterKey?: Key;
  subgroupsKey?: Key;
  slot?: FinalMarkSlot;
}

const chainId = (p: Place) => `${p.periodId}|${p.subjectId}`;
const headKey = (p: Place) => keys.changeLogHead(p.schoolId, p.classId, p.periodId, p.subjectId);

function locate(c: StoredCorrection, cls: SchoolClass, periods: readonly Period[]): Located[] {
  return c.cells.map((cell): Located => {
    if (cell.kind === 'finalMark') {
      const target = targetOfSlot(cell.slot, periods);
      if (!target) throw new ConflictError(`${cellLabel(cell)}: такого периода у класса больше нет.`);
      // A year, exam or final mark is logged in the chain of the grade's last period, as issue 10 does.
      const period = target.kind === 'period' ? target.periodId : periods[periods.length - 1]!.periodId;
      const slot: FinalMarkSlot = { schoolId: c.schoolId, classId: c.classId, yearId: cls.yearId, kind: target.kind, ...(target.kind === 'period' ? { periodId: target.periodId } : {}), subjectId: cell.subjectId, studentId: cell.studentId };
      return { cell, key: finalMarkKey(slot), slot, chain: { schoolId: c.schoolId, classId: c.classId, periodId: period, subjectId: cell.subjectId } };
    }
    const place: Place = { schoolId: c.schoolId, classId: c.classId, periodId: c.periodId, subjectId: cell.subjectId };
    const lessonKey = keys.lesson(c.schoolId, c.classId, c.periodId, cell.subjectId, cell.date, cell.lessonNo, cell.groupId);
    if (cell.kind === 'topic') return { cell, key: lessonKey, lessonKey, chain: place };
    const key = cell.kind === 'mark' ? keys.mark(c.schoolId, c.classId, c.periodId, cell.subjectId, cell, cell.studentId, cell.workType) : keys.attendance(c.schoolId, c.classId, c.periodId, cell.subjectId, cell, cell.studentId);
    return {
      cell,
      key,
      lessonKey,
      chain: place,
      rosterKey: keys.roster(c.schoolId, c.classId, c.periodId, cell.subjectId),
      subgroupsKey: keys.subgroups(c.schoolId, c.classId, c.periodId, cell.subjectId),
    };
  });
}

const live = (item: Item | undefined) => (item && !item.deleted ? item : undefined);

/** The value of a cell as the scope writes it (the journal's code; null: empty). */
function valueNow(l: Located, item: Item | undefined): string | null {
  switch (l.cell.kind) {
    case 'mark':
      return live(item) ? String(markOf(item!).value) : null;
    case 'attendance': {
      if (!live(item)) return null;
      const a = attendanceOf(item!);
      return attendanceCode({ kind: a.kind, ...(a.reason ? { reason: a.reason } : {}) });
    }
    case 'topic':
      return item && typeof item.topic === 'string' && item.topic.trim() ? item.topic : null;
    case 'finalMark':
      return live(item) && typeof item!.code === 'string' ? (item!.code as string) : null;
  }
}

/** Reads everything the entry decides on in one consistent BatchGetItem (a missing roster is built first, as the journal does). */
async function readCells(c: StoredCorrection, located: Located[], now: Date): Promise<Map<string, Item>> {
  const wanted = new Map<string, Key>();
  for (const l of located) for (const k of [l.key, l.lessonKey, l.rosterKey, l.subgroupsKey, headKey(l.chain)]) if (k) wanted.set(keyId(k), k);
  let found = await readItems([...wanted.values()]);
  if (located.some((l) => l.rosterKey && !found.has(keyId(l.rosterKey)))) {
    await materialiseRosters(c.schoolId, c.classId, c.periodId, now);
    found = await readItems([...wanted.values()]);
  }
  return found;
}

/** What no longer holds in the journal for a cell of the request: its lesson, its pupil on that lesson. */
function placeProblem(l: Located, found: Map<string, Item>, grade: number): string | null {
  const cell = l.cell;
  if (cell.kind === 'finalMark') return null;
  const lessonItem = l.lessonKey ? found.get(keyId(l.lessonKey)) : undefined;
  const label = cellLabel(cell);
  if (!lessonItem) return `${label}: урока нет в расписании класса.`;
  const lesson = lessonOf(lessonItem);
  if (lesson.status === 'cancelled') return `${label}: урок отменён по расписанию.`;
  if (cell.kind === 'topic') return null;
  if (cell.kind === 'mark' && cell.to !== null && !takesMarks(grade)) return `${label}: в 1 классе отметки не выставляются (п. 3.5 Положения).`;
  const rosterItem = l.rosterKey ? found.get(keyId(l.rosterKey)) : undefined;
  if (!rosterItem) return `${label}: предмета нет в учебном плане класса на этот период.`;
  const subgroups = l.subgroupsKey ? found.get(keyId(l.subgroupsKey)) : undefined;
  const roster: SubjectRoster = withCurrentSubgroups(rosterOf(rosterItem), (subgroups as unknown as SubgroupSet | undefined) ?? null);
  const s = roster.students.find((x) => x.studentId === cell.studentId);
  if (!s) return `${label}: обучающегося нет в списке класса по предмету.`;
  if (!inLessonGroup(s, lesson.groupId, roster.groups)) return `${label}: ${s.name} занимается в другой подгруппе.`;
  if (!onRosterOn(s, lesson.date)) return `${label}: ${s.name} не числился(ась) в классе в день урока.`;
  return null;
}

// --- the writes --------------------------------------------------------------------------------

interface CellWrite {
  op: TransactItem;
  log: Pick<ChangeBody, 'action' | 'entity' | 'target' | 'old' | 'new'>;
}

interface WriteFacts {
  weights: Partial<Record<WorkTypeId, number>>;
  /** The request's document as an absence shows it («Медицинская справка № 12 от 27.11.2026»). */
  document: string;
  actor: Actor;
  at: string;
  requestId: string;
}

const actionOf = (before: unknown, after: unknown): ChangeAction => (before === null ? 'create' : after === null ? 'delete' : 'update');

function writeOf(l: Located, found: Map<string, Item>, f: WriteFacts): CellWrite {
  const cell = l.cell;
  const item = found.get(keyId(l.key));
  const readVersion = item ? Number(item.version ?? 0) : null;
  const version = (readVersion ?? 0) + 1;
  const stamp = { version, setBy: f.actor.userId, setAt: f.at, lastRequestId: f.requestId };
  const log = (entity: ChangeEntity, target: ChangeTarget, old: Record<string, unknown> | null, next: Record<string, unknown> | null) => ({ action: actionOf(old, next), entity, target, old, new: next });
  switch (cell.kind) {
    case 'mark': {
      const current = live(item) ? markOf(item!) : null;
      const ref = { date: cell.date, lessonNo: cell.lessonNo, groupId: cell.groupId };
      const mark: JournalMark =
        cell.to === null
          ? { ...current!, ...stamp, deleted: true }
          : { ...ref, studentId: cell.studentId, workType: cell.workType as WorkTypeId, value: Number(cell.to), weight: f.weights[cell.workType as WorkTypeId] ?? current?.weight ?? 1, ...(current?.comment ? { comment: current.comment } : {}), ...stamp };
      return {
        op: markPutOp(l.chain, mark, readVersion),
        log: log('mark', { lessonId: lessonIdOf(ref), studentId: cell.studentId, workType: cell.workType }, current ? logValue.mark(current) : null, cell.to === null ? null : logValue.mark(mark)),
      };
    }
    case 'attendance': {
      const current = live(item) ? attendanceOf(item!) : null;
      const ref = { date: cell.date, lessonNo: cell.lessonNo, groupId: cell.groupId };
      const code = cell.to === null ? null : ATTENDANCE_CODES[cell.to]!;
      // The class teacher's document stays while the reason it proves stays (clause 3.7); a new reason
      // is proved by the request's own document (clause 7.1: «подтвержденным документально»).
      const kept = code && current?.document && current.reason === code.reason ? current.document : undefined;
      const document = kept ?? (code?.reason ? f.document : undefined);
      const entry: JournalAttendance =
        code === null ? { ...current!, ...stamp, deleted: true } : { ...ref, studentId: cell.studentId, kind: code.kind, ...(code.reason ? { reason: code.reason } : {}), ...(document ? { document } : {}), ...stamp };
      return {
        op: attendancePutOp(l.chain, entry, readVersion),
        log: log('attendance', { lessonId: lessonIdOf(ref), studentId: cell.studentId }, current ? logValue.attendance(current) : null, code === null ? null : logValue.attendance(entry)),
      };
    }
    case 'topic': {
      const lesson = lessonOf(item!) as JournalLesson & { filledAt?: string };
      const set: Record<string, unknown> = { lastRequestId: f.requestId, ...(cell.to !== null ? { topic: cell.to } : {}) };
      if (cell.to !== null && !lesson.filledAt) Object.assign(set, { filledAt: f.at, filledBy: f.actor.userId });
      const before = lesson.topic?.trim() ? lesson.topic : null;
      return {
        op: lessonContentOp(l.chain, cell, set, cell.to === null ? ['topic'] : [], lesson.version),
        log: { action: before === null ? 'create' : cell.to === null ? 'delete' : 'update', entity: 'lesson', target: { lessonId: lessonIdOf(cell) }, old: { topic: before }, new: { topic: cell.to } },
      };
    }
    case 'finalMark': {
      const stored = item ? finalMarkOf(item) : null;
      const current = stored && !stored.deleted && stored.code ? stored : null;
      const slot = l.slot!;
      // A mark entered under a request departs from its justification by the request itself (clause 7.4), not by a reason of clause 6.1.
      const mark: StoredFinalMark = {
        ...slotFields(slot),
        ...(cell.to !== null ? { code: cell.to as FinalMarkCode } : {}),
        setByName: f.actor.displayName,
        firstSetAt: stored?.firstSetAt ?? f.at,
        late: stored?.late ?? false,
        ...stamp,
        ...(cell.to === null ? { deleted: true } : {}),
      };
      return {
        op: finalMarkPutOp(slot, mark, readVersion),
        log: log('finalMark', { lessonId: slot.kind === 'period' ? slot.periodId! : slot.kind, studentId: slot.studentId }, current ? logValue.finalMark(current) : null, cell.to === null ? null : logValue.finalMark(mark)),
      };
    }
  }
}

/** Lessons whose marks or attendance change and that the journal has not marked as holding data yet (a topic's own write marks it). */
function touchOps(located: Located[], found: Map<string, Item>): TransactItem[] {
  const topics = new Set(located.filter((l) => l.cell.kind === 'topic').map((l) => keyId(l.key)));
  const touched = new Map<string, TransactItem>();
  for (const l of located) {
    if (!l.lessonKey || l.cell.kind === 'topic' || l.cell.kind === 'finalMark') continue;
    const id = keyId(l.lessonKey);
    if (topics.has(id) || touched.has(id) || found.get(id)?.journalData === true) continue;
    touched.set(id, lessonTouchOp(l.chain, l.cell));
  }
  return [...touched.values()];
}

const MAX_ATTEMPTS = 12;

/**
 * Enters the approved request. Refusals: 409 when the request is not approved or its window has
 * passed, or the journal changed under a cell; 400 listing each cell sent outside the scope or with
 * another value. Returns the request as entered.
 */
export async function enterCorrection(ctx: EntryContext, input: EntryInput, actor: Actor, now: Date): Promise<CorrectionView> {
  const c = ctx.correction;
  const requestId = input.requestId ?? randomUUID();
  if (c.state === 'entered' && input.requestId && c.entry?.requestId === input.requestId) return correctionView(c, now);
  if (input.version !== c.version) throw new ConflictError('Заявку уже изменил кто-то другой: обновите страницу.', correctionView(c, now));
  const refusal = transitionRefusal(c, 'enter', 'deputy', now);
  if (refusal) throw new ConflictError(refusal, correctionView(c, now));
  const problems = entryProblems(c.cells, input.cells, c.number);
  if (problems.length > 0) throw new BadRequestError(problems.map((p) => p.message).join(' '), { problems });

  const cls = await getClass(c.schoolId, c.classId);
  if (!cls) throw new NotFoundError('Класс заявки не найден.');
  const year = await getYear(c.schoolId, cls.yearId);
  if (!year) throw new NotFoundError('Учебный год класса не заведён.');
  const located = locate(c, cls, periodsForGrade(year, cls.grade));
  const found = await readCells(c, located, now);

  const gone = located.flatMap((l) => placeProblem(l, found, cls.grade) ?? []);
  if (gone.length > 0) throw new ConflictError(gone.join(' '), { cells: gone });
  const current = new Map(located.map((l) => [cellKey(l.cell), valueNow(l, found.get(keyId(l.key)))]));
  const stale = staleCells(c.cells, current);
  if (stale.length > 0) throw new ConflictError(stale.map((s) => s.message).join(' '), { cells: stale.map((s) => ({ ...s.cell, now: s.now })) });

  const at = now.toISOString();
  const rules = rulesFromItems(ctx.department, ctx.schoolItem, now);
  const writes = located.map((l) => ({ l, w: writeOf(l, found, { weights: rules.weights, document: documentText(c.document), actor, at, requestId }) }));
  const next: StoredCorrection = { ...c, state: 'entered', entry: { by: actor.userId, byName: actor.displayName, at, requestId, cells: c.cells }, version: c.version + 1 };
  const front = [...entryOps(c, next, actor, now), ...writes.map((x) => x.w.op)];
  const touches = touchOps(located, found);

  const chains = new Map<string, { place: Place; bodies: ChangeBody[] }>();
  for (const { l, w } of writes) {
    const id = chainId(l.chain);
    if (!chains.has(id)) chains.set(id, { place: l.chain, bodies: [] });
    chains.get(id)!.bodies.push({
      partition: keys.journalPartition(l.chain.schoolId, l.chain.classId, l.chain.periodId),
      subjectId: l.chain.subjectId,
      at,
      actorId: actor.userId,
      actorName: actor.displayName,
      ...w.log,
      requestId,
      reason: correctionNote(c.number),
      correctionNo: c.number,
    });
  }
  const heads = new Map([...chains.values()].map(({ place }) => [chainId(place), found.get(keyId(headKey(place)))]));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const logOps = [...chains.values()].flatMap(({ place, bodies }) => {
      const h = heads.get(chainId(place));
      const head = h ? { seq: Number(h.seq), hash: String(h.hash) } : null;
      return changeLogRunOps(place, chainRun(bodies, head), head?.seq ?? 0);
    });
    const outcome = await transact([...front, ...touches, ...logOps], randomUUID());
    if (outcome.ok) return correctionView(next, now);
    const failed = (i: number) => outcome.reasons[i]?.code === 'ConditionalCheckFailed';
    if (failed(0)) throw new ConflictError('Заявку только что изменил кто-то другой: обновите страницу.');
    const moved = writes.filter((_, i) => failed(i + 2)).map(({ l }) => `${cellLabel(l.cell)}: значение в журнале только что изменилось.`);
    if (moved.length > 0) throw new ConflictError(`${moved.join(' ')} Обновите страницу: если значение уже не то, что в заявке, подайте новую заявку.`);
    if (touches.some((_, i) => failed(front.length + i))) throw new ConflictError('Урок заявки удалён из расписания.');
    // A chain head moved (another change of the subject) or a transaction held an item: read the heads again.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 8 * 2 ** attempt)));
    const fresh = await readItems([...chains.values()].map(({ place }) => headKey(place)));
    for (const { place } of chains.values()) heads.set(chainId(place), fresh.get(keyId(headKey(place))));
  }
  throw new ConflictError('Журнал сейчас сохраняет много изменений одновременно: повторите внесение исправления.');
}

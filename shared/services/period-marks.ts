/**
 * Setting and clearing a period, year, exam or final mark (issue 10;
 * clauses 3.5, 3.9, 3.10, 6.1, 6.3). A change is:
 *
 * 1. the reads it decides on, in parallel: the department and school (locks, zone, weights and
 *    thresholds), the class and its year, the curriculum line, the subject's slice of the period's
 *    journal (roster with subgroups, the student's current marks), the class's last lesson days,
 *    and ONE consistent BatchGetItem of the mark, its change-log chain head and the marks its basis
 *    needs (a year mark: the period marks; a final mark: the year and exam marks);
 * 2. the policy on `access` (the caller: `finalMarkRight`), then the pure rules: grade 1 (3.5), the
 *    code for the subject, the window and the 5-day lock in the school's zone with `now` passed in,
 *    the version read, and the reason when the mark departs from its justification (6.1);
 * 3. ONE TransactWriteItems: the mark conditioned on the version read, the change-log record and its
 *    chain head conditioned on the sequence number read. A moved head (another change of the same
 *    subject) rebuilds the transaction on the new head; a changed mark is a 409 with the current one.
 *
 * The change log of a period mark is the chain of its subject in the class x period partition; a
 * year, exam or final mark is logged in the chain of the grade's last period (where the year ends
 * and the change-log screen already looks), its `target.lessonId` naming the slot («year»).
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/roles';
import type { FinalMarkObject } from '../auth/rules/period-marks';
import { addDays, dateInZone } from '../domain/calendar';
import { chainNext, logValue, type ChangeBody } from '../domain/journal-log';
import type { JournalMark, RosterStudent, SubjectRoster } from '../domain/journal-model';
import { GRADE_WITHOUT_MARKS } from '../domain/journal-rules';
import { countedMarksOf, finalBasis, finalMarkWithReason, justifyPeriod, reasonProblem, yearBasis, type Justification, type ReasonBasis } from '../domain/mark-justification';
import { effectiveOpenDaysBefore, finalMarkVerdict, markWindow, REGULATION_OPEN_DAYS_BEFORE, type MarkTarget, type MarkWindow } from '../domain/period-mark-rules';
import {
  FINAL_MARK_TEXT,
  finalMarkCodeProblem,
  GRADE1_FINAL_MESSAGE,
  kindProblem,
  systemMark,
  type FinalMarkCode,
  type FinalMarkKind,
  type SubjectMarking,
} from '../domain/period-marks';
import { closedMessage } from '../domain/period-close';
import { resolveSchoolSettings, type SchoolSettings } from '../domain/settings';
import { DEFAULT_MINIMUM_MARKS, periodRules, type MarkingRules, type MarkingRulesVersion } from '../domain/settings-versions';
import { periodsForGrade, type AcademicYear, type Period } from '../domain/year';
import { keys, type Key } from '../db/keys';
import { BadRequestError, ConflictError, LockedError, NotFoundError, RuleViolationError } from '../errors';
import { changeLogOps } from '../repos/change-log';
import { getLoad } from '../repos/curriculum';
import { headOf, readJournalSlice, readLessonsOfClassDays, transact, type ChainHeadRead, type JournalSlice } from '../repos/journal';
import { finalMarkKey, finalMarkOf, finalMarkPutOp, keyId, readItems, slotFields, type FinalMarkSlot, type StoredFinalMark } from '../repos/period-marks';
import { getClass, getDepartmentAndSchoolItems, type SchoolClass } from '../repos/school';
import { getYear } from '../repos/year';
import { materialiseRosters } from './journal-rosters';
import { rulesFromItems, type JournalRules } from './journal-settings';

type Item = Record<string, unknown>;

export interface Actor {
  userId: string;
  displayName: string;
}

// --- the rules a school marks by -------------------------------------------------------------------

export interface MarkingContext {
  journal: JournalRules;
  /** The department's days a period mark may open early, made stricter by the school (0 by the regulation). */
  openDaysBefore: number;
  /** The school's versions of weights, thresholds and minimums, when it has saved any. */
  versions: MarkingRulesVersion[];
  settings: SchoolSettings;
}

export function markingContextOf(department: Item | null, school: Item | null, now: Date): MarkingContext {
  const settings = resolveSchoolSettings((school?.settings as Partial<SchoolSettings> | undefined) ?? null);
  const stored = school?.settings as { periodMarksOpenDaysBefore?: number; markingRules?: MarkingRulesVersion[] } | undefined;
  const dep = typeof department?.periodMarksOpenDaysBefore === 'number' ? department.periodMarksOpenDaysBefore : REGULATION_OPEN_DAYS_BEFORE;
  return {
    journal: rulesFromItems(department, school, now),
    openDaysBefore: effectiveOpenDaysBefore(dep, stored?.periodMarksOpenDaysBefore),
    versions: Array.isArray(stored?.markingRules) ? stored.markingRules : [],
    settings,
  };
}

/**
 * Clause 6.1: the rules of the period's last day. Until the school saves versions (the settings
 * screen of this issue), its current weights and thresholds with the usual minimums.
 */
export function rulesOfPeriod(m: MarkingContext, period: Pick<Period, 'endDate'>): MarkingRules {
  if (m.versions.length) return periodRules(m.versions, period);
  return { weights: m.settings.weights, thresholds: m.settings.thresholds, minimumMarks: DEFAULT_MINIMUM_MARKS.map((s) => ({ ...s })) };
}

/** How the curriculum line marks a subject: «зачёт/незачёт» and «экзамен» are its flags (off when absent). */
export function subjectMarking(line: { passFail?: boolean; exam?: boolean } | null | undefined): SubjectMarking {
  return { passFail: line?.passFail === true, hasExam: line?.exam === true };
}

// --- slots -------------------------------------------------------------------------------------

export const YEAR_SLOTS = ['year', 'exam', 'final'] as const;
export type YearSlot = (typeof YEAR_SLOTS)[number];

/** «2026-q2» is a period's mark; «year», «exam», «final» the marks of the class's year. */
export function targetOfSlot(slot: string, periods: readonly Period[]): MarkTarget | null {
  if ((YEAR_SLOTS as readonly string[]).includes(slot)) return { kind: slot as YearSlot };
  return periods.some((p) => p.periodId === slot) ? { kind: 'period', periodId: slot } : null;
}

/** The days before a period's end the class's last school day is looked for among its lessons. */
const LAST_DAY_SEARCH = 13;

/** The class's lesson days just before a period's end: its last school day is the last of them (`lastSchoolDay`). */
export async function lessonDatesNear(schoolId: string, classId: string, endDate: string): Promise<string[]> {
  const lessons = await readLessonsOfClassDays(schoolId, classId, addDays(endDate, -LAST_DAY_SEARCH), endDate);
  return lessons.filter((l) => l.status !== 'cancelled').map((l) => l.date);
}

// --- the context of a change ---------------------------------------------------------------------

export interface FinalMarkPlace {
  schoolId: string;
  classId: string;
  /** A period id, or «year», «exam», «final». */
  slot: string;
  subjectId: string;
  studentId: string;
}

export interface FinalMarkContext {
  slot: FinalMarkSlot;
  schoolClass: SchoolClass;
  year: AcademicYear;
  /** The period the mark is of, or the grade's last period for year, exam and final marks. */
  period: Period;
  window: MarkWindow;
  marking: MarkingContext;
  marks: SubjectMarking;
  hoursPerWeek: number;
  roster: SubjectRoster;
  student: RosterStudent;
  studentMarks: JournalMark[];
  /** As stored, tombstone included. */
  stored: StoredFinalMark | null;
  /** The marks the basis of a year or final mark is computed from, by key. */
  basisItems: Map<string, Item>;
  head: ChainHeadRead | null;
  access: FinalMarkObject;
}

/** The subject's slice of the period's journal (one Query), its roster built on first use as the journal does. */
export async function sliceWithRoster(schoolId: string, classId: string, periodId: string, subjectId: string, now: Date): Promise<JournalSlice> {
  const place = { schoolId, classId, periodId, subjectId };
  let slice = await readJournalSlice(place);
  if (!slice.roster) {
    await materialiseRosters(schoolId, classId, periodId, now);
    slice = await readJournalSlice(place);
  }
  return slice;
}

function basisKeys(slot: FinalMarkSlot, periods: readonly Period[]): Key[] {
  const s = { ...slot };
  if (slot.kind === 'year') return periods.map((p) => keys.periodMark(s.schoolId, s.classId, p.periodId, s.subjectId, s.studentId));
  if (slot.kind === 'final') return (['year', 'exam'] as const).map((k) => keys.yearMark(s.schoolId, s.classId, s.yearId, k, s.subjectId, s.studentId));
  return [];
}

/** Loads what a change decides on; the caller then asks the policy with `access`. */
export async function loadFinalMarkContext(p: Principal, place: FinalMarkPlace, now: Date): Promise<FinalMarkContext> {
  const [items, schoolClass] = await Promise.all([getDepartmentAndSchoolItems(p.departmentId, place.schoolId), getClass(place.schoolId, place.classId)]);
  if (!items.school) throw new NotFoundError('Школа не найдена.');
  if (!schoolClass) throw new NotFoundError('Класс не найден.');
  const year = await getYear(place.schoolId, schoolClass.yearId);
  if (!year) throw new NotFoundError('Учебный год класса не заведён.');
  const periods = periodsForGrade(year, schoolClass.grade);
  const target = targetOfSlot(place.slot, periods);
  if (!target) throw new NotFoundError('Нет такого периода у этого класса.');
  const period = target.kind === 'period' ? periods.find((x) => x.periodId === target.periodId)! : periods[periods.length - 1]!;
  const slot: FinalMarkSlot = {
    schoolId: place.schoolId,
    classId: place.classId,
    yearId: schoolClass.yearId,
    kind: target.kind,
    ...(target.kind === 'period' ? { periodId: period.periodId } : {}),
    subjectId: place.subjectId,
    studentId: place.studentId,
  };
  const markKey = finalMarkKey(slot);
  const headKey = keys.changeLogHead(place.schoolId, place.classId, period.periodId, place.subjectId);
  const extra = basisKeys(slot, periods);
  const [line, slice, lessonDates, found] = await Promise.all([
    getLoad(place.schoolId, schoolClass.yearId, place.classId, place.subjectId, true),
    sliceWithRoster(place.schoolId, place.classId, period.periodId, place.subjectId, now),
    lessonDatesNear(place.schoolId, place.classId, period.endDate),
    readItems([markKey, headKey, ...extra]),
  ]);
  if (!line || !slice.roster) throw new NotFoundError('Предмета нет в учебном плане класса.');
  const student = slice.roster.students.find((s) => s.studentId === place.studentId);
  if (!student) throw new NotFoundError('Этого обучающегося нет в списке класса по предмету.');
  const marking = markingContextOf(items.department, items.school, now);
  const headItem = found.get(keyId(headKey));
  const head = headItem ? headOf(headItem) : null;
  // The period close closed the period's chain: its period marks close with it. Year, exam and
  // final marks are logged in the last period's chain but keep their own windows (to the year's end, after it).
  const closedOn = target.kind === 'period' ? head?.closed?.closedOn : undefined;
  const window = markWindow(year, schoolClass.grade, target, { openDaysBefore: marking.openDaysBefore, lessonDates, closedOn });
  if (!window) throw new NotFoundError('Нет такого периода у этого класса.');
  const storedItem = found.get(keyId(markKey));
  return {
    slot,
    schoolClass,
    year,
    period,
    window,
    marking,
    marks: subjectMarking(line),
    hoursPerWeek: line.hoursPerWeek,
    roster: slice.roster,
    student,
    studentMarks: slice.marks.filter((m) => m.studentId === place.studentId),
    stored: storedItem ? finalMarkOf(storedItem) : null,
    basisItems: found,
    head,
    access: {
      departmentId: p.departmentId,
      schoolId: place.schoolId,
      classId: place.classId,
      line: { teacherId: line.teacherId, groups: line.groups },
      subgroups: slice.roster.groups,
      studentGroupId: student.groupId ?? null,
    },
  };
}

// --- the views ---------------------------------------------------------------------------------

export interface FinalMarkView {
  kind: FinalMarkKind;
  periodId?: string;
  subjectId: string;
  studentId: string;
  code: FinalMarkCode;
  /** «5», «н/а (по болезни)». */
  text: string;
  reason?: string;
  /** Set after its due day: «с опозданием». */
  late: boolean;
  /** Written by the system (grade 1, clause 3.5), never stored. */
  system?: boolean;
  setBy?: string;
  setByName?: string;
  setAt?: string;
  firstSetAt?: string;
  version: number;
}

export function finalMarkView(m: StoredFinalMark): FinalMarkView | null {
  if (m.deleted || !m.code) return null;
  return {
    kind: m.kind,
    ...(m.periodId ? { periodId: m.periodId } : {}),
    subjectId: m.subjectId,
    studentId: m.studentId,
    code: m.code,
    text: finalMarkWithReason(m.code, m.reason),
    ...(m.reason ? { reason: m.reason } : {}),
    late: m.late === true,
    setBy: m.setBy,
    setByName: m.setByName,
    setAt: m.setAt,
    firstSetAt: m.firstSetAt,
    version: m.version,
  };
}

/** Grade 1's result of a slot, as the system writes it (clause 3.5). */
export function systemMarkView(grade: number, kind: FinalMarkKind, subjectId: string, studentId: string, periodId?: string): FinalMarkView | null {
  const code = systemMark(grade, kind);
  if (!code) return null;
  return { kind, ...(periodId ? { periodId } : {}), subjectId, studentId, code, text: FINAL_MARK_TEXT[code], late: false, system: true, version: 0 };
}

const visibleVersion = (m: StoredFinalMark | null) => (m && !m.deleted ? Number(m.version) : 0);

// --- the basis ---------------------------------------------------------------------------------

/** The period's justification of the student's mark (clause 6.1), under the rules of its last day. */
export function periodJustification(ctx: Pick<FinalMarkContext, 'studentMarks' | 'period' | 'marking' | 'hoursPerWeek' | 'student'>): Justification {
  const counted = countedMarksOf(ctx.studentMarks, ctx.student.studentId, ctx.period);
  return justifyPeriod(counted, rulesOfPeriod(ctx.marking, ctx.period), ctx.hoursPerWeek);
}

function codeAt(items: Map<string, Item>, key: Key): FinalMarkCode | null {
  const i = items.get(keyId(key));
  return i && !i.deleted ? ((i.code as FinalMarkCode | undefined) ?? null) : null;
}

/** What a mark is checked against: the period's justification, the year's period marks, or the year and exam marks. */
function basisOf(ctx: FinalMarkContext): ReasonBasis | null {
  const s = ctx.slot;
  const thresholds = rulesOfPeriod(ctx.marking, ctx.period).thresholds;
  if (s.kind === 'period') return periodJustification(ctx);
  if (s.kind === 'year') {
    const periods = periodsForGrade(ctx.year, ctx.schoolClass.grade);
    return yearBasis(periods.map((p) => ({ name: p.name, code: codeAt(ctx.basisItems, keys.periodMark(s.schoolId, s.classId, p.periodId, s.subjectId, s.studentId)) })), thresholds);
  }
  if (s.kind === 'final') {
    const at = (k: 'year' | 'exam') => codeAt(ctx.basisItems, keys.yearMark(s.schoolId, s.classId, s.yearId, k, s.subjectId, s.studentId));
    return finalBasis(at('year'), at('exam'), !!ctx.marks.hasExam, thresholds);
  }
  // An exam mark is the exam's result: nothing in the journal to agree with.
  return null;
}

// --- the change ------------------------------------------------------------------------------------

export interface FinalMarkInput {
  /** null clears the mark. */
  code: FinalMarkCode | null;
  reason?: string | null;
  /** The version the client saw; 0 = no mark. */
  version: number;
  requestId: string;
}

export interface FinalMarkResult {
  mark: FinalMarkView | null;
  version: number;
  replayed: boolean;
  /** The first day the mark can no longer be changed. */
  lockedFrom: string | null;
}

const MAX_ATTEMPTS = 24;

export async function setFinalMark(ctx: FinalMarkContext, input: FinalMarkInput, actor: Actor, now: Date): Promise<FinalMarkResult> {
  const { slot, stored } = ctx;
  const grade = ctx.schoolClass.grade;
  // Clause 3.5: a rule whatever the date, not a lock.
  if (grade === GRADE_WITHOUT_MARKS) throw new RuleViolationError('grade1_no_marks', GRADE1_FINAL_MESSAGE, '3.5');
  const markCtx = { grade, kind: slot.kind, ...ctx.marks };
  const kindIssue = kindProblem(markCtx);
  if (kindIssue) throw new BadRequestError(kindIssue);
  if (input.code !== null) {
    const problem = finalMarkCodeProblem(input.code, markCtx);
    if (problem) throw new BadRequestError(problem);
  }

  const verdict = finalMarkVerdict(ctx.window, stored ? { firstSetAt: stored.firstSetAt } : null, now, ctx.marking.journal.timeZone, ctx.marking.journal.locks.lockDays);
  if (!verdict.open) {
    const { message, ...details } = verdict;
    throw new LockedError(message, details);
  }

  if (stored && stored.lastRequestId === input.requestId) {
    return { mark: finalMarkView(stored), version: visibleVersion(stored), replayed: true, lockedFrom: verdict.lockedFrom };
  }
  const current = stored ? finalMarkView(stored) : null;
  if (visibleVersion(stored) !== input.version) {
    throw new ConflictError('Отметку уже изменил другой пользователь: показано текущее значение.', current);
  }
  const reason = input.code === null ? undefined : input.reason?.trim() || undefined;
  if (input.code === null && !current) return { mark: null, version: 0, replayed: false, lockedFrom: verdict.lockedFrom };
  if (current && input.code === current.code && reason === current.reason) {
    return { mark: current, version: current.version, replayed: false, lockedFrom: verdict.lockedFrom };
  }
  if (input.code !== null) {
    const basis = basisOf(ctx);
    const problem = basis ? reasonProblem(input.code, reason, basis) : null;
    if (problem) throw new BadRequestError(problem);
  }

  const version = (stored ? Number(stored.version) : 0) + 1;
  const at = now.toISOString();
  const mark: StoredFinalMark = {
    ...slotFields(slot),
    ...(input.code !== null ? { code: input.code } : {}),
    ...(reason ? { reason } : {}),
    setBy: actor.userId,
    setByName: actor.displayName,
    setAt: at,
    firstSetAt: stored?.firstSetAt ?? at,
    late: verdict.late,
    version,
    ...(input.code === null ? { deleted: true } : {}),
    lastRequestId: input.requestId,
  };
  const shown = logValue.finalMark;
  const logPlace = { schoolId: slot.schoolId, classId: slot.classId, periodId: ctx.period.periodId, subjectId: slot.subjectId };
  let head = ctx.head;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const body: ChangeBody = {
      partition: keys.journalPartition(slot.schoolId, slot.classId, ctx.period.periodId),
      subjectId: slot.subjectId,
      at,
      actorId: actor.userId,
      actorName: actor.displayName,
      action: !current ? 'create' : input.code === null ? 'delete' : 'update',
      entity: 'finalMark',
      target: { lessonId: slot.kind === 'period' ? slot.periodId! : slot.kind, studentId: slot.studentId },
      old: current ? shown(current) : null,
      new: input.code === null ? null : shown(mark),
      requestId: input.requestId,
    };
    const record = chainNext(body, head);
    const outcome = await transact([finalMarkPutOp(slot, mark, stored ? Number(stored.version) : null), ...changeLogOps(logPlace, record, head?.seq ?? 0)], randomUUID());
    if (outcome.ok) return { mark: finalMarkView(mark), version: input.code === null ? 0 : version, replayed: false, lockedFrom: verdict.lockedFrom };
    const [cell] = outcome.reasons;
    if (cell?.code === 'ConditionalCheckFailed') {
      const now = cell.item ? finalMarkOf(cell.item) : null;
      if (now && now.lastRequestId === input.requestId) return { mark: finalMarkView(now), version: visibleVersion(now), replayed: true, lockedFrom: verdict.lockedFrom };
      throw new ConflictError('Отметку только что изменил другой пользователь: показано текущее значение.', now ? finalMarkView(now) : null);
    }
    // Another change of the subject moved the chain head: rebuild on the new head.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 8 * 2 ** attempt)));
    const fresh = await readItems([keys.changeLogHead(slot.schoolId, slot.classId, ctx.period.periodId, slot.subjectId)]);
    const h = [...fresh.values()][0];
    head = h ? headOf(h) : null;
    // The period close came in between (it moves every head of the class): the mark is refused as closed.
    if (head?.closed && slot.kind === 'period') throw new LockedError(closedMessage(head.closed), { reason: 'periodClosed', ...head.closed });
  }
  throw new ConflictError('Журнал этого предмета сейчас сохраняет много изменений одновременно. Повторите сохранение.');
}

/** Today in the school's zone, for the views. */
export function todayOf(m: MarkingContext, now: Date): string {
  return dateInZone(now, m.journal.timeZone);
}

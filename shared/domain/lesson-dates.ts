/**
 * Lesson dates (R-13, clause 1.4: the journal follows the curriculum, the timetable, the periods and
 * the holidays). For every school day of a period, each timetable slot of that weekday becomes a
 * lesson, except on the holidays of the class's grade (grade 1 rests an extra week in February);
 * one-off changes cancel, move or hand a lesson to a substitute.
 *
 * Dates are the school's plain local dates (YYYY-MM-DD), so a weekday is a property of the date
 * itself; "today" is computed in the school's time zone by the caller (`dateInZone`).
 */
import { addDays, weekdayOf } from './calendar';
import { WHOLE_CLASS } from './curriculum';
import type { SlotLesson, SlotPosition, TimetableChange } from './timetable';
import { isHoliday, periodsForGrade, type AcademicYear, type Period } from './year';

/** Days of a period (inside the year) on which a grade studies: Monday-Saturday, not a holiday. */
export function studyDays(year: Pick<AcademicYear, 'startDate' | 'endDate' | 'holidays'>, grade: number, period: Pick<Period, 'startDate' | 'endDate'>, window?: { from?: string; to?: string }): string[] {
  const from = [period.startDate, year.startDate, window?.from ?? ''].reduce((a, b) => (a > b ? a : b));
  const to = [period.endDate, year.endDate, window?.to ?? '9999-12-31'].reduce((a, b) => (a < b ? a : b));
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (weekdayOf(d) !== 7 && !isHoliday(year, d, grade)) days.push(d);
  }
  return days;
}

export type LessonStatus = 'planned';

/** A lesson of the journal as generated from the timetable (stored as `keys.lesson`). */
export interface PlannedLesson {
  classId: string;
  periodId: string;
  subjectId: string;
  groupId: string;
  date: string;
  lessonNo: number;
  teacherId: string;
  room?: string;
  status: LessonStatus;
  /** Set when a one-off change gave the lesson to a substitute: the timetable's teacher. */
  plannedTeacherId?: string;
  /** Set on a moved lesson: where it came from, «YYYY-MM-DD#n». */
  movedFrom?: string;
}

type ChangeLike = Pick<
  TimetableChange,
  'date' | 'lessonNo' | 'kind' | 'classId' | 'groupId' | 'subjectId' | 'teacherId' | 'room' | 'substituteTeacherId' | 'fromDate' | 'fromLessonNo'
>;

/**
 * The lessons of one class in one period (optionally only those dated within `window`), from its
 * weekly slots, the holidays of its grade and the one-off changes of its dates.
 */
export function generateLessons(input: {
  year: Pick<AcademicYear, 'startDate' | 'endDate' | 'holidays'>;
  grade: number;
  classId: string;
  period: Pick<Period, 'periodId' | 'startDate' | 'endDate'>;
  slots: ReadonlyArray<SlotLesson & SlotPosition>;
  changes?: readonly ChangeLike[];
  window?: { from?: string; to?: string };
}): PlannedLesson[] {
  const { year, grade, classId, period } = input;
  const slots = input.slots.filter((s) => s.classId === classId);
  const changes = (input.changes ?? []).filter((c) => c.classId === classId);
  const changeAt = new Map(changes.filter((c) => c.kind !== 'moveIn').map((c) => [`${c.date}#${c.lessonNo}#${c.groupId}`, c]));
  const lessons: PlannedLesson[] = [];
  const days = studyDays(year, grade, period, input.window);
  const dayOf = new Set(days);
  for (const date of days) {
    const wd = weekdayOf(date);
    for (const s of slots) {
      if (s.weekday !== wd) continue;
      const change = changeAt.get(`${date}#${s.lessonNo}#${s.groupId}`);
      if (change && change.subjectId === s.subjectId && (change.kind === 'cancel' || change.kind === 'move')) continue;
      const lesson: PlannedLesson = {
        classId,
        periodId: period.periodId,
        subjectId: s.subjectId,
        groupId: s.groupId,
        date,
        lessonNo: s.lessonNo,
        teacherId: s.teacherId,
        ...(s.room ? { room: s.room } : {}),
        status: 'planned',
      };
      if (change?.kind === 'substitute' && change.subjectId === s.subjectId && change.substituteTeacherId) {
        lesson.teacherId = change.substituteTeacherId;
        lesson.plannedTeacherId = s.teacherId;
      }
      lessons.push(lesson);
    }
  }
  for (const c of changes) {
    if (c.kind !== 'moveIn' || !dayOf.has(c.date)) continue;
    lessons.push({
      classId,
      periodId: period.periodId,
      subjectId: c.subjectId,
      groupId: c.groupId,
      date: c.date,
      lessonNo: c.lessonNo,
      teacherId: c.teacherId,
      ...(c.room ? { room: c.room } : {}),
      status: 'planned',
      ...(c.fromDate ? { movedFrom: `${c.fromDate}#${c.fromLessonNo}` } : {}),
    });
  }
  return lessons.sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo || a.groupId.localeCompare(b.groupId));
}

/**
 * How many lessons of a class-subject (or of one group) the year will have: the pure counterpart
 * of generating every period, for comparing a KTP's hours with the timetable.
 */
export function lessonCountForYear(input: {
  year: Pick<AcademicYear, 'startDate' | 'endDate' | 'holidays' | 'periodSets'>;
  grade: number;
  classId: string;
  slots: ReadonlyArray<SlotLesson & SlotPosition>;
  changes?: readonly ChangeLike[];
  subjectId: string;
  groupId?: string;
}): number {
  const groupId = input.groupId ?? WHOLE_CLASS;
  return periodsForGrade(input.year, input.grade)
    .flatMap((period) => generateLessons({ ...input, period }))
    .filter((l) => l.subjectId === input.subjectId && l.groupId === groupId).length;
}

// --- regeneration ---------------------------------------------------------------------------

/** The attributes regeneration owns; anything else on a lesson item was written by the journal. */
const SCHEDULE_ATTRIBUTES = new Set([
  'pk', 'sk', 'gsi2pk', 'gsi2sk', 'type', 'schoolId', 'yearId', 'classId', 'periodId', 'subjectId', 'groupId', 'date',
  'lessonNo', 'teacherId', 'room', 'status', 'plannedTeacherId', 'movedFrom', 'version', 'generatedAt',
]);

/** The schedule attributes compared to decide whether a stored lesson needs an update. */
const COMPARED: Array<keyof PlannedLesson> = ['teacherId', 'room', 'status', 'plannedTeacherId', 'movedFrom'];

/**
 * CHECK POINT for the journal (issue 4): a lesson that holds journal data is never deleted by
 * regeneration. The journal sets `journalData: true` on the lesson item (in the transaction that
 * stores its first topic, mark or attendance entry); any attribute regeneration does not own counts
 * as well. Regeneration also deletes with `attribute_not_exists(journalData)`, so a race loses nothing.
 */
export function hasJournalData(item: Record<string, unknown>): boolean {
  if (item.journalData !== undefined && item.journalData !== false) return true;
  return Object.keys(item).some((k) => !SCHEDULE_ATTRIBUTES.has(k));
}

export function lessonKey(l: Pick<PlannedLesson, 'subjectId' | 'date' | 'lessonNo' | 'groupId'>): string {
  return `${l.subjectId}|${l.date}|${l.lessonNo}|${l.groupId}`;
}

export interface RegenerationPlan<T> {
  create: PlannedLesson[];
  update: Array<{ stored: T; lesson: PlannedLesson }>;
  remove: T[];
  /** Stored lessons no longer in the timetable but kept because they hold journal data. */
  kept: T[];
  unchanged: number;
}

/**
 * What to write so that the stored lessons of a class x period within the window equal the
 * generated ones. Running it on its own result gives an empty plan (idempotent regeneration);
 * stored lessons outside the window are never touched.
 */
export function planRegeneration<T extends Record<string, unknown>>(
  stored: readonly T[],
  desired: readonly PlannedLesson[],
  window: { from: string; to: string },
): RegenerationPlan<T> {
  const plan: RegenerationPlan<T> = { create: [], update: [], remove: [], kept: [], unchanged: 0 };
  const inWindow = (date: unknown) => typeof date === 'string' && window.from <= date && date <= window.to;
  const storedByKey = new Map<string, T>();
  for (const s of stored) {
    if (inWindow(s.date)) storedByKey.set(lessonKey(s as unknown as PlannedLesson), s);
  }
  for (const lesson of desired) {
    if (!inWindow(lesson.date)) continue;
    const key = lessonKey(lesson);
    const s = storedByKey.get(key);
    storedByKey.delete(key);
    if (!s) plan.create.push(lesson);
    else if (COMPARED.some((f) => (s[f] ?? undefined) !== (lesson[f] ?? undefined))) plan.update.push({ stored: s, lesson });
    else plan.unchanged++;
  }
  for (const s of storedByKey.values()) {
    if (hasJournalData(s)) plan.kept.push(s);
    else plan.remove.push(s);
  }
  return plan;
}

/**
 * The journal's records: what a lesson carries once it is filled, marks,
 * attendance, the per-subject roster of a class x period, and how the API names a lesson.
 * Types only and tiny pure helpers: the web app imports this module as well.
 */
import type { WorkTypeId } from './work-types';

/** A lesson of the timetable: its date, its number in the day and the subgroup it is for. */
export interface LessonRef {
  date: string;
  lessonNo: number;
  /** The subgroup, or the timetable's value for the whole class (opaque to the journal). */
  groupId: string;
}

/** Homework for chosen students (R-20, clause 1.3: «индивидуальное домашнее задание»). */
export interface IndividualHomework {
  studentIds: string[];
  text: string;
}

/** What the journal adds to a lesson of the timetable. */
export interface LessonContent {
  topic?: string;
  /** «Что изучено на уроке» (clause 1.3). */
  studied?: string;
  /** Work types of the lesson's tasks (clause 5: «выполненные задания и тип этих заданий»). */
  workTypes?: WorkTypeId[];
  /** Homework for the whole class; grade 1 always reads «нет» (clause 3.5). */
  homework?: string;
  individualHomework?: IndividualHomework[];
}

export interface JournalLesson extends LessonRef, LessonContent {
  subjectId: string;
  teacherId?: string;
  room?: string;
  /** The timetable's status; 'cancelled' lessons take no records. */
  status?: string;
  /** When the lesson was first filled (a topic was recorded), for the 2-day rule. */
  filledAt?: string;
  filledBy?: string;
  /** 0 while the journal has not touched the lesson item. */
  version: number;
  lastRequestId?: string;
}

export const ATTENDANCE_KINDS = ['absent', 'late'] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];
export const ABSENCE_REASONS = ['illness', 'valid', 'invalid'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const REASON_TITLES: Record<AbsenceReason, string> = {
  illness: 'по болезни',
  valid: 'по уважительной причине',
  invalid: 'по неуважительной причине',
};

export interface JournalMark extends LessonRef {
  studentId: string;
  workType: WorkTypeId;
  value: number;
  /** The work type's weight in the school's settings when the mark was set. */
  weight: number;
  comment?: string;
  version: number;
  /** A removed mark stays as a tombstone, so versions never restart and a retry cannot revive it. */
  deleted?: boolean;
  setBy: string;
  setAt: string;
  lastRequestId?: string;
}

export interface JournalAttendance extends LessonRef {
  studentId: string;
  kind: AttendanceKind;
  reason?: AbsenceReason;
  /** The document behind the reason, recorded by the class teacher (clause 3.7). */
  document?: string;
  version: number;
  deleted?: boolean;
  setBy: string;
  setAt: string;
  lastRequestId?: string;
}

export interface RosterStudent {
  studentId: string;
  /** «Фамилия Имя». */
  name: string;
  /** The subgroup of a split subject; absent when the subject is not split. */
  groupId?: string;
  /** First day in the class, when it is inside the period (joined mid-period). */
  from?: string;
  /** First day no longer in the class (exclusive), when inside the period (left mid-period). */
  until?: string;
}

export interface RosterGroup {
  groupId: string;
  name: string;
  teacherId: string;
}

/** The roster of one subject of a class for one period: an item in the journal page's Query range. */
export interface SubjectRoster {
  subjectId: string;
  subjectName?: string;
  classId: string;
  className: string;
  grade: number;
  periodId: string;
  periodName?: string;
  periodStart?: string;
  periodEnd?: string;
  /** The curriculum line's teachers as of the roster's build: the access check needs no read. */
  line: { teacherId?: string; groups?: RosterGroup[] } | null;
  /** The subgroups of a split subject in this period; empty when the class is not split. */
  groups: RosterGroup[];
  students: RosterStudent[];
  version: number;
  builtAt: string;
}

/** Whether a student was in the class on a date (their roster dates, `until` exclusive). */
export function onRosterOn(s: Pick<RosterStudent, 'from' | 'until'>, date: string): boolean {
  return (s.from === undefined || s.from <= date) && (s.until === undefined || date < s.until);
}

/** Whether a student belongs to a lesson's group: whole-class lessons take everyone. */
export function inLessonGroup(s: Pick<RosterStudent, 'groupId'>, lessonGroupId: string, groups: readonly RosterGroup[]): boolean {
  const split = groups.some((g) => g.groupId === lessonGroupId);
  return !split || s.groupId === lessonGroupId;
}

// --- lesson ids in the API --------------------------------------------------------------------

const LESSON_ID = /^(\d{4}-\d{2}-\d{2})\.(\d{1,2})\.([A-Za-z0-9_-]{1,40})$/;

/** `2026-11-20.3.all`: readable, safe in paths, and one-to-one with the lesson's key. */
export function lessonIdOf(l: LessonRef): string {
  return `${l.date}.${l.lessonNo}.${l.groupId}`;
}

export function parseLessonId(id: string): LessonRef | null {
  const m = LESSON_ID.exec(id);
  if (!m) return null;
  const lessonNo = Number(m[2]);
  if (lessonNo < 0 || lessonNo > 20) return null;
  return { date: m[1]!, lessonNo, groupId: m[3]! };
}

export const LESSON_ID_PATTERN = LESSON_ID;

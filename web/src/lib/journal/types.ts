/** The journal area's answers as the screens see them (functions/journal/schemas.ts). */
import type { LockDays } from '../../../../shared/domain/settings';

export type AttendanceKind = 'absent' | 'late';
export type AbsenceReason = 'illness' | 'valid' | 'invalid';

export interface MarkView {
  studentId: string;
  lessonId: string;
  workType: string;
  value: number;
  weight: number;
  comment?: string;
  version: number;
}

export interface AttendanceView {
  studentId: string;
  lessonId: string;
  kind: AttendanceKind;
  reason?: AbsenceReason;
  document?: string;
  version: number;
}

export interface IndividualHomework {
  studentIds: string[];
  text: string;
}

export interface LessonLock {
  state: 'open' | 'notYet' | 'locked' | 'cancelled' | 'grade1';
  message?: string;
  lockedFrom?: string;
  opensOn?: string;
}

export interface FillState {
  filled: boolean;
  dueBy: string;
  overdue: boolean;
  late: boolean;
}

export interface PageLesson {
  lessonId: string;
  date: string;
  lessonNo: number;
  groupId: string;
  teacherId?: string;
  room?: string;
  topic?: string;
  studied?: string;
  workTypes: string[];
  homework?: string;
  individualHomework: IndividualHomework[];
  filledAt?: string;
  version: number;
  canFill: boolean;
  lock: LessonLock;
  fill: FillState;
}

export interface PageStudent {
  studentId: string;
  name: string;
  groupId?: string;
  from?: string;
  until?: string;
  average: number | null;
}

export interface JournalPage {
  schoolId: string;
  classId: string;
  className: string;
  grade: number;
  subjectId: string;
  subjectName?: string;
  periodId: string;
  periodName?: string;
  periodStart?: string;
  periodEnd?: string;
  groupId: string | null;
  groups: Array<{ groupId: string; name: string; teacherId: string }>;
  today: string;
  rules: { lockDays: LockDays; marksInAdvanceAllowed: boolean; timeZone: string };
  weights: Record<string, number>;
  marksAllowed: boolean;
  canWrite: boolean;
  students: PageStudent[];
  lessons: PageLesson[];
  marks: MarkView[];
  attendance: AttendanceView[];
  substitutes: Array<{ teacherId: string; groupId: string; from: string; to: string }>;
  queryPages: number;
}

export interface EntryResult<T> {
  value: T | null;
  version: number;
  replayed: boolean;
  warnings?: string[];
}

export interface LessonContent {
  lessonId: string;
  topic?: string;
  studied?: string;
  workTypes: string[];
  homework?: string;
  individualHomework: IndividualHomework[];
  filledAt?: string;
  version: number;
}

export interface PeriodChoice {
  periodId: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface MyJournals {
  yearId: string | null;
  today: string;
  periods: Record<string, PeriodChoice[]>;
  teaching: Array<{ classId: string; className: string; grade: number; subjectId: string; subjectName: string; groupId: string; groupName?: string; periodId: string | null }>;
  classes: Array<{
    classId: string;
    className: string;
    grade: number;
    led: boolean;
    periodId: string | null;
    subjects: Array<{ subjectId: string; subjectName: string; groups: Array<{ groupId: string; name: string }> }>;
  }>;
}

export interface ClassDay {
  classId: string;
  from: string;
  to: string;
  today: string;
  unfilled: number;
  lessons: Array<{
    lessonId: string;
    periodId?: string;
    date: string;
    lessonNo: number;
    subjectId: string;
    subjectName: string;
    groupId: string;
    teacherId?: string;
    teacherName?: string;
    topic?: string;
    fill: FillState;
  }>;
}

export type ExamKind = 'OGE' | 'EGE' | 'GVE';

export interface Exam {
  studentId: string;
  studentName: string;
  classId: string;
  kind: ExamKind;
  subjectId: string;
  subjectName: string;
  date: string;
  score?: number;
  mark?: number;
  version: number;
  recordedByName: string;
  recordedAt: string;
}

export interface ChangeLog {
  records: Array<{
    subjectId: string;
    seq: number;
    at: string;
    actorName: string;
    action: 'create' | 'update' | 'delete';
    entity: 'mark' | 'attendance' | 'lesson';
    target: { lessonId: string; studentId?: string; workType?: string };
    old: Record<string, unknown> | null;
    new: Record<string, unknown> | null;
  }>;
  verification: { ok: boolean; checked: number; problems: Array<{ subjectId: string; seq?: number; message: string }> };
}

/**
 * The journal area's answers as the screens see them, inferred from its response schemas
 * (functions/journal/schemas.ts), which the integration tests hold every answer to. Type imports
 * only: no zod reaches the web bundle.
 */
import type { z } from 'zod';
import type {
  attendanceResponse,
  changeLogResponse,
  classDayResponse,
  examListResponse,
  examResponse,
  journalPageResponse,
  ktpTopicsResponse,
  lessonResponse,
  markResponse,
  myJournalsResponse,
} from '../../../../functions/journal/schemas';

export type JournalPage = z.infer<typeof journalPageResponse>;
export type PageLesson = JournalPage['lessons'][number];
export type PageStudent = JournalPage['students'][number];

type MarkEntry = z.infer<typeof markResponse>;
type AttendanceEntry = z.infer<typeof attendanceResponse>;
type LessonEntry = z.infer<typeof lessonResponse>;
export type MarkView = NonNullable<MarkEntry['value']>;
export type AttendanceView = NonNullable<AttendanceEntry['value']>;
export type LessonContent = NonNullable<LessonEntry['value']>;
export type IndividualHomework = LessonContent['individualHomework'][number];
export type AttendanceKind = AttendanceView['kind'];
export type AbsenceReason = NonNullable<AttendanceView['reason']>;

/** The answer to saving a mark, an attendance entry or a lesson's content, by what was saved. */
export type EntryResult<T extends MarkView | AttendanceView | LessonContent> = Extract<MarkEntry | AttendanceEntry | LessonEntry, { value: T | null }>;

export type MyJournals = z.infer<typeof myJournalsResponse>;
export type ClassDay = z.infer<typeof classDayResponse>;
export type ExamList = z.infer<typeof examListResponse>;
export type Exam = z.infer<typeof examResponse>;
export type ExamKind = Exam['kind'];
export type ChangeLog = z.infer<typeof changeLogResponse>;
export type KtpTopics = z.infer<typeof ktpTopicsResponse>;

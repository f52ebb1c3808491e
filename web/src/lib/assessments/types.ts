/** Shapes of the assessment schedule's answers (functions/ktp/schemas.ts is the contract). */
import type { LimitWarning } from '../../../../shared/domain/assessments';

export type { LimitWarning };

export interface AssessmentEntry {
  classId: string;
  className: string;
  subjectId: string;
  subjectName: string;
  date: string;
  kind: string;
  kindName: string;
  kindShort: string;
  title?: string;
  createdByName: string;
  version: number;
  mayEdit: boolean;
}

export interface ScheduleWeek {
  monday: string;
  sunday: string;
  days: Array<{ date: string; holiday?: string; inHalf: boolean }>;
}

export interface Schedule {
  yearId: string;
  half: { halfId: string; name: string; startDate: string; endDate: string };
  limits: { perDay: number; perWeek: number };
  classes: Array<{ classId: string; name: string }>;
  weeks: ScheduleWeek[];
  entries: AssessmentEntry[];
  warnings: LimitWarning[];
  kinds: Array<{ id: string; name: string; short: string }>;
  subjects: Array<{ subjectId: string; name: string }>;
}

export interface Saved {
  assessment: AssessmentEntry;
  warnings: LimitWarning[];
}

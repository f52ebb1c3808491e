/** Shapes of the timetable answers (functions/timetable/schemas.ts); type imports only. */
import type { TimetableChange, TimetableSlot } from '../../../../shared/domain/timetable';
import type { LoadLine } from '../../../../shared/domain/curriculum';
import type { Teacher } from '../curriculum/types';

export type { Teacher, TimetableSlot };

export interface Slot extends TimetableSlot {
  slotId: string;
}

export interface ClassWeek {
  class: { classId: string; name: string; grade: number };
  slots: Slot[];
  lines: Array<LoadLine & { subjectName: string; shortName: string }>;
  teachers: Teacher[];
  summary: Array<{ subjectId: string; groupId: string; hoursPerWeek: number; slotsPerWeek: number; lessonsInYear: number }>;
}

export interface TeacherWeek {
  teacher: Teacher;
  slots: Array<Slot & { className: string; subjectName: string; shortName: string }>;
}

export interface ChangeView extends Omit<TimetableChange, 'schoolId' | 'yearId' | 'createdBy' | 'createdAt'> {
  changeId: string;
  className: string;
  subjectName: string;
  teacherName: string;
  substituteTeacherName?: string;
}

export interface Regeneration {
  classId: string;
  periodId: string;
  from: string;
  to: string;
  created: number;
  updated: number;
  removed: number;
  kept: number;
  unchanged: number;
}

/**
 * The family's diary (issue 12; clause 3.12: «темы уроков, виды работ, отметки, посещаемость,
 * домашние задания» available to the student and their parents without asking anyone; R-50).
 * Pure rules: which week a date falls in, and one student's week built from the class's lessons
 * (the journal's, so timetable changes are already in them), the student's own marks and attendance,
 * the year's holidays and the published events. Individual homework (clause 1.3) is kept only
 * where it names this student, and never says whom else it names.
 * Types only and pure functions: the web app imports this module as well.
 */
import { addDays, mondayOf } from './calendar';
import { inLessonGroup, type AbsenceReason, type AttendanceKind, type IndividualHomework, type RosterGroup } from './journal-model';
import { workTypeName } from './work-types';
import type { DiaryEvent } from './diary-events';
import type { Holiday } from './year';

/** Monday to Saturday: the Russian school week; Sunday is shown only when something is on it. */
export const SCHOOL_WEEK_DAYS = 6;

export interface DiaryWeekRange {
  /** Monday. */
  from: string;
  /** Sunday. */
  to: string;
  previous: string;
  next: string;
}

/** The week (Monday to Sunday) a date lies in, and its neighbours' Mondays. */
export function weekRange(date: string): DiaryWeekRange {
  const from = mondayOf(date);
  return { from, to: addDays(from, 6), previous: addDays(from, -7), next: addDays(from, 7) };
}

export interface DiaryLessonInput {
  date: string;
  lessonNo: number;
  subjectId: string;
  groupId: string;
  periodId?: string;
  teacherId?: string;
  room?: string;
  status?: string;
  plannedTeacherId?: string;
  movedFrom?: string;
  topic?: string;
  homework?: string;
  individualHomework?: IndividualHomework[];
}

export interface DiaryMarkInput {
  date: string;
  lessonNo: number;
  subjectId: string;
  workType: string;
  value: number;
  weight: number;
  comment?: string;
}

export interface DiaryAttendanceInput {
  date: string;
  lessonNo: number;
  subjectId: string;
  kind: AttendanceKind;
  reason?: AbsenceReason;
}

export interface DiaryMark {
  workType: string;
  workTypeName: string;
  value: number;
  weight: number;
  comment?: string;
}

export interface DiaryLesson {
  lessonNo: number;
  subjectId: string;
  subjectName: string;
  groupId: string;
  /** The subgroup's name when the subject is split. */
  groupName?: string;
  teacherName?: string;
  room?: string;
  cancelled: boolean;
  /** A one-off change gave the lesson to another teacher (the journal keeps who was planned). */
  substituted: boolean;
  /** Moved here from another day or lesson: «YYYY-MM-DD#n». */
  movedFrom?: string;
  topic?: string;
  homework?: string;
  /** This student's own individual homework, texts only. */
  individualHomework: string[];
  marks: DiaryMark[];
  attendance?: { kind: AttendanceKind; reason?: AbsenceReason };
}

export interface DiaryDay {
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  today: boolean;
  /** The holiday the day falls in, for the student's grade. */
  holiday?: string;
  lessons: DiaryLesson[];
  events: DiaryEvent[];
  /** Marks or attendance recorded for a lesson the class-day index does not hold (removed since). */
  orphanMarks: Array<DiaryMark & { subjectId: string; subjectName: string; lessonNo: number }>;
}

export interface DiaryWeekInput {
  range: DiaryWeekRange;
  today: string;
  studentId: string;
  grade: number;
  lessons: DiaryLessonInput[];
  marks: DiaryMarkInput[];
  attendance: DiaryAttendanceInput[];
  holidays: Holiday[];
  events: DiaryEvent[];
  subjectName: (subjectId: string) => string;
  teacherName: (teacherId: string) => string | undefined;
  /** The subgroups of split subjects in the week's periods, by subject: which group lessons are this student's. */
  groupsOf: (subjectId: string, periodId: string | undefined) => { groups: RosterGroup[]; studentGroupId?: string } | undefined;
}

const lessonKey = (date: string, lessonNo: number, subjectId: string) => `${date}#${lessonNo}#${subjectId}`;

/** The days of the week with their lessons, marks, attendance, holidays and events (Sunday only when something is on it). */
export function buildDiaryWeek(input: DiaryWeekInput): DiaryDay[] {
  const marksAt = new Map<string, DiaryMarkInput[]>();
  for (const m of input.marks) {
    const k = lessonKey(m.date, m.lessonNo, m.subjectId);
    marksAt.set(k, [...(marksAt.get(k) ?? []), m]);
  }
  const attendanceAt = new Map(input.attendance.map((a) => [lessonKey(a.date, a.lessonNo, a.subjectId), a]));
  const shown = new Set<string>();
  const days: DiaryDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(input.range.from, i);
    const holiday = input.holidays.find((h) => h.startDate <= date && date <= h.endDate && (!h.grades || h.grades.includes(input.grade)));
    const lessons = input.lessons
      .filter((l) => l.date === date && isStudentsLesson(l, input))
      .sort((a, b) => a.lessonNo - b.lessonNo || a.subjectId.localeCompare(b.subjectId))
      .map((l) => {
        const k = lessonKey(l.date, l.lessonNo, l.subjectId);
        shown.add(k);
        return diaryLesson(l, marksAt.get(k) ?? [], attendanceAt.get(k), input);
      });
    const events = input.events.filter((e) => e.date === date);
    days.push({ date, weekday: i + 1, today: date === input.today, ...(holiday ? { holiday: holiday.name } : {}), lessons, events, orphanMarks: [] });
  }
  // A mark whose lesson was removed from the timetable after it was set still belongs in the diary.
  for (const m of input.marks) {
    if (shown.has(lessonKey(m.date, m.lessonNo, m.subjectId))) continue;
    const day = days.find((d) => d.date === m.date);
    day?.orphanMarks.push({ ...markView(m), subjectId: m.subjectId, subjectName: input.subjectName(m.subjectId), lessonNo: m.lessonNo });
  }
  return days.filter((d) => d.weekday <= SCHOOL_WEEK_DAYS || d.lessons.length > 0 || d.events.length > 0 || d.orphanMarks.length > 0);
}

/** A whole-class lesson, or a subgroup lesson of the student's own subgroup. */
function isStudentsLesson(l: DiaryLessonInput, input: DiaryWeekInput): boolean {
  const split = input.groupsOf(l.subjectId, l.periodId);
  // Not split, or the student's subgroup unknown: every lesson of the class is shown.
  if (!split || split.studentGroupId === undefined) return true;
  return inLessonGroup({ groupId: split.studentGroupId }, l.groupId, split.groups);
}

function markView(m: DiaryMarkInput): DiaryMark {
  return { workType: m.workType, workTypeName: workTypeName(m.workType), value: m.value, weight: m.weight, ...(m.comment ? { comment: m.comment } : {}) };
}

function diaryLesson(l: DiaryLessonInput, marks: DiaryMarkInput[], attendance: DiaryAttendanceInput | undefined, input: DiaryWeekInput): DiaryLesson {
  const group = input.groupsOf(l.subjectId, l.periodId)?.groups.find((g) => g.groupId === l.groupId);
  const teacherName = l.teacherId ? input.teacherName(l.teacherId) : undefined;
  return {
    lessonNo: l.lessonNo,
    subjectId: l.subjectId,
    subjectName: input.subjectName(l.subjectId),
    groupId: l.groupId,
    ...(group ? { groupName: group.name } : {}),
    ...(teacherName ? { teacherName } : {}),
    ...(l.room ? { room: l.room } : {}),
    cancelled: l.status === 'cancelled',
    substituted: !!l.plannedTeacherId && l.plannedTeacherId !== l.teacherId,
    ...(l.movedFrom ? { movedFrom: l.movedFrom } : {}),
    ...(l.topic ? { topic: l.topic } : {}),
    ...(l.homework ? { homework: l.homework } : {}),
    individualHomework: ownIndividualHomework(l.individualHomework, input.studentId),
    marks: marks.map(markView),
    ...(attendance ? { attendance: { kind: attendance.kind, ...(attendance.reason ? { reason: attendance.reason } : {}) } } : {}),
  };
}

/** The texts of the individual homework given to this student: the other students' ids never leave the server. */
export function ownIndividualHomework(all: readonly IndividualHomework[] | undefined, studentId: string): string[] {
  return (all ?? []).filter((h) => h.studentIds.includes(studentId)).map((h) => h.text);
}

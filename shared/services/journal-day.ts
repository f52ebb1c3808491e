/**
 * The class teacher's daily check (clause 5: «осуществляет ежедневный контроль заполнения журнала
 * учителями-предметниками»): the lessons of their class on the chosen days and which of them are
 * not filled yet, flagged once the 2-day term of R-23 has passed. One Query of the class-day index,
 * with the subject and teacher names (two more Queries, in parallel).
 */
import { addDays, dateInZone } from '../domain/calendar';
import { lessonIdOf } from '../domain/journal-model';
import { fillState, type FillState } from '../domain/journal-rules';
import { listSubjects, listTeachers } from '../repos/curriculum';
import { readLessonsOfClassDays } from '../repos/journal';
import type { JournalRules } from './journal-settings';

export interface ClassDayLesson {
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
}

export interface ClassDayView {
  classId: string;
  from: string;
  to: string;
  today: string;
  lessons: ClassDayLesson[];
  unfilled: number;
}

export const CLASS_DAY_MAX_DAYS = 14;

export async function classDayView(
  schoolId: string,
  classId: string,
  range: { from?: string; to?: string },
  rules: JournalRules,
  now: Date,
): Promise<ClassDayView> {
  const today = dateInZone(now, rules.timeZone);
  const to = range.to ?? today;
  const from = range.from ?? addDays(to, -1);
  const [lessons, subjects, teachers] = await Promise.all([
    readLessonsOfClassDays(schoolId, classId, from, to),
    listSubjects(schoolId),
    listTeachers(schoolId),
  ]);
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const teacherName = new Map(teachers.map((t) => [t.userId, t.shortName]));
  const view = lessons
    .filter((l) => l.date <= today)
    .map((l): ClassDayLesson => ({
      lessonId: lessonIdOf(l),
      ...(l.periodId ? { periodId: l.periodId } : {}),
      date: l.date,
      lessonNo: l.lessonNo,
      subjectId: l.subjectId,
      subjectName: subjectName.get(l.subjectId) ?? l.subjectId,
      groupId: l.groupId,
      ...(l.teacherId ? { teacherId: l.teacherId, teacherName: teacherName.get(l.teacherId) ?? '' } : {}),
      ...(l.topic ? { topic: l.topic } : {}),
      fill: fillState(l, today, rules.locks, (iso) => dateInZone(new Date(iso), rules.timeZone)),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo || a.subjectId.localeCompare(b.subjectId));
  return { classId, from, to, today, lessons: view, unfilled: view.filter((l) => !l.fill.filled).length };
}

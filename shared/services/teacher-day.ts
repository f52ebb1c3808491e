/**
 * «Мои уроки сегодня» (issue 8): the lessons a teacher gives today, in the school's zone and by the
 * server's clock, from the timetable with that day's changes and substitutions
 * (shared/domain/teacher-day.ts), each joined to its lesson of the journal (period, topic) with how
 * far it is filled (topic, marks, absences), so the home screen opens its journal column.
 *
 * Requests: the teacher's slots (one index Query), today's changes (one Query), the subjects and
 * classes (one Query each), then per class of the day its lessons of the day (class-day index), and
 * per lesson two small Queries of its marks and attendance; all in parallel rounds.
 */
import { dateInZone, planningYearOf } from '../domain/calendar';
import { lessonIdOf } from '../domain/journal-model';
import { teacherLessonsOn, type DayLesson } from '../domain/teacher-day';
import { listLoadOfTeacher, listSubjects } from '../repos/curriculum';
import { readLessonsOfClassDays } from '../repos/journal';
import { countLessonEntries, type LessonEntryCounts } from '../repos/lesson-fill';
import { className, listClasses } from '../repos/school';
import { listChanges, listSlotsOfTeacher } from '../repos/timetable';

export interface TeacherDayLesson extends Omit<DayLesson, 'teacherId' | 'date'> {
  className: string;
  subjectName: string;
  groupName?: string;
  /** The journal's lesson, when lessons of the period have been generated («Сформировать уроки»). */
  periodId?: string;
  lessonId?: string;
  topic?: string;
  homework?: string;
  counts?: LessonEntryCounts;
}

export interface TeacherDayView {
  today: string;
  yearId: string;
  lessons: TeacherDayLesson[];
}

export async function teacherDay(schoolId: string, teacherId: string, timeZone: string, now: Date): Promise<TeacherDayView> {
  const today = dateInZone(now, timeZone);
  const yearId = planningYearOf(today);
  const [slots, changes, subjects, classes, load] = await Promise.all([
    listSlotsOfTeacher(schoolId, yearId, teacherId),
    listChanges(schoolId, yearId, today, today),
    listSubjects(schoolId),
    listClasses(schoolId),
    listLoadOfTeacher(schoolId, yearId, teacherId),
  ]);
  const planned = teacherLessonsOn(today, teacherId, slots, changes);
  const classIds = [...new Set(planned.filter((l) => l.state === 'given').map((l) => l.classId))];
  const journal = new Map(await Promise.all(classIds.map(async (c) => [c, await readLessonsOfClassDays(schoolId, c, today, today)] as const)));
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const classOf = new Map(classes.map((c) => [c.classId, className(c)]));
  const groupName = new Map(load.flatMap((l) => (l.groupName ? [[`${l.classId}|${l.subjectId}|${l.groupId}`, l.groupName] as const] : [])));

  const lessons = await Promise.all(
    planned.map(async ({ teacherId: _t, date: _d, ...l }): Promise<TeacherDayLesson> => {
      const stored = l.state === 'given' ? journal.get(l.classId)?.find((j) => j.lessonNo === l.lessonNo && j.subjectId === l.subjectId && j.groupId === l.groupId) : undefined;
      const group = groupName.get(`${l.classId}|${l.subjectId}|${l.groupId}`);
      const shown: TeacherDayLesson = {
        ...l,
        className: classOf.get(l.classId) ?? l.classId,
        subjectName: subjectName.get(l.subjectId) ?? l.subjectId,
        ...(group ? { groupName: group } : {}),
      };
      if (!stored?.periodId) return shown;
      return {
        ...shown,
        periodId: stored.periodId,
        lessonId: lessonIdOf(stored),
        ...(stored.topic ? { topic: stored.topic } : {}),
        ...(stored.homework ? { homework: stored.homework } : {}),
        counts: await countLessonEntries(schoolId, l.classId, stored.periodId, l.subjectId, stored),
      };
    }),
  );
  return { today, yearId, lessons };
}

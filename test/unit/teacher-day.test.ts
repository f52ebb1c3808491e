import { describe, expect, it } from 'vitest';
import { teacherLessonsOn } from '../../shared/domain/teacher-day';
import type { TimetableChange } from '../../shared/domain/timetable';

// 2026-11-30 is a Monday (weekday 1).
const MON = '2026-11-30';
const slot = (lessonNo: number, classId: string, teacherId = 'me', weekday = 1) => ({ weekday, lessonNo, classId, subjectId: 'math', groupId: 'all', teacherId, room: '21' });
const change = (c: Partial<TimetableChange> & Pick<TimetableChange, 'kind' | 'lessonNo' | 'classId'>) =>
  ({ date: MON, subjectId: 'math', groupId: 'all', teacherId: 'me', ...c }) as TimetableChange;

describe('teacherLessonsOn', () => {
  it('should give the teacher their lessons of the weekday in order, and none of another weekday', () => {
    const day = teacherLessonsOn(MON, 'me', [slot(3, '6a'), slot(1, '5a'), slot(2, '7a', 'me', 2)], []);
    expect(day.map((l) => [l.lessonNo, l.classId, l.state])).toEqual([
      [1, '5a', 'given'],
      [3, '6a', 'given'],
    ]);
  });

  it('should keep a cancelled, a moved-away and a handed-over lesson, marked, and add a substitution and a moved-in lesson', () => {
    const day = teacherLessonsOn(MON, 'me', [slot(1, '5a'), slot(2, '6a'), slot(3, '7a'), slot(4, '8a')], [
      change({ kind: 'cancel', lessonNo: 1, classId: '5a' }),
      change({ kind: 'move', lessonNo: 2, classId: '6a', toDate: '2026-12-01', toLessonNo: 5 }),
      change({ kind: 'substitute', lessonNo: 3, classId: '7a', substituteTeacherId: 'other' }),
      // A colleague's lesson given to this teacher, and a lesson of theirs moved in from another day.
      change({ kind: 'substitute', lessonNo: 5, classId: '9a', teacherId: 'colleague', substituteTeacherId: 'me' }),
      change({ kind: 'moveIn', lessonNo: 6, classId: '5a', fromDate: '2026-11-27', fromLessonNo: 2 }),
      // Another teacher's change on the same day does not concern this one.
      change({ kind: 'cancel', lessonNo: 4, classId: '8b', teacherId: 'colleague' }),
    ]);
    expect(day.map((l) => [l.lessonNo, l.classId, l.state, l.via ?? ''])).toEqual([
      [1, '5a', 'cancelled', ''],
      [2, '6a', 'movedAway', ''],
      [3, '7a', 'handedOver', ''],
      [4, '8a', 'given', ''],
      [5, '9a', 'given', 'substitute'],
      [6, '5a', 'given', 'movedIn'],
    ]);
    expect(day[1]).toMatchObject({ toDate: '2026-12-01', toLessonNo: 5 });
  });

  it('should list nothing on a Sunday', () => {
    expect(teacherLessonsOn('2026-11-29', 'me', [1, 2, 3, 4, 5, 6].map((wd) => slot(1, '5a', 'me', wd)), [])).toEqual([]);
  });
});

/**
 * The diary's pure rules (issue 12): the week of a date, one student's week built from the class's
 * lessons (own subgroup only, individual homework only the student's own, cancelled and substituted
 * lessons named, marks without a lesson kept), the events' audiences and validation, and the
 * policy: the diary is the student's and their parents' only; events belong to the administration
 * and, for their class, the class teacher.
 */
import { describe, expect, it } from 'vitest';
import { may } from '../../shared/auth/policy';
import { buildDiaryWeek, ownIndividualHomework, weekRange, type DiaryWeekInput } from '../../shared/domain/diary';
import { audienceTitle, eventIsFor, eventProblems, parseEventId } from '../../shared/domain/diary-events';
import { classesDuring } from '../../shared/services/diary-week';
import { person } from '../support/principals';

const base = (over: Partial<DiaryWeekInput> = {}): DiaryWeekInput => ({
  range: weekRange('2026-11-25'),
  today: '2026-11-25',
  studentId: 'st-1',
  grade: 5,
  lessons: [],
  marks: [],
  attendance: [],
  holidays: [],
  events: [],
  subjectName: (id) => ({ math: 'Математика', eng: 'Английский язык' })[id] ?? id,
  teacherName: (id) => (id === 't1' ? 'Ильин М. А.' : undefined),
  groupsOf: () => undefined,
  ...over,
});

describe('weekRange', () => {
  it('should run Monday to Sunday with the neighbouring Mondays, across a year', () => {
    expect(weekRange('2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29', previous: '2026-11-16', next: '2026-11-30' });
    expect(weekRange('2026-11-23').from).toBe('2026-11-23');
    expect(weekRange('2026-11-29').from).toBe('2026-11-23');
    expect(weekRange('2027-01-01')).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
  });
});

describe('buildDiaryWeek', () => {
  it('should give Monday to Saturday, today marked, Sunday only when something is on it', () => {
    const days = buildDiaryWeek(base());
    expect(days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    expect(days.filter((d) => d.today).map((d) => d.date)).toEqual(['2026-11-25']);
    const withSunday = buildDiaryWeek(base({ events: [{ eventId: '2026-11-29.abcdef', date: '2026-11-29', title: 'Олимпиада', audience: { kind: 'school' }, audienceTitle: 'вся школа', publishedByName: 'Завуч', version: 1 }] }));
    expect(withSunday.at(-1)?.date).toBe('2026-11-29');
  });

  it('should put each lesson in order with its marks, weight, attendance, and only the student\'s own individual homework', () => {
    const days = buildDiaryWeek(
      base({
        lessons: [
          { date: '2026-11-25', lessonNo: 3, subjectId: 'math', groupId: 'all', teacherId: 't1', topic: 'Дроби', homework: '№ 1', individualHomework: [{ studentIds: ['st-1'], text: 'Моя карточка' }, { studentIds: ['st-2'], text: 'Чужая карточка' }] },
          { date: '2026-11-25', lessonNo: 1, subjectId: 'eng', groupId: 'all', status: 'cancelled' },
          { date: '2026-11-24', lessonNo: 2, subjectId: 'math', groupId: 'all', teacherId: 't2', plannedTeacherId: 't1' },
        ],
        marks: [
          { date: '2026-11-25', lessonNo: 3, subjectId: 'math', workType: 'test', value: 5, weight: 3 },
          { date: '2026-11-26', lessonNo: 4, subjectId: 'math', workType: 'lessonAnswer', value: 4, weight: 1 },
        ],
        attendance: [{ date: '2026-11-25', lessonNo: 3, subjectId: 'math', kind: 'late' }],
      }),
    );
    const wed = days.find((d) => d.date === '2026-11-25')!;
    expect(wed.lessons.map((l) => l.lessonNo)).toEqual([1, 3]);
    expect(wed.lessons[0]).toMatchObject({ cancelled: true, subjectName: 'Английский язык' });
    expect(wed.lessons[1]).toMatchObject({ topic: 'Дроби', homework: '№ 1', individualHomework: ['Моя карточка'], teacherName: 'Ильин М. А.', attendance: { kind: 'late' } });
    expect(wed.lessons[1]!.marks).toEqual([{ workType: 'test', workTypeName: 'Контрольная работа', value: 5, weight: 3 }]);
    expect(JSON.stringify(days)).not.toContain('st-2');
    expect(days.find((d) => d.date === '2026-11-24')!.lessons[0]!.substituted).toBe(true);
    // A mark whose lesson is no longer in the timetable is still shown.
    expect(days.find((d) => d.date === '2026-11-26')!.orphanMarks).toEqual([expect.objectContaining({ subjectName: 'Математика', lessonNo: 4, value: 4 })]);
  });

  it('should show a split subject\'s lessons of the student\'s own subgroup only, with its name', () => {
    const groups = [{ groupId: 'g1', name: '1 группа', teacherId: 't1' }, { groupId: 'g2', name: '2 группа', teacherId: 't2' }];
    const lessons = [
      { date: '2026-11-24', lessonNo: 5, subjectId: 'eng', groupId: 'g1', periodId: 'q2' },
      { date: '2026-11-24', lessonNo: 5, subjectId: 'eng', groupId: 'g2', periodId: 'q2' },
    ];
    const mine = buildDiaryWeek(base({ lessons, groupsOf: () => ({ groups, studentGroupId: 'g2' }) }));
    expect(mine.find((d) => d.date === '2026-11-24')!.lessons.map((l) => l.groupName)).toEqual(['2 группа']);
    // The subgroup not known: both lessons rather than none.
    const unknown = buildDiaryWeek(base({ lessons, groupsOf: () => ({ groups }) }));
    expect(unknown.find((d) => d.date === '2026-11-24')!.lessons).toHaveLength(2);
  });

  it('should name the holiday a day falls in, for the student\'s grade only where it is a grade\'s', () => {
    const holidays = [{ name: 'Дополнительные каникулы', startDate: '2026-11-23', endDate: '2026-11-24', grades: [1] }, { name: 'Праздник', startDate: '2026-11-27', endDate: '2026-11-27' }];
    const days = buildDiaryWeek(base({ holidays }));
    expect(days.filter((d) => d.holiday).map((d) => [d.date, d.holiday])).toEqual([['2026-11-27', 'Праздник']]);
    expect(buildDiaryWeek(base({ holidays, grade: 1 })).filter((d) => d.holiday)).toHaveLength(3);
  });
});

describe('ownIndividualHomework', () => {
  it('should keep only the texts given to the student', () => {
    expect(ownIndividualHomework([{ studentIds: ['a', 'b'], text: 'x' }, { studentIds: ['c'], text: 'y' }], 'b')).toEqual(['x']);
    expect(ownIndividualHomework(undefined, 'b')).toEqual([]);
  });
});

describe('events', () => {
  it('should be for the whole school, a grade or a class', () => {
    const student = { classId: '5a', grade: 5 };
    expect(eventIsFor({ kind: 'school' }, student)).toBe(true);
    expect(eventIsFor({ kind: 'grade', grade: 5 }, student)).toBe(true);
    expect(eventIsFor({ kind: 'grade', grade: 8 }, student)).toBe(false);
    expect(eventIsFor({ kind: 'class', classId: '5a' }, student)).toBe(true);
    expect(eventIsFor({ kind: 'class', classId: '5b' }, student)).toBe(false);
    expect(audienceTitle({ kind: 'grade', grade: 5 }, () => '')).toBe('5 классы');
    expect(audienceTitle({ kind: 'class', classId: '5a' }, () => '5А')).toBe('5А');
  });

  it('should refuse a wrong date, time, empty title or grade in Russian', () => {
    expect(eventProblems({ date: '2026-11-27', time: '18:30', title: 'Собрание', audience: { kind: 'school' } })).toEqual([]);
    const p = eventProblems({ date: '2026-02-30', time: '24:00', title: '  ', audience: { kind: 'grade', grade: 12 } });
    expect(p).toHaveLength(4);
    expect(p.join(' ')).toContain('Время мероприятия');
  });

  it('should read an event id back into its date', () => {
    expect(parseEventId('2026-11-27.abc123')).toEqual({ date: '2026-11-27', nonce: 'abc123' });
    expect(parseEventId('2026-13-27.abc123')).toBeNull();
    expect(parseEventId('x')).toBeNull();
  });
});

describe('the class of a week', () => {
  it('should follow the movement history, and the card without one', () => {
    const intervals = [{ classId: '5a', until: '2026-11-25' }, { classId: '5b', from: '2026-11-25' }];
    expect(classesDuring(intervals, '5b', '2026-11-16', '2026-11-22').map((c) => c.classId)).toEqual(['5a']);
    expect(classesDuring(intervals, '5b', '2026-11-23', '2026-11-29').map((c) => c.classId)).toEqual(['5a', '5b']);
    expect(classesDuring([], '5b', '2026-11-23', '2026-11-29')).toEqual([{ classId: '5b' }]);
  });
});

describe('policy', () => {
  const own = { departmentId: 'krd', schoolId: 's1', classId: '', studentId: 'st-1' };
  it('should let only the student and their parents read the diary', () => {
    expect(may(person('u1', [{ role: 'parent', schoolId: 's1', studentId: 'st-1' }]), 'diary.readOwn', own)).toBe(true);
    expect(may(person('u2', [{ role: 'student', schoolId: 's1', studentId: 'st-1' }]), 'diary.readOwn', own)).toBe(true);
    expect(may(person('u3', [{ role: 'parent', schoolId: 's1', studentId: 'st-2' }]), 'diary.readOwn', own)).toBe(false);
    expect(may(person('u4', [{ role: 'director', schoolId: 's1' }]), 'diary.readOwn', own)).toBe(false);
    expect(may(person('u1', [{ role: 'parent', schoolId: 's1', studentId: 'st-1' }], 'other'), 'diary.readOwn', own)).toBe(false);
  });

  it('should let the administration publish for anybody and a class teacher for their class only', () => {
    const ev = (audience: { kind: 'school' } | { kind: 'grade'; grade: number } | { kind: 'class'; classId: string }) => ({ departmentId: 'krd', schoolId: 's1', audience });
    const deputy = person('d', [{ role: 'deputy', schoolId: 's1' }]);
    const ct = person('c', [{ role: 'classTeacher', schoolId: 's1', classId: '5a' }]);
    const teacher = person('t', [{ role: 'teacher', schoolId: 's1' }]);
    expect(may(deputy, 'event.write', ev({ kind: 'school' }))).toBe(true);
    expect(may(deputy, 'event.write', ev({ kind: 'grade', grade: 5 }))).toBe(true);
    expect(may(ct, 'event.write', ev({ kind: 'class', classId: '5a' }))).toBe(true);
    expect(may(ct, 'event.write', ev({ kind: 'class', classId: '5b' }))).toBe(false);
    expect(may(ct, 'event.write', ev({ kind: 'school' }))).toBe(false);
    expect(may(teacher, 'event.write', ev({ kind: 'class', classId: '5a' }))).toBe(false);
    expect(may(person('p', [{ role: 'parent', schoolId: 's1', studentId: 'st-1' }]), 'event.list', { departmentId: 'krd', schoolId: 's1' })).toBe(false);
  });
});

describe('the diary screen\'s words', () => {
  it('should write a mark with its work type and weight, an absence with its reason, an event\'s details', async () => {
    const { attendanceText, eventDetails, markText, warningLines } = await import('../../web/src/lib/diary/diary');
    expect(markText({ value: 5, workTypeName: 'Самостоятельная работа', weight: 1.5 })).toBe('5 — Самостоятельная работа, вес 1,5');
    expect(attendanceText({ kind: 'absent', reason: 'illness' })).toBe('Н — отсутствие по болезни');
    expect(attendanceText({ kind: 'absent' })).toBe('Н — отсутствие');
    expect(attendanceText({ kind: 'late' })).toBe('Опоздание');
    expect(eventDetails({ time: '18:00', place: 'Актовый зал', audienceTitle: 'вся школа' })).toBe('18:00, Актовый зал; для кого: вся школа');
    expect(eventDetails({ audienceTitle: '5А' })).toBe('для кого: 5А');
    const report = { subjects: [{ subjectId: 'm', subjectName: 'Математика', warnings: [{ kind: 'implied2', risk: 'two', message: 'Выходит «2».' }] }, { subjectId: 'r', subjectName: 'Русский', warnings: [] }] };
    expect(warningLines(report as never)).toEqual([{ subjectId: 'm', subjectName: 'Математика', messages: ['Выходит «2».'] }]);
    expect(warningLines(null)).toEqual([]);
  });

  it('should send only the fields an event\'s audience needs', async () => {
    const { eventBody } = await import('../../web/src/lib/diary/events');
    const form = { date: '2026-12-03', time: ' ', title: 'Собрание', place: '', audience: 'grade' as const, grade: '8', classId: '5a' };
    expect(eventBody(form)).toEqual({ date: '2026-12-03', title: 'Собрание', audience: 'grade', grade: 8 });
    expect(eventBody({ ...form, audience: 'class', time: '18:00' })).toEqual({ date: '2026-12-03', time: '18:00', title: 'Собрание', audience: 'class', classId: '5a' });
  });
});

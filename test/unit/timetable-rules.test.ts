/**
 * Timetable rules: clashes and their messages, guards, slot input, and the lessons that take
 * place on a date once one-off changes are applied.
 */
import { describe, expect, it } from 'vitest';
import { WHOLE_CLASS } from '../../shared/domain/curriculum';
import {
  clashesMessage,
  clashesOf,
  guardsOf,
  holdersValid,
  lessonsAt,
  roomKey,
  slotProblems,
  type SlotLesson,
  type TimetableNames,
} from '../../shared/domain/timetable';

const names: TimetableNames = {
  teacher: (id) => ({ t1: 'Петрова А. И.', t2: 'Сидоров В. В.', t3: 'Кузнецова Е. Н.' })[id] ?? id,
  subject: (id) => ({ math: 'Математика', english: 'Английский язык', informatics: 'Информатика' })[id] ?? id,
  className: (id) => ({ '5a': '5А', '5b': '5Б' })[id] ?? id,
  group: (_c, _s, g) => ({ g1: '1 группа', g2: '2 группа' })[g] ?? g,
};
const math5a: SlotLesson = { classId: '5a', subjectId: 'math', groupId: WHOLE_CLASS, teacherId: 't1', room: 'каб. 21' };
const at = { weekday: 1, lessonNo: 3 };

describe('clashesOf', () => {
  it('should find a teacher in two places at once and name the other class', () => {
    const cand: SlotLesson = { classId: '5b', subjectId: 'math', groupId: WHOLE_CLASS, teacherId: 't1' };
    const clashes = clashesOf(cand, [math5a]);
    expect(clashes.map((c) => c.kind)).toEqual(['teacher']);
    expect(clashesMessage(clashes, cand, at, names)).toBe(
      'Конфликт в расписании. Учитель Петрова А. И. в понедельник на 3-м уроке уже ведёт «Математика» в 5А.',
    );
  });

  it('should find a class with two whole-class lessons at once', () => {
    const cand: SlotLesson = { classId: '5a', subjectId: 'english', groupId: WHOLE_CLASS, teacherId: 't2' };
    const clashes = clashesOf(cand, [math5a]);
    expect(clashes.map((c) => c.kind)).toEqual(['class']);
    expect(clashesMessage(clashes, cand, { weekday: 2, lessonNo: 1 }, names)).toBe(
      'Конфликт в расписании. У 5А во вторник на 1-м уроке уже стоит «Математика» в 5А (учитель Петрова А. И.).',
    );
  });

  it('should let two groups of one subject run in parallel, with different teachers', () => {
    const g1: SlotLesson = { classId: '5a', subjectId: 'english', groupId: 'g1', teacherId: 't2', room: '31' };
    const g2: SlotLesson = { classId: '5a', subjectId: 'english', groupId: 'g2', teacherId: 't3', room: '32' };
    expect(clashesOf(g2, [g1])).toEqual([]);
    // ... but not the same group twice, nor a group beside a whole-class lesson.
    expect(clashesOf({ ...g2, groupId: 'g1' }, [g1]).map((c) => c.kind)).toEqual(['class']);
    expect(clashesOf(g1, [math5a]).map((c) => c.kind)).toEqual(['class']);
    expect(clashesOf(math5a, [g1, g2]).map((c) => c.kind)).toEqual(['class', 'class']);
  });

  it('should refuse groups of different subjects in parallel and say why', () => {
    const eng: SlotLesson = { classId: '5a', subjectId: 'english', groupId: 'g1', teacherId: 't2' };
    const it1: SlotLesson = { classId: '5a', subjectId: 'informatics', groupId: 'g2', teacherId: 't3' };
    const clashes = clashesOf(it1, [eng]);
    expect(clashes.map((c) => c.kind)).toEqual(['class']);
    expect(clashesMessage(clashes, it1, at, names)).toMatch(/только уроки подгрупп одного предмета/);
  });

  it('should refuse one teacher for two groups at once', () => {
    const g1: SlotLesson = { classId: '5a', subjectId: 'informatics', groupId: 'g1', teacherId: 't3' };
    expect(clashesOf({ ...g1, groupId: 'g2' }, [g1]).map((c) => c.kind)).toEqual(['teacher']);
  });

  it('should find a room booked twice regardless of case and spaces, and allow it to be switched off', () => {
    const cand: SlotLesson = { classId: '5b', subjectId: 'english', groupId: WHOLE_CLASS, teacherId: 't2', room: 'Каб.  21' };
    const clashes = clashesOf(cand, [math5a]);
    expect(clashes.map((c) => c.kind)).toEqual(['room']);
    expect(clashesMessage(clashes, cand, at, names)).toBe(
      'Конфликт в расписании. Кабинет «Каб.  21» в понедельник на 3-м уроке уже занят: «Математика» в 5А, учитель Петрова А. И..',
    );
    expect(clashesOf(cand, [math5a], { rooms: false })).toEqual([]);
    expect(roomKey('  Каб.  21 ')).toBe('каб. 21');
    expect(roomKey('   ')).toBeUndefined();
  });

  it('should find nothing for lessons of other classes, teachers and rooms', () => {
    expect(clashesOf({ classId: '5b', subjectId: 'math', groupId: WHOLE_CLASS, teacherId: 't2', room: '22' }, [math5a])).toEqual([]);
  });
});

describe('guards (the same rules, enforced per weekly time in DynamoDB)', () => {
  it('should occupy the teacher, the class and the room when there is one', () => {
    expect(guardsOf({ ...math5a, ...at }).map((g) => `${g.kind}:${g.id}`)).toEqual(['TEACHER:t1', 'CLASS:5a', 'ROOM:каб. 21']);
    expect(guardsOf({ ...math5a, room: undefined, ...at }).map((g) => g.kind)).toEqual(['TEACHER', 'CLASS']);
  });

  it('should accept exactly the holder sets that have no clash', () => {
    const g1: SlotLesson = { classId: '5a', subjectId: 'english', groupId: 'g1', teacherId: 't2' };
    const g2: SlotLesson = { classId: '5a', subjectId: 'english', groupId: 'g2', teacherId: 't3' };
    expect(holdersValid('CLASS', [g1, g2])).toBe(true);
    expect(holdersValid('CLASS', [g1, math5a])).toBe(false);
    expect(holdersValid('CLASS', [math5a])).toBe(true);
    expect(holdersValid('TEACHER', [g1])).toBe(true);
    expect(holdersValid('TEACHER', [g1, g2])).toBe(false);
    expect(holdersValid('ROOM', [g1, g2])).toBe(false);
  });
});

describe('slotProblems', () => {
  const ctx = { subjectName: 'Английский язык', className: '5А', hoursPerWeek: 3, lineGroupIds: ['g1', 'g2'], alreadyInWeek: 0 };

  it('should accept a group slot within the weekly hours', () => {
    expect(slotProblems({ weekday: 6, lessonNo: 8, groupId: 'g1' }, ctx)).toEqual([]);
  });

  it('should refuse days and lesson numbers out of range', () => {
    expect(slotProblems({ weekday: 7, lessonNo: 9, groupId: 'g1' }, ctx)).toEqual([
      'День недели должен быть от понедельника до субботы.',
      'Номер урока должен быть от 1 до 8.',
    ]);
  });

  it('should refuse a subject not in the curriculum, a wrong group and hours beyond the curriculum', () => {
    expect(slotProblems({ weekday: 1, lessonNo: 1, groupId: 'g1' }, { ...ctx, hoursPerWeek: null }).join(' ')).toMatch(/нет предмета «Английский язык»/);
    expect(slotProblems({ weekday: 1, lessonNo: 1, groupId: WHOLE_CLASS }, ctx).join(' ')).toMatch(/укажите подгруппу/);
    expect(slotProblems({ weekday: 1, lessonNo: 1, groupId: 'g1' }, { ...ctx, alreadyInWeek: 3 }).join(' ')).toBe(
      'По учебному плану на «Английский язык» в 5А 3 ч в неделю, и все 3 уже стоят в расписании.',
    );
  });
});

describe('lessonsAt (a date with its one-off changes)', () => {
  const slots = [
    { ...math5a, weekday: 4, lessonNo: 2 },
    { classId: '5b', subjectId: 'english', groupId: WHOLE_CLASS, teacherId: 't2', weekday: 4, lessonNo: 2 },
  ];
  const base = { groupId: WHOLE_CLASS, lessonNo: 2, date: '2026-11-12' };

  it('should give the week slots of that weekday when nothing changed', () => {
    expect(lessonsAt('2026-11-12', 2, slots, [], 4).map((l) => l.teacherId)).toEqual(['t1', 't2']);
    expect(lessonsAt('2026-11-12', 3, slots, [], 4)).toEqual([]);
  });

  it('should drop cancelled and moved lessons, swap a substitute and add a moved-in lesson', () => {
    const changes = [
      { ...base, kind: 'cancel' as const, classId: '5a', subjectId: 'math', teacherId: 't1' },
      { ...base, kind: 'substitute' as const, classId: '5b', subjectId: 'english', teacherId: 't2', substituteTeacherId: 't3' },
      { ...base, kind: 'moveIn' as const, classId: '6a', subjectId: 'math', teacherId: 't1' },
    ];
    expect(lessonsAt('2026-11-12', 2, slots, changes, 4).map((l) => `${l.classId}:${l.teacherId}`)).toEqual(['5b:t3', '6a:t1']);
  });
});

/**
 * Curriculum rules (R-12, R-24, R-25): curriculum lines, subgroup make-up, substitutes' coverage
 * and who may fill a lesson.
 */
import { describe, expect, it } from 'vitest';
import {
  checkSubgroups,
  fillRight,
  loadLineProblems,
  markingFlagProblems,
  mayFillLesson,
  subgroupRefusal,
  substituteCovers,
  substituteProblems,
  teachersOfLine,
  WHOLE_CLASS,
  type LoadLine,
} from '../../shared/domain/curriculum';

const english = { name: 'Английский язык', splittable: true };
const math = { name: 'Математика', splittable: false };

describe('loadLineProblems', () => {
  it('should accept a whole-class line with a teacher and whole hours', () => {
    expect(loadLineProblems(math, { hoursPerWeek: 5, teacherId: 't1' })).toEqual([]);
  });

  it('should refuse fractional, zero or too many hours', () => {
    for (const h of [0, 2.5, 13, -1]) {
      expect(loadLineProblems(math, { hoursPerWeek: h, teacherId: 't1' }).join(' ')).toMatch(/целое число от 1 до 12/);
    }
  });

  it('should refuse a line with no teacher', () => {
    expect(loadLineProblems(math, { hoursPerWeek: 5 })).toEqual(['Не указан учитель предмета «Математика».']);
  });

  it('should refuse groups for a subject that is not split', () => {
    const groups = [
      { groupId: 'g1', name: '1 группа', teacherId: 't1' },
      { groupId: 'g2', name: '2 группа', teacherId: 't2' },
    ];
    expect(loadLineProblems(math, { hoursPerWeek: 5, groups }).join(' ')).toMatch(/не делится на подгруппы/);
    expect(loadLineProblems(english, { hoursPerWeek: 3, groups })).toEqual([]);
  });

  it('should refuse one group, repeated ids or names, the reserved id and a group without a teacher', () => {
    expect(loadLineProblems(english, { hoursPerWeek: 3, groups: [{ groupId: 'g1', name: '1', teacherId: 't' }] }).join(' ')).toMatch(/от 2 до 4/);
    const dup = [
      { groupId: 'g1', name: 'А', teacherId: 't1' },
      { groupId: 'g1', name: 'а', teacherId: '' },
    ];
    const text = loadLineProblems(english, { hoursPerWeek: 3, groups: dup }).join(' ');
    expect(text).toMatch(/разные обозначения/);
    expect(text).toMatch(/разные названия/);
    expect(text).toMatch(/должен быть учитель/);
    const reserved = [
      { groupId: WHOLE_CLASS, name: 'А', teacherId: 't1' },
      { groupId: 'g2', name: 'Б', teacherId: 't2' },
    ];
    expect(loadLineProblems(english, { hoursPerWeek: 3, groups: reserved }).join(' ')).toMatch(/весь класс/);
  });

  it('should refuse both a class teacher and group teachers', () => {
    const groups = [
      { groupId: 'g1', name: '1', teacherId: 't1' },
      { groupId: 'g2', name: '2', teacherId: 't2' },
    ];
    expect(loadLineProblems(english, { hoursPerWeek: 3, teacherId: 't1', groups }).join(' ')).toMatch(/либо учителя всего класса/);
  });
});

describe('markingFlagProblems (pass/fail and exam of a line)', () => {
  it('should take pass/fail in any grade and an exam in grades 9 and 11 only', () => {
    for (const grade of [1, 5, 9, 10, 11]) expect(markingFlagProblems(grade, { passFail: true }), String(grade)).toEqual([]);
    expect(markingFlagProblems(9, { exam: true })).toEqual([]);
    expect(markingFlagProblems(11, { exam: true, passFail: false })).toEqual([]);
    expect(markingFlagProblems(10, { exam: true })).toEqual(['«Экзамен» отмечается только в 9 и 11 классах: в 10 классе экзаменационной отметки нет.']);
    expect(markingFlagProblems(8, { exam: true })[0]).toContain('в 8 классе');
  });

  it('should refuse an exam for a pass/fail subject', () => {
    expect(markingFlagProblems(11, { exam: true, passFail: true })[0]).toMatch(/не может иметь экзамен/);
  });
});

describe('teachersOfLine', () => {
  it('should give one entry per group of a split line and one for a whole-class line', () => {
    const split = { classId: '5a', subjectId: 'english', hoursPerWeek: 3, groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't1' }, { groupId: 'g2', name: '2 группа', teacherId: 't2' }] };
    expect(teachersOfLine(split).map((t) => [t.groupId, t.teacherId])).toEqual([['g1', 't1'], ['g2', 't2']]);
    expect(teachersOfLine({ classId: '5a', subjectId: 'math', hoursPerWeek: 5, teacherId: 't3' })).toEqual([
      { classId: '5a', subjectId: 'math', groupId: WHOLE_CLASS, teacherId: 't3', hoursPerWeek: 5 },
    ]);
  });
});

describe('subgroup completeness (a student is in exactly one group)', () => {
  const roster = ['s1', 's2', 's3', 's4'];
  const names = (id: string) => ({ s1: 'Иванов Иван', s2: 'Петрова Анна', s9: 'Чужой Пётр' })[id] ?? id;

  it('should accept a complete split and list nobody', () => {
    const check = checkSubgroups([{ groupId: 'g1', studentIds: ['s1', 's2'] }, { groupId: 'g2', studentIds: ['s3', 's4'] }], roster, ['g1', 'g2']);
    expect(check).toEqual({ unassigned: [], duplicates: [], unknown: [], unknownGroups: [] });
    expect(subgroupRefusal(check, names)).toBeNull();
  });

  it('should list unassigned students without refusing', () => {
    const check = checkSubgroups([{ groupId: 'g1', studentIds: ['s1'] }, { groupId: 'g2', studentIds: ['s3'] }], roster, ['g1', 'g2']);
    expect(check.unassigned).toEqual(['s2', 's4']);
    expect(subgroupRefusal(check, names)).toBeNull();
  });

  it('should refuse a student in two groups, naming them', () => {
    const check = checkSubgroups([{ groupId: 'g1', studentIds: ['s1', 's2'] }, { groupId: 'g2', studentIds: ['s1', 's3', 's4'] }], roster, ['g1', 'g2']);
    expect(check.duplicates).toEqual(['s1']);
    expect(subgroupRefusal(check, names)).toBe('Обучающийся может быть только в одной подгруппе: Иванов Иван.');
  });

  it('should refuse a student of another class and a group the curriculum does not have', () => {
    const foreign = checkSubgroups([{ groupId: 'g1', studentIds: ['s1', 's9'] }], roster, ['g1', 'g2']);
    expect(subgroupRefusal(foreign, names)).toBe('Эти обучающиеся не числятся в классе: Чужой Пётр.');
    const group = checkSubgroups([{ groupId: 'g3', studentIds: ['s1'] }], roster, ['g1', 'g2']);
    expect(subgroupRefusal(group, names)).toMatch(/нет подгрупп: g3/);
  });
});

describe('substitute coverage (R-25)', () => {
  const sub = { subjectId: 'math', groupId: WHOLE_CLASS, from: '2026-11-10', to: '2026-11-14', teacherId: 'sub' };

  it('should cover lessons of its subject from the first to the last day inclusive', () => {
    expect(substituteCovers(sub, { subjectId: 'math', groupId: WHOLE_CLASS, date: '2026-11-09' })).toBe(false);
    expect(substituteCovers(sub, { subjectId: 'math', groupId: WHOLE_CLASS, date: '2026-11-10' })).toBe(true);
    expect(substituteCovers(sub, { subjectId: 'math', groupId: WHOLE_CLASS, date: '2026-11-14' })).toBe(true);
    expect(substituteCovers(sub, { subjectId: 'math', groupId: WHOLE_CLASS, date: '2026-11-15' })).toBe(false);
    expect(substituteCovers(sub, { subjectId: 'physics', groupId: WHOLE_CLASS, date: '2026-11-11' })).toBe(false);
  });

  it('should cover every group when made for the whole class, and only its group otherwise', () => {
    expect(substituteCovers(sub, { subjectId: 'math', groupId: 'g2', date: '2026-11-11' })).toBe(true);
    const g1 = { ...sub, groupId: 'g1' };
    expect(substituteCovers(g1, { subjectId: 'math', groupId: 'g1', date: '2026-11-11' })).toBe(true);
    expect(substituteCovers(g1, { subjectId: 'math', groupId: 'g2', date: '2026-11-11' })).toBe(false);
  });

  it('should refuse a range outside its period, reversed, or a teacher replacing themself', () => {
    const period = { name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-29' };
    expect(substituteProblems({ ...sub }, period, [WHOLE_CLASS])).toEqual([]);
    expect(substituteProblems({ ...sub, from: '2026-10-20' }, period, [WHOLE_CLASS]).join(' ')).toMatch(/внутри периода «2 четверть» \(05\.11\.2026 – 29\.12\.2026\)/);
    expect(substituteProblems({ ...sub, from: '2026-11-20', to: '2026-11-19' }, period, [WHOLE_CLASS]).join(' ')).toMatch(/позже даты окончания/);
    expect(substituteProblems({ ...sub, absentTeacherId: 'sub' }, period, [WHOLE_CLASS]).join(' ')).toMatch(/сам себя/);
    expect(substituteProblems({ ...sub, groupId: 'g7' }, period, ['g1', 'g2']).join(' ')).toMatch(/нет такой подгруппы/);
  });
});

describe('mayFillLesson (R-24, R-25)', () => {
  const line: Pick<LoadLine, 'teacherId' | 'groups'> = {
    groups: [
      { groupId: 'g1', name: '1 группа', teacherId: 'eng1' },
      { groupId: 'g2', name: '2 группа', teacherId: 'eng2' },
    ],
  };
  const lessonG1 = { subjectId: 'english', groupId: 'g1', date: '2026-11-12', teacherId: 'eng1' };

  it('should let the lesson teacher and the group teacher fill, and not the other group teacher', () => {
    expect(fillRight('eng1', lessonG1, { line })).toBe('teacher');
    expect(fillRight('eng2', lessonG1, { line })).toBeNull();
    // The timetable gave the lesson to someone else, but eng1 still teaches the group.
    expect(fillRight('eng1', { ...lessonG1, teacherId: 'other' }, { line })).toBe('groupTeacher');
  });

  it('should prefer the period make-up teacher of a group over the curriculum line', () => {
    const subgroups = { groups: [{ groupId: 'g1', name: '1 группа', teacherId: 'eng3', studentIds: [] }] };
    expect(fillRight('eng3', { ...lessonG1, teacherId: 'x' }, { line, subgroups })).toBe('groupTeacher');
  });

  it('should let a substitute fill only within their range', () => {
    const substitutes = [{ subjectId: 'english', groupId: 'g1', from: '2026-11-10', to: '2026-11-12', teacherId: 'ct' }];
    expect(mayFillLesson('ct', lessonG1, { line, substitutes })).toBe(true);
    expect(mayFillLesson('ct', { ...lessonG1, date: '2026-11-13' }, { line, substitutes })).toBe(false);
    expect(mayFillLesson('ct', { ...lessonG1, groupId: 'g2', teacherId: 'eng2' }, { line, substitutes })).toBe(false);
  });

  it('should refuse anyone else, the class teacher included, without an assignment', () => {
    expect(mayFillLesson('ct', lessonG1, { line, substitutes: [] })).toBe(false);
    expect(mayFillLesson('ct', { subjectId: 'math', groupId: WHOLE_CLASS, date: '2026-11-12', teacherId: 'm' }, { line: { teacherId: 'm' } })).toBe(false);
  });
});

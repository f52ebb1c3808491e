/** The plain logic of the curriculum screens (web/src/lib/curriculum): grid, line form, subgroups. */
import { describe, expect, it } from 'vitest';
import {
  assignmentOf,
  currentYearId,
  defaultPeriod,
  gridRows,
  gridSubjects,
  examAllowed,
  groupCounts,
  hoursText,
  lineBody,
  lineForm,
  subgroupsBody,
  teacherText,
} from '../../web/src/lib/curriculum/curriculum';
import type { CurriculumOverview } from '../../web/src/lib/curriculum/types';

const overview: CurriculumOverview = {
  year: { yearId: '2026', startDate: '2026-09-01', endDate: '2027-05-31', periodSets: [], holidays: [] },
  classes: [{ classId: '5a', name: '5А', grade: 5 }, { classId: '5b', name: '5Б', grade: 5 }],
  subjects: [
    { subjectId: 'chess', schoolId: 's', name: 'Шахматы', shortName: 'Шахм.', splittable: false, version: 1 },
    { subjectId: 'english', schoolId: 's', name: 'Английский язык', shortName: 'Англ.', splittable: true, version: 1 },
    { subjectId: 'math', schoolId: 's', name: 'Математика', shortName: 'Мат.', splittable: false, version: 1 },
  ],
  teachers: [{ userId: 't1', name: 'Петрова Анна Ивановна', shortName: 'Петрова А. И.' }, { userId: 't2', name: 'Сидоров Олег', shortName: 'Сидоров О.' }],
  lines: [
    { schoolId: 's', yearId: '2026', classId: '5a', subjectId: 'math', hoursPerWeek: 5, teacherId: 't1', version: 1 },
    { schoolId: 's', yearId: '2026', classId: '5a', subjectId: 'english', hoursPerWeek: 3, groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't1' }, { groupId: 'g2', name: '2 группа', teacherId: 't2' }], version: 2 },
  ],
};

describe('the curriculum grid', () => {
  it('should put subjects in use first and sum each class', () => {
    expect(gridSubjects(overview).map((s) => s.subjectId)).toEqual(['english', 'math', 'chess']);
    const rows = gridRows(overview);
    expect(rows.map((r) => [r.cls.name, r.total, r.cells.map((c) => c.hours).join('|')])).toEqual([
      ['5А', 8, '3|5|'],
      ['5Б', 0, '||'],
    ]);
    expect(rows[0]!.cells[0]!.teacher).toBe('1 группа: Петрова А. И.; 2 группа: Сидоров О.');
    expect(teacherText({ teacherId: 'x' }, new Map())).toBe('x');
  });
});

describe('the line form', () => {
  const english = overview.subjects[1]!;
  const chess = overview.subjects[0]!;

  it('should build the body of a whole-class and of a split line, with the version when editing', () => {
    expect(lineBody({ ...lineForm(null), hours: '2', teacherId: 't1' }, chess)).toEqual({ body: { hoursPerWeek: 2, teacherId: 't1', passFail: false, exam: false } });
    const split = lineForm(overview.lines[1]!);
    expect(split.split).toBe(true);
    expect(lineBody(split, english, 2).body).toEqual({ hoursPerWeek: 3, groups: overview.lines[1]!.groups, passFail: false, exam: false, version: 2 });
  });

  it('should carry the marking flags both ways and show them beside the hours', () => {
    const form = lineForm({ ...overview.lines[0]!, passFail: true });
    expect(form).toMatchObject({ passFail: true, exam: false });
    expect(lineBody({ ...form, exam: true }, chess, 1).body).toMatchObject({ passFail: true, exam: true, version: 1 });
    expect(hoursText({ hoursPerWeek: 1, passFail: true })).toBe('1 з');
    expect(hoursText({ hoursPerWeek: 3, exam: true })).toBe('3 э');
    expect(hoursText({ hoursPerWeek: 2 })).toBe('2');
    expect([8, 9, 10, 11].map(examAllowed)).toEqual([false, true, false, true]);
  });

  it('should say in Russian what is missing', () => {
    expect(lineBody({ ...lineForm(null), hours: '0', teacherId: 't1' }, chess).problem).toBe('Часов в неделю — целое число от 1 до 12.');
    expect(lineBody({ ...lineForm(null), hours: '2' }, chess).problem).toBe('Выберите учителя.');
    expect(lineBody({ ...lineForm(null), hours: '2', split: true }, english).problem).toBe('Выберите учителя каждой подгруппы.');
    expect(lineBody({ ...lineForm(null), hours: '2', split: true }, chess).problem).toMatch(/не делится на подгруппы/);
  });
});

describe('subgroups: a select per student', () => {
  const subject = {
    subjectId: 'english',
    subjectName: 'Английский язык',
    groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't1' }, { groupId: 'g2', name: '2 группа', teacherId: 't2' }],
    subgroups: { schoolId: 's', classId: '5a', periodId: 'q2', subjectId: 'english', groups: [{ groupId: 'g1', name: '1', teacherId: 't1', studentIds: ['a', 'b'] }, { groupId: 'g2', name: '2', teacherId: 't2', studentIds: ['c'] }], version: 4 },
    unassigned: ['d'],
  };

  it('should read the stored make-up, count the groups and build the body in roster order', () => {
    const picks = assignmentOf(subject);
    expect(picks).toEqual({ a: 'g1', b: 'g1', c: 'g2' });
    picks.b = 'g2';
    expect(groupCounts(subject, picks, ['a', 'b', 'c', 'd'])).toMatchObject({ groups: [{ count: 1 }, { count: 2 }], unassigned: 1 });
    expect(subgroupsBody(subject, picks, ['d', 'c', 'b', 'a'])).toEqual({ groups: [{ groupId: 'g1', studentIds: ['a'] }, { groupId: 'g2', studentIds: ['c', 'b'] }], version: 4 });
  });
});

describe('year and period of a screen', () => {
  it('should take the coming year from June, and the current period, else the next, else the last', () => {
    expect(currentYearId(new Date('2026-05-31T12:00:00Z'))).toBe('2025');
    expect(currentYearId(new Date('2026-06-01T12:00:00Z'))).toBe('2026');
    const periods = [
      { periodId: 'q1', name: '1', startDate: '2026-09-01', endDate: '2026-10-24' },
      { periodId: 'q2', name: '2', startDate: '2026-11-05', endDate: '2026-12-29' },
    ];
    expect(defaultPeriod(periods, '2026-09-10')?.periodId).toBe('q1');
    expect(defaultPeriod(periods, '2026-10-30')?.periodId).toBe('q2');
    expect(defaultPeriod(periods, '2027-02-01')?.periodId).toBe('q2');
  });
});

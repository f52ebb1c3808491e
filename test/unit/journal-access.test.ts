/**
 * Who may read and fill the journal, and the rosters of a class x period with
 * students who joined or left during it.
 */
import { describe, expect, it } from 'vitest';
import { may } from '../../shared/auth/policy';
import type { JournalLessonObject } from '../../shared/auth/rules/journal';
import type { Principal, RoleGrant } from '../../shared/auth/roles';
import { buildRoster, classMembers, withCurrentSubgroups } from '../../shared/services/journal-rosters';

const person = (userId: string, ...grants: RoleGrant[]): Principal => ({ userId, departmentId: 'krd', displayName: userId, grants });
const teacher = (id: string) => person(id, { role: 'teacher', schoolId: 'sch53' });
const lesson = (groupId = 'all', teacherId = 't-math'): JournalLessonObject => ({
  departmentId: 'krd',
  schoolId: 'sch53',
  classId: '5a',
  lesson: { subjectId: 'english', groupId, date: '2026-11-20', teacherId },
  line: { groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't-en1' }, { groupId: 'g2', name: '2 группа', teacherId: 't-en2' }] },
  subgroups: null,
  substitutes: [{ subjectId: 'english', groupId: 'g1', from: '2026-11-16', to: '2026-11-20', teacherId: 't-sub' }],
});

describe('journal.write', () => {
  it('should let the lesson\'s teacher and the subgroup\'s teacher fill it (R-24)', () => {
    expect(may(teacher('t-en1'), 'journal.write', lesson('g1', 't-en1'))).toBe(true);
    expect(may(teacher('t-en1'), 'journal.write', lesson('g2', 't-en2'))).toBe(false);
    expect(may(teacher('t-en2'), 'journal.write', lesson('g2', 'someone-else'))).toBe(true);
  });

  it('should let a substitute fill inside the assigned dates only (R-25)', () => {
    expect(may(teacher('t-sub'), 'journal.write', lesson('g1', 't-en1'))).toBe(true);
    const after = lesson('g1', 't-en1');
    after.lesson.date = '2026-11-21';
    expect(may(teacher('t-sub'), 'journal.write', after)).toBe(false);
    expect(may(teacher('t-sub'), 'journal.write', lesson('g2', 't-en2'))).toBe(false);
  });

  it('should refuse the class teacher without an assignment, parents, students, and other schools', () => {
    const ct = person('t-ct', { role: 'teacher', schoolId: 'sch53' }, { role: 'classTeacher', schoolId: 'sch53', classId: '5a' });
    expect(may(ct, 'journal.write', lesson('g1', 't-en1'))).toBe(false);
    // The class teacher filling for an ill colleague is a substitute assignment in their name.
    const ill = lesson('g1', 't-en1');
    ill.substitutes = [{ subjectId: 'english', groupId: 'all', from: '2026-11-20', to: '2026-11-27', teacherId: 't-ct' }];
    expect(may(ct, 'journal.write', ill)).toBe(true);
    expect(may(person('t-en1', { role: 'parent', schoolId: 'sch53', studentId: 'st-1' }), 'journal.write', lesson('g1', 't-en1'))).toBe(false);
    expect(may(person('t-en1', { role: 'student', schoolId: 'sch53', studentId: 'st-1' }), 'journal.write', lesson('g1', 't-en1'))).toBe(false);
    expect(may(person('t-en1', { role: 'teacher', schoolId: 'sch7' }), 'journal.write', lesson('g1', 't-en1'))).toBe(false);
  });
});

describe('journal.read', () => {
  const page = { departmentId: 'krd', schoolId: 'sch53', classId: '5a', subjectId: 'english', fillers: ['t-en1', 't-sub'] };
  it('should show the page to its fillers, the class teacher and the administration only', () => {
    expect(may(teacher('t-en1'), 'journal.read', page)).toBe(true);
    expect(may(teacher('t-other'), 'journal.read', page)).toBe(false);
    expect(may(person('t-ct', { role: 'classTeacher', schoolId: 'sch53', classId: '5a' }), 'journal.read', page)).toBe(true);
    expect(may(person('t-ct', { role: 'classTeacher', schoolId: 'sch53', classId: '5b' }), 'journal.read', page)).toBe(false);
    for (const role of ['director', 'deputy', 'administrator'] as const) expect(may(person('x', { role, schoolId: 'sch53' }), 'journal.read', page)).toBe(true);
    expect(may(person('x', { role: 'secretary', schoolId: 'sch53' }), 'journal.read', page)).toBe(false);
    expect(may(person('t-en1', { role: 'parent', schoolId: 'sch53', studentId: 's' }), 'journal.read', page)).toBe(false);
    expect(may(person('x', { role: 'department', departmentId: 'krd' }), 'journal.read', page)).toBe(false);
  });
});

describe('rosters', () => {
  const period = { periodId: '2026-q2', name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-29' };
  const current = [
    { studentId: 'st-1', lastName: 'Абрамов', firstName: 'Иван' },
    { studentId: 'st-3', lastName: 'Воронина', firstName: 'Ольга' },
    { studentId: 'st-4', lastName: 'Бойко', firstName: 'Ева' },
  ];
  const moves = [
    // st-2 moved to 5b on 20.11: in 5a until then.
    { studentId: 'st-2', kind: 'transfer' as const, date: '2026-11-20', fromClassId: '5a', toClassId: '5b', recordedAt: '2026-11-19T10:00:00Z', studentName: 'Гусев Павел Андреевич' },
    // st-3 came from 5b on 20.11.
    { studentId: 'st-3', kind: 'transfer' as const, date: '2026-11-20', fromClassId: '5b', toClassId: '5a', recordedAt: '2026-11-19T10:00:00Z', studentName: 'Воронина Ольга Ивановна' },
    // st-5 left 5a before the period: not on this period's roster.
    { studentId: 'st-5', kind: 'leave' as const, date: '2026-11-05', fromClassId: '5a', recordedAt: '2026-11-04T10:00:00Z', studentName: 'Дьякова Анна' },
  ];

  it('should list who was in the class during the period, with mid-period dates', () => {
    const members = classMembers('5a', period, current, moves);
    expect(members).toEqual([
      { studentId: 'st-1', name: 'Абрамов Иван' },
      { studentId: 'st-4', name: 'Бойко Ева' },
      { studentId: 'st-3', name: 'Воронина Ольга', from: '2026-11-20' },
      { studentId: 'st-2', name: 'Гусев Павел', until: '2026-11-20' },
    ]);
  });

  it('should put each student in their subgroup and carry the curriculum line', () => {
    const roster = buildRoster({
      classId: '5a',
      className: '5А',
      grade: 5,
      period,
      subjectId: 'english',
      subjectName: 'Английский язык',
      line: { groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't1' }, { groupId: 'g2', name: '2 группа', teacherId: 't2' }] },
      subgroups: {
        schoolId: 'sch53', classId: '5a', periodId: '2026-q2', subjectId: 'english', version: 1,
        groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't1', studentIds: ['st-1'] }, { groupId: 'g2', name: '2 группа', teacherId: 't3', studentIds: ['st-4'] }],
      },
      members: classMembers('5a', period, current, moves),
      version: 1,
      builtAt: '2026-11-29T05:00:00Z',
    });
    expect(roster.students.map((s) => [s.studentId, s.groupId])).toEqual([['st-1', 'g1'], ['st-4', 'g2'], ['st-3', undefined], ['st-2', undefined]]);
    expect(roster.groups.find((g) => g.groupId === 'g2')!.teacherId).toBe('t3');
    expect(roster.line?.groups).toHaveLength(2);
    // The make-up changes after the roster was built: the subgroup set read with it wins.
    const now = withCurrentSubgroups(roster, { groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't1', studentIds: ['st-4'] }, { groupId: 'g2', name: '2 группа', teacherId: 't2', studentIds: ['st-1', 'st-3'] }] });
    expect(now.students.map((s) => [s.studentId, s.groupId])).toEqual([['st-1', 'g2'], ['st-4', 'g1'], ['st-3', 'g2'], ['st-2', undefined]]);
    expect(now.groups.find((g) => g.groupId === 'g2')!.teacherId).toBe('t2');
    expect(withCurrentSubgroups(roster, null)).toBe(roster);
  });
});

/** The plain logic of the timetable screens (web/src/lib/timetable): the week grid, slot and change bodies. */
import { describe, expect, it } from 'vitest';
import { changeBody, changeText, emptySlotForm, groupsOf, rowsToShow, slotBody, slotLabel, weekGrid } from '../../web/src/lib/timetable/timetable';
import type { ChangeView, ClassWeek, Slot } from '../../web/src/lib/timetable/types';

const slot = (weekday: number, lessonNo: number, subjectId: string, groupId = 'all', teacherId = 't1'): Slot => ({
  schoolId: 's', yearId: '2026', classId: '5a', weekday, lessonNo, subjectId, groupId, teacherId, room: '21', version: 1, slotId: `5a.${weekday}.${lessonNo}.${groupId}`,
});
const week: Pick<ClassWeek, 'lines' | 'teachers'> = {
  lines: [
    { schoolId: 's', yearId: '2026', classId: '5a', subjectId: 'math', hoursPerWeek: 5, teacherId: 't1', version: 1, subjectName: 'Математика', shortName: 'Мат.' },
    { schoolId: 's', yearId: '2026', classId: '5a', subjectId: 'english', hoursPerWeek: 3, groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't2' }, { groupId: 'g2', name: '2 группа', teacherId: 't3' }], version: 1, subjectName: 'Английский язык', shortName: 'Англ.' },
  ],
  teachers: [{ userId: 't1', name: 'Петрова Анна', shortName: 'Петрова А.' }, { userId: 't2', name: 'Иванов Пётр', shortName: 'Иванов П.' }],
};

describe('the week grid', () => {
  it('should place slots by lesson number and weekday, both groups in one cell', () => {
    const grid = weekGrid([slot(1, 1, 'math'), slot(3, 2, 'english', 'g1', 't2'), slot(3, 2, 'english', 'g2', 't3')], 7);
    expect(grid).toHaveLength(7);
    expect(grid[0]![0]!.slots.map((s) => s.subjectId)).toEqual(['math']);
    expect(grid[1]![2]!.slots.map((s) => s.groupId)).toEqual(['g1', 'g2']);
    expect(rowsToShow([slot(1, 8, 'math')])).toBe(8);
    expect(rowsToShow([])).toBe(7);
  });

  it('should label a slot with subject, group, teacher and room', () => {
    expect(slotLabel(week, slot(3, 2, 'english', 'g1', 't2'))).toEqual({ subject: 'Англ.', detail: '1 группа, Иванов П., каб. 21' });
    expect(slotLabel(week, slot(1, 1, 'math'))).toEqual({ subject: 'Мат.', detail: 'Петрова А., каб. 21' });
  });
});

describe('the slot editor', () => {
  it('should start on the first subject with its first group, and build bodies', () => {
    const form = emptySlotForm(2, 3, week);
    expect(form).toMatchObject({ weekday: 2, lessonNo: 3, subjectId: 'math', groupId: 'all' });
    expect(groupsOf(week, 'english').map((g) => g.groupId)).toEqual(['g1', 'g2']);
    expect(groupsOf(week, 'math')).toEqual([{ groupId: 'all', name: 'весь класс' }]);
    expect(slotBody({ ...form, room: ' 21 ' }, '5a')).toEqual({ classId: '5a', weekday: 2, lessonNo: 3, subjectId: 'math', groupId: 'all', room: '21' });
    expect(slotBody({ ...form, teacherId: 't2' }, undefined, 4)).toEqual({ weekday: 2, lessonNo: 3, subjectId: 'math', groupId: 'all', teacherId: 't2', version: 4 });
  });
});

describe('one-off changes', () => {
  const form = { classId: '5a', date: '2026-12-01', lessonNo: '3', groupId: '', kind: 'cancel' as const, toDate: '', toLessonNo: '', substituteTeacherId: '', reason: 'Болезнь учителя' };

  it('should build the body of each kind, or say what is missing', () => {
    expect(changeBody(form).body).toEqual({ classId: '5a', date: '2026-12-01', lessonNo: 3, groupId: 'all', kind: 'cancel', reason: 'Болезнь учителя' });
    expect(changeBody({ ...form, kind: 'move' }).problem).toMatch(/на какую дату/);
    expect(changeBody({ ...form, kind: 'move', toDate: '2026-12-05', toLessonNo: '7' }).body).toMatchObject({ toDate: '2026-12-05', toLessonNo: 7 });
    expect(changeBody({ ...form, kind: 'substitute' }).problem).toMatch(/Выберите учителя/);
    expect(changeBody({ ...form, reason: ' ' }).problem).toBe('Укажите причину изменения.');
  });

  it('should describe a change in Russian', () => {
    const c = { changeId: 'x', className: '5А', lessonNo: 3, subjectName: 'Математика', teacherName: 'Петрова А.', kind: 'move', toDate: '2026-12-05', toLessonNo: 7 } as ChangeView;
    const ru = (d: string) => d.split('-').reverse().join('.');
    expect(changeText(c, ru)).toBe('5А, 3-й урок, «Математика»: перенесён на 05.12.2026, 7-й урок');
    expect(changeText({ ...c, kind: 'substitute', substituteTeacherName: 'Иванов П.' }, ru)).toBe('5А, 3-й урок, «Математика»: ведёт Иванов П. вместо Петрова А.');
  });
});

import { describe, expect, it } from 'vitest';
import type { SheetMovement } from '../../shared/domain/reports/movement-sheet';
import { classSizes, movementDynamics } from '../../shared/domain/reports/school-movement';
import { changeText, finalData, schoolResults } from '../../shared/domain/reports/school-results';
import type { SheetMark } from '../../shared/domain/reports/summary-sheet';
import type { FinalMarkCode } from '../../shared/domain/period-marks';

const move = (studentId: string, kind: SheetMovement['kind'], date: string, extra: Partial<SheetMovement> = {}): SheetMovement => ({
  studentId, studentName: `Ученик ${studentId}`, kind, date, orderNo: `${date.slice(8)}-у`, recordedAt: `${date}T09:00:00.000Z`, ...extra,
});
const CLASSES = [{ classId: '5a', title: '5А', grade: 5 }, { classId: '5b', title: '5Б', grade: 5 }];

describe('movementDynamics', () => {
  it('should count a transfer in both classes but once for the school, and list each movement once', () => {
    const d = movementDynamics({
      classes: CLASSES,
      months: ['2026-09', '2026-10'],
      movements: [
        move('x', 'transfer', '2026-09-10', { fromClassId: '5a', toClassId: '5b' }),
        move('y', 'enrol', '2026-10-02', { toClassId: '5a', note: 'из школы № 7' }),
        move('z', 'leave', '2026-10-20', { fromClassId: '5b' }),
        move('w', 'leave', '2026-11-20', { fromClassId: '5b' }),
      ],
    });
    expect(d.rows.map((r) => [r.className, r.months.map((m) => `${m.arrived}/${m.left}`), r.arrived, r.left])).toEqual([
      ['5А', ['0/1', '1/0'], 1, 1],
      ['5Б', ['1/0', '0/1'], 1, 1],
    ]);
    expect(d.school).toEqual([{ month: '2026-09', enrolled: 0, leftSchool: 0, transfers: 1 }, { month: '2026-10', enrolled: 1, leftSchool: 1, transfers: 0 }]);
    expect(d.totals).toEqual({ enrolled: 1, leftSchool: 1, transfers: 1 });
    expect(d.lines.map((l) => [l.name, l.fromClass, l.toClass, l.note, l.orderNo])).toEqual([
      ['Ученик x', '5А', '5Б', '', '10-у'],
      ['Ученик y', '', '5А', 'из школы № 7', '02-у'],
      ['Ученик z', '5Б', '', '', '20-у'],
    ]);
  });
});

describe('classSizes', () => {
  const periods = [
    { periodId: 'q1', name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-24' },
    { periodId: 'q2', name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-29' },
    { periodId: 'q3', name: '3 четверть', startDate: '2027-01-12', endDate: '2027-03-20' },
  ];
  it('should give each period\'s start and end, today\'s for the running one and nothing for one not begun, with totals', () => {
    const s = classSizes({
      classes: [
        { ...CLASSES[0]!, periods, current: ['a', 'b', 'y'] },
        { ...CLASSES[1]!, periods, current: ['c'] },
        { classId: '10a', title: '10А', grade: 10, periods: [{ periodId: 'h1', name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-29' }], current: ['d'] },
      ],
      movements: [move('x', 'transfer', '2026-09-10', { fromClassId: '5a', toClassId: '5b' }), move('x', 'leave', '2026-11-20', { fromClassId: '5b' }), move('y', 'enrol', '2026-11-06', { toClassId: '5a' })],
      today: '2026-11-30',
    });
    expect(s.sets).toHaveLength(2);
    const [quarters, halves] = s.sets;
    expect(quarters!.rows[0]!.cells).toEqual([{ atStart: 3, atEnd: 2, running: false }, { atStart: 2, atEnd: 3, running: true }, { atStart: null, atEnd: null, running: false }]);
    expect(quarters!.rows[1]!.cells.slice(0, 2)).toEqual([{ atStart: 1, atEnd: 2, running: false }, { atStart: 2, atEnd: 1, running: true }]);
    expect(quarters!.totals).toEqual([{ atStart: 4, atEnd: 4, running: false }, { atStart: 4, atEnd: 4, running: true }, { atStart: null, atEnd: null, running: false }]);
    expect(halves!.rows.map((r) => r.className)).toEqual(['10А']);
  });
});

const marks = (list: Array<[string, string, FinalMarkCode]>): SheetMark[] => list.map(([subjectId, studentId, code]) => ({ subjectId, studentId, code }));

describe('schoolResults', () => {
  const result = schoolResults({
    classes: [
      {
        classId: '5a',
        className: '5А',
        lines: [
          { subjectId: 'math', passFail: false, teacherId: 't1' },
          { subjectId: 'eng', passFail: false, groups: [{ teacherId: 't1', studentIds: ['a'] }, { teacherId: 't2', studentIds: ['b', 'c'] }] },
          { subjectId: 'pe', passFail: true, teacherId: 't2' },
        ],
        now: marks([['math', 'a', '5'], ['math', 'b', '3'], ['math', 'c', '2'], ['eng', 'a', '4'], ['eng', 'b', '5'], ['eng', 'c', '4'], ['pe', 'a', 'pass'], ['pe', 'b', 'fail']]),
        before: marks([['math', 'a', '4'], ['math', 'b', '4'], ['eng', 'a', '4'], ['eng', 'b', '3']]),
      },
    ],
    subjectName: (id) => ({ math: 'Математика', eng: 'Английский язык', pe: 'Физкультура' })[id] ?? id,
    teacherName: (id) => ({ t1: 'Первая А. А.', t2: 'Второй Б. Б.' })[id] ?? id,
  });

  it('should count a class as its class results do, and the change from the period before', () => {
    // a: 5 4 зач (quality); b: 3 5 незач (fails); c: 2 4 (fails) → 1 of 3; (5+4+3+5+2+4)/6 = 3,83. Before: a 4 4, b 4 3 → 2/2, quality 1/2, 3,75.
    expect(result.byClass[0]).toMatchObject({ students: 3, now: { success: 33, quality: 33, average: 3.83 }, before: { success: 100, quality: 50, average: 3.75 }, change: { success: -67, quality: -17, average: 0.08 } });
  });

  it('should credit a split subject\'s marks to each group\'s teacher, and count quality without the pass/fail subjects', () => {
    // t1: math 5 3 2 and a's English 4 → success 3/4, quality 2/4, 3,5.
    expect(result.byTeacher.find((t) => t.teacherId === 't1')).toMatchObject({ now: { assessed: 4, success: 75, quality: 50, average: 3.5 } });
    // t2: b's and c's English 5 4, PE зач незач → success 3/4; quality and average of 5 4 only.
    expect(result.byTeacher.find((t) => t.teacherId === 't2')).toMatchObject({ now: { assessed: 4, success: 75, quality: 100, average: 4.5 }, before: { assessed: 1, success: 100, quality: 0, average: 3 } });
    expect(result.rows.find((r) => r.subjectId === 'eng')!.teachers).toBe('Первая А. А., Второй Б. Б.');
    expect(result.bySubject.map((s) => s.name)).toEqual(['Английский язык', 'Математика', 'Физкультура']);
    expect(result.bySubject.find((s) => s.subjectId === 'pe')).toMatchObject({ now: { success: 50, quality: null, average: null }, before: { assessed: 0, success: null } });
  });

  it('should print a change with its sign, a decimal comma for averages', () => {
    expect([changeText(8, 'percent'), changeText(-42, 'percent'), changeText(0, 'percent'), changeText(-0.33, 'average'), changeText(0.6, 'average'), changeText(null, 'average')]).toEqual(['+8', '−42', '0', '−0,33', '+0,60', '—']);
  });
});

describe('finalData', () => {
  it('should give each student the period, year and (in the graduation grades) exam and final marks by subject', () => {
    const d = finalData({
      students: [{ studentId: 'a', name: 'Аникина Алла' }],
      subjects: [{ subjectId: 'math' }, { subjectId: 'pe' }],
      periods: [{ name: '1 полугодие', marks: marks([['math', 'a', '4']]) }, { name: '2 полугодие', marks: marks([['math', 'a', '5'], ['pe', 'a', 'pass']]) }],
      year: marks([['math', 'a', '5'], ['pe', 'a', 'pass']]),
      exams: { exam: marks([['math', 'a', '4']]), final: marks([['math', 'a', '5']]) },
    });
    expect(d.columns).toEqual(['1 полугодие', '2 полугодие', 'Год', 'Экз.', 'Итог']);
    expect(d.rows[0]!.subjects).toEqual([{ subjectId: 'math', marks: ['4', '5', '5', '4', '5'] }, { subjectId: 'pe', marks: [null, 'зач', 'зач', null, null] }]);
    expect(d.rows[0]).toMatchObject({ yearAverage: 5, yearFailing: 0 });
  });
});

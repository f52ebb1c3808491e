/**
 * The yearly journal's pages as a paper class journal prints them (R-64, clause 8.5): the grid of
 * marks and attendance, the list of lessons, the year's marks of a subject, and the document that
 * lays them out with the summary sheet and the director's signature and seal.
 */
import { describe, expect, it } from 'vitest';
import type { JournalAttendance, JournalLesson, JournalMark, SubjectRoster } from '../../shared/domain/journal-model';
import { yearlyJournalDoc, type YearlyJournal } from '../../shared/reports/yearly-journal';
import { cellTexts, finalMarksTable, gridPages, lessonLines, type SubjectPeriodRecords } from '../../shared/reports/yearly-journal-grid';

const Q1 = { periodId: '2026-q1', name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-24' };
const Q2 = { periodId: '2026-q2', name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-29' };
const PUPILS = [
  { studentId: 'b', name: 'Борисов Борис' },
  { studentId: 'a', name: 'Абрамова Анна' },
];

const lesson = (date: string, lessonNo: number, extra: Partial<JournalLesson> = {}): JournalLesson => ({ subjectId: 'alg', date, lessonNo, groupId: 'all', version: 1, status: 'planned', ...extra });
const mark = (studentId: string, date: string, value: number, setAt = `${date}T08:00:00Z`): JournalMark => ({ studentId, date, lessonNo: 1, groupId: 'all', workType: 'lessonAnswer', value, weight: 1, version: 1, setBy: 't', setAt });
const absent = (studentId: string, date: string, extra: Partial<JournalAttendance> = {}): JournalAttendance => ({ studentId, date, lessonNo: 1, groupId: 'all', kind: 'absent', version: 1, setBy: 't', setAt: `${date}T08:00:00Z`, ...extra });

function records(over: Partial<SubjectPeriodRecords> = {}): SubjectPeriodRecords {
  return {
    subjectId: 'alg',
    period: Q1,
    roster: null,
    lessons: [lesson('2026-09-03', 1, { topic: 'Дроби', homework: '§ 2, № 14' }), lesson('2026-09-01', 1, { topic: 'Повторение' }), lesson('2026-09-02', 1, { status: 'cancelled', topic: 'Не было' })],
    marks: [mark('a', '2026-09-01', 5), mark('a', '2026-09-03', 4, '2026-09-03T09:00:00Z'), mark('a', '2026-09-03', 5, '2026-09-03T08:30:00Z')],
    attendance: [absent('b', '2026-09-01', { reason: 'illness' }), { ...absent('b', '2026-09-03'), kind: 'late' }],
    periodMarks: [{ kind: 'period', periodId: Q1.periodId, subjectId: 'alg', studentId: 'a', code: '5' }, { kind: 'period', periodId: Q1.periodId, subjectId: 'alg', studentId: 'b', code: 'na' }],
    ...over,
  };
}

describe('the grid of marks and attendance', () => {
  it('should show the attendance code, then the marks in the order they were set', () => {
    const cells = cellTexts(records().marks, [...records().attendance, { ...absent('a', '2026-09-03'), kind: 'late' }]);
    expect(cells.get('2026-09-01|1|all|a')).toBe('5');
    expect(cells.get('2026-09-03|1|all|a')).toBe('оп 5/4');
    expect(cells.get('2026-09-01|1|all|b')).toBe('б');
  });

  it('should list pupils by name, held lessons by date (no cancelled one) and the period mark at the right', () => {
    const [page, ...rest] = gridPages(records(), PUPILS);
    expect(rest).toEqual([]);
    expect(page!.title).toBe('1 четверть');
    expect(page!.dates).toEqual(['01.09', '03.09']);
    expect(page!.withPeriodMark).toBe(true);
    expect(page!.rows).toEqual([
      { no: 1, name: 'Абрамова Анна', cells: ['5', '5/4'], periodMark: '5' },
      { no: 2, name: 'Борисов Борис', cells: ['б', 'оп'], periodMark: 'н/а' },
    ]);
  });

  it('should cut a long period into pages of at most the given lessons, the period mark on the last', () => {
    const lessons = Array.from({ length: 7 }, (_, i) => lesson(`2026-09-${String(i + 1).padStart(2, '0')}`, 1));
    const pages = gridPages(records({ lessons }), PUPILS, 3);
    expect(pages.map((p) => [p.title, p.dates.length, p.withPeriodMark, p.rows[0]!.periodMark])).toEqual([
      ['1 четверть', 3, false, ''],
      ['1 четверть (продолжение)', 3, false, ''],
      ['1 четверть (продолжение)', 1, true, '5'],
    ]);
  });

  it('should print a split subject per subgroup, and «—» on days a pupil was not in the class', () => {
    const roster: SubjectRoster = {
      subjectId: 'eng', classId: '5a', className: '5А', grade: 5, periodId: Q1.periodId, line: null, version: 1, builtAt: '2026-09-01T00:00:00Z',
      groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't1' }, { groupId: 'g2', name: '2 группа', teacherId: 't2' }],
      students: [{ studentId: 'a', name: 'Абрамова Анна', groupId: 'g1', from: '2026-09-02' }, { studentId: 'b', name: 'Борисов Борис', groupId: 'g2' }],
    };
    const lessons = [lesson('2026-09-01', 1, { groupId: 'g1', topic: 'Alphabet' }), lesson('2026-09-03', 1, { groupId: 'g1' }), lesson('2026-09-01', 2, { groupId: 'g2' })];
    const pages = gridPages(records({ roster, lessons, marks: [], attendance: [] }), PUPILS);
    expect(pages.map((p) => [p.title, p.dates, p.rows.map((r) => [r.name, ...r.cells])])).toEqual([
      ['1 четверть, 1 группа', ['01.09', '03.09'], [['Абрамова Анна', '—', '']]],
      ['1 четверть, 2 группа', ['01.09'], [['Борисов Борис', '']]],
    ]);
    expect(lessonLines(records({ roster, lessons })).map((l) => l.topic)).toEqual(['[1 группа] Alphabet', '[2 группа] —', '[1 группа] —']);
  });
});

describe('the list of lessons', () => {
  it('should give each held lesson its date, topic and homework, individual homework included', () => {
    const lines = lessonLines(records({ lessons: [...records().lessons, lesson('2026-09-04', 1, { individualHomework: [{ studentIds: ['a'], text: 'Карточка 3' }] })] }));
    expect(lines).toEqual([
      { no: 1, date: '01.09.2026', topic: 'Повторение', homework: '—' },
      { no: 2, date: '03.09.2026', topic: 'Дроби', homework: '§ 2, № 14' },
      { no: 3, date: '04.09.2026', topic: '—', homework: 'индивидуально (1 обуч.): Карточка 3' },
    ]);
  });
});

describe('the marks of the year', () => {
  it('should give each pupil the periods\' marks, the year\'s and an exam column only when someone has one', () => {
    const marks = [
      { kind: 'period' as const, periodId: Q1.periodId, subjectId: 'alg', studentId: 'a', code: '5' as const },
      { kind: 'period' as const, periodId: Q2.periodId, subjectId: 'alg', studentId: 'a', code: '4' as const },
      { kind: 'year' as const, subjectId: 'alg', studentId: 'a', code: '5' as const },
      { kind: 'year' as const, subjectId: 'rus', studentId: 'b', code: '3' as const },
    ];
    expect(finalMarksTable('alg', [Q1, Q2], marks, PUPILS)).toEqual({
      header: ['1 четверть', '2 четверть', 'Год'],
      rows: [
        { no: 1, name: 'Абрамова Анна', cells: ['5', '4', '5'] },
        { no: 2, name: 'Борисов Борис', cells: ['', '', ''] },
      ],
    });
    const withExam = finalMarksTable('alg', [Q1], [...marks, { kind: 'exam', subjectId: 'alg', studentId: 'b', code: 'pass' }], PUPILS);
    expect(withExam.header).toEqual(['1 четверть', 'Год', 'Экзамен']);
    expect(withExam.rows[1]!.cells).toEqual(['', '', 'зач']);
  });
});

describe('the document', () => {
  const journal: YearlyJournal = {
    schoolName: 'МАОУ СОШ № 53', className: '5А', yearName: '2026/2027', yearStart: '2026-09-01', yearEnd: '2027-05-31', classTeacherName: 'Классная Руководительница',
    printedOn: '2027-06-01', periods: [Q1], pupils: PUPILS,
    subjects: [{ subjectId: 'alg', name: 'Алгебра', teachers: ['Учитель И. О.'], pupils: PUPILS, periods: [records()] }],
    finalMarks: records().periodMarks, summaries: [],
  };
  const text = JSON.stringify(yearlyJournalDoc(journal).content);

  it('should be A4 landscape with the title page, the subject\'s grid and lessons and the year\'s marks', () => {
    const doc = yearlyJournalDoc(journal);
    expect([doc.pageSize, doc.pageOrientation]).toEqual(['A4', 'landscape']);
    expect(text).toContain('КЛАССНЫЙ ЖУРНАЛ');
    expect(text).toContain('2026/2027 учебный год');
    expect(text).toContain('Алгебра — 1 четверть: отметки и посещаемость');
    expect(text).toContain('Алгебра — 1 четверть: темы уроков и домашние задания');
    expect(text).toContain('Алгебра — отметки за периоды и за год');
    expect(text).toContain('Учитель: Учитель И. О.');
  });

  it('should end with the director\'s signature and the seal', () => {
    const content = yearlyJournalDoc(journal).content as unknown[];
    const tail = JSON.stringify(content.slice(-6));
    expect(tail).toContain('Директор');
    expect(tail).toContain('(подпись)');
    expect(tail).toContain('М.П.');
  });
});

/**
 * Paper progress reports (clause 3.13, R-52): the fortnight grid, the applications a fortnight
 * covers, the hand-over deadline in working days, and a pupil's fortnight summary.
 */
import { describe, expect, it } from 'vitest';
import {
  applicationCovers,
  diarySource,
  periodsTouched,
  applicationProblems,
  fortnightByNumber,
  fortnightOf,
  handOverDeadline,
  handOverProblems,
  lastCompletedFortnight,
  marksLine,
  normalisedNumber,
  parseFortnightId,
  pupilOverdue,
  pupilSummary,
  withdrawalProblems,
  yearOfRun,
} from '../../shared/domain/paper-reports';

// 2026-09-01 is a Tuesday: the grid starts on Monday 2026-08-31.
const YEAR = { yearId: '2026', startDate: '2026-09-01', endDate: '2027-05-31' };
const HOLIDAYS = [{ name: 'Осенние каникулы', startDate: '2026-10-26', endDate: '2026-11-03' }];

describe('fortnight grid', () => {
  it('should count fortnights from the Monday of the first week and clip them to the year', () => {
    expect(fortnightByNumber(YEAR, 1)).toEqual({ fortnightId: '2026-f01', yearId: '2026', number: 1, from: '2026-09-01', to: '2026-09-13' });
    expect(fortnightByNumber(YEAR, 7)).toMatchObject({ from: '2026-11-23', to: '2026-12-06' });
    expect(fortnightOf(YEAR, '2026-12-06')?.fortnightId).toBe('2026-f07');
    expect(fortnightOf(YEAR, '2026-12-07')?.fortnightId).toBe('2026-f08');
    expect(fortnightOf(YEAR, '2026-08-31')).toBeNull();
    expect(fortnightByNumber(YEAR, 0)).toBeNull();
    expect(fortnightByNumber(YEAR, 40)).toBeNull();
    // The last fortnight ends with the year.
    expect(fortnightOf(YEAR, '2027-05-31')?.to).toBe('2027-05-31');
  });

  it('should report on the last fortnight that has ended, the same one on every day of the next', () => {
    // Monday 07.12 after fortnight 7 (23.11-06.12), and every day up to Sunday 20.12.
    expect(lastCompletedFortnight(YEAR, '2026-12-07')?.fortnightId).toBe('2026-f07');
    expect(lastCompletedFortnight(YEAR, '2026-12-13')?.fortnightId).toBe('2026-f07');
    expect(lastCompletedFortnight(YEAR, '2026-12-20')?.fortnightId).toBe('2026-f07');
    expect(lastCompletedFortnight(YEAR, '2026-12-21')?.fortnightId).toBe('2026-f08');
    // Sunday 06.12 is still inside fortnight 7.
    expect(lastCompletedFortnight(YEAR, '2026-12-06')?.fortnightId).toBe('2026-f06');
    expect(lastCompletedFortnight(YEAR, '2026-09-10')).toBeNull();
    expect(lastCompletedFortnight(YEAR, '2026-09-14')?.fortnightId).toBe('2026-f01');
    // In the summer: the year's last fortnight, which has ended with the year.
    expect(lastCompletedFortnight(YEAR, '2027-07-15')).toMatchObject({ to: '2027-05-31' });
  });

  it('should parse only well-formed fortnight ids and pick the year that has started', () => {
    expect(parseFortnightId('2026-f07')).toEqual({ yearId: '2026', number: 7 });
    expect(parseFortnightId('2026-f00')).toBeNull();
    expect(parseFortnightId('2026-7')).toBeNull();
    const next = { yearId: '2027', startDate: '2027-09-01', endDate: '2028-05-31' };
    expect(yearOfRun([next, YEAR], '2027-08-20')?.yearId).toBe('2026');
    expect(yearOfRun([next, YEAR], '2027-09-02')?.yearId).toBe('2027');
    expect(yearOfRun([next], '2027-08-20')).toBeNull();
  });
});

describe('applications', () => {
  const f7 = fortnightByNumber(YEAR, 7)!;

  it('should cover a fortnight from its start day until a withdrawal dated on or before the fortnight ends', () => {
    expect(applicationCovers({ fromDate: '2026-12-06' }, f7)).toBe(true);
    expect(applicationCovers({ fromDate: '2026-12-07' }, f7)).toBe(false);
    const w = (date: string) => ({ date, number: '2', recordedById: 'u', recordedByName: 'С', recordedAt: '' });
    expect(applicationCovers({ fromDate: '2026-11-01', withdrawal: w('2026-12-07') }, f7)).toBe(true);
    expect(applicationCovers({ fromDate: '2026-11-01', withdrawal: w('2026-12-06') }, f7)).toBe(false);
  });

  it('should explain what is wrong with an application and a withdrawal', () => {
    const ok = { date: '2026-11-20', fromDate: '2026-11-20', number: '15/вх', parentName: 'Иванова Мария Петровна' };
    expect(applicationProblems(ok, '2026-11-20')).toEqual([]);
    expect(applicationProblems(ok, '2026-11-19')[0]).toMatch(/20\.11\.2026 ещё не наступила/);
    expect(applicationProblems({ ...ok, fromDate: '2026-11-19' }, '2026-11-30')[0]).toMatch(/не раньше даты заявления/);
    expect(applicationProblems({ ...ok, number: ' ', parentName: 'И' }, '2026-11-30')).toHaveLength(2);
    expect(withdrawalProblems({ date: '2026-11-20' }, { date: '2026-11-19', number: '3' }, '2026-11-30')[0]).toMatch(/раньше самого заявления/);
    expect(withdrawalProblems({ date: '2026-11-20', withdrawal: { date: '2026-11-25', number: '3', recordedById: 'u', recordedByName: 'С', recordedAt: '' } }, { date: '2026-11-26', number: '4' }, '2026-11-30')[0]).toMatch(/уже отозвано 25\.11\.2026/);
    expect(normalisedNumber('№ 15/ВХ ')).toBe(normalisedNumber('15/вх'));
  });
});

describe('hand-over deadline (3 working days)', () => {
  it('should count Monday to Friday only, so a Monday report is due by Thursday and a Friday one by Wednesday', () => {
    expect(handOverDeadline('2026-12-07', HOLIDAYS)).toBe('2026-12-10');
    expect(handOverDeadline('2026-12-11', HOLIDAYS)).toBe('2026-12-16');
  });

  it('should not count holidays', () => {
    // Friday 23.10, then the autumn holidays 26.10-03.11: 04, 05, 06.11.
    expect(handOverDeadline('2026-10-23', HOLIDAYS)).toBe('2026-11-06');
  });

  it('should flag a pupil overdue the day after the deadline, never once handed over', () => {
    const deadline = handOverDeadline('2026-12-07', HOLIDAYS);
    expect(pupilOverdue({}, deadline, '2026-12-10')).toBe(false);
    expect(pupilOverdue({}, deadline, '2026-12-11')).toBe(true);
    expect(pupilOverdue({ handedOver: { date: '2026-12-11', byId: 'u', byName: 'К', at: '' } }, deadline, '2026-12-14')).toBe(false);
  });

  it('should refuse a hand-over dated in the future, before generation or recorded twice', () => {
    expect(handOverProblems({ date: '2026-12-08' }, { generatedOn: '2026-12-07' }, '2026-12-08')).toEqual([]);
    expect(handOverProblems({ date: '2026-12-09' }, { generatedOn: '2026-12-07' }, '2026-12-08')[0]).toMatch(/ещё не наступила/);
    expect(handOverProblems({ date: '2026-12-06' }, { generatedOn: '2026-12-07' }, '2026-12-08')[0]).toMatch(/раньше нельзя/);
    expect(handOverProblems({ date: '2026-12-08' }, { generatedOn: '2026-12-07' }, '2026-12-08', { date: '2026-12-07', byId: 'u', byName: 'Классный руководитель', at: '' })[0]).toMatch(/уже отмечен/);
  });
});

describe('a pupil fortnight summary', () => {
  const names = new Map([['rus', 'Русский язык'], ['math', 'Математика']]);
  const summary = pupilSummary(
    [
      { date: '2026-11-24', subjectId: 'math', lessonNo: 2, workType: 'test', value: 4, weight: 3 },
      { date: '2026-11-23', subjectId: 'math', lessonNo: 1, workType: 'lessonAnswer', value: 5, weight: 1 },
      { date: '2026-11-25', subjectId: 'rus', lessonNo: 1, workType: 'dictation', value: 3, weight: 2 },
      { date: '2026-11-25', subjectId: 'art', lessonNo: 5, workType: 'lessonAnswer', value: 5, weight: 1 },
    ],
    [
      { date: '2026-11-26', subjectId: 'math', lessonNo: 1, kind: 'absent', reason: 'illness' },
      { date: '2026-11-26', subjectId: 'rus', lessonNo: 2, kind: 'absent', reason: 'illness' },
      { date: '2026-11-27', subjectId: 'rus', lessonNo: 1, kind: 'absent' },
      { date: '2026-11-30', subjectId: 'math', lessonNo: 1, kind: 'late' },
    ],
    names,
  );

  it('should list subjects in the school order, marks by date with work types, and a weighted average with a comma', () => {
    expect(summary.subjects.map((s) => s.subjectName)).toEqual(['Русский язык', 'Математика', 'art']);
    const math = summary.subjects[1]!;
    expect(math.marks.map((m) => m.value)).toEqual([5, 4]);
    // (5*1 + 4*3) / 4 = 4,25 — not the plain 4,50.
    expect(math.average).toBe(4.25);
    expect(math.averageText).toBe('4,25');
    expect(marksLine(math)).toBe('5 (ответ на уроке, 23.11), 4 (контрольная работа, 24.11)');
  });

  it('should count missed lessons and days with their reasons, lateness apart', () => {
    expect(summary.absences).toMatchObject({ lessons: 3, days: 2, late: 1 });
    expect(summary.absences.byReason).toEqual([
      { reason: 'по болезни', lessons: 2 },
      { reason: 'причина не указана', lessons: 1 },
    ]);
    expect(summary.absences.list[2]).toEqual({ date: '2026-11-27', subjectName: 'Русский язык', lessonNo: 1, reason: 'причина не указана' });
  });

  it('should show a dash for a subject average without marks and nothing for a pupil without entries', () => {
    expect(pupilSummary([], [], names)).toEqual({ subjects: [], absences: { lessons: 0, days: 0, byReason: [], late: 0, list: [] } });
  });
});

describe('where a class fortnight is read from', () => {
  it('should read a few applicants from the diary index and a class of many from its partitions', () => {
    expect(diarySource(1, 1)).toBe('index');
    expect(diarySource(2, 1)).toBe('index');
    expect(diarySource(3, 1)).toBe('partitions');
    // Across a period's end two partitions are read: twice the pages.
    expect(diarySource(4, 2)).toBe('index');
    expect(diarySource(5, 2)).toBe('partitions');
    expect(diarySource(30, 2)).toBe('partitions');
    // In the holidays no journal holds the fortnight: nothing to read whole.
    expect(diarySource(30, 0)).toBe('index');
  });

  it('should name the periods a fortnight touches', () => {
    const q = [
      { periodId: 'q1', startDate: '2026-09-01', endDate: '2026-10-24' },
      { periodId: 'q2', startDate: '2026-11-05', endDate: '2026-12-29' },
    ];
    expect(periodsTouched(q, { from: '2026-10-19', to: '2026-11-01' }).map((p) => p.periodId)).toEqual(['q1']);
    expect(periodsTouched(q, { from: '2026-10-19', to: '2026-11-05' }).map((p) => p.periodId)).toEqual(['q1', 'q2']);
    expect(periodsTouched(q, { from: '2026-10-26', to: '2026-11-01' })).toEqual([]);
  });
});

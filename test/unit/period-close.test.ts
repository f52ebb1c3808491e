/** The period close's pure rules (R-40; issue 14): which periods are due on a day, what is missing in a class, the refusal's words. */
import { describe, expect, it } from 'vitest';
import {
  classFindings,
  closedMessage,
  closeDayOf,
  duePeriods,
  findingsText,
  gradesOfPeriod,
  isCloseDue,
  ktpBehind,
  periodsOfYear,
  subjectFindings,
  type SubjectJournalFacts,
} from '../../shared/domain/period-close';
import { dateInZone } from '../../shared/domain/calendar';
import type { AcademicYear } from '../../shared/domain/year';

const year: Pick<AcademicYear, 'periodSets'> = {
  periodSets: [
    {
      kind: 'quarter',
      grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      periods: [
        { periodId: '2026-q1', name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-24' },
        { periodId: '2026-q2', name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-29' },
      ],
    },
    { kind: 'half', grades: [10, 11], periods: [{ periodId: '2026-h1', name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-29' }] },
  ],
};

describe('when a period closes', () => {
  it('should be due from the day after its last day, in the school zone, not a moment before', () => {
    const q2 = year.periodSets[0]!.periods[1]!;
    expect(closeDayOf(q2)).toBe('2026-12-30');
    // 20:59 UTC on 29.12 is 23:59 in Moscow: still the last day; 21:00 UTC is the close day there.
    expect(isCloseDue(q2, dateInZone(new Date('2026-12-29T20:59:59Z'), 'Europe/Moscow'))).toBe(false);
    expect(isCloseDue(q2, dateInZone(new Date('2026-12-29T21:00:00Z'), 'Europe/Moscow'))).toBe(true);
    // Vladivostok's midnight comes 7 hours earlier.
    expect(isCloseDue(q2, dateInZone(new Date('2026-12-29T14:00:00Z'), 'Asia/Vladivostok'))).toBe(true);
  });

  it('should list every ended period not yet closed, each once, oldest first', () => {
    expect(periodsOfYear(year).map((p) => p.periodId)).toEqual(['2026-q1', '2026-h1', '2026-q2']);
    expect(duePeriods(year, '2026-12-01').map((p) => p.periodId)).toEqual(['2026-q1']);
    expect(duePeriods(year, '2026-12-30').map((p) => p.periodId)).toEqual(['2026-q1', '2026-h1', '2026-q2']);
    expect(duePeriods(year, '2026-12-30', new Set(['2026-q1'])).map((p) => p.periodId)).toEqual(['2026-h1', '2026-q2']);
    expect(duePeriods(year, '2026-10-24')).toEqual([]);
  });

  it('should take the grades of the period set that holds the period', () => {
    expect(gradesOfPeriod(year, '2026-h1')).toEqual([10, 11]);
    expect(gradesOfPeriod(year, '2026-q2')).toHaveLength(9);
    expect(gradesOfPeriod(year, '2031-q9')).toEqual([]);
  });

  it('should name the close and the way left in the refusal', () => {
    const text = closedMessage({ closedOn: '2026-12-30', periodName: '2 четверть' });
    expect(text).toContain('Период «2 четверть» закрыт 30.12.2026');
    expect(text).toContain('только по заявке на корректировку');
  });
});

const lesson = (date: string, topic?: string, status = 'planned', groupId = 'all') => ({ date, lessonNo: 1, groupId, status, ...(topic ? { topic } : {}) });
const facts = (over: Partial<SubjectJournalFacts>): SubjectJournalFacts => ({
  subjectId: 'math',
  subjectName: 'Математика',
  roster: { students: [{ studentId: 'a', name: 'Бубнов Антон' }, { studentId: 'b', name: 'Антонова Вера' }, { studentId: 'c', name: 'Ушедший Олег', until: '2026-12-01' }] },
  lessons: [],
  earlierLessons: [],
  marked: new Set(),
  ktps: [],
  ...over,
});
const q2 = { endDate: '2026-12-29' };

describe('what the close finds missing', () => {
  it('should count lessons held without a topic, not cancelled ones, and list their dates', () => {
    const f = subjectFindings(facts({ lessons: [lesson('2026-12-02'), lesson('2026-12-01', 'Дроби'), lesson('2026-12-03', undefined, 'cancelled'), lesson('2026-11-30', '  ')] }), q2, 5);
    expect(f.unfilledLessons).toBe(2);
    expect(f.unfilledDates).toEqual(['2026-11-30', '2026-12-02']);
  });

  it('should list the pupils in the class at the end without a period mark, and nobody in grade 1', () => {
    const f = subjectFindings(facts({ marked: new Set(['a']) }), q2, 5);
    expect(f.withoutPeriodMark).toEqual([{ studentId: 'b', name: 'Антонова Вера' }]);
    expect(subjectFindings(facts({}), q2, 1).withoutPeriodMark).toEqual([]);
  });

  it('should count KTP hours behind from the start of the year, a lost lesson included, capped by the plan', () => {
    const lessons = [lesson('2026-11-10', 'Т1'), lesson('2026-11-11'), lesson('2026-11-12', undefined, 'cancelled')];
    // 3 hours planned by the end (the cancelled lesson too), 1 taught.
    expect(ktpBehind(lessons, [{ groupId: 'all', totalHours: 34, approved: true }])).toEqual({ hours: 2, missing: 0 });
    // A plan of 1 hour asks for no more than 1.
    expect(ktpBehind(lessons, [{ groupId: 'all', totalHours: 1, approved: true }])).toEqual({ hours: 0, missing: 0 });
    // A draft plan measures nothing: the group is counted apart.
    expect(ktpBehind(lessons, [{ groupId: 'all', totalHours: 34, approved: false }])).toEqual({ hours: 0, missing: 1 });
    const f = subjectFindings(facts({ earlierLessons: [lesson('2026-10-01', 'Т0'), lesson('2026-10-02')], lessons, ktps: [{ groupId: 'all', totalHours: 34, approved: true }] }), q2, 5);
    expect(f.ktpHoursBehind).toBe(3);
  });

  it('should add the subjects up and say it in words', () => {
    const c = classFindings([subjectFindings(facts({ lessons: [lesson('2026-12-02')] }), q2, 5), { ...subjectFindings(facts({ subjectName: 'Алгебра' }), q2, 5), subjectId: 'alg' }]);
    expect(c.subjects.map((s) => s.subjectName)).toEqual(['Алгебра', 'Математика']);
    expect(c).toMatchObject({ unfilledLessons: 1, withoutPeriodMark: 4, ktpMissing: 1 });
    expect(findingsText(c)).toEqual(['Не заполнено 1 урок (нет темы).', 'Без отметки за период: 4 обучающихся (по предметам).', 'Без утверждённого КТП: 1 (предмет или подгруппа).']);
    expect(findingsText({ unfilledLessons: 0, withoutPeriodMark: 0, ktpHoursBehind: 0, ktpMissing: 0 })).toEqual(['Пропусков не найдено.']);
  });
});

/**
 * Lesson dates (R-13, clause 1.4): every week of a period, each slot's weekday, minus the holidays
 * of the grade (grade 1's February week), with one-off changes; the year's lesson count; and
 * regeneration that is idempotent and never deletes a lesson with journal data.
 */
import { describe, expect, it } from 'vitest';
import { demoYear } from '../../shared/demo/year';
import { WHOLE_CLASS } from '../../shared/domain/curriculum';
import { addDays, dateInZone, weekdayOf } from '../../shared/domain/calendar';
import {
  generateLessons,
  hasJournalData,
  lessonCountForYear,
  planRegeneration,
  studyDays,
  type PlannedLesson,
} from '../../shared/domain/lesson-dates';
import { periodsForGrade } from '../../shared/domain/year';

const year = demoYear('sch53');
const q1 = periodsForGrade(year, 5)[0]!; // 2026-09-01 .. 2026-10-24
const q2 = periodsForGrade(year, 5)[1]!; // 2026-11-05 .. 2026-12-29
const q3 = periodsForGrade(year, 1)[2]!; // 2027-01-12 .. 2027-03-20
const slot = (weekday: number, lessonNo: number, subjectId = 'math', groupId = WHOLE_CLASS, teacherId = 't1', classId = '5a') => ({
  classId, subjectId, groupId, teacherId, weekday, lessonNo, room: '21',
});

describe('calendar helpers', () => {
  it('should know weekdays of plain dates and today in the school time zone', () => {
    expect(weekdayOf('2026-09-01')).toBe(2); // a Tuesday
    expect(weekdayOf('2026-09-06')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    // 22:30 UTC on 31 August is already 1 September in Moscow (and Krasnodar).
    expect(dateInZone(new Date('2026-08-31T22:30:00Z'), 'Europe/Moscow')).toBe('2026-09-01');
    expect(dateInZone(new Date('2026-08-31T20:30:00Z'), 'Europe/Moscow')).toBe('2026-08-31');
  });

  it('should count study days Monday to Saturday without holidays', () => {
    const days = studyDays(year, 5, q1);
    expect(days[0]).toBe('2026-09-01');
    expect(days.at(-1)).toBe('2026-10-24');
    expect(days.some((d) => weekdayOf(d) === 7)).toBe(false);
    expect(days).toHaveLength(5 + 7 * 6); // Tue 01.09-Sat 05.09, then seven full weeks to Sat 24.10
  });
});

describe('generateLessons', () => {
  it('should give every Monday of the first quarter for a Monday slot', () => {
    const lessons = generateLessons({ year, grade: 5, classId: '5a', period: q1, slots: [slot(1, 2)] });
    expect(lessons.map((l) => l.date)).toEqual(['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19']);
    expect(lessons[0]).toEqual({
      classId: '5a', periodId: '2026-q1', subjectId: 'math', groupId: WHOLE_CLASS, date: '2026-09-07', lessonNo: 2, teacherId: 't1', room: '21', status: 'planned',
    });
  });

  it('should leave out the autumn holidays and a one-day public holiday', () => {
    const wednesdays = generateLessons({ year, grade: 5, classId: '5a', period: q2, slots: [slot(3, 1)] }).map((l) => l.date);
    expect(wednesdays[0]).toBe('2026-11-11'); // 04.11 is still the autumn holiday
    const q3Tuesdays = generateLessons({ year, grade: 5, classId: '5a', period: { ...q3, periodId: '2026-q3' }, slots: [slot(2, 1)] }).map((l) => l.date);
    expect(q3Tuesdays).not.toContain('2027-02-23');
    expect(q3Tuesdays).toContain('2027-02-16');
  });

  it('should leave out grade 1 February holiday week for grade 1 only', () => {
    const args = { year, classId: '1a', period: q3, slots: [slot(1, 1, 'math', WHOLE_CLASS, 't1', '1a'), slot(5, 1, 'math', WHOLE_CLASS, 't1', '1a')] };
    const grade1 = generateLessons({ ...args, grade: 1 }).map((l) => l.date);
    const grade2 = generateLessons({ ...args, grade: 2 }).map((l) => l.date);
    expect(grade1).not.toContain('2027-02-15');
    expect(grade1).not.toContain('2027-02-19');
    expect(grade2).toContain('2027-02-15');
    expect(grade2).toContain('2027-02-19');
    expect(grade2.length - grade1.length).toBe(2);
  });

  it('should only generate within the window, and only for the class', () => {
    const lessons = generateLessons({
      year, grade: 5, classId: '5a', period: q1,
      slots: [slot(1, 2), slot(1, 2, 'math', WHOLE_CLASS, 't1', '5b')],
      window: { from: '2026-09-10', to: '2026-09-30' },
    });
    expect(lessons.map((l) => l.date)).toEqual(['2026-09-14', '2026-09-21', '2026-09-28']);
  });

  it('should apply one-off changes: cancelled, moved (with where from) and substituted', () => {
    const changeBase = { classId: '5a', subjectId: 'math', groupId: WHOLE_CLASS, teacherId: 't1', room: '21' };
    const lessons = generateLessons({
      year, grade: 5, classId: '5a', period: q1, slots: [slot(1, 2)],
      changes: [
        { ...changeBase, kind: 'cancel', date: '2026-09-07', lessonNo: 2 },
        { ...changeBase, kind: 'move', date: '2026-09-14', lessonNo: 2, toDate: '2026-09-16', toLessonNo: 5 } as never,
        { ...changeBase, kind: 'moveIn', date: '2026-09-16', lessonNo: 5, fromDate: '2026-09-14', fromLessonNo: 2 },
        { ...changeBase, kind: 'substitute', date: '2026-09-21', lessonNo: 2, substituteTeacherId: 't9' },
        // Another group's change does not touch the whole-class lesson.
        { ...changeBase, groupId: 'g1', kind: 'cancel', date: '2026-09-28', lessonNo: 2 },
      ],
    });
    expect(lessons.slice(0, 4).map((l) => [l.date, l.lessonNo, l.teacherId, l.plannedTeacherId ?? '', l.movedFrom ?? ''])).toEqual([
      ['2026-09-16', 5, 't1', '', '2026-09-14#2'],
      ['2026-09-21', 2, 't9', 't1', ''],
      ['2026-09-28', 2, 't1', '', ''],
      ['2026-10-05', 2, 't1', '', ''],
    ]);
  });
});

describe('lessonCountForYear', () => {
  it('should count every period of the grade minus holidays, per group', () => {
    const slots = [slot(1, 1, 'english', 'g1'), slot(3, 1, 'english', 'g1'), slot(1, 1, 'english', 'g2', 't2')];
    const g1 = lessonCountForYear({ year, grade: 5, classId: '5a', slots, subjectId: 'english', groupId: 'g1' });
    const g2 = lessonCountForYear({ year, grade: 5, classId: '5a', slots, subjectId: 'english', groupId: 'g2' });
    const mondays = periodsForGrade(year, 5).flatMap((p) => studyDays(year, 5, p)).filter((d) => weekdayOf(d) === 1).length;
    const wednesdays = periodsForGrade(year, 5).flatMap((p) => studyDays(year, 5, p)).filter((d) => weekdayOf(d) === 3).length;
    expect(g2).toBe(mondays);
    expect(g1).toBe(mondays + wednesdays);
    expect(g1).toBeGreaterThan(60);
    expect(lessonCountForYear({ year, grade: 5, classId: '5a', slots, subjectId: 'english' })).toBe(0);
  });

  it('should count fewer lessons for grade 1 (its February week) and for halves the same days as quarters', () => {
    const s = [slot(1, 1, 'math', WHOLE_CLASS, 't1', 'x')];
    const g1 = lessonCountForYear({ year, grade: 1, classId: 'x', slots: s, subjectId: 'math' });
    const g2 = lessonCountForYear({ year, grade: 2, classId: 'x', slots: s, subjectId: 'math' });
    const g10 = lessonCountForYear({ year, grade: 10, classId: 'x', slots: s, subjectId: 'math' });
    expect(g2 - g1).toBe(1);
    expect(g10).toBe(g2);
  });
});

describe('planRegeneration', () => {
  const window = { from: q1.startDate, to: q1.endDate };
  const desired = generateLessons({ year, grade: 5, classId: '5a', period: q1, slots: [slot(1, 2), slot(4, 3, 'russian', WHOLE_CLASS, 't2')] });
  const asStored = (ls: PlannedLesson[]) => ls.map((l) => ({ ...l, type: 'lesson', version: 1 }) as Record<string, unknown>);

  it('should create everything the first time and nothing the second time (idempotent)', () => {
    const first = planRegeneration([], desired, window);
    expect(first.create).toHaveLength(desired.length);
    const second = planRegeneration(asStored(first.create), desired, window);
    expect(second).toEqual({ create: [], update: [], remove: [], kept: [], unchanged: desired.length });
  });

  it('should update a changed teacher and remove lessons no longer planned', () => {
    const changed = generateLessons({ year, grade: 5, classId: '5a', period: q1, slots: [slot(1, 2, 'math', WHOLE_CLASS, 't5')] });
    const plan = planRegeneration(asStored(desired), changed, window);
    expect(plan.update).toHaveLength(changed.length);
    expect(plan.update[0]!.lesson.teacherId).toBe('t5');
    expect(plan.remove).toHaveLength(desired.length - changed.length);
    expect(plan.create).toEqual([]);
  });

  it('should never remove a lesson with journal data, and keep lessons outside the window', () => {
    const stored = asStored(desired);
    stored[0] = { ...stored[0], journalData: true };
    stored[1] = { ...stored[1], topic: 'Натуральные числа' };
    const plan = planRegeneration(stored, [], { from: q1.startDate, to: '2026-09-30' });
    expect(plan.kept.map((k) => k.date)).toEqual([stored[0]!.date, stored[1]!.date]);
    expect(plan.remove.every((r) => (r.date as string) <= '2026-09-30')).toBe(true);
    expect(plan.remove.length + plan.kept.length).toBe(desired.filter((d) => d.date <= '2026-09-30').length);
  });

  it('should tell journal data from schedule attributes', () => {
    expect(hasJournalData({ ...desired[0], type: 'lesson', version: 3, pk: 'x', sk: 'y' })).toBe(false);
    expect(hasJournalData({ ...desired[0], journalData: true })).toBe(true);
    expect(hasJournalData({ ...desired[0], homework: 'упр. 5' })).toBe(true);
  });
});

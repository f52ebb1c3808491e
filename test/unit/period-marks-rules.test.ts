/**
 * Who sets period, year, exam and final marks (clauses 3.9, 3.10) and when (3.8, 3.9, 6.3), at the
 * exact boundaries of the school's day: 20:59:59Z is 23:59:59 in Moscow, 21:00:00Z the next day.
 */
import { describe, expect, it } from 'vitest';
import {
  effectiveOpenDaysBefore,
  finalMarkRight,
  finalMarkVerdict,
  lastSchoolDay,
  markWindow,
  maySetFinalMark,
  NOT_YOUR_FINAL_MARK,
  openDaysBeforeProblems,
  setLate,
  subjectTeacherOf,
  type FinalMarkVerdict,
  type MarkPlace,
  type MarkSetter,
  type MarkWindow,
} from '../../shared/domain/period-mark-rules';
import { demoYear } from '../../shared/demo/year';
import { REGULATION_LOCK_DAYS } from '../../shared/domain/settings';

const MSK = 'Europe/Moscow';
const locks = REGULATION_LOCK_DAYS;

// The demo school's year: quarters 01.09-24.10, 05.11-29.12, 12.01-20.03, 30.03-26.05 for grades 1-9,
// halves to 29.12 and 26.05 for 10-11; the year ends 31.05.2027.
const year = demoYear('sch');

const q1Period = year.periodSets[0]!.periods[0]!;
const q1 = markWindow(year, 5, { kind: 'period', periodId: '2026-q1' }, { openDaysBefore: 0 })!;
const verdict = (w: MarkWindow, nowIso: string, firstSetAt?: string) =>
  finalMarkVerdict(w, firstSetAt ? { firstSetAt } : null, new Date(nowIso), MSK, locks);
const state = (v: FinalMarkVerdict) => (v.open ? (v.late ? 'late' : 'open') : v.reason);

describe('who (clauses 3.9, 3.10)', () => {
  const wholeClass: MarkPlace = { classId: '5a', line: { teacherId: 'math' } };
  const split: Omit<MarkPlace, 'studentGroupId'> = {
    classId: '5a',
    line: { groups: [{ groupId: 'g1', name: '1 группа', teacherId: 'eng1' }, { groupId: 'g2', name: '2 группа', teacherId: 'eng2' }] },
    // In this period the first group has another teacher.
    subgroups: [{ groupId: 'g1', teacherId: 'eng3' }, { groupId: 'g2', teacherId: 'eng2' }],
  };
  const teacher = (userId: string, led: string[] = []): MarkSetter => ({ userId, isTeacher: true, ledClassIds: led });

  it('should let the subject teacher set marks of their own class and subject', () => {
    expect(finalMarkRight(teacher('math'), wholeClass)).toBe('subjectTeacher');
    expect(finalMarkRight(teacher('physics'), wholeClass)).toBeNull();
    expect(finalMarkRight(teacher('math'), { ...wholeClass, line: { teacherId: 'other' } })).toBeNull();
  });

  it('should let the class teacher set every subject of their own class, and no other class', () => {
    expect(finalMarkRight(teacher('physics', ['5a']), wholeClass)).toBe('classTeacher');
    expect(finalMarkRight(teacher('physics', ['5a']), { ...wholeClass, line: null })).toBe('classTeacher');
    expect(finalMarkRight(teacher('physics', ['5b']), wholeClass)).toBeNull();
    expect(maySetFinalMark(teacher('physics', ['5b']), wholeClass)).toBe(false);
  });

  it('should limit a subgroup teacher to their own group, this period\'s teacher first', () => {
    expect(finalMarkRight(teacher('eng3'), { ...split, studentGroupId: 'g1' })).toBe('subjectTeacher');
    expect(finalMarkRight(teacher('eng1'), { ...split, studentGroupId: 'g1' })).toBeNull();
    expect(finalMarkRight(teacher('eng2'), { ...split, studentGroupId: 'g2' })).toBe('subjectTeacher');
    expect(finalMarkRight(teacher('eng2'), { ...split, studentGroupId: 'g1' })).toBeNull();
    // Without the period's make-up, the curriculum's group teacher.
    expect(subjectTeacherOf({ line: split.line, studentGroupId: 'g1' })).toBe('eng1');
    // A student in no group has no subject teacher: only the class teacher may set the mark.
    expect(finalMarkRight(teacher('eng2'), split)).toBeNull();
    expect(finalMarkRight(teacher('x', ['5a']), split)).toBe('classTeacher');
  });

  it('should refuse a person without a teacher grant, even if the curriculum still names them', () => {
    expect(finalMarkRight({ userId: 'math', isTeacher: false, ledClassIds: [] }, wholeClass)).toBeNull();
    expect(NOT_YOUR_FINAL_MARK).toContain('3.9');
  });
});

describe('when a period mark opens (clause 3.9: never in advance)', () => {
  it('should open on the period\'s last day at 00:00 Moscow time', () => {
    expect(q1).toEqual({ kind: 'period', what: 'четвертные отметки за «1 четверть»', opensOn: '2026-10-24', dueBy: '2026-10-24', closesOn: '2026-11-05' });
    const eve = verdict(q1, '2026-10-23T20:59:59Z');
    expect(eve).toMatchObject({ open: false, reason: 'notYet', opensOn: '2026-10-24' });
    expect(!eve.open && eve.message).toBe('Четвертные отметки за «1 четверть» выставляются не раньше 24.10.2026: заранее отметки не ставятся (пп. 3.8, 3.9 положения).');
    expect(verdict(q1, '2026-10-23T21:00:00Z')).toEqual({ open: true, late: false, lockedFrom: '2026-10-30' });
  });

  it('should take the class\'s last lesson day as the last school day: Friday for a five-day week', () => {
    // 24.10.2026 is a Saturday; a five-day class has its last lessons on Friday 23.10.
    const fiveDay = ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-11-05'];
    expect(lastSchoolDay(q1Period, fiveDay)).toBe('2026-10-23');
    expect(lastSchoolDay(q1Period, [])).toBe('2026-10-24');
    const w = markWindow(year, 2, { kind: 'period', periodId: '2026-q1' }, { openDaysBefore: 0, lessonDates: fiveDay })!;
    expect(w).toMatchObject({ opensOn: '2026-10-23', dueBy: '2026-10-23' });
    expect(state(verdict(w, '2026-10-22T20:59:59Z'))).toBe('notYet');
    expect(state(verdict(w, '2026-10-22T21:00:00Z'))).toBe('open');
    expect(state(verdict(w, '2026-10-23T21:00:00Z'))).toBe('late');
  });

  it('should open up to N days earlier where the department allows it', () => {
    const early = markWindow(year, 5, { kind: 'period', periodId: '2026-q1' }, { openDaysBefore: 3 })!;
    expect(early.opensOn).toBe('2026-10-21');
    const v = verdict(early, '2026-10-20T20:59:59Z');
    expect(state(v)).toBe('notYet');
    expect(!v.open && v.message).toContain('не раньше 21.10.2026 (за 3 дня до окончания периода)');
    expect(state(verdict(early, '2026-10-20T21:00:00Z'))).toBe('open');
    // Never before the period starts.
    expect(markWindow(year, 5, { kind: 'period', periodId: '2026-q1' }, { openDaysBefore: 400 })?.opensOn).toBe('2026-09-01');
  });

  it('should let a school only shorten the department\'s days', () => {
    expect(effectiveOpenDaysBefore(3)).toBe(3);
    expect(effectiveOpenDaysBefore(3, 1)).toBe(1);
    expect(effectiveOpenDaysBefore(3, 5)).toBe(3);
    expect(openDaysBeforeProblems(2, 3)).toEqual([]);
    expect(openDaysBeforeProblems(0)).toEqual([]);
    expect(openDaysBeforeProblems(5, 3)[0]?.message).toContain('5 дней — мягче, чем установило управление образования (не более 3 дней)');
    for (const bad of [-1, 1.5, 15, '2', null]) expect(openDaysBeforeProblems(bad)[0]?.field, String(bad)).toBe('periodMarksOpenDaysBefore');
  });

  it('should follow the grade\'s scheme: halves for grades 10-11, no period of another scheme', () => {
    expect(markWindow(year, 10, { kind: 'period', periodId: '2026-h1' }, { openDaysBefore: 0 })).toMatchObject({ what: 'полугодовые отметки за «1 полугодие»', opensOn: '2026-12-29', closesOn: '2027-01-12' });
    expect(markWindow(year, 10, { kind: 'period', periodId: '2026-q1' }, { openDaysBefore: 0 })).toBeNull();
    expect(markWindow({ ...year, periodSets: [] }, 5, { kind: 'year' }, { openDaysBefore: 0 })).toBeNull();
  });
});

describe('due on the last day, late after it', () => {
  it('should flag a mark set after the last day «с опозданием», not refuse it', () => {
    expect(state(verdict(q1, '2026-10-24T20:59:59Z'))).toBe('open');
    expect(state(verdict(q1, '2026-10-24T21:00:00Z'))).toBe('late');
    expect(setLate(q1, '2026-10-24T20:59:59Z', MSK)).toBe(false);
    expect(setLate(q1, '2026-10-24T21:00:00Z', MSK)).toBe(true);
  });

  it('should say whether an existing mark was set late', () => {
    expect(verdict(q1, '2026-10-26T10:00:00Z', '2026-10-25T08:00:00Z')).toMatchObject({ open: true, late: true });
    expect(verdict(q1, '2026-10-26T10:00:00Z', '2026-10-24T08:00:00Z')).toMatchObject({ open: true, late: false });
  });
});

describe('locks (clauses 6.3, 3.8)', () => {
  it('should keep day 5 after setting editable and lock day 6, in Moscow time', () => {
    const setAt = '2026-10-24T09:00:00Z';
    expect(verdict(q1, '2026-10-29T20:59:59Z', setAt)).toEqual({ open: true, late: false, lockedFrom: '2026-10-30' });
    const v = verdict(q1, '2026-10-29T21:00:00Z', setAt);
    expect(v).toMatchObject({ open: false, reason: 'locked', lockedFrom: '2026-10-30', days: 5 });
    expect(!v.open && v.message).toBe(
      'Отметка выставлена 24.10.2026 и закрыта с 30.10.2026: четвертные отметки за «1 четверть» нельзя изменять по прошествии 5 дней ' +
        'после выставления (п. 6.3 положения). Исправление — только по заявке на корректировку.',
    );
  });

  it('should count from the school\'s date of setting, not the UTC date', () => {
    // 00:30 of 25.10 in Moscow is still 24.10 in UTC: the mark was set on 25.10.
    const setAt = '2026-10-24T21:30:00Z';
    expect(verdict(q1, '2026-10-30T20:59:59Z', setAt)).toMatchObject({ open: true, late: true, lockedFrom: '2026-10-31' });
    expect(state(verdict(q1, '2026-10-30T21:00:00Z', setAt))).toBe('locked');
  });

  it('should follow a school\'s stricter lock', () => {
    const v = finalMarkVerdict(q1, { firstSetAt: '2026-10-24T09:00:00Z' }, new Date('2026-10-27T21:00:00Z'), MSK, { finalMarks: 3 });
    expect(v).toMatchObject({ open: false, reason: 'locked', lockedFrom: '2026-10-28', days: 3 });
  });

  it('should close the period on the first day of the next one, new and existing marks alike', () => {
    const setAt = '2026-11-02T09:00:00Z'; // late, during the holidays
    expect(verdict(q1, '2026-11-04T20:59:59Z', setAt)).toEqual({ open: true, late: true, lockedFrom: '2026-11-05' });
    expect(state(verdict(q1, '2026-11-04T20:59:59Z'))).toBe('late');
    const v = verdict(q1, '2026-11-04T21:00:00Z', setAt);
    expect(v).toMatchObject({ open: false, reason: 'closed', closedOn: '2026-11-05' });
    expect(!v.open && v.message).toContain('С 05.11.2026 четвертные отметки за «1 четверть» больше не выставляются и не изменяются');
    expect(state(verdict(q1, '2026-11-04T21:00:00Z'))).toBe('closed');
  });

  it('should close earlier when the scheduled closing says so, never later', () => {
    const closedEarly = markWindow(year, 5, { kind: 'period', periodId: '2026-q1' }, { openDaysBefore: 0, closedOn: '2026-10-28' })!;
    expect(closedEarly.closesOn).toBe('2026-10-28');
    expect(state(verdict(closedEarly, '2026-10-27T20:59:59Z'))).toBe('late');
    expect(state(verdict(closedEarly, '2026-10-27T21:00:00Z'))).toBe('closed');
    expect(markWindow(year, 5, { kind: 'period', periodId: '2026-q1' }, { openDaysBefore: 0, closedOn: '2026-12-01' })!.closesOn).toBe('2026-11-05');
  });

  it('should close the last quarter the day after the school year ends', () => {
    const q4 = markWindow(year, 5, { kind: 'period', periodId: '2026-q4' }, { openDaysBefore: 0 })!;
    expect(q4.closesOn).toBe('2027-06-01');
    expect(state(verdict(q4, '2027-05-31T20:59:59Z'))).toBe('late');
    expect(state(verdict(q4, '2027-05-31T21:00:00Z'))).toBe('closed');
  });
});

describe('year, exam and final marks (clause 3.10)', () => {
  it('should open the year mark on the last day of the last period', () => {
    const y = markWindow(year, 5, { kind: 'year' }, { openDaysBefore: 0 })!;
    expect(y).toEqual({ kind: 'year', what: 'годовые отметки', opensOn: '2027-05-26', dueBy: '2027-05-26', closesOn: '2027-06-01' });
    expect(state(verdict(y, '2027-05-25T20:59:59Z'))).toBe('notYet');
    expect(state(verdict(y, '2027-05-25T21:00:00Z'))).toBe('open');
    expect(state(verdict(y, '2027-05-26T21:00:00Z'))).toBe('late');
  });

  it('should take exam and final marks after the year, with no due day, locked 5 days after setting', () => {
    const exam = markWindow(year, 9, { kind: 'exam' }, { openDaysBefore: 3 })!;
    expect(exam).toEqual({ kind: 'exam', what: 'экзаменационные отметки', opensOn: '2027-05-26', dueBy: null, closesOn: null });
    expect(state(verdict(exam, '2027-05-25T20:59:59Z'))).toBe('notYet');
    expect(verdict(exam, '2027-06-20T09:00:00Z')).toEqual({ open: true, late: false, lockedFrom: '2027-06-26' });
    expect(state(verdict(exam, '2027-06-25T20:59:59Z', '2027-06-20T09:00:00Z'))).toBe('open');
    expect(state(verdict(exam, '2027-06-25T21:00:00Z', '2027-06-20T09:00:00Z'))).toBe('locked');
    const final = markWindow(year, 11, { kind: 'final' }, { openDaysBefore: 0, closedOn: '2027-06-30' })!;
    expect(final.closesOn).toBe('2027-06-30');
    expect(state(verdict(final, '2027-06-29T21:00:00Z'))).toBe('closed');
  });
});

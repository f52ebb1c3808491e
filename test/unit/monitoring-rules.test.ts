/** The monitoring's pure rules (R-62; shared/domain/reports/monitoring.ts), figures worked out by hand. */
import { describe, expect, it } from 'vitest';
import type { JournalLesson, JournalMark } from '../../shared/domain/journal-model';
import {
  activityFigures,
  checkAssessment,
  DEFAULT_MONITORING_THRESHOLDS as T,
  ktpFigures,
  monitoringThresholdProblems,
  resolveMonitoringThresholds,
  rowProblems,
  signedInWithin,
  subjectRows,
  type MonitoringWindow,
} from '../../shared/domain/reports/monitoring';
import { REGULATION_LOCK_SETTINGS } from '../../shared/domain/settings';

const W: MonitoringWindow = { from: '2026-11-05', until: '2026-11-20', to: '2026-12-29', today: '2026-11-20', locks: REGULATION_LOCK_SETTINGS, dayOf: (iso) => iso.slice(0, 10) };
const lesson = (date: string, extra: Partial<JournalLesson> = {}): JournalLesson => ({ date, lessonNo: 1, groupId: 'all', subjectId: 'm', version: 1, ...extra });
const mark = (date: string, studentId: string, workType: JournalMark['workType'] = 'lessonAnswer'): JournalMark => ({ date, lessonNo: 1, groupId: 'all', studentId, workType, value: 5, weight: 1, version: 1, setBy: 't', setAt: `${date}T10:00:00Z` });

describe('ktpFigures', () => {
  it('should count the timetable to date (cancelled too) against the lessons with a topic', () => {
    const lessons = [lesson('2026-11-10', { topic: 'А' }), lesson('2026-11-11', { status: 'cancelled' }), lesson('2026-11-12'), lesson('2026-11-25', { topic: 'В' })];
    // Planned to 20.11: 3; taught: 10.11 and 25.11 (filled in advance) = 2.
    expect(ktpFigures(lessons, [{ groupId: 'all', status: 'approved' }], W)).toEqual({ state: 'approved', planned: 3, taught: 2, behind: 1, ahead: 0 });
    expect(ktpFigures([lesson('2026-11-10', { topic: 'А' }), lesson('2026-11-25', { topic: 'Б' })], [], W)).toMatchObject({ state: 'none', behind: 0, ahead: 1 });
  });

  it('should call a plan of two groups approved only when both are', () => {
    const lessons = [lesson('2026-11-10', { groupId: 'g1' }), lesson('2026-11-10', { groupId: 'g2' })];
    expect(ktpFigures(lessons, [{ groupId: 'g1', status: 'approved' }], W).state).toBe('draft');
    expect(ktpFigures(lessons, [{ groupId: 'g1', status: 'approved' }, { groupId: 'g2', status: 'approved' }], W).state).toBe('approved');
  });
});

describe('checkAssessment', () => {
  const lessons = [lesson('2026-11-10'), lesson('2026-11-11', { status: 'cancelled' }), lesson('2026-11-12')];
  it('should want a held lesson that day with marks of a work type of its kind', () => {
    expect(checkAssessment({ date: '2026-11-10', kind: 'test' }, lessons, [mark('2026-11-10', 's', 'test')], W).state).toBe('kept');
    expect(checkAssessment({ date: '2026-11-10', kind: 'test' }, lessons, [mark('2026-11-10', 's')], W).state).toBe('noMarks');
    expect(checkAssessment({ date: '2026-11-10', kind: 'monitoring' }, lessons, [mark('2026-11-10', 's', 'test')], W).state).toBe('noMarks');
    expect(checkAssessment({ date: '2026-11-10', kind: 'monitoring' }, lessons, [mark('2026-11-10', 's', 'monitoringPractical')], W).state).toBe('kept');
    expect(checkAssessment({ date: '2026-11-11', kind: 'test' }, lessons, [mark('2026-11-11', 's', 'test')], W).state).toBe('noLesson');
    expect(checkAssessment({ date: '2026-11-25', kind: 'vpr' }, lessons, [], W)).toEqual({ date: '2026-11-25', kind: 'vpr', kindShort: 'ВПР', state: 'upcoming' });
  });
});

describe('subjectRows', () => {
  it('should count per teacher of each subgroup, students present, and late fills by the school\'s term', () => {
    const groups = [{ groupId: 'g1', name: '1', teacherId: 't1' }, { groupId: 'g2', name: '2', teacherId: 't2' }];
    const rows = subjectRows(
      {
        classId: 'c', subjectId: 'e', groups,
        students: [{ studentId: 'a', name: 'А', groupId: 'g1' }, { studentId: 'b', name: 'Б', groupId: 'g1' }, { studentId: 'c', name: 'В', groupId: 'g2' }],
        lessons: [
          // Filled on 15.11 for 10.11: the term is 2 days, so late.
          lesson('2026-11-10', { groupId: 'g1', topic: 'Т', homework: 'упр. 1', filledAt: '2026-11-15T09:00:00Z' }),
          lesson('2026-11-12', { groupId: 'g1' }),
          lesson('2026-11-10', { groupId: 'g2', topic: 'Т', filledAt: '2026-11-10T09:00:00Z' }),
        ],
        marks: [{ ...mark('2026-11-10', 'a'), groupId: 'g1' }, { ...mark('2026-11-10', 'a', 'homework'), groupId: 'g1' }, { ...mark('2026-11-10', 'c'), groupId: 'g2' }],
        attendance: [{ date: '2026-11-12', lessonNo: 1, groupId: 'g1', studentId: 'b', kind: 'absent', version: 1, setBy: 't', setAt: '' }],
        ktps: [],
        assessments: [],
      },
      W,
      T,
    );
    const t1 = rows.find((r) => r.teacherId === 't1')!;
    // Group 1: a 2 lessons, b 2 − 1 absence = 3 student-lessons; 2 marks (both a's; the g1 lesson of 10.11).
    expect(t1).toMatchObject({ groupIds: ['g1'], students: 2, lessonsHeld: 2, marks: 2, fillRate: 0.67, noMarkStudents: 1, noMarkShare: 50, oneMarkStudents: 0, homeworkShare: 50, topicShare: 50, lateFills: 1, overdueFills: 1 });
    expect(rows.find((r) => r.teacherId === 't2')).toMatchObject({ groupIds: ['g2'], students: 1, marks: 1, fillRate: 1, oneMarkShare: 100, lateFills: 0 });
  });
});

describe('rowProblems', () => {
  const base = {
    teacherId: 't', classId: 'c', subjectId: 's', groupIds: [], students: 10, lessonsHeld: 10, marks: 30, fillRate: 0.3, noMarkShare: 10, oneMarkShare: 20, noMarkStudents: 1, oneMarkStudents: 2,
    homeworkShare: 80, topicShare: 95, ktp: { state: 'approved' as const, planned: 10, taught: 8, behind: 2, ahead: 0 }, lateFills: 2, overdueFills: 0, assessments: [], assessmentsDue: 0, assessmentsKept: 0,
  };
  it('should flag nothing exactly at the thresholds, and each figure just past them', () => {
    expect(rowProblems(base, T)).toEqual([]);
    const past = { ...base, fillRate: 0.29, noMarkShare: 11, oneMarkShare: 21, homeworkShare: 79, topicShare: 94, ktp: { ...base.ktp, behind: 3 }, lateFills: 3 };
    expect(rowProblems(past, T).map((p) => p.code)).toEqual(['fillRate', 'noMarks', 'oneMark', 'homework', 'topics', 'ktpBehind', 'lateFills']);
    expect(rowProblems(past, T)[0]!.message).toBe('Мало текущих отметок: 0,29 на ученика за урок (порог 0,30).');
  });
  it('should say nothing before the first lesson is held', () => {
    expect(rowProblems({ ...base, lessonsHeld: 0, fillRate: null, ktp: { ...base.ktp, state: 'none' } }, T)).toEqual([]);
  });
});

describe('activity', () => {
  it('should count the last 7 and 30 days, today included', () => {
    expect(signedInWithin({ lastSignInOn: '2026-11-14' }, '2026-11-20', 7)).toBe(true);
    expect(signedInWithin({ lastSignInOn: '2026-11-13' }, '2026-11-20', 7)).toBe(false);
    expect(signedInWithin({ lastSignInOn: '2026-10-22' }, '2026-11-20', 30)).toBe(true);
    expect(signedInWithin({ lastSignInOn: '2026-10-21' }, '2026-11-20', 30)).toBe(false);
    expect(signedInWithin({}, '2026-11-20', 30)).toBe(false);
    expect(activityFigures([{ userId: 'a', lastSignInOn: '2026-11-20' }, { userId: 'b', lastSignInOn: '2026-11-01' }, { userId: 'c' }], '2026-11-20')).toEqual({ total: 3, active7: 1, active30: 2, share7: 33, share30: 67 });
    expect(activityFigures([], '2026-11-20')).toEqual({ total: 0, active7: 0, active30: 0, share7: null, share30: null });
  });
});

describe('thresholds', () => {
  it('should fill in the defaults and check the ranges', () => {
    expect(resolveMonitoringThresholds({ maxKtpBehind: 4, minFillRate: 'x' as never })).toEqual({ ...T, maxKtpBehind: 4 });
    expect(monitoringThresholdProblems(T)).toEqual([]);
    expect(monitoringThresholdProblems({ ...T, minHomeworkShare: 101, minFillRate: -1 }).map((p) => p.field)).toEqual(['thresholds.minFillRate', 'thresholds.minHomeworkShare']);
  });
});

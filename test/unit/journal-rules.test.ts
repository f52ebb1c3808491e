/**
 * The regulation's rules of entering the journal (R-22, R-23, clauses 3.5, 3.8) at their exact
 * boundaries, in the school's time zone.
 */
import { describe, expect, it } from 'vitest';
import { addDays, dateInZone } from '../../shared/domain/calendar';
import { fillState, lacksCyrillic, lessonVerdict, markVerdict, type Verdict } from '../../shared/domain/journal-rules';
import { REGULATION_LOCK_SETTINGS, type LockSettings } from '../../shared/domain/settings';

const MSK = 'Europe/Moscow';
const lesson = { date: '2026-11-20' };
const locks = REGULATION_LOCK_SETTINGS;
const at = (iso: string) => dateInZone(new Date(iso), MSK);

const reason = (v: Verdict) => (v.open ? 'open' : v.reason);

describe('the school day', () => {
  it('should count days in Moscow time, not UTC', () => {
    expect(at('2026-11-30T20:59:59Z')).toBe('2026-11-30'); // 23:59:59 in Krasnodar
    expect(at('2026-11-30T21:00:00Z')).toBe('2026-12-01'); // 00:00 in Krasnodar, still 30.11 in UTC
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('lesson lock (topics, work types, attendance: 10 days)', () => {
  it('should keep day 10 open and lock day 11, from 00:00 Moscow time', () => {
    expect(lessonVerdict(lesson, at('2026-11-30T20:59:59Z'), locks)).toEqual({ open: true, lockedFrom: '2026-12-01' });
    const v = lessonVerdict(lesson, at('2026-11-30T21:00:00Z'), locks);
    expect(v).toMatchObject({ open: false, reason: 'locked', lockedFrom: '2026-12-01', days: 10 });
    expect(!v.open && v.message).toContain('с 01.12.2026');
    expect(!v.open && v.message).toContain('10 дней');
    expect(!v.open && v.message).toContain('20.11.2026');
  });

  it('should refuse tomorrow\'s lesson and open it at 00:00 of its day', () => {
    const eve = lessonVerdict(lesson, at('2026-11-19T20:59:59Z'), locks);
    expect(eve).toMatchObject({ open: false, reason: 'notYet', opensOn: '2026-11-20' });
    expect(!eve.open && eve.message).toMatch(/ещё не проведён.*заранее/);
    expect(lessonVerdict(lesson, at('2026-11-19T21:00:00Z'), locks).open).toBe(true);
  });

  it('should follow the school\'s stricter lock', () => {
    const strict: LockSettings = { ...locks, lockDays: { ...locks.lockDays, currentMarks: 5 } };
    expect(reason(lessonVerdict(lesson, '2026-11-25', strict))).toBe('open');
    expect(reason(lessonVerdict(lesson, '2026-11-26', strict))).toBe('locked');
  });

  it('should refuse a cancelled lesson', () => {
    expect(reason(lessonVerdict({ ...lesson, status: 'cancelled' }, '2026-11-21', locks))).toBe('cancelled');
  });
});

describe('mark lock', () => {
  it('should refuse any mark in grade 1, whatever the date (clause 3.5)', () => {
    const v = markVerdict(lesson, '2026-11-20', locks, 1, 'lessonAnswer');
    expect(v).toMatchObject({ open: false, reason: 'grade1' });
    expect(!v.open && v.message).toContain('1 классе');
    expect(markVerdict(lesson, '2026-11-20', locks, 2, 'lessonAnswer').open).toBe(true);
  });

  it('should lock current marks after 10 days and refuse them in advance', () => {
    expect(reason(markVerdict(lesson, '2026-11-30', locks, 5, 'lessonAnswer'))).toBe('open');
    expect(reason(markVerdict(lesson, '2026-12-01', locks, 5, 'lessonAnswer'))).toBe('locked');
    expect(reason(markVerdict(lesson, '2026-11-19', locks, 5, 'lessonAnswer'))).toBe('notYet');
  });

  it('should let the department allow marks in advance (R-01 setting)', () => {
    expect(reason(markVerdict(lesson, '2026-11-19', { ...locks, marksInAdvanceAllowed: true }, 5, 'lessonAnswer'))).toBe('open');
  });

  it('should lock internal-monitoring practical works after 7 days: day 7 open, day 8 locked', () => {
    expect(reason(markVerdict(lesson, '2026-11-27', locks, 7, 'monitoringPractical'))).toBe('open');
    const v = markVerdict(lesson, '2026-11-28', locks, 7, 'monitoringPractical');
    expect(v).toMatchObject({ open: false, reason: 'locked', lockedFrom: '2026-11-28', days: 7 });
    expect(!v.open && v.message).toContain('практические работы внутреннего мониторинга');
    // An ordinary practical work keeps the 10 days of current marks.
    expect(reason(markVerdict(lesson, '2026-11-28', locks, 7, 'practical'))).toBe('open');
  });

  it('should apply the essay term in grades 10-11 only', () => {
    const essays: LockSettings = { ...locks, lockDays: { ...locks.lockDays, essays: 5 } };
    expect(reason(markVerdict(lesson, '2026-11-25', essays, 10, 'essay'))).toBe('open');
    expect(reason(markVerdict(lesson, '2026-11-26', essays, 10, 'essay'))).toBe('locked');
    expect(reason(markVerdict(lesson, '2026-11-26', essays, 11, 'essay'))).toBe('locked');
    expect(reason(markVerdict(lesson, '2026-11-26', essays, 9, 'essay'))).toBe('open');
    const v = markVerdict(lesson, '2026-11-26', essays, 10, 'essay');
    expect(!v.open && v.message).toContain('сочинения в 10–11 классах');
  });
});

describe('filling within 2 days (flagged, never refused)', () => {
  const toDate = (iso: string) => dateInZone(new Date(iso), MSK);

  it('should be due by day 2 and overdue from day 3 when not filled', () => {
    expect(fillState(lesson, '2026-11-22', locks, toDate)).toEqual({ filled: false, dueBy: '2026-11-22', overdue: false, late: false });
    expect(fillState(lesson, '2026-11-23', locks, toDate).overdue).toBe(true);
  });

  it('should call a fill late when it happened after day 2 in Moscow time', () => {
    const inTime = fillState({ ...lesson, topic: 'Дроби', filledAt: '2026-11-22T20:59:00Z' }, '2026-11-25', locks, toDate);
    expect(inTime).toMatchObject({ filled: true, overdue: false, late: false });
    const late = fillState({ ...lesson, topic: 'Дроби', filledAt: '2026-11-22T21:00:00Z' }, '2026-11-25', locks, toDate);
    expect(late).toMatchObject({ filled: true, overdue: false, late: true });
  });
});

describe('entries in Russian (R-20)', () => {
  it('should flag a topic without Cyrillic', () => {
    expect(lacksCyrillic('Present Simple')).toBe(true);
    expect(lacksCyrillic('Время Present Simple')).toBe(false);
    expect(lacksCyrillic('§ 12, № 5')).toBe(false);
    expect(lacksCyrillic('')).toBe(false);
  });
});

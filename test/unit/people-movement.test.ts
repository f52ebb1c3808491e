/**
 * Movement rules (R-11, R-04 clause 4.4): which movement fits which student, what it changes, and
 * which class a student was in on which days (the journal's rosters of past periods).
 */
import { describe, expect, it } from 'vitest';
import {
  classIntervals,
  endsAccess,
  inClassDuring,
  movementProblems,
  normaliseOrderNo,
  orderNoProblem,
  stateAfter,
  type MovementRequest,
  type StudentState,
} from '../../shared/domain/movement';

const today = '2026-11-20';
const enrolled: StudentState = { status: 'enrolled', classId: '5a', grade: 5, lastMovementDate: '2026-09-01' };
const ok = (req: MovementRequest, state: StudentState | null = enrolled, toClass: { classId: string; grade: number } | null = null) =>
  movementProblems(req, state, { today, toClass });

describe('movementProblems', () => {
  it('should accept a transfer to another existing class with a date and an order', () => {
    expect(ok({ kind: 'transfer', date: '2026-11-20', orderNo: '118-у', toClassId: '5b' }, enrolled, { classId: '5b', grade: 5 })).toEqual([]);
  });

  it('should refuse a date after today (day boundary) and a date before the last movement', () => {
    expect(ok({ kind: 'leave', date: '2026-11-21', orderNo: '1' })).toEqual([expect.stringMatching(/не может быть позже сегодняшнего дня/)]);
    expect(ok({ kind: 'leave', date: '2026-11-20', orderNo: '1' })).toEqual([]);
    expect(ok({ kind: 'leave', date: '2026-08-31', orderNo: '1' })).toEqual([expect.stringMatching(/раньше последней записи движения \(01\.09\.2026\)/)]);
    expect(ok({ kind: 'leave', date: '2026-02-30', orderNo: '1' })).toEqual(['Дата движения указана неверно.']);
  });

  it('should require an order number of sane characters', () => {
    expect(orderNoProblem('')).toBe('Укажите номер приказа.');
    expect(orderNoProblem('№ 45-у')).toBeNull();
    expect(orderNoProblem('12/о')).toBeNull();
    expect(orderNoProblem('45#1')).toMatch(/Номер приказа «45#1»/);
    expect(normaliseOrderNo(' № 45-у ')).toBe('45-у');
  });

  it('should need a target class for enrolment and transfer, and none for leaving', () => {
    expect(ok({ kind: 'transfer', date: today, orderNo: '1' })).toEqual([expect.stringMatching(/Укажите класс/)]);
    expect(ok({ kind: 'transfer', date: today, orderNo: '1', toClassId: '9z' }, enrolled, null)).toEqual(['Такого класса нет в школе.']);
    expect(ok({ kind: 'transfer', date: today, orderNo: '1', toClassId: '5a' }, enrolled, { classId: '5a', grade: 5 })).toEqual(['Обучающийся уже в этом классе.']);
    expect(ok({ kind: 'leave', date: today, orderNo: '1', toClassId: '5b' })).toEqual(['Класс указывают только при зачислении и переводе.']);
  });

  it('should only enrol a student who is not enrolled, and only move or end an enrolled one', () => {
    const left: StudentState = { ...enrolled, status: 'left' };
    expect(ok({ kind: 'enrol', date: today, orderNo: '1', toClassId: '5b' }, enrolled, { classId: '5b', grade: 5 })).toEqual([expect.stringMatching(/уже зачислен/)]);
    expect(ok({ kind: 'enrol', date: today, orderNo: '1', toClassId: '5b' }, left, { classId: '5b', grade: 5 })).toEqual([]);
    expect(ok({ kind: 'enrol', date: today, orderNo: '1', toClassId: '5b' }, null, { classId: '5b', grade: 5 })).toEqual([]);
    expect(ok({ kind: 'leave', date: today, orderNo: '1' }, left)).toEqual([expect.stringMatching(/не числится в школе/)]);
    expect(ok({ kind: 'transfer', date: today, orderNo: '1', toClassId: '5b' }, left, { classId: '5b', grade: 5 })).toEqual([expect.stringMatching(/не числится/)]);
  });

  it('should allow graduation from grades 9 and 11 only', () => {
    expect(ok({ kind: 'graduate', date: today, orderNo: '1' })).toEqual([expect.stringMatching(/из 9 или 11 класса; обучающийся в 5 классе/)]);
    expect(ok({ kind: 'graduate', date: today, orderNo: '1' }, { ...enrolled, grade: 9 })).toEqual([]);
    expect(ok({ kind: 'graduate', date: today, orderNo: '1' }, { ...enrolled, grade: 11 })).toEqual([]);
  });
});

describe('stateAfter and endsAccess', () => {
  it('should move the card for enrolment and transfer, and keep the last class for leaving and graduating', () => {
    expect(stateAfter({ kind: 'transfer', date: today, orderNo: '1', toClassId: '5b' }, enrolled)).toEqual({ status: 'enrolled', classId: '5b' });
    expect(stateAfter({ kind: 'enrol', date: today, orderNo: '1', toClassId: '6a' }, null)).toEqual({ status: 'enrolled', classId: '6a' });
    expect(stateAfter({ kind: 'leave', date: today, orderNo: '1' }, enrolled)).toEqual({ status: 'left', classId: '5a' });
    expect(stateAfter({ kind: 'graduate', date: today, orderNo: '1' }, { ...enrolled, grade: 9 })).toEqual({ status: 'graduated', classId: '5a' });
    expect([endsAccess('leave'), endsAccess('graduate'), endsAccess('transfer'), endsAccess('enrol')]).toEqual([true, true, false, false]);
  });
});

describe('classIntervals', () => {
  const m = (kind: MovementRequest['kind'], date: string, fromClassId?: string, toClassId?: string, recordedAt = `${date}T10:00:00Z`) => ({ kind, date, fromClassId, toClassId, recordedAt });

  it('should give a student loaded with the class list an open interval in their class', () => {
    expect(classIntervals([], { classId: '5a', status: 'enrolled' })).toEqual([{ classId: '5a' }]);
    expect(classIntervals([], { classId: '5a', status: 'left' })).toEqual([]);
  });

  it('should split the year at a transfer: the old class until the day before, the new from that day', () => {
    const iv = classIntervals([m('transfer', '2026-10-05', '5a', '5b')], { classId: '5b', status: 'enrolled' });
    expect(iv).toEqual([{ classId: '5a', until: '2026-10-05' }, { classId: '5b', from: '2026-10-05' }]);
    // 1st quarter 01.09-24.10: in both classes; 2nd quarter: only in 5Б.
    expect(inClassDuring(iv, '5a', '2026-09-01', '2026-10-24')).toBe(true);
    expect(inClassDuring(iv, '5b', '2026-09-01', '2026-10-24')).toBe(true);
    expect(inClassDuring(iv, '5a', '2026-11-05', '2026-12-29')).toBe(false);
    expect(inClassDuring(iv, '5a', '2026-10-05', '2026-10-05')).toBe(false);
    expect(inClassDuring(iv, '5a', '2026-10-04', '2026-10-04')).toBe(true);
  });

  it('should follow enrolment, transfer out and re-enrolment, in date order then recording order', () => {
    const iv = classIntervals(
      [m('enrol', '2026-09-01', undefined, '6a'), m('leave', '2026-11-16', '6a'), m('enrol', '2027-01-12', undefined, '6b'), m('transfer', '2027-01-12', '6b', '6a', '2027-01-12T11:00:00Z')],
      { classId: '6a', status: 'enrolled' },
    );
    expect(iv).toEqual([
      { classId: '6a', from: '2026-09-01', until: '2026-11-16' },
      { classId: '6a', from: '2027-01-12' },
    ]);
    expect(inClassDuring(iv, '6a', '2026-11-20', '2026-12-29')).toBe(false);
    expect(inClassDuring(iv, '6b', '2027-01-12', '2027-03-20')).toBe(false);
  });
});

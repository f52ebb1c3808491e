/**
 * The journal grid's period columns (web/src/lib/journal/period.ts): the live average by the
 * server's own justification, with a decimal comma; the reason asked exactly when the server would
 * demand one; and the window and 5-day lock of a period mark in words.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, REGULATION_LOCK_DAYS } from '../../shared/domain/settings';
import { averageCell, periodBasisOf, periodLock, reasonCauses, standingOf, type FinalMark, type PeriodTable } from '../../web/src/lib/journal/period';

const page = { weights: { lessonAnswer: 1, test: 3, homework: 1 }, today: '2026-12-25', rules: { lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false, timeZone: 'Europe/Moscow' } };

function table(window: PeriodTable['window'], justified = true): PeriodTable {
  const j = { sum: 0, weightSum: 0, average: null, implied: null, formula: null, thresholds: DEFAULT_THRESHOLDS, rule: '', summary: '', minimum: { hoursPerWeek: 4, required: 5, count: 0, met: false } };
  return {
    window,
    lockDays: 5,
    justification: justified ? { subjectId: 'math', students: [{ ...j, studentId: 's1', lines: [{ date: '2026-11-20', workType: 'test', workTypeName: 'Контрольная работа', value: 4, weight: 2, product: 8 }] }] } : undefined,
  } as unknown as PeriodTable;
}

const open = { what: 'четвертные отметки за «2 четверть»', opensOn: '2026-12-25', dueBy: '2026-12-25', closesOn: '2027-01-11' };

describe('the period columns of the grid', () => {
  it('should average the marks on the screen by the period\'s weights, written with a comma', () => {
    const basis = periodBasisOf(table(open), page)!;
    // The period's weight of a test (2) wins over the school's current one (3).
    expect(basis.weights.test).toBe(2);
    const j = standingOf(
      [
        { date: '2026-11-16', workType: 'lessonAnswer', value: 5 },
        { date: '2026-11-20', workType: 'test', value: 4 },
        { date: '2026-11-23', workType: 'homework', value: 5 },
      ],
      basis,
    );
    // (5 × 1 + 4 × 2 + 5 × 1) / (1 + 2 + 1) = 18 / 4 = 4,50 -> «5» at the threshold itself.
    expect(averageCell(j)).toBe('4,50');
    expect(j.implied).toBe(5);
    expect(j.minimum).toMatchObject({ required: 5, count: 3, met: false });
    expect(averageCell(standingOf([], basis))).toBe('—');
    expect(periodBasisOf(table(open, false), page)).toBeNull();
  });

  it('should ask the reason exactly when the server would demand it', () => {
    const basis = periodBasisOf(table(open), page)!;
    const five = [5, 5, 4, 5, 5].map((value, i) => ({ date: `2026-11-1${i}`, workType: 'lessonAnswer' as const, value }));
    const j = standingOf(five, basis);
    expect(j.implied).toBe(5);
    expect(reasonCauses('5', j)).toEqual([]);
    expect(reasonCauses('4', j)[0]).toContain('отличается от расчётной «5» (средний балл 4,80)');
    expect(reasonCauses('na', j)).toEqual(['для «н/а» нужна причина']);
    // Too few marks: even the implied mark needs a reason.
    expect(reasonCauses('5', standingOf(five.slice(0, 2), basis))).toEqual(['за период 2 отметки при минимуме 5']);
  });

  it('should say when the period mark cannot be set: not yet open, closed, or locked 5 days after it was set', () => {
    expect(periodLock(table(open), null, page)).toEqual({ open: true, late: false });
    expect(periodLock(table(open), null, { ...page, today: '2026-12-28' })).toEqual({ open: true, late: true });
    const before = periodLock(table(open), null, { ...page, today: '2026-12-24' });
    expect(before.open === false && before.message).toContain('не раньше 25.12.2026');
    const closed = periodLock(table(open), null, { ...page, today: '2027-01-11' });
    expect(closed.open === false && closed.message).toContain('период закрыт');
    const set = { firstSetAt: '2026-12-25T09:00:00.000Z' } as FinalMark;
    expect(periodLock(table(open), set, { ...page, today: '2026-12-30' }).open).toBe(true);
    const locked = periodLock(table(open), set, { ...page, today: '2026-12-31' });
    expect(locked.open === false && locked.message).toContain('закрыта с 31.12.2026');
    expect(periodLock(null, null, page).open).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { DECISION_NEWS_DAYS, registerYearOn, waitingCounts, type CountedRequest } from '../../shared/domain/correction-counts';

const NOW = new Date('2026-11-30T09:00:00Z');
const req = (over: Partial<CountedRequest>): CountedRequest => ({ state: 'filed', filedBy: 't1', decisions: [], ...over });
const viewer = (over: Partial<Parameters<typeof waitingCounts>[1]> = {}) => ({ userId: 'u', decides: false, recordsDepartment: false, enters: false, ...over });

describe('registerYearOn', () => {
  it('should put 31 August in the ending year and 1 September in the new one', () => {
    expect(registerYearOn('2027-08-31')).toBe('2026');
    expect(registerYearOn('2027-06-15')).toBe('2026');
    expect(registerYearOn('2026-09-01')).toBe('2026');
    expect(registerYearOn('2026-12-31')).toBe('2026');
    expect(registerYearOn('2027-01-01')).toBe('2026');
  });
});

describe('waitingCounts', () => {
  const register = [
    req({ state: 'filed' }),
    req({ state: 'filed' }),
    req({ state: 'disputed' }),
    req({ state: 'approved', windowEndsAt: '2026-12-02T21:00:00.000Z' }),
    req({ state: 'approved', windowEndsAt: '2026-11-30T09:00:00.000Z' }),
  ];

  it('should count each queue only for the viewer who works it', () => {
    expect(waitingCounts(register, viewer({ decides: true }), NOW)).toMatchObject({ toDecide: 2, toRecord: 0, toEnter: 0, total: 2 });
    expect(waitingCounts(register, viewer({ recordsDepartment: true }), NOW)).toMatchObject({ toRecord: 1, total: 1 });
    expect(waitingCounts(register, viewer(), NOW).total).toBe(0);
  });

  it('should not count an approved request whose window ended at this very instant', () => {
    expect(waitingCounts(register, viewer({ enters: true }), NOW)).toMatchObject({ toEnter: 1, total: 1 });
  });

  it('should count decisions on the viewer\'s own requests for exactly DECISION_NEWS_DAYS days, not their own actions', () => {
    const edge = new Date(NOW.getTime() - DECISION_NEWS_DAYS * 86_400_000).toISOString();
    const justBefore = new Date(Date.parse(edge) - 1).toISOString();
    const mine = [
      req({ filedBy: 'u', state: 'rejected', decisions: [{ by: 'dir', at: edge }] }),
      req({ filedBy: 'u', state: 'rejected', decisions: [{ by: 'dir', at: justBefore }] }),
      req({ filedBy: 'u', state: 'entered', decisions: [{ by: 'u', at: NOW.toISOString() }] }),
      req({ filedBy: 'other', state: 'rejected', decisions: [{ by: 'dir', at: NOW.toISOString() }] }),
    ];
    expect(waitingCounts(mine, viewer(), NOW)).toMatchObject({ decidedMine: 1, total: 1 });
  });
});

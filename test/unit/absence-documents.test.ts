/**
 * Absence reasons from a document (issue 11 item 4; clause 3.7) as pure rules: the 2 working days
 * from the document's date (weekends and the year's holidays for the grade not counted), the
 * refusal that points to a correction request, the document's own problems, its text.
 */
import { describe, expect, it } from 'vitest';
import { absenceDocumentProblems, deadlineRefusal, documentText, isWorkingDay, packBatches, reasonDeadline, type AbsenceDocumentDraft } from '../../shared/domain/absence-documents';

const year = {
  startDate: '2026-09-01',
  endDate: '2027-05-31',
  holidays: [
    { name: 'Осенние каникулы', startDate: '2026-10-26', endDate: '2026-11-03' },
    { name: 'Дополнительные каникулы', startDate: '2027-02-15', endDate: '2027-02-21', grades: [1] },
  ],
};
const doc = (over: Partial<AbsenceDocumentDraft> = {}): AbsenceDocumentDraft => ({
  studentId: 's1', kind: 'Медицинская справка', number: '12', date: '2026-11-27', from: '2026-11-23', to: '2026-11-27', reason: 'illness', ...over,
});

describe('working days (clause 3.7: «не позднее 2 рабочих дней»)', () => {
  it('should skip weekends: a Friday document runs to Tuesday, a Wednesday one to Friday', () => {
    expect(reasonDeadline('2026-11-27', year, 5)).toBe('2026-12-01');
    expect(reasonDeadline('2026-11-25', year, 5)).toBe('2026-11-27');
    expect(reasonDeadline('2026-11-28', year, 5)).toBe('2026-12-01'); // a Saturday document: Monday and Tuesday
  });

  it("should skip the year's holidays, those of the grade only for that grade", () => {
    expect(reasonDeadline('2026-10-23', year, 5)).toBe('2026-11-05');
    expect(isWorkingDay('2027-02-16', year, 1)).toBe(false);
    expect(isWorkingDay('2027-02-16', year, 5)).toBe(true);
    expect(reasonDeadline('2027-02-12', year, 1)).toBe('2027-02-23');
    expect(reasonDeadline('2027-02-12', year, 2)).toBe('2027-02-16');
  });

  it('should allow the last working day and refuse the day after, pointing to a correction request', () => {
    expect(deadlineRefusal('2026-11-27', '2026-12-01', year, 5)).toBeNull();
    const refusal = deadlineRefusal('2026-11-27', '2026-12-02', year, 5);
    expect(refusal).toContain('до 01.12.2026 включительно (п. 3.7 Положения)');
    expect(refusal).toContain('только по заявке на корректировку журнала');
  });
});

describe('the document', () => {
  it('should accept a certificate of a past week', () => {
    expect(absenceDocumentProblems(doc(), '2026-11-30', year)).toEqual([]);
  });

  it('should name each problem at its field, in Russian', () => {
    const fields = (d: AbsenceDocumentDraft) => absenceDocumentProblems(d, '2026-11-30', year).map((p) => p.field);
    expect(fields(doc({ kind: ' ', number: '' }))).toEqual(['kind', 'number']);
    expect(fields(doc({ date: '2026-12-01' }))).toEqual(['date']);
    expect(fields(doc({ date: '2026-02-30' }))).toEqual(['date']);
    expect(fields(doc({ from: '2026-11-28', to: '2026-11-23' }))).toEqual(['to']);
    expect(fields(doc({ from: '2026-08-20', to: '2026-09-02' }))).toEqual(['from']);
    expect(fields(doc({ from: '2026-09-01', to: '2026-12-20' }))).toEqual(['to']);
    expect(fields(doc({ from: '2026-12-01', to: '2026-12-02' }))).toEqual(['from']);
    expect(absenceDocumentProblems(doc({ from: '2026-11-28', to: '2026-11-23' }), '2026-11-30', year)[0]!.message).toBe('Период по документу: конец (23.11.2026) раньше начала (28.11.2026).');
  });

  it('should write itself on each absence as kind, number and date', () => {
    expect(documentText(doc({ kind: ' Медицинская справка ', number: ' 095/у-341 ' }))).toBe('Медицинская справка № 095/у-341 от 27.11.2026');
  });
});

describe('transactions of at most 100 items (DynamoDB)', () => {
  const chainOf = (c: string) => c.split(':')[0]!;
  it('should keep a week of one pupil in one transaction', () => {
    const week = ['math:1', 'math:2', 'eng:1', 'rus:1', 'rus:2'];
    expect(packBatches(week, chainOf, 98)).toEqual([week]);
  });
  it('should start a new transaction where the next change would not fit, counting each chain head once per transaction', () => {
    // 32 changes in one chain cost 65 items; 11 more in a second chain cost 23: 88; the third chain's first costs 3.
    const changes = [...Array.from({ length: 32 }, (_, i) => `a:${i}`), ...Array.from({ length: 11 }, (_, i) => `b:${i}`), 'c:0', 'c:1', 'c:2', 'c:3', 'c:4'];
    const batches = packBatches(changes, chainOf, 98);
    expect(batches.map((b) => b.length)).toEqual([47, 1]);
    const cost = (b: string[]) => b.length * 2 + new Set(b.map(chainOf)).size;
    for (const b of batches) expect(cost(b)).toBeLessThanOrEqual(98);
    expect(batches.flat()).toEqual(changes);
    expect(packBatches([], chainOf, 98)).toEqual([[]]);
  });
});

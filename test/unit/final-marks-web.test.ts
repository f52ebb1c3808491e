/**
 * The logic of the class x subjects table of period marks (web/src/routes/final-marks/...): what a
 * cell shows and says, how a typed mark is read, when the screen asks for a reason, the window in
 * words and keyboard moves.
 */
import { describe, expect, it } from 'vitest';
import { averageText, cellText, cellTitle, markAt, minimumText, needsReason, nextRow, readCell, windowText, withMark, type FinalMark } from '../../web/src/routes/final-marks/[classId]/[periodId]/table';

const mark = (over: Partial<FinalMark> = {}): FinalMark => ({
  kind: 'period', periodId: 'q2', subjectId: 'math', studentId: 's1', code: '4', text: '4', late: false, version: 1, ...over,
});

describe('a cell of the period-marks table', () => {
  it('should show the mark, a star when late, and say the reason, the lateness and who set it', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(mark({ code: 'na' }))).toBe('н/а');
    expect(cellText(mark({ late: true }))).toBe('4*');
    const m = mark({ code: '4', text: '4 (болел)', reason: 'болел', late: true, setByName: 'Иванова М. П.', setAt: '2026-12-29T09:00:00.000Z' });
    expect(cellTitle(m)).toBe('4 (болел); с опозданием; Иванова М. П., 29.12.2026');
  });

  it('should find, replace and remove a cell', () => {
    const marks = [mark(), mark({ studentId: 's2', code: '5' })];
    expect(markAt(marks, 'math', 's2')?.code).toBe('5');
    expect(markAt(marks, 'rus', 's2')).toBeNull();
    expect(withMark(marks, 'math', 's1', mark({ code: '3', version: 2 })).find((m) => m.studentId === 's1')?.code).toBe('3');
    expect(withMark(marks, 'math', 's1', null).map((m) => m.studentId)).toEqual(['s2']);
  });

  it('should read typed marks as the server does: «н/а» in any spelling, nothing in grade 1', () => {
    expect(readCell('5', 5)).toEqual({ ok: true, code: '5' });
    expect(readCell('н.а.', 5)).toEqual({ ok: true, code: 'na' });
    expect(readCell('y/f', 5)).toEqual({ ok: true, code: 'na' });
    expect(readCell('', 5)).toEqual({ ok: true, code: null });
    expect(readCell('6', 5)).toMatchObject({ ok: false, message: expect.stringContaining('от 2 до 5') });
    expect(readCell('5', 1)).toMatchObject({ ok: false, message: expect.stringContaining('п. 3.5') });
  });

  it('should ask for a reason only when the server refused for want of one', () => {
    expect(needsReason('Отметка «4» отличается от расчётной «5» (средний балл 4,83): укажите причину (п. 6.1 положения: отметка должна быть обоснована).')).toBe(true);
    expect(needsReason('«6» — не отметка: ставятся отметки от 2 до 5.')).toBe(false);
  });
});

describe('the window in words', () => {
  const w = { what: 'четвертные отметки', opensOn: '2026-12-29', dueBy: '2026-12-29', closesOn: '2027-01-12' };
  it('should say when marks open, are due and close, in ДД.ММ.ГГГГ', () => {
    expect(windowText(w, '2026-12-28')).toBe('Отметки за период выставляются с 29.12.2026: заранее не ставятся.');
    expect(windowText(w, '2026-12-29')).toContain('Срок — 29.12.2026');
    expect(windowText(w, '2027-01-12')).toContain('Период закрыт 12.01.2027');
    expect(windowText(null, '2026-12-29')).toBe('');
  });
});

describe('moving with the keyboard', () => {
  it('should move down on Enter and ArrowDown, up on ArrowUp, within the rows', () => {
    expect(nextRow('Enter', 0, 3)).toBe(1);
    expect(nextRow('ArrowDown', 2, 3)).toBe(2);
    expect(nextRow('ArrowUp', 0, 3)).toBe(0);
    expect(nextRow('a', 1, 3)).toBeNull();
  });
});

describe('the justification columns', () => {
  it('should write the average with a decimal comma, its implied mark and the minimum', () => {
    expect(averageText({ average: 4.83, implied: 5 })).toBe('4,83 → «5»');
    expect(averageText({ average: 3.5, implied: 4 })).toBe('3,50 → «4»');
    expect(averageText({ average: null, implied: null })).toBe('нет отметок');
    expect(minimumText({ minimum: { hoursPerWeek: 2, required: 5, count: 3, met: false } })).toBe('3 / 5 — не выполнен');
  });
});

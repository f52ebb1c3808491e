/**
 * The logic of the class x subjects table of period marks (web/src/routes/final-marks/...): what a
 * cell shows and says, how a typed mark is read, when the screen asks for a reason, the window in
 * words and keyboard moves.
 */
import { describe, expect, it } from 'vitest';
import { daysLeftCell, risksText, warningsSummary } from '../../web/src/lib/period-marks/warnings';
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

  it('should name the year\'s kinds of marks by their own title', () => {
    const year = { what: 'годовые отметки', opensOn: '2027-05-26', dueBy: '2027-05-26', closesOn: '2027-09-01' };
    expect(windowText(year, '2027-05-25', 'Годовые отметки')).toBe('Годовые отметки выставляются с 26.05.2027: заранее не ставятся.');
    expect(windowText(year, '2027-09-01', 'Годовые отметки')).toBe('Годовые отметки: приём закрыт 01.09.2027: изменения — только по заявке на корректировку.');
  });
});

describe('the early warnings in words', () => {
  const row = (risks: Array<'two' | 'notAssessed' | 'attendance'>) => ({ warnings: risks.map((risk) => ({ kind: 'fewMarks' as const, risk, message: '' })) });
  it('should name each risk once, in the server\'s order, and the days left with their plural', () => {
    expect(risksText(row(['notAssessed', 'notAssessed', 'attendance']))).toBe('грозит «н/а»; падает посещаемость');
    expect(risksText(row(['two']))).toBe('грозит «2»');
    expect(daysLeftCell(0)).toBe('последний день');
    expect(daysLeftCell(1)).toBe('1 день');
    expect(daysLeftCell(28)).toBe('28 дней');
  });

  it('should sum a class up by students, not by rows: a student warned in two subjects counts once', () => {
    const rows = [
      { studentId: 'a', ...row(['notAssessed']) },
      { studentId: 'a', ...row(['two']) },
      { studentId: 'b', ...row(['notAssessed', 'attendance']) },
    ];
    expect(warningsSummary(rows)).toBe('учеников: 2 · грозит «2»: 1 · грозит «н/а»: 2 · падает посещаемость: 1');
  });
});

describe('a typed year, exam or final mark', () => {
  it('should be read with its kind and the subject\'s marking, as the server reads it', () => {
    expect(readCell('зач', 9, { kind: 'year', passFail: true })).toEqual({ ok: true, code: 'pass' });
    expect(readCell('5', 9, { kind: 'year', passFail: true })).toMatchObject({ ok: false });
    expect(readCell('5', 5, { kind: 'final' })).toMatchObject({ ok: false, message: expect.stringContaining('9 и 11') });
    expect(readCell('5', 9, { kind: 'final' })).toEqual({ ok: true, code: '5' });
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

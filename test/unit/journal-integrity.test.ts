/**
 * The journal replayed from its change log (shared/domain/journal-integrity.ts): each cell must
 * hold what the last record of it says, in each subject's chain order; a cell the log never names
 * must be empty; a lesson record names only the fields it changed.
 */
import { describe, expect, it } from 'vitest';
import { cellTitle, checkAgainstLog, valueText, type CurrentJournal } from '../../shared/domain/journal-integrity';
import { chainNext, type ChangeBody, type ChangeRecord } from '../../shared/domain/journal-log';

const P = 'SCH#s1#CLS#5a#PER#2026-q2';
const L1 = '2026-11-20.1.all';

function chain(bodies: Array<Partial<ChangeBody> & Pick<ChangeBody, 'entity' | 'target' | 'old' | 'new'>>, subjectId = 'math'): ChangeRecord[] {
  const out: ChangeRecord[] = [];
  for (const b of bodies) {
    out.push(chainNext({ partition: P, subjectId, at: '2026-11-20T10:00:00Z', actorId: 't1', actorName: 'Учитель', action: 'update', ...b }, out.at(-1) ?? null));
  }
  return out;
}

/** The cells as a test edits them. */
type Table = { -readonly [K in keyof CurrentJournal]: Array<CurrentJournal[K][number]> };

const empty = (): Table => ({ marks: [], attendance: [], lessons: [], finalMarks: [] });
const periodOnly = (slot: string) => slot === '2026-q2';

describe('checkAgainstLog', () => {
  const log = chain([
    { entity: 'lesson', target: { lessonId: L1 }, old: {}, new: { topic: 'Дроби', workTypes: ['lessonAnswer'] } },
    { entity: 'mark', target: { lessonId: L1, studentId: 'st1', workType: 'lessonAnswer' }, old: null, new: { value: 3 } },
    { entity: 'mark', target: { lessonId: L1, studentId: 'st1', workType: 'lessonAnswer' }, old: { value: 3 }, new: { value: 4, comment: 'у доски' } },
    { entity: 'attendance', target: { lessonId: L1, studentId: 'st2' }, old: null, new: { kind: 'absent' } },
    { entity: 'attendance', target: { lessonId: L1, studentId: 'st2' }, old: { kind: 'absent' }, new: { kind: 'absent', reason: 'illness', document: 'Справка № 5' } },
    { entity: 'mark', target: { lessonId: L1, studentId: 'st3', workType: 'lessonAnswer' }, old: null, new: { value: 5 } },
    { entity: 'mark', target: { lessonId: L1, studentId: 'st3', workType: 'lessonAnswer' }, old: { value: 5 }, new: null },
    { entity: 'lesson', target: { lessonId: L1 }, old: { topic: 'Дроби' }, new: { topic: 'Сложение дробей' } },
    { entity: 'finalMark', target: { lessonId: '2026-q2', studentId: 'st1' }, old: null, new: { code: '4' } },
    { entity: 'finalMark', target: { lessonId: 'year', studentId: 'st1' }, old: null, new: { code: '5' } },
  ]);
  const clean = (): Table => ({
    marks: [
      { subjectId: 'math', lessonId: L1, studentId: 'st1', workType: 'lessonAnswer', value: 4, comment: 'у доски' },
      // Removed: a tombstone is an empty cell.
      { subjectId: 'math', lessonId: L1, studentId: 'st3', workType: 'lessonAnswer', value: 5, deleted: true },
    ],
    attendance: [{ subjectId: 'math', lessonId: L1, studentId: 'st2', kind: 'absent', reason: 'illness', document: 'Справка № 5' }],
    lessons: [
      { subjectId: 'math', lessonId: L1, topic: 'Сложение дробей', workTypes: ['lessonAnswer'] },
      // Never filled, never logged: nothing to say.
      { subjectId: 'math', lessonId: '2026-11-21.2.all' },
    ],
    finalMarks: [{ subjectId: 'math', slot: '2026-q2', studentId: 'st1', code: '4', late: false }],
  });

  it('should find nothing in a journal that holds what its log says, whatever the order records come in', () => {
    const v = checkAgainstLog([...log].reverse(), clean(), periodOnly);
    expect(v.differences).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.records).toBe(9); // the year mark's record is another period's business
  });

  it('should report a mark changed in the table with the value by the log and the value in the table', () => {
    const t = clean();
    t.marks[0] = { ...t.marks[0]!, value: 5 };
    const v = checkAgainstLog(log, t, periodOnly);
    expect(v.ok).toBe(false);
    expect(v.differences).toEqual([
      { subjectId: 'math', kind: 'mark', lessonId: L1, studentId: 'st1', workType: 'lessonAnswer', byLog: { value: 4, comment: 'у доски' }, inTable: { value: 5, comment: 'у доски' }, lastSeq: 3 },
    ]);
  });

  it('should report a mark the log never set, a removed mark brought back, and a mark deleted from the table', () => {
    const t = clean();
    t.marks.push({ subjectId: 'math', lessonId: L1, studentId: 'st4', workType: 'test', value: 5 });
    t.marks[1] = { ...t.marks[1]!, deleted: false };
    t.marks.splice(0, 1);
    const v = checkAgainstLog(log, t, periodOnly);
    expect(v.differences.map((d) => [d.studentId, d.byLog, d.inTable])).toEqual([
      ['st1', { value: 4, comment: 'у доски' }, null],
      ['st3', null, { value: 5 }],
      ['st4', null, { value: 5 }],
    ]);
    expect(v.differences.find((d) => d.studentId === 'st4')?.lastSeq).toBeUndefined();
  });

  it('should report attendance, a topic and a period mark changed in the table', () => {
    const t = clean();
    t.attendance[0] = { ...t.attendance[0]!, reason: 'valid' };
    t.lessons[0] = { ...t.lessons[0]!, topic: 'Дроби' };
    t.finalMarks[0] = { ...t.finalMarks[0]!, code: '5' };
    const v = checkAgainstLog(log, t, periodOnly);
    expect(v.differences.map((d) => [d.kind, d.field ?? null, d.byLog, d.inTable])).toEqual([
      ['lesson', 'topic', 'Сложение дробей', 'Дроби'],
      ['attendance', null, { kind: 'absent', reason: 'illness', document: 'Справка № 5' }, { kind: 'absent', reason: 'valid', document: 'Справка № 5' }],
      ['finalMark', null, { code: '4' }, { code: '5' }],
    ]);
  });

  it('should report a lesson field filled in the table that the log never names, but not bookkeeping the log does not carry', () => {
    const t = clean();
    t.lessons[1] = { ...t.lessons[1]!, homework: '§ 5' };
    // Versions, authors and weights are not what the log records: not compared.
    t.marks[0] = { ...t.marks[0]!, ...({ version: 7, setBy: 'x', weight: 3 } as object) };
    const v = checkAgainstLog(log, t, periodOnly);
    expect(v.differences).toEqual([{ subjectId: 'math', kind: 'lesson', lessonId: '2026-11-21.2.all', field: 'homework', byLog: null, inTable: '§ 5' }]);
  });

  it('should compare year marks only where their slots are accepted (the grade\'s last period)', () => {
    const t = clean();
    const withYear = (slot: string) => slot === '2026-q2' || slot === 'year';
    expect(checkAgainstLog(log, t, withYear).differences.map((d) => [d.lessonId, d.byLog, d.inTable])).toEqual([['year', { code: '5' }, null]]);
    t.finalMarks.push({ subjectId: 'math', slot: 'year', studentId: 'st1', code: '5' });
    expect(checkAgainstLog(log, t, withYear).ok).toBe(true);
    t.finalMarks.push({ subjectId: 'math', slot: 'year', studentId: 'st2', code: '3' });
    expect(checkAgainstLog(log, t, periodOnly).ok).toBe(true);
  });

  it('should keep chains of different subjects apart', () => {
    const rus = chain([{ entity: 'mark', target: { lessonId: L1, studentId: 'st1', workType: 'lessonAnswer' }, old: null, new: { value: 2 } }], 'rus');
    const t = clean();
    t.marks.push({ subjectId: 'rus', lessonId: L1, studentId: 'st1', workType: 'lessonAnswer', value: 2 });
    expect(checkAgainstLog([...rus, ...log], t, periodOnly).ok).toBe(true);
    expect(checkAgainstLog(log, t, periodOnly).differences).toHaveLength(1);
  });

  it('should treat an empty log and an empty journal as agreeing', () => {
    expect(checkAgainstLog([], empty(), periodOnly)).toEqual({ ok: true, records: 0, cells: 0, differences: [] });
  });
});

describe('the words of a difference', () => {
  const names = { workType: (id: string) => (id === 'test' ? 'Контрольная работа' : id), finalTitle: () => 'Четвертная отметка (2 четверть)', finalMark: (c: string) => (c === 'na' ? 'н/а' : c) };

  it('should name the cell and its values as the journal shows them', () => {
    expect(cellTitle({ subjectId: 'm', kind: 'mark', lessonId: L1, workType: 'test' }, names)).toBe('текущая отметка (контрольная работа)');
    expect(cellTitle({ subjectId: 'm', kind: 'lesson', lessonId: L1, field: 'topic' }, names)).toBe('тема урока');
    expect(cellTitle({ subjectId: 'm', kind: 'finalMark', lessonId: '2026-q2' }, names)).toBe('четвертная отметка (2 четверть)');
    expect(valueText('mark', { value: 4, comment: 'у доски' }, names)).toBe('4, комментарий «у доски»');
    expect(valueText('attendance', { kind: 'absent', reason: 'illness' }, names)).toBe('б');
    expect(valueText('attendance', { kind: 'late' }, names)).toBe('оп');
    expect(valueText('finalMark', { code: 'na', reason: 'болел' }, names)).toBe('н/а, обоснование «болел»');
    expect(valueText('lesson', 'Дроби', names, 'topic')).toBe('«Дроби»');
    expect(valueText('lesson', ['test'], names, 'workTypes')).toBe('контрольная работа');
    expect(valueText('mark', null, names)).toBe('пусто');
  });
});

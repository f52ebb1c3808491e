/**
 * The correction screens' logic (web/src/lib/corrections): a lock-refused edit of the grid becomes
 * the request's scope with the values now and asked for; the scope survives the form's address;
 * the server's 400 problems land at their fields; the blank form's picker reads the value now from
 * the journal page.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api';
import { correctionPaths } from '../../web/src/lib/corrections/paths';
import { cellOfPick, valueNow } from '../../web/src/lib/corrections/picker';
import { cellsFromParam, cellWords, problemsAt, problemsByField, scopeFromEdit, scopeFromPeriodMark } from '../../web/src/lib/corrections/scope';
import { cellsOf, planEdit } from '../../web/src/lib/journal/grid';
import type { JournalPage, PageLesson } from '../../web/src/lib/journal/types';
import { REGULATION_LOCK_DAYS } from '../../shared/domain/settings';

const lesson = (date: string, extra: Partial<PageLesson> = {}): PageLesson => ({
  lessonId: `${date}.3.all`, date, lessonNo: 3, groupId: 'all', workTypes: ['test'], individualHomework: [], version: 1, canFill: true,
  lock: { state: 'open' }, fill: { filled: true, dueBy: date, overdue: false, late: false }, topic: 'Дроби', ...extra,
});

const page: JournalPage = {
  schoolId: 'sch53', classId: '5a', className: '5А', grade: 5, subjectId: 'math', subjectName: 'Математика', periodId: '2026-q2', groupId: null, groups: [],
  today: '2026-11-30', rules: { lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false, timeZone: 'Europe/Moscow' },
  weights: { lessonAnswer: 1, test: 3 }, marksAllowed: true, canWrite: true,
  students: [{ studentId: 's1', name: 'Иванов Иван', average: null }],
  lessons: [lesson('2026-10-05'), lesson('2026-12-05')],
  marks: [{ studentId: 's1', lessonId: '2026-10-05.3.all', workType: 'test', value: 3, weight: 3, version: 2 }],
  attendance: [], substitutes: [], queryPages: 1,
};

describe('a correction request from a locked cell', () => {
  it('should keep the refused edit and turn it into the cells of the scope, value now -> asked', () => {
    const cell = cellsOf(page)['s1|2026-10-05.3.all'];
    const plan = planEdit(page, page.lessons[0]!, 's1', cell!, '5 оп');
    expect(plan).toMatchObject({ ok: false, locked: true, message: expect.stringContaining('только по заявке на корректировку') });
    if (plan.ok || !plan.ops) throw new Error('expected a lock with its ops');
    expect(scopeFromEdit('math', page.lessons[0]!, 's1', cell, plan.ops)).toEqual([
      { kind: 'mark', subjectId: 'math', date: '2026-10-05', lessonNo: 3, groupId: 'all', studentId: 's1', workType: 'test', from: '3', to: '5' },
      { kind: 'attendance', subjectId: 'math', date: '2026-10-05', lessonNo: 3, groupId: 'all', studentId: 's1', from: null, to: 'оп' },
    ]);
  });

  it('should ask for a locked period mark as the period\'s slot, and for nothing when the text is no mark or the same', () => {
    expect(scopeFromPeriodMark('math', '2026-q1', 's1', '3', '4', 5, false)).toEqual([{ kind: 'finalMark', subjectId: 'math', studentId: 's1', slot: '2026-q1', from: '3', to: '4' }]);
    expect(scopeFromPeriodMark('math', '2026-q1', 's1', null, 'зач', 5, true)).toMatchObject([{ from: null, to: 'pass' }]);
    expect(scopeFromPeriodMark('math', '2026-q1', 's1', '3', '3', 5, false)).toEqual([]);
    expect(scopeFromPeriodMark('math', '2026-q1', 's1', '3', 'ы', 5, false)).toEqual([]);
  });

  it('should carry the scope through the form\'s address and drop what is not a cell', () => {
    const scope = [{ kind: 'mark' as const, subjectId: 'math', date: '2026-10-05', lessonNo: 3, groupId: 'all', studentId: 's1', workType: 'test', from: '3', to: '5' }];
    const href = correctionPaths.form('sch53', { classId: '5a', periodId: '2026-q2', subjectId: 'math', cells: scope });
    const q = new URL(href, 'http://x').searchParams;
    expect([q.get('school'), q.get('class'), q.get('period'), q.get('subject')]).toEqual(['sch53', '5a', '2026-q2', 'math']);
    expect(cellsFromParam(q.get('cells'))).toEqual(scope);
    expect(cellsFromParam('{"kind":"mark"}')).toEqual([]);
    expect(cellsFromParam('[{"kind":"drop table"}, 5]')).toEqual([]);
    expect(cellsFromParam('not json')).toEqual([]);
  });

  it('should say a cell in the register\'s words', () => {
    const names = { subjects: new Map([['math', 'Математика']]), students: new Map([['s1', 'Иванов Иван']]) };
    expect(cellWords({ kind: 'mark', subjectId: 'math', date: '2026-10-05', lessonNo: 3, groupId: 'all', studentId: 's1', workType: 'test', from: null, to: '5' }, names)).toEqual({
      kind: 'текущая отметка', subject: 'Математика', lesson: '05.10.2026, 3-й урок', student: 'Иванов Иван', workType: 'Контрольная работа', from: 'пусто', to: '5',
    });
  });
});

describe('the server\'s problems at their fields', () => {
  it('should gather the schema\'s fields and the rules\' problems, a field with everything under it', () => {
    const e = new ApiError(400, 'Ошибки', 'bad_request', {
      fields: [{ path: 'document.kind', message: 'Вид документа: ожидается текст.' }],
      problems: [{ field: 'document.date', message: 'Дата документа (05.12.2026) ещё не наступила.' }, { field: 'explanation', message: 'Опишите, что и почему нужно исправить.' }],
    });
    const p = problemsByField(e);
    expect(problemsAt(p, 'document')).toEqual(['Вид документа: ожидается текст.', 'Дата документа (05.12.2026) ещё не наступила.']);
    expect(problemsAt(p, 'explanation')).toEqual(['Опишите, что и почему нужно исправить.']);
    expect(problemsAt(p, 'reason')).toEqual([]);
    expect(problemsByField(new ApiError(409, 'x', 'conflict')).size).toBe(0);
  });
});

describe('the blank form\'s picker', () => {
  it('should read the value now from the journal page and build the cell asked for', () => {
    expect(valueNow(page, { lessonId: '2026-10-05.3.all', studentId: 's1', kind: 'mark', workType: 'test' })).toBe('3');
    expect(valueNow(page, { lessonId: '2026-10-05.3.all', studentId: 's1', kind: 'topic', workType: '' })).toBe('Дроби');
    expect(cellOfPick(page, { lessonId: '2026-10-05.3.all', studentId: 's1', kind: 'mark', workType: 'test', to: ' ' })).toMatchObject({ kind: 'mark', from: '3', to: null });
    expect(cellOfPick(page, { lessonId: '2026-10-05.3.all', studentId: 's1', kind: 'attendance', workType: '', to: 'Н' })).toMatchObject({ kind: 'attendance', from: null, to: 'н' });
    expect(cellOfPick(page, { lessonId: '2026-10-05.3.all', studentId: '', kind: 'mark', workType: 'test', to: '5' })).toBeNull();
  });
});

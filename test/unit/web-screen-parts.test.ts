/**
 * The plain logic the journal grid and the timetable screen keep beside their components: when an
 * arrow key leaves a cell, what a cell and a lesson say on hover, retries of a save after a network
 * failure, and the totals of a generation of lessons.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api';
import { caretAtEdge, cellTooltip, lessonClass, lessonTooltip, transient, withRetries } from '../../web/src/lib/journal/grid';
import type { PageLesson } from '../../web/src/lib/journal/types';
import { generatedTotals } from '../../web/src/lib/timetable/timetable';
import type { Regeneration } from '../../web/src/lib/timetable/types';

const input = (value: string, selectionStart: number, selectionEnd = selectionStart) => ({ value, selectionStart, selectionEnd });

describe('caretAtEdge', () => {
  it('should leave the cell when its whole text is selected, whichever arrow', () => {
    expect(caretAtEdge(input('5 4', 0, 3), 'ArrowLeft')).toBe(true);
    expect(caretAtEdge(input('5 4', 0, 3), 'ArrowRight')).toBe(true);
    expect(caretAtEdge(input('', 0), 'ArrowRight')).toBe(true);
  });

  it('should move the caret inside typed text, and leave only past its edge', () => {
    expect(caretAtEdge(input('5 4', 1), 'ArrowLeft')).toBe(false);
    expect(caretAtEdge(input('5 4', 1), 'ArrowRight')).toBe(false);
    expect(caretAtEdge(input('5 4', 0), 'ArrowLeft')).toBe(true);
    expect(caretAtEdge(input('5 4', 3), 'ArrowRight')).toBe(true);
    expect(caretAtEdge(input('5 4', 3), 'ArrowLeft')).toBe(false);
  });
});

describe('tooltips', () => {
  const lesson = (extra: Partial<PageLesson> = {}) =>
    ({ topic: 'Дроби', fill: { filled: true, dueBy: '2026-11-30', overdue: false, late: false }, lock: { state: 'open', lockedFrom: '2026-12-10' }, canFill: true, ...extra }) as PageLesson;

  it('should show what the last save said before the marks of a cell', () => {
    const cell = { marks: [{ workType: 'test', value: 5, weight: 3, comment: 'без ошибок', version: 1 }], attendance: null };
    expect(cellTooltip({ state: 'conflict', message: 'Изменено другим пользователем: сейчас «4»' }, cell, undefined)).toBe('Изменено другим пользователем: сейчас «4»');
    expect(cellTooltip({ state: 'saved' }, cell, 'Изменения закрыты')).toBe('5 — КР (Контрольная работа), вес 3: без ошибок\nИзменения закрыты');
    expect(cellTooltip(undefined, undefined, undefined)).toBe('');
  });

  it('should say of a lesson its topic, that it is overdue, and why it is closed', () => {
    expect(lessonTooltip(lesson())).toBe('Дроби');
    const late = lesson({ topic: undefined, fill: { filled: false, dueBy: '2026-11-20', overdue: true, late: false }, lock: { state: 'locked', lockedFrom: '2026-11-27', message: 'Изменения закрыты с 27.11.2026' } });
    expect(lessonTooltip(late)).toBe('Тема не записана\nУрок не заполнен вовремя (2 дня, п. 3.8)\nИзменения закрыты с 27.11.2026');
    expect(lessonClass(late).split(' ').filter(Boolean)).toEqual(['overdue', 'closed']);
    expect(lessonClass(lesson({ canFill: false })).trim()).toBe('foreign');
  });
});

describe('withRetries', () => {
  const noWait = async () => {};

  it('should try again after network and server failures, and answer with the first success', async () => {
    const failures = [new ApiError(0, 'Нет связи', 'network'), new ApiError(503, 'Недоступен', 'http_503')];
    let calls = 0;
    let retries = 0;
    const result = await withRetries(
      async () => {
        calls++;
        const e = failures.shift();
        if (e) throw e;
        return 'сохранено';
      },
      [1, 1, 1],
      () => retries++,
      noWait,
    );
    expect(result).toBe('сохранено');
    expect(calls).toBe(3);
    expect(retries).toBe(2);
  });

  it('should not repeat a refusal, and give up after the last delay', async () => {
    let calls = 0;
    const refusal = new ApiError(409, 'Изменено', 'conflict');
    await expect(withRetries(async () => { calls++; throw refusal; }, [1, 1], undefined, noWait)).rejects.toBe(refusal);
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetries(async () => { calls++; throw new ApiError(0, 'Нет связи', 'network'); }, [1, 1], undefined, noWait)).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(3);
  });

  it('should count as transient no answer, a server failure and too many requests, but not a refusal', () => {
    expect([0, 500, 502, 429].map((s) => transient(new ApiError(s, 'x', 'x')))).toEqual([true, true, true, true]);
    expect([400, 403, 409, 423].map((s) => transient(new ApiError(s, 'x', 'x')))).toEqual([false, false, false, false]);
    expect(transient(new TypeError('Failed to fetch'))).toBe(true);
  });
});

describe('generatedTotals', () => {
  it('should add up every class of a generation', () => {
    const r = (n: number): Regeneration => ({ classId: `c${n}`, periodId: 'q1', from: '2026-09-01', to: '2026-10-25', created: n, updated: 1, removed: 0, kept: 2, unchanged: 10 });
    expect(generatedTotals([r(3), r(4)])).toEqual({ created: 7, updated: 2, removed: 0, kept: 4, unchanged: 20 });
    expect(generatedTotals([])).toEqual({ created: 0, updated: 0, removed: 0, kept: 0, unchanged: 0 });
  });
});

/**
 * The journal screen's logic (web/src/lib/journal/grid.ts): typed text into requests, the saver's
 * order, retries with one idempotency key, conflicts shown with the current value, and moving
 * like a spreadsheet.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api';
import type { AttendanceBody, MarkBody } from '../../web/src/lib/journal/api';
import { cellAccess, cellsOf, cellText, moveFrom, planEdit, workTypeChoices, type CellData, type CellStatus } from '../../web/src/lib/journal/grid';
import { CellSaver } from '../../web/src/lib/journal/saver';
import type { JournalPage, MarkView, PageLesson } from '../../web/src/lib/journal/types';
import { REGULATION_LOCK_DAYS } from '../../shared/domain/settings';

function lesson(date: string, extra: Partial<PageLesson> = {}): PageLesson {
  return {
    lessonId: `${date}.2.all`, date, lessonNo: 2, groupId: 'all', workTypes: [], individualHomework: [], version: 1, canFill: true,
    lock: { state: 'open', lockedFrom: '2026-12-10' }, fill: { filled: false, dueBy: date, overdue: false, late: false }, ...extra,
  };
}

function page(extra: Partial<JournalPage> = {}): JournalPage {
  return {
    schoolId: 'sch53', classId: '5a', className: '5А', grade: 5, subjectId: 'math', periodId: '2026-q2', groupId: null, groups: [],
    today: '2026-11-30', rules: { lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false, timeZone: 'Europe/Moscow' },
    weights: { lessonAnswer: 1, test: 3 }, marksAllowed: true, canWrite: true,
    students: [{ studentId: 's1', name: 'Иванов Иван', average: null }, { studentId: 's2', name: 'Петрова Анна', average: null }],
    lessons: [lesson('2026-11-30', { workTypes: ['test', 'lessonAnswer'] }), lesson('2026-11-20')],
    marks: [{ studentId: 's1', lessonId: '2026-11-20.2.all', workType: 'lessonAnswer', value: 4, weight: 1, version: 3 }],
    attendance: [], substitutes: [], queryPages: 1, ...extra,
  };
}

describe('planEdit', () => {
  const p = page();
  const empty: CellData = { marks: [], attendance: null };

  it('should give a new mark the work type the teacher chose, and never guess a second one', () => {
    expect(planEdit(p, p.lessons[0]!, 's1', empty, '5', 'lessonAnswer')).toEqual({
      ok: true,
      ops: [{ kind: 'mark', body: { lessonId: '2026-11-30.2.all', studentId: 's1', workType: 'lessonAnswer', value: 5, version: 0 } }],
    });
    // Without a choice, the first of the lesson's work types, as the header shows it before typing.
    expect(planEdit(p, p.lessons[0]!, 's1', empty, '5')).toMatchObject({ ok: true, ops: [{ body: { workType: 'test' } }] });
    // «3 4» would need two work types: refused with the shortcuts, nothing sent.
    expect(planEdit(p, p.lessons[0]!, 's1', empty, '3 4', 'test')).toMatchObject({ ok: false, locked: false, message: expect.stringContaining('Alt+2 — Ответ на уроке') });
    // A second mark of another type beside a kept one is fine; of the same type, refused.
    const cell: CellData = { marks: [{ workType: 'test', value: 3, weight: 3, version: 1 }], attendance: null };
    expect(planEdit(p, p.lessons[0]!, 's1', cell, '3 4', 'lessonAnswer')).toMatchObject({ ok: true, ops: [{ body: { workType: 'lessonAnswer', value: 4 } }] });
    expect(planEdit(p, p.lessons[0]!, 's1', cell, '3 4', 'test')).toMatchObject({ ok: false, message: expect.stringContaining('уже есть отметка «Контрольная работа»') });
  });

  it('should number the work types of new marks: the lesson\'s own, then «ответ на уроке»', () => {
    expect(workTypeChoices(['test', 'homework'])).toEqual(['test', 'homework', 'lessonAnswer']);
    expect(workTypeChoices(['lessonAnswer', 'test'])).toEqual(['lessonAnswer', 'test']);
    expect(workTypeChoices([])).toEqual(['lessonAnswer']);
  });

  it('should change and remove existing marks at their versions, and set attendance', () => {
    const cell = cellsOf(p)['s1|2026-11-20.2.all']!;
    expect(cellText(cell)).toBe('4');
    const change = planEdit(p, p.lessons[1]!, 's1', cell, '5');
    expect(change.ok && change.ops).toEqual([{ kind: 'mark', body: { lessonId: '2026-11-20.2.all', studentId: 's1', workType: 'lessonAnswer', value: 5, comment: null, version: 3 } }]);
    const clear = planEdit(p, p.lessons[1]!, 's1', cell, 'н');
    expect(clear.ok && clear.ops).toEqual([
      { kind: 'mark', body: { lessonId: '2026-11-20.2.all', studentId: 's1', workType: 'lessonAnswer', value: null, version: 3 } },
      { kind: 'attendance', body: { lessonId: '2026-11-20.2.all', studentId: 's1', kind: 'absent', reason: null, version: 0 } },
    ]);
    expect(planEdit(p, p.lessons[1]!, 's1', cell, '4')).toEqual({ ok: true, ops: [] });
  });

  it('should refuse marks in grade 1, a locked work type, and nonsense, before anything is sent', () => {
    expect(planEdit(page({ marksAllowed: false, grade: 1 }), p.lessons[0]!, 's1', empty, '5')).toMatchObject({ ok: false, locked: true, message: expect.stringContaining('1 классе') });
    const monitoring = lesson('2026-11-20', { workTypes: ['monitoringPractical'] });
    expect(planEdit(p, monitoring, 's1', empty, '5')).toMatchObject({ ok: false, locked: true, message: expect.stringContaining('с 28.11.2026') });
    expect(planEdit(p, p.lessons[0]!, 's1', empty, '7')).toMatchObject({ ok: false, locked: false });
  });
});

describe('cellAccess', () => {
  it('should say why a cell cannot change', () => {
    const p = page({ groups: [{ groupId: 'g1', name: '1 группа', teacherId: 't' }] });
    const g1 = lesson('2026-11-30', { groupId: 'g1' });
    expect(cellAccess(p, { studentId: 's', name: 'x', groupId: 'g2', average: null }, g1).kind).toBe('otherGroup');
    expect(cellAccess(p, { studentId: 's', name: 'x', groupId: 'g1', from: '2026-12-01', average: null }, g1).reason).toContain('прибыл(а) 01.12.2026');
    expect(cellAccess(p, { studentId: 's', name: 'x', groupId: 'g1', average: null }, { ...g1, canFill: false }).kind).toBe('readonly');
    expect(cellAccess(p, { studentId: 's', name: 'x', groupId: 'g1', average: null }, { ...g1, lock: { state: 'locked', message: 'Изменения закрыты' } })).toEqual({ editable: false, kind: 'locked', reason: 'Изменения закрыты' });
    expect(cellAccess(p, { studentId: 's', name: 'x', groupId: 'g1', average: null }, g1)).toEqual({ editable: true });
  });
});

describe('CellSaver', () => {
  function harness(markImpl: (body: MarkBody, call: number) => Promise<MarkView | null>) {
    const p = page();
    const cells: Record<string, CellData> = cellsOf(p);
    const statuses: Record<string, CellStatus> = {};
    const calls: MarkBody[] = [];
    const saver = new CellSaver({
      place: { schoolId: 'sch53', classId: '5a', periodId: '2026-q2', subjectId: 'math' },
      page: () => p,
      cell: (k) => cells[k] ?? { marks: [], attendance: null },
      update: (k, c, s) => {
        cells[k] = c;
        statuses[k] = s;
      },
      status: (k, s) => (statuses[k] = s),
      api: {
        mark: async (_p, body) => {
          calls.push(body);
          const value = await markImpl(body, calls.length);
          return { value, version: value?.version ?? 0, replayed: false };
        },
        attendance: async (_p: unknown, body: AttendanceBody) => ({ value: body.kind ? { studentId: body.studentId, lessonId: body.lessonId, kind: body.kind, version: body.version + 1 } : null, version: 0, replayed: false }),
      },
      sleep: async () => {},
    });
    return { saver, cells, statuses, calls };
  }
  const view = (b: MarkBody, version: number): MarkView => ({ studentId: b.studentId, lessonId: b.lessonId, workType: b.workType, value: b.value!, weight: 1, version });

  it('should send one request at a time, the latest text of a cell winning', async () => {
    let inFlight = 0;
    let most = 0;
    const h = harness(async (b) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return view(b, b.version + 1);
    });
    h.saver.edit('s1|2026-11-30.2.all', '3');
    h.saver.edit('s2|2026-11-30.2.all', '4');
    h.saver.edit('s2|2026-11-30.2.all', '5');
    await h.saver.settled();
    expect(most).toBe(1);
    expect(h.calls.map((c) => [c.studentId, c.value])).toEqual([['s1', 3], ['s2', 5]]);
    expect(cellText(h.cells['s2|2026-11-30.2.all'])).toBe('5');
    expect(h.statuses['s2|2026-11-30.2.all']).toEqual({ state: 'saved' });
  });

  it('should retry a failed network request with the same idempotency key', async () => {
    const h = harness(async (b, call) => {
      if (call < 3) throw new ApiError(0, 'нет связи', 'network');
      return view(b, 1);
    });
    h.saver.edit('s1|2026-11-30.2.all', '5');
    await h.saver.settled();
    expect(h.calls).toHaveLength(3);
    expect(new Set(h.calls.map((c) => c.requestId)).size).toBe(1);
    expect(h.statuses['s1|2026-11-30.2.all']).toEqual({ state: 'saved' });
  });

  it('should show a conflict with the value that won, and a lock with its reason', async () => {
    const h = harness(async (b) => {
      if (b.studentId === 's1') throw new ApiError(409, 'Отметку уже изменил другой пользователь', 'conflict', { current: { ...view(b, 1), value: 2 } });
      throw new ApiError(423, 'Изменения закрыты с 01.12.2026', 'locked');
    });
    h.saver.edit('s1|2026-11-30.2.all', '5');
    h.saver.edit('s2|2026-11-30.2.all', '5');
    await h.saver.settled();
    expect(cellText(h.cells['s1|2026-11-30.2.all'])).toBe('2');
    expect(h.statuses['s1|2026-11-30.2.all']).toMatchObject({ state: 'conflict', message: expect.stringContaining('«2»') });
    // The lock keeps what was not saved: a correction request from the cell asks for exactly that (issue 11).
    expect(h.statuses['s2|2026-11-30.2.all']).toEqual({ state: 'locked', message: 'Изменения закрыты с 01.12.2026', ops: [{ kind: 'mark', body: expect.objectContaining({ studentId: 's2', value: 5, version: 0 }) }] });
    expect(cellText(h.cells['s2|2026-11-30.2.all'])).toBe('');
  });
});

describe('moveFrom', () => {
  it('should move like a spreadsheet and stop at the edges', () => {
    expect(moveFrom(0, 0, 'Enter', 3, 4)).toEqual([1, 0]);
    expect(moveFrom(1, 0, 'Enter', 3, 4, true)).toEqual([0, 0]);
    expect(moveFrom(0, 3, 'Tab', 3, 4)).toEqual([1, 0]);
    expect(moveFrom(1, 0, 'Tab', 3, 4, true)).toEqual([0, 3]);
    expect(moveFrom(0, 0, 'ArrowUp', 3, 4)).toBeNull();
    expect(moveFrom(2, 3, 'ArrowRight', 3, 4)).toBeNull();
  });
});

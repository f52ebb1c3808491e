/** Cells as people type them and the weighted average. */
import { describe, expect, it } from 'vitest';
import { formatCell, parseCell, weightedAverage } from '../../shared/domain/journal-marks';
import { inLessonGroup, lessonIdOf, onRosterOn, parseLessonId } from '../../shared/domain/journal-model';

describe('parseCell', () => {
  it('should read marks and attendance codes', () => {
    expect(parseCell('5')).toEqual({ ok: true, marks: [5], attendance: null });
    expect(parseCell(' 5 4 ')).toEqual({ ok: true, marks: [5, 4], attendance: null });
    expect(parseCell('5/3')).toEqual({ ok: true, marks: [5, 3], attendance: null });
    expect(parseCell('н')).toEqual({ ok: true, marks: [], attendance: { kind: 'absent' } });
    expect(parseCell('Б')).toEqual({ ok: true, marks: [], attendance: { kind: 'absent', reason: 'illness' } });
    expect(parseCell('уп')).toEqual({ ok: true, marks: [], attendance: { kind: 'absent', reason: 'valid' } });
    expect(parseCell('нп')).toEqual({ ok: true, marks: [], attendance: { kind: 'absent', reason: 'invalid' } });
    expect(parseCell('оп 4')).toEqual({ ok: true, marks: [4], attendance: { kind: 'late' } });
    expect(parseCell('')).toEqual({ ok: true, marks: [], attendance: null });
  });

  it('should understand the keys of the Latin layout', () => {
    expect(parseCell('y')).toMatchObject({ ok: true, attendance: { kind: 'absent' } });
    expect(parseCell('jg')).toMatchObject({ ok: true, attendance: { kind: 'late' } });
    expect(parseCell(',')).toMatchObject({ ok: true, attendance: { kind: 'absent', reason: 'illness' } });
  });

  it('should refuse what is not a mark, with a Russian message', () => {
    for (const bad of ['1', '6', '10', 'abc', 'н 5', 'н оп', '5 5 5 5 5']) {
      const r = parseCell(bad);
      expect(r.ok, bad).toBe(false);
      expect(!r.ok && r.message, bad).toMatch(/[а-я]/);
    }
  });

  it('should format what is stored back into the cell', () => {
    expect(formatCell([5, 4], null)).toBe('5 4');
    expect(formatCell([], { kind: 'absent', reason: 'illness' })).toBe('б');
    expect(formatCell([3], { kind: 'late' })).toBe('3 оп');
    const again = parseCell(formatCell([3], { kind: 'late' }));
    expect(again).toEqual({ ok: true, marks: [3], attendance: { kind: 'late' } });
  });
});

describe('weightedAverage', () => {
  it('should weigh marks by their work type', () => {
    expect(weightedAverage([{ value: 5, weight: 1 }, { value: 3, weight: 3 }])).toBe(3.5);
    expect(weightedAverage([{ value: 5, weight: 1 }, { value: 4, weight: 1 }, { value: 4, weight: 1 }])).toBe(4.33);
    expect(weightedAverage([{ value: 5, weight: 1.5 }, { value: 2, weight: 2 }])).toBe(3.29);
  });

  it('should round half up on the hundredths', () => {
    // (4*1 + 5*1 + 4.45 ...) built so that the exact value is 4.445
    expect(weightedAverage([{ value: 4, weight: 0.555 }, { value: 5, weight: 0.445 }])).toBe(4.45);
  });

  it('should be null without marks and ignore zero weights', () => {
    expect(weightedAverage([])).toBeNull();
    expect(weightedAverage([{ value: 5, weight: 0 }])).toBeNull();
  });
});

describe('lesson ids and the roster', () => {
  it('should round-trip a lesson id', () => {
    const ref = { date: '2026-11-20', lessonNo: 3, groupId: 'all' };
    expect(lessonIdOf(ref)).toBe('2026-11-20.3.all');
    expect(parseLessonId('2026-11-20.3.all')).toEqual(ref);
    expect(parseLessonId('2026-11-20.3.g1')).toEqual({ ...ref, groupId: 'g1' });
    for (const bad of ['2026-11-20', '2026-11-20.x.all', '2026-11-20.3.a#b', '20.11.2026.3.all']) expect(parseLessonId(bad), bad).toBeNull();
  });

  it('should know who was in the class on a day (until is exclusive)', () => {
    expect(onRosterOn({}, '2026-11-20')).toBe(true);
    expect(onRosterOn({ from: '2026-11-20' }, '2026-11-19')).toBe(false);
    expect(onRosterOn({ from: '2026-11-20' }, '2026-11-20')).toBe(true);
    expect(onRosterOn({ until: '2026-11-20' }, '2026-11-19')).toBe(true);
    expect(onRosterOn({ until: '2026-11-20' }, '2026-11-20')).toBe(false);
  });

  it('should put everybody in a whole-class lesson and only the group in a group lesson', () => {
    const groups = [{ groupId: 'g1', name: '1 группа', teacherId: 't1' }, { groupId: 'g2', name: '2 группа', teacherId: 't2' }];
    expect(inLessonGroup({ groupId: 'g1' }, 'all', groups)).toBe(true);
    expect(inLessonGroup({ groupId: 'g1' }, 'g1', groups)).toBe(true);
    expect(inLessonGroup({ groupId: 'g2' }, 'g1', groups)).toBe(false);
    expect(inLessonGroup({}, 'g1', groups)).toBe(false);
  });
});

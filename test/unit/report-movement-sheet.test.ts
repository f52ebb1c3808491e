import { describe, expect, it } from 'vitest';
import { movementSheet, type SheetMovement } from '../../shared/domain/reports/movement-sheet';

const move = (studentId: string, kind: SheetMovement['kind'], date: string, extra: Partial<SheetMovement> = {}): SheetMovement => ({
  studentId, studentName: `Ученик ${studentId}`, kind, date, orderNo: `${date.slice(5)}-у`, recordedAt: `${date}T09:00:00.000Z`, ...extra,
});
const sheet = (current: string[], movements: SheetMovement[]) =>
  movementSheet({ classId: '5a', from: '2026-11-05', to: '2026-12-29', current, movements, classTitle: (id) => id.toUpperCase() });

describe('movementSheet', () => {
  it('should work the period\'s first and last day back from today\'s list', () => {
    const s = sheet(['a', 'b', 'c', 'late'], [
      move('x', 'transfer', '2026-11-05', { fromClassId: '5a', toClassId: '5b' }),
      move('c', 'enrol', '2026-11-10', { toClassId: '5a', note: 'из школы № 5' }),
      move('y', 'leave', '2026-12-01', { fromClassId: '5a' }),
      move('late', 'transfer', '2027-01-15', { fromClassId: '5b', toClassId: '5a' }),
      move('other', 'leave', '2026-11-20', { fromClassId: '7b' }),
    ]);
    expect(s).toMatchObject({ atStart: 4, atEnd: 3 });
    expect(s.arrived.map((l) => [l.studentId, l.place])).toEqual([['c', 'из школы № 5']]);
    expect(s.left.map((l) => [l.studentId, l.place])).toEqual([['x', 'в 5B класс'], ['y', 'не указано']]);
    expect(s.atStart + s.arrived.length - s.left.length).toBe(s.atEnd);
  });

  it('should list a pupil who came and went within the period in both lists, and the graduation in words', () => {
    const s = sheet([], [
      move('z', 'transfer', '2026-11-20', { fromClassId: '5b', toClassId: '5a' }),
      move('z', 'graduate', '2026-12-20', { fromClassId: '5a' }),
    ]);
    expect(s).toMatchObject({ atStart: 0, atEnd: 0 });
    expect(s.arrived[0]!.place).toBe('из 5B класса');
    expect(s.left[0]!.place).toBe('окончание школы');
  });

  it('should take movements of one day in the order they were recorded', () => {
    const s = sheet(['q'], [
      move('q', 'leave', '2026-11-20', { fromClassId: '5a', recordedAt: '2026-11-20T08:00:00.000Z' }),
      move('q', 'enrol', '2026-11-20', { toClassId: '5a', recordedAt: '2026-11-20T10:00:00.000Z' }),
    ]);
    expect(s).toMatchObject({ atStart: 1, atEnd: 1 });
    expect([s.left.length, s.arrived.length]).toEqual([1, 1]);
  });
});

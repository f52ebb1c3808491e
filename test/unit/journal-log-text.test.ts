import { describe, expect, it } from 'vitest';
import { describeChange, slotTitle, type DescribedRecord } from '../../shared/domain/journal-log-text';

const rec = (r: Partial<DescribedRecord> & Pick<DescribedRecord, 'entity'>): DescribedRecord => ({ action: 'update', target: { lessonId: '2026-11-05.1.all', studentId: 'st-0001' }, old: null, new: null, ...r });

describe('describeChange', () => {
  it('should tell a mark in Russian with its work type, never its ids', () => {
    const mark = (old: unknown, next: unknown, workType = 'lessonAnswer') => describeChange(rec({ entity: 'mark', target: { lessonId: '2026-11-05.1.all', studentId: 'st-0001', workType }, old: old as never, new: next as never }));
    expect(mark({ value: 3 }, { value: 4 })).toBe('отметка 3 → 4, ответ на уроке');
    expect(mark(null, { value: 5 }, 'test')).toBe('отметка 5, контрольная работа');
    expect(mark({ value: 2 }, null, 'homework')).toBe('отметка 2 → —, домашняя работа');
    expect(mark({ value: 4 }, { value: 4, comment: 'устно' })).toBe('отметка 4, ответ на уроке, комментарий: «устно»');
  });

  it('should tell attendance by the journal\'s codes', () => {
    const att = (old: unknown, next: unknown) => describeChange(rec({ entity: 'attendance', old: old as never, new: next as never }));
    expect(att({ kind: 'absent' }, { kind: 'absent', reason: 'illness', document: 'Справка № 5' })).toBe('посещаемость: н → б, документ: Справка № 5');
    expect(att(null, { kind: 'late' })).toBe('посещаемость: оп');
    expect(att({ kind: 'absent', reason: 'valid' }, null)).toBe('посещаемость: «уп» снято');
  });

  it('should tell each changed field of a lesson', () => {
    expect(describeChange(rec({ entity: 'lesson', old: { topic: null }, new: { topic: 'Дроби' } }))).toBe('тема урока: «Дроби»');
    expect(describeChange(rec({ entity: 'lesson', old: { topic: 'Дроби', workTypes: ['lessonAnswer'] }, new: { topic: 'Десятичные дроби', workTypes: ['lessonAnswer', 'test'] } }))).toBe(
      'тема урока: «Дроби» → «Десятичные дроби»; виды работ: ответ на уроке → ответ на уроке, контрольная работа',
    );
    expect(describeChange(rec({ entity: 'lesson', old: { homework: '№ 5' }, new: { homework: null } }))).toBe('домашнее задание удалено (было «№ 5»)');
  });

  it('should name the slot of a period, year or final mark', () => {
    const periodOf = (id: string) => (id === '2026-q2' ? { name: '2 четверть', kind: 'quarter' as const } : undefined);
    expect(describeChange(rec({ entity: 'finalMark', target: { lessonId: '2026-q2', studentId: 's' }, old: { code: '3' }, new: { code: '4', reason: 'по итогам контрольной' } }), { periodOf })).toBe(
      'четвертная отметка (2 четверть): 3 → 4, обоснование: «по итогам контрольной»',
    );
    expect(describeChange(rec({ entity: 'finalMark', target: { lessonId: 'year', studentId: 's' }, new: { code: 'na', late: true } }))).toBe('годовая отметка: н/а, выставлена после срока');
    expect(slotTitle('final')).toBe('Итоговая отметка');
  });
});

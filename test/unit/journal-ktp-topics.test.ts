/** Lesson k of the year takes the approved KTP's topic covering hour k; cancelled lessons do not count. */
import { describe, expect, it } from 'vitest';
import { numberedTopics } from '../../shared/domain/ktp';
import { topicsByLesson } from '../../shared/services/journal-ktp';

describe('topicsByLesson', () => {
  it('should map each held lesson of the year to the topic of its hour', () => {
    const topics = numberedTopics([
      { kind: 'section', title: 'Дроби' },
      { kind: 'topic', title: 'Сложение дробей', hours: 2 },
      { kind: 'topic', title: 'Умножение дробей', hours: 1 },
    ]);
    const lessons = [
      { date: '2026-11-20', lessonNo: 8, groupId: 'all' },
      { date: '2026-09-02', lessonNo: 3, groupId: 'all' },
      { date: '2026-09-04', lessonNo: 3, groupId: 'all', status: 'cancelled' },
      { date: '2026-09-05', lessonNo: 3, groupId: 'all' },
      { date: '2026-11-23', lessonNo: 8, groupId: 'all' },
    ];
    const got = topicsByLesson(lessons, topics);
    expect(got.get('2026-09-02.3.all')).toMatchObject({ n: 1, title: 'Сложение дробей', section: 'Дроби' });
    expect(got.get('2026-09-05.3.all')?.n).toBe(1);
    expect(got.get('2026-09-04.3.all')).toBeUndefined();
    expect(got.get('2026-11-20.8.all')?.title).toBe('Умножение дробей');
    // Beyond the plan's hours: no topic to offer.
    expect(got.get('2026-11-23.8.all')).toBeUndefined();
  });
});

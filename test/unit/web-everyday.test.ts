/**
 * The everyday screens' plain parts (issue 8): the teacher's day lines and links, the change log's
 * address and filters, and the timetable's links into the journal.
 */
import { describe, expect, it } from 'vitest';
import { changeNote, fillLine, lessonHref, type DayLesson } from '../../web/src/lib/day/day';
import { logHref, logQueryOf } from '../../web/src/lib/journal/log';
import { journalHref, journalLinksOf } from '../../web/src/lib/timetable/journal-links';
import type { MyJournals } from '../../web/src/lib/journal/types';

const lesson = (l: Partial<DayLesson> = {}): DayLesson => ({
  classId: '5a', className: '5А', subjectId: 'math', subjectName: 'Математика', groupId: 'all', lessonNo: 2, state: 'given',
  periodId: '2026-q2', lessonId: '2026-11-30.2.all', counts: { marks: 3, absent: 1, late: 0 }, ...l,
});

describe('the teacher\'s day', () => {
  it('should link a lesson to its journal column on that lesson, and a lesson not given or not generated nowhere', () => {
    expect(lessonHref('sch53', lesson())).toBe('/journal/5a/math/2026-q2?school=sch53&lesson=2026-11-30.2.all');
    expect(lessonHref('sch53', lesson({ groupId: 'g1', lessonId: '2026-11-30.2.g1' }))).toBe('/journal/5a/math/2026-q2?school=sch53&group=g1&lesson=2026-11-30.2.g1');
    expect(lessonHref('sch53', lesson({ state: 'cancelled' }))).toBeNull();
    expect(lessonHref('sch53', lesson({ periodId: undefined, lessonId: undefined }))).toBeNull();
  });

  it('should say how far a lesson is filled and why it changed, in Russian', () => {
    expect(fillLine(lesson({ topic: 'Дроби' }))).toEqual(['Тема: Дроби', '3 отметки', '1 пропуск']);
    expect(fillLine(lesson({ counts: { marks: 0, absent: 0, late: 2 } }))).toEqual(['тема не записана', 'отметок нет', 'пропусков нет', 'опозданий: 2']);
    expect(fillLine(lesson({ counts: undefined }))).toEqual(['урока ещё нет в журнале: уроки периода не сформированы']);
    expect(changeNote(lesson({ via: 'substitute' }))).toBe('замена');
    expect(changeNote(lesson({ state: 'movedAway', toDate: '2026-12-01', toLessonNo: 5 }))).toBe('урок перенесён на 01.12.2026, 5 урок');
    expect(changeNote(lesson())).toBeNull();
  });
});

describe('the change log\'s address', () => {
  it('should keep the filters that are set and the page after the first', () => {
    const q = logQueryOf(new URLSearchParams('school=sch53&subject=math&student=&actor=u1&from=2026-11-01&page=3'));
    expect(q).toEqual({ subject: 'math', actor: 'u1', from: '2026-11-01', page: 3 });
    expect(logQueryOf(new URLSearchParams('page=1')).page).toBeUndefined();
    expect(logHref('sch53', '5a', '2026-q2', { ...q, page: 4 })).toBe('/journal/log/5a/2026-q2?school=sch53&subject=math&actor=u1&from=2026-11-01&page=4');
  });
});

describe('timetable links into the journal', () => {
  it('should link the teacher\'s own lessons and every subject (and group) of the classes the person sees', () => {
    const mine = {
      yearId: '2026', today: '2026-11-30', periods: {},
      teaching: [{ classId: '7a', className: '7А', grade: 7, subjectId: 'math', subjectName: 'Математика', groupId: 'all', periodId: '2026-q2' }],
      classes: [{ classId: '5a', className: '5А', grade: 5, led: true, periodId: '2026-q2', subjects: [{ subjectId: 'eng', subjectName: 'Английский язык', groups: [{ groupId: 'g1', name: '1 группа' }] }] }],
    } as MyJournals;
    const links = journalLinksOf('sch53', mine);
    expect(journalHref(links, { classId: '7a', subjectId: 'math', groupId: 'all' })).toBe('/journal/7a/math/2026-q2?school=sch53');
    expect(journalHref(links, { classId: '5a', subjectId: 'eng', groupId: 'g1' })).toBe('/journal/5a/eng/2026-q2?school=sch53&group=g1');
    expect(journalHref(links, { classId: '9a', subjectId: 'math', groupId: 'all' })).toBeUndefined();
  });
});

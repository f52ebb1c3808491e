/**
 * The KTP hours check (R-14, clause 5): the plan's hours against the curriculum (hours per week x
 * weeks) and the timetable's lesson count, with Russian findings shown before the year starts.
 */
import { describe, expect, it } from 'vitest';
import {
  curriculumHours,
  ktpHoursCheck,
  nonRussianTopics,
  numberedTopics,
  rowProblems,
  studyWeeks,
  topicCount,
  totalHours,
  type KtpRow,
} from '../../shared/domain/ktp';

describe('ktpHoursCheck', () => {
  it('should say what the issue shows for 68 planned, 70 in the curriculum and 66 lessons', () => {
    const c = ktpHoursCheck({ planned: 68, curriculum: 70, timetable: 66 });
    expect(c.summary).toBe('В КТП 68 ч, по учебному плану 70 ч (не хватает 2 ч), по расписанию 66 уроков');
    expect(c.status).toBe('mismatch');
    expect(c.findings).toEqual([
      'В КТП на 2 ч меньше, чем по учебному плану (70 ч): добавьте темы или часы.',
      'По расписанию в году 66 уроков, на 2 меньше, чем часов в КТП: часть тем не поместится, их нужно объединить.',
    ]);
  });

  it('should be ok only when the plan equals both the curriculum and the timetable', () => {
    const ok = ktpHoursCheck({ planned: 170, curriculum: 170, timetable: 170 });
    expect(ok.status).toBe('ok');
    expect(ok.findings).toEqual([]);
    expect(ok.summary).toBe('В КТП 170 ч, по учебному плану 170 ч, по расписанию 170 уроков');
  });

  it('should warn, not fail, when only the timetable differs or is missing', () => {
    const more = ktpHoursCheck({ planned: 170, curriculum: 170, timetable: 172 });
    expect(more.status).toBe('warning');
    expect(more.findings).toEqual(['По расписанию в году 172 урока, на 2 больше, чем часов в КТП: запланируйте резервные уроки (повторение).']);
    const none = ktpHoursCheck({ planned: 170, curriculum: 170, timetable: null });
    expect(none.status).toBe('warning');
    expect(none.summary).toBe('В КТП 170 ч, по учебному плану 170 ч');
    expect(none.findings[0]).toMatch(/Расписание на год ещё не составлено/);
  });

  it('should report extra hours and a missing curriculum line as a mismatch', () => {
    const extra = ktpHoursCheck({ planned: 172, curriculum: 170, timetable: 172 });
    expect(extra.summary).toBe('В КТП 172 ч, по учебному плану 170 ч (лишних 2 ч), по расписанию 172 урока');
    expect(extra.status).toBe('mismatch');
    expect(extra.findings).toEqual(['В КТП на 2 ч больше, чем по учебному плану (170 ч): уберите лишние часы.']);
    const noPlan = ktpHoursCheck({ planned: 34, curriculum: null, timetable: 34 });
    expect(noPlan.status).toBe('mismatch');
    expect(noPlan.findings[0]).toMatch(/В учебном плане нет часов/);
  });

  it('should call an empty plan a mismatch with its own finding', () => {
    const c = ktpHoursCheck({ planned: 0, curriculum: 0, timetable: 0 });
    expect(c.status).toBe('mismatch');
    expect(c.findings[0]).toBe('В КТП ещё нет ни одной темы.');
  });

  it('should count the curriculum as hours per week x study weeks', () => {
    expect(curriculumHours(5, studyWeeks(5))).toBe(170);
    expect(curriculumHours(4, studyWeeks(1))).toBe(132);
    expect(curriculumHours(0.5, 34)).toBe(17);
  });
});

describe('KTP rows', () => {
  const rows: KtpRow[] = [
    { kind: 'section', title: 'Натуральные числа' },
    { kind: 'topic', title: 'Десятичная система счисления', hours: 1 },
    { kind: 'topic', title: 'Сравнение натуральных чисел', hours: 2 },
    { kind: 'section', title: 'Дроби' },
    { kind: 'topic', title: 'Обыкновенные дроби', hours: 3 },
  ];

  it('should sum hours and count topics without the section headings', () => {
    expect(totalHours(rows)).toBe(6);
    expect(topicCount(rows)).toBe(3);
  });

  it('should number topics with the lessons they take and their section', () => {
    expect(numberedTopics(rows)).toEqual([
      { n: 1, title: 'Десятичная система счисления', hours: 1, section: 'Натуральные числа', firstLesson: 1, lastLesson: 1 },
      { n: 2, title: 'Сравнение натуральных чисел', hours: 2, section: 'Натуральные числа', firstLesson: 2, lastLesson: 3 },
      { n: 3, title: 'Обыкновенные дроби', hours: 3, section: 'Дроби', firstLesson: 4, lastLesson: 6 },
    ]);
  });

  it('should find nothing wrong with good rows and name each bad one', () => {
    expect(rowProblems(rows)).toEqual([]);
    expect(
      rowProblems([
        { kind: 'topic', title: '  ', hours: 1 },
        { kind: 'topic', title: 'Дроби', hours: 0 },
        { kind: 'topic', title: 'Дроби', hours: 1.5 },
        { kind: 'section', title: '' },
        { kind: 'topic', title: 'я'.repeat(201), hours: 1 },
      ]),
    ).toEqual([
      'Строка 1: не указана тема урока.',
      'Строка 2: количество часов должно быть целым числом от 1 до 40.',
      'Строка 3: количество часов должно быть целым числом от 1 до 40.',
      'Строка 4: не указано название раздела.',
      'Строка 5: текст длиннее 200 символов.',
    ]);
  });

  it('should flag topics written without Russian letters (clause 5)', () => {
    expect(nonRussianTopics([{ kind: 'topic', title: 'Present Simple', hours: 1 }, { kind: 'topic', title: 'Время Present Simple', hours: 1 }])).toEqual([
      'Строка 1: тема «Present Simple» написана без русских букв; по п. 5 Положения записи ведутся на русском языке.',
    ]);
  });
});

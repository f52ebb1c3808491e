/**
 * Early warning: heading for a «2» or «н/а», attendance falling; each reason in words with
 * the days left, the school's day in Moscow time, `now` passed in.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar';
import { daysLeftText, studentLessonsOf, studentWarnings, warningsList, type StudentLesson, type WarningContext } from '../../shared/domain/early-warning';
import { justifyPeriod } from '../../shared/domain/mark-justification';
import { DEFAULT_MARKING_RULES } from '../../shared/domain/settings-versions';

const MSK = 'Europe/Moscow';
const q2 = { startDate: '2026-11-05', endDate: '2026-12-29' };
/** 23:59:59 and 00:00:00 of a Moscow date. */
const lastSecond = (date: string) => new Date(`${addDays(date, -1)}T21:00:00Z`).getTime() + 86_400_000 - 1000;
const ctx = (today: string, at: 'noon' | 'lastSecond' = 'noon'): WarningContext => ({
  period: q2,
  now: at === 'noon' ? new Date(`${today}T09:00:00Z`) : new Date(lastSecond(today)),
  timeZone: MSK,
});

/** A lesson every `step` days from `from` to `to`, absent on the given dates. */
function lessons(from: string, to: string, step: number, absent: string[] = []): StudentLesson[] {
  const out: StudentLesson[] = [];
  for (let d = from; d <= to; d = addDays(d, step)) out.push({ date: d, absent: absent.includes(d) });
  return out;
}

const marksOf = (values: number[]) =>
  justifyPeriod(
    values.map((value, i) => ({ date: addDays(q2.startDate, i), workType: 'lessonAnswer' as const, value })),
    DEFAULT_MARKING_RULES,
    2,
  );

describe('heading for a «2»', () => {
  it('should warn when the average implies «2», with the days left', () => {
    const w = studentWarnings({ studentId: 's1', justification: marksOf([2, 3, 2, 2, 3, 2]), lessons: [] }, ctx('2026-12-17'));
    // (2+3+2+2+3+2)/6 = 2.33…
    expect(w.daysLeft).toBe(12);
    expect(w.warnings).toEqual([
      { kind: 'implied2', risk: 'two', message: 'Средний балл 2,33 — по порогам школы это «2». До конца периода (29.12.2026) осталось 12 дней.' },
    ]);
  });

  it('should not warn at 2,50, the «3» threshold', () => {
    expect(studentWarnings({ studentId: 's1', justification: marksOf([2, 3, 2, 3, 2, 3]), lessons: [] }, ctx('2026-12-17')).warnings).toEqual([]);
  });
});

describe('heading for «н/а»: too few marks for the lessons left', () => {
  // Two marks of the five needed; lessons every other day.
  const j = marksOf([4, 5]);

  it('should warn with fewer than two lessons left per missing mark', () => {
    const w = studentWarnings({ studentId: 's1', justification: j, lessons: lessons('2026-11-05', '2026-12-29', 2) }, ctx('2026-12-19'));
    expect(w.lessonsLeft).toBe(5);
    expect(w.warnings).toEqual([
      {
        kind: 'fewMarks',
        risk: 'notAssessed',
        critical: false,
        message: '2 отметки при минимуме 5: не хватает 3, а осталось 5 уроков — времени мало, риск «н/а». До конца периода (29.12.2026) осталось 10 дней.',
      },
    ]);
  });

  it('should not warn with two lessons per missing mark left', () => {
    const w = studentWarnings({ studentId: 's1', justification: j, lessons: lessons('2026-11-05', '2026-12-29', 2) }, ctx('2026-12-17'));
    expect(w.lessonsLeft).toBe(6);
    expect(w.warnings).toEqual([]);
  });

  it('should call it critical when even a mark every lesson would not do', () => {
    const w = studentWarnings({ studentId: 's1', justification: marksOf([]), lessons: lessons('2026-11-05', '2026-12-29', 2) }, ctx('2026-12-25'));
    expect(w.lessonsLeft).toBe(2);
    expect(w.warnings[0]).toMatchObject({ kind: 'fewMarks', critical: true });
    expect(w.warnings[0]?.message).toBe(
      'Отметок пока нет при минимуме 5: не хватает 5, а осталось 2 урока — даже с отметкой на каждом уроке минимум не набрать, риск «н/а». ' +
        'До конца периода (29.12.2026) осталось 4 дня.',
    );
  });

  it('should move today\'s lesson from the lessons left to the held ones at midnight Moscow time', () => {
    const facts = { studentId: 's1', justification: j, lessons: lessons('2026-11-05', '2026-12-29', 2) };
    // 18.12 is not a lesson day; 19.12 is. At 23:59:59 of 18.12 the 19.12 lesson is still ahead.
    expect(studentWarnings(facts, { ...ctx('2026-12-18', 'lastSecond') }).lessonsLeft).toBe(6);
    expect(studentWarnings(facts, { ...ctx('2026-12-18', 'lastSecond'), now: new Date(lastSecond('2026-12-18') + 1000) }).lessonsLeft).toBe(5);
  });
});

describe('heading for «н/а»: more than half the lessons missed', () => {
  const held = lessons('2026-11-05', '2026-11-23', 2); // 10 lessons up to 23.11
  const absentOn = (n: number) => held.slice(0, n).map((l) => l.date);

  it('should warn over half, not at exactly half', () => {
    const six = studentWarnings({ studentId: 's1', lessons: lessons('2026-11-05', '2026-11-23', 2, absentOn(6)) }, ctx('2026-11-23'));
    expect(six.warnings.find((w) => w.kind === 'absences')?.message).toBe(
      'Пропущено 6 из 10 уроков (60\u00a0%) — больше половины, риск «н/а». До конца периода (29.12.2026) осталось 36 дней.',
    );
    const five = studentWarnings({ studentId: 's1', lessons: lessons('2026-11-05', '2026-11-23', 2, absentOn(5)) }, ctx('2026-11-23'));
    expect(five.warnings.filter((w) => w.kind === 'absences')).toEqual([]);
  });

  it('should wait for three lessons held', () => {
    const two = studentWarnings({ studentId: 's1', lessons: lessons('2026-11-05', '2026-11-07', 2, ['2026-11-05', '2026-11-07']) }, ctx('2026-11-07'));
    expect(two.warnings).toEqual([]);
  });
});

describe('attendance falling (last 2 weeks against the 2 weeks before)', () => {
  // Lessons every other day from 05.11 to 17.12; today 17.12: the last window is 04.12-17.12, the one before 20.11-03.12.
  const today = '2026-12-17';
  const all = (absent: string[]) => lessons('2026-11-05', '2026-12-17', 2, absent);
  const recentDays = lessons('2026-12-05', '2026-12-17', 2).map((l) => l.date); // 7 lessons
  const beforeDays = lessons('2026-11-21', '2026-12-03', 2).map((l) => l.date); // 7 lessons

  it('should warn when the share missed rose by 20 points or more, saying both', () => {
    const w = studentWarnings({ studentId: 's1', lessons: all(recentDays.slice(0, 3)) }, ctx(today));
    expect(w.warnings).toEqual([
      {
        kind: 'attendanceFalling',
        risk: 'attendance',
        message:
          'Посещаемость падает: за последние 2 недели пропущено 3 из 7 уроков (43\u00a0%), за 2 недели до того — 0 из 7 уроков (0\u00a0%). ' +
          'До конца периода (29.12.2026) осталось 12 дней.',
      },
    ]);
  });

  it('should take the boundary: 20 points warn, 14 do not', () => {
    // 5 lessons in each window when the step is 3 days.
    const l5 = (absent: string[]) => lessons('2026-11-20', '2026-12-17', 3, absent);
    const dates = l5([]).map((l) => l.date);
    const recent = dates.filter((d) => d >= '2026-12-04');
    const before = dates.filter((d) => d < '2026-12-04' && d >= '2026-11-20');
    expect([recent.length, before.length]).toEqual([5, 5]);
    // 2 of 5 (40 %) against 1 of 5 (20 %): exactly 20 points.
    expect(studentWarnings({ studentId: 's', lessons: l5([...recent.slice(0, 2), before[0]!]) }, ctx(today)).warnings.map((w) => w.kind)).toEqual(['attendanceFalling']);
    // 1 of 7 (14 %) against 0 of 7: 14 points, no warning.
    expect(studentWarnings({ studentId: 's', lessons: all([recentDays[0]!]) }, ctx(today)).warnings).toEqual([]);
  });

  it('should not warn when attendance only stays low', () => {
    const w = studentWarnings({ studentId: 's', lessons: all([...recentDays.slice(0, 2), ...beforeDays.slice(0, 2)]) }, ctx(today));
    expect(w.warnings).toEqual([]);
  });

  it('should need three lessons in each window', () => {
    const short = lessons('2026-12-10', '2026-12-17', 2, ['2026-12-10', '2026-12-12']);
    expect(studentWarnings({ studentId: 's', lessons: short }, ctx(today)).warnings).toEqual([]);
  });
});

describe('days left and the class list', () => {
  it('should say the days left in Russian', () => {
    expect(daysLeftText(12, '2026-12-29')).toBe('до конца периода (29.12.2026) осталось 12 дней');
    expect(daysLeftText(1, '2026-12-29')).toBe('до конца периода (29.12.2026) остался 1 день');
    expect(daysLeftText(0, '2026-12-29')).toMatch(/^сегодня последний день периода/);
  });

  it('should count days left from the school\'s date', () => {
    const facts = { studentId: 's', lessons: [] };
    expect(studentWarnings(facts, ctx('2026-12-28', 'lastSecond')).daysLeft).toBe(1);
    expect(studentWarnings(facts, { ...ctx('2026-12-28'), now: new Date(lastSecond('2026-12-28') + 1000) }).daysLeft).toBe(0);
  });

  it('should say nothing before the period starts', () => {
    const w = studentWarnings({ studentId: 's', justification: marksOf([]), lessons: lessons('2026-11-05', '2026-12-29', 2) }, ctx('2026-11-04'));
    expect(w.warnings).toEqual([]);
  });

  it('should list only students with warnings, the most urgent first', () => {
    const l = lessons('2026-11-05', '2026-12-29', 2);
    const list = warningsList(
      [
        { studentId: 'fine', justification: marksOf([5, 5, 4, 5, 5]), lessons: l },
        { studentId: 'absentLately', justification: marksOf([5, 5, 4, 5, 5]), lessons: l.map((x) => ({ ...x, absent: x.date >= '2026-12-15' && x.date <= '2026-12-25' })) },
        { studentId: 'two', justification: marksOf([2, 2, 3, 2, 2]), lessons: l },
        { studentId: 'noMarks', justification: marksOf([]), lessons: l },
      ],
      ctx('2026-12-25'),
    );
    expect(list.map((s) => [s.studentId, s.warnings.map((w) => w.kind)])).toEqual([
      ['noMarks', ['fewMarks']],
      ['two', ['implied2']],
      ['absentLately', ['attendanceFalling']],
    ]);
    expect(list[0]).toMatchObject({ daysLeft: 4, lessonsLeft: 2 });
  });
});

describe('from the journal\'s records', () => {
  const groups = [
    { groupId: 'g1', name: '1 группа', teacherId: 't1' },
    { groupId: 'g2', name: '2 группа', teacherId: 't2' },
  ];
  const lesson = (date: string, groupId: string, status?: string) => ({ date, lessonNo: 2, groupId, ...(status ? { status } : {}) });
  const absence = (date: string, groupId: string, extra: { kind?: 'absent' | 'late'; deleted?: boolean; studentId?: string } = {}) => ({
    studentId: extra.studentId ?? 's1',
    date,
    lessonNo: 2,
    groupId,
    kind: extra.kind ?? ('absent' as const),
    ...(extra.deleted ? { deleted: true } : {}),
  });

  it('should take the student\'s own group, roster dates and recorded absences, and skip cancelled lessons', () => {
    const out = studentLessonsOf(
      [lesson('2026-11-05', 'g1'), lesson('2026-11-06', 'g2'), lesson('2026-11-09', 'g1', 'cancelled'), lesson('2026-11-10', 'g1'), lesson('2026-11-12', 'g1'), lesson('2026-11-20', 'g1')],
      [
        absence('2026-11-10', 'g1'),
        absence('2026-11-12', 'g1', { kind: 'late' }),
        absence('2026-11-05', 'g1', { deleted: true }),
        absence('2026-11-05', 'g1', { studentId: 's2' }),
      ],
      { studentId: 's1', groupId: 'g1', until: '2026-11-15' },
      groups,
    );
    expect(out).toEqual([
      { date: '2026-11-05', absent: false },
      { date: '2026-11-10', absent: true },
      { date: '2026-11-12', absent: false },
    ]);
  });
});

/**
 * The demo curriculum and timetable (issue 3, item 7): hours after the federal curricula, teachers
 * by their positions, English and informatics split from grade 5/7, a week with no clash that
 * carries exactly the curriculum's hours, and lessons generated for the periods around `now`.
 */
import { describe, expect, it } from 'vitest';
import { buildDemoModel } from '../../shared/demo/model';
import { demoCurriculum, DEMO_HOURS } from '../../shared/demo/curriculum';
import { DEMO_MAX_LESSON_NO, demoTimetable, demoTimetableItems } from '../../shared/demo/timetable';
import { demoYear } from '../../shared/demo/year';
import { WHOLE_CLASS, groupIdsOfLine } from '../../shared/domain/curriculum';
import { clashesOf, holdersValid, type GuardKind, type SlotLesson } from '../../shared/domain/timetable';
import { isHoliday } from '../../shared/domain/year';

const NOW = new Date('2026-11-29T05:00:00Z');
const model = buildDemoModel({ now: NOW });
const curriculum = demoCurriculum(model);
const slots = demoTimetable(model, curriculum.lines);
const staffById = new Map(model.staff.map((s) => [s.userId, s]));

describe('demo curriculum', () => {
  it('should give every class the federal hours of its grade', () => {
    const totals = new Map<number, number>();
    for (const c of model.classes) {
      const lines = curriculum.lines.filter((l) => l.classId === c.classId);
      for (const l of lines) expect(l.hoursPerWeek, `${c.classId} ${l.subjectId}`).toBe(DEMO_HOURS[l.subjectId as keyof typeof DEMO_HOURS][c.grade - 1]);
      totals.set(c.grade, lines.reduce((n, l) => n + l.hoursPerWeek, 0));
    }
    // Weekly limits of SanPiN for a five-day (1-4) and six-day (5-11) week.
    expect(totals.get(1)).toBeLessThanOrEqual(21);
    expect(totals.get(4)).toBeLessThanOrEqual(23);
    expect(totals.get(9)).toBeLessThanOrEqual(36);
  });

  it('should give each subject a teacher whose position covers it, and the primary teacher her own class', () => {
    for (const l of curriculum.lines) {
      const teachers = l.groups?.map((g) => g.teacherId) ?? [l.teacherId!];
      for (const t of teachers) expect(staffById.get(t)!.subjects, `${l.classId} ${l.subjectId}`).toContain(l.subjectId);
      const c = model.classes.find((x) => x.classId === l.classId)!;
      if (c.grade <= 4 && ['russian', 'math', 'literaryReading', 'worldAround'].includes(l.subjectId)) expect(l.teacherId).toBe(c.classTeacherId);
    }
    const classteacher = model.staff.find((s) => s.fixed === 'classteacher')!;
    expect(curriculum.lines.find((l) => l.classId === '5a' && l.subjectId === 'russian')!.teacherId).toBe(classteacher.userId);
    const teacher = model.staff.find((s) => s.fixed === 'teacher')!;
    expect(curriculum.lines.filter((l) => l.teacherId === teacher.userId).length).toBeGreaterThan(2);
  });

  it('should split English (grades 5-9, two teachers) and informatics (grades 7-11) into two groups', () => {
    for (const c of model.classes) {
      const english = curriculum.lines.find((l) => l.classId === c.classId && l.subjectId === 'english');
      if (c.grade >= 5 && c.grade <= 9) expect(new Set(english!.groups!.map((g) => g.teacherId)).size, c.classId).toBe(2);
      const it = curriculum.lines.find((l) => l.classId === c.classId && l.subjectId === 'informatics');
      if (c.grade >= 7) expect(it!.groups).toHaveLength(2);
    }
  });

  it('should put every student of a split class in exactly one group, every period', () => {
    for (const set of curriculum.subgroups) {
      const roster = model.students.filter((s) => s.classId === set.classId).map((s) => s.studentId).sort();
      expect(set.groups.flatMap((g) => g.studentIds).sort()).toEqual(roster);
    }
    expect(curriculum.subgroups.some((s) => s.classId === '5a' && s.periodId === '2026-q2' && s.subjectId === 'english')).toBe(true);
  });
});

describe('demo timetable', () => {
  it('should hold no clash: no teacher, class or room in two places at once', () => {
    const at = new Map<string, SlotLesson[]>();
    for (const s of slots) at.set(`${s.weekday}#${s.lessonNo}`, [...(at.get(`${s.weekday}#${s.lessonNo}`) ?? []), s]);
    for (const lessons of at.values()) {
      lessons.forEach((l, i) => expect(clashesOf(l, lessons.filter((_, j) => j !== i))).toEqual([]));
    }
    const guards = demoTimetableItems(model, { periods: [] }).filter((i) => i.type === 'timetableGuard');
    for (const g of guards) expect(holdersValid(g.kind as GuardKind, g.holders as SlotLesson[])).toBe(true);
  });

  it('should carry exactly the curriculum hours, without gaps, 5 days in grades 1-4 and 6 in 5-11', () => {
    for (const l of curriculum.lines) {
      for (const g of groupIdsOfLine(l)) {
        expect(slots.filter((s) => s.classId === l.classId && s.subjectId === l.subjectId && s.groupId === g).length, `${l.classId} ${l.subjectId} ${g}`).toBe(l.hoursPerWeek);
      }
    }
    for (const c of model.classes) {
      const own = slots.filter((s) => s.classId === c.classId);
      expect(Math.max(...own.map((s) => s.weekday))).toBe(c.grade <= 4 ? 5 : 6);
      expect(Math.max(...own.map((s) => s.lessonNo))).toBeLessThanOrEqual(DEMO_MAX_LESSON_NO);
      for (let d = 1; d <= 6; d++) {
        const nos = [...new Set(own.filter((s) => s.weekday === d).map((s) => s.lessonNo))].sort((a, b) => a - b);
        expect(nos, `${c.classId} day ${d}`).toEqual(nos.map((_, i) => i + 1));
      }
    }
    // English groups of a class run at the same time.
    const eng = slots.filter((s) => s.classId === '5a' && s.subjectId === 'english');
    expect(new Set(eng.map((s) => `${s.weekday}#${s.lessonNo}`)).size).toBe(3);
    expect(slots.every((s) => s.groupId === WHOLE_CLASS || ['english', 'informatics'].includes(s.subjectId))).toBe(true);
  });

  it('should generate the lessons of 2026-q1, 2026-q2 and 2026-h1 with no holiday and be deterministic', () => {
    const items = demoTimetableItems(model, { now: NOW });
    const lessons = items.filter((i) => i.type === 'lesson');
    expect(new Set(lessons.map((l) => l.periodId))).toEqual(new Set(['2026-q1', '2026-q2', '2026-h1']));
    const year = demoYear('sch53');
    for (const l of lessons) {
      const grade = model.classes.find((c) => c.classId === l.classId)!.grade;
      expect(isHoliday(year, l.date as string, grade)).toBe(false);
    }
    expect(lessons.length).toBeGreaterThan(8000);
    expect(lessons.length).toBeLessThan(12000);
    const keys = items.map((i) => `${i.pk}|${i.sk}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(items.every((i) => !Object.values(i).includes(undefined))).toBe(true);
    expect(demoTimetableItems(model, { now: NOW })).toEqual(items);
    // The two one-off changes show in 5A: the cancelled lesson is not there, the moved one is.
    expect(lessons.some((l) => l.classId === '5a' && l.date === '2026-11-27' && l.lessonNo === 1)).toBe(false);
    expect(lessons.some((l) => l.classId === '5a' && typeof l.movedFrom === 'string')).toBe(true);
  });
});

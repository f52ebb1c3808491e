/**
 * The demo school's KTPs and assessment schedule (issue 3, item 7): realistic, consistent with the
 * curriculum and the year, and showing what the checks are for.
 */
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { assessmentDateProblem, DEFAULT_ASSESSMENT_LIMITS, limitWarnings } from '../../shared/domain/assessments';
import type { LoadLine } from '../../shared/domain/curriculum';
import { curriculumHours, ktpHoursCheck, rowProblems, studyWeeks } from '../../shared/domain/ktp';
import { demoCurriculumItems } from '../../shared/demo/curriculum';
import { demoAssessments, demoKtpItems, demoKtps, fitToHours, MATH_5, RUSSIAN_5, sectionsToRows } from '../../shared/demo/ktp';
import { buildDemoModel } from '../../shared/demo/model';
import { demoYear } from '../../shared/demo/year';

const model = buildDemoModel({ now: new Date('2026-08-20T09:00:00Z') });
const year = demoYear(model.school.schoolId);
const items = demoCurriculumItems(model);
const input = { model, year, items };
const lines = items.filter((i) => i.type === 'loadLine') as unknown as LoadLine[];
const login = (f: string) => model.staff.find((s) => s.fixed === f)!;

describe('programme topics', () => {
  it('should add up to 170 hours each, with valid rows', () => {
    for (const p of [MATH_5, RUSSIAN_5]) {
      const rows = sectionsToRows(p);
      expect(rowProblems(rows)).toEqual([]);
      expect(rows.reduce((s, r) => s + (r.kind === 'topic' ? r.hours : 0), 0)).toBe(170);
    }
  });

  it('should fit a programme to other hours with reserve lessons or shorter last topics', () => {
    const rows = sectionsToRows(MATH_5);
    expect(fitToHours(rows, 172).at(-1)).toEqual({ kind: 'topic', title: 'Резервные уроки. Повторение и обобщение изученного', hours: 2 });
    const short = fitToHours(rows, 165);
    expect(short.reduce((s, r) => s + (r.kind === 'topic' ? r.hours : 0), 0)).toBe(165);
    expect(short.every((r) => r.kind === 'section' || r.hours >= 1)).toBe(true);
  });
});

describe('demo KTPs', () => {
  const ktps = demoKtps(input);

  it('should give teacher (mathematics) and classteacher (Russian) a KTP for their grade-5 classes', () => {
    const mine = (f: string) => lines.filter((l) => l.teacherId === login(f).userId && ['math', 'russian'].includes(l.subjectId) && l.classId.startsWith('5'));
    const expected = [...mine('classteacher'), ...mine('teacher')].map((l) => `${l.classId}/${l.subjectId}`);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(ktps.map((k) => `${k.classId}/${k.subjectId}`)).toEqual(expected);
    expect(ktps.some((k) => k.subjectId === 'math') && ktps.some((k) => k.subjectId === 'russian')).toBe(true);
  });

  it('should match the curriculum except the last, which is 2 hours short, and approve the first', () => {
    const checks = ktps.map((k) => {
      const l = lines.find((x) => x.classId === k.classId && x.subjectId === k.subjectId)!;
      return ktpHoursCheck({ planned: k.totalHours, curriculum: curriculumHours(l.hoursPerWeek, studyWeeks(5)), timetable: null });
    });
    expect(checks.at(-1)!.summary).toMatch(/\(не хватает 2 ч\)$/);
    expect(checks.slice(0, -1).every((c) => c.planned === c.curriculum)).toBe(true);
    expect(ktps[0]).toMatchObject({ status: 'approved', approvedBy: login('deputy').userId });
    expect(ktps[0]!.approvedAt! < `${year.startDate}T00:00:00Z`).toBe(true);
    expect(ktps.at(-1)!.status).toBe('draft');
    expect(ktps.at(-1)!.updatedBy).toBe(login('teacher').userId);
    for (const k of ktps) expect(k.totalHours).toBe(k.rows.reduce((s, r) => s + (r.kind === 'topic' ? r.hours : 0), 0));
  });
});

describe('demo assessment schedule', () => {
  const list = demoAssessments(input);

  it('should cover several classes of grades 5-9 in the first half-year, on valid days of subjects they study', () => {
    const classes = new Set(list.map((a) => a.classId));
    expect(classes.size).toBeGreaterThanOrEqual(8);
    for (const a of list) {
      const grade = model.classes.find((c) => c.classId === a.classId)!.grade;
      expect(grade).toBeGreaterThanOrEqual(5);
      expect(grade).toBeLessThanOrEqual(9);
      expect([a.classId, a.date, assessmentDateProblem(year, grade, 'h1', a.date)]).toEqual([a.classId, a.date, null]);
      expect(lines.some((l) => l.classId === a.classId && l.subjectId === a.subjectId)).toBe(true);
    }
  });

  it('should have exactly one warning: a week of 5А over the limit of three', () => {
    const w = limitWarnings(list, DEFAULT_ASSESSMENT_LIMITS, { '5a': '5А' });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ classId: '5a', kind: 'week', count: 4, limit: 3 });
    expect(w[0]!.message).toMatch(/^5А: неделя 14\.12\.2026–20\.12\.2026 — 4 оценочные процедуры/);
  });

  it('should give items on the keys the repositories read, with no two on one key', () => {
    const out = demoKtpItems(input);
    expect(out.filter((i) => i.type === 'ktp')).toHaveLength(demoKtps(input).length);
    expect(out.filter((i) => i.type === 'assessment')).toHaveLength(list.length);
    const a = list[0]!;
    expect(out).toContainEqual(expect.objectContaining(keys.assessment(a.schoolId, a.yearId, a.classId, a.date, a.subjectId)));
    const ids = out.map((i) => `${i.pk}|${i.sk}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(out.every((i) => Object.values(i).every((v) => v !== undefined))).toBe(true);
  });
});

/**
 * The demo curriculum and timetable (issue 3, item 7) written into a table the way the demo seed
 * writes everything: it must load, and its timetable must hold no clash in the stored guards.
 * Also measures how long the extra items take to write (reported in the note).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { buildDemoModel } from '../../shared/demo/model';
import { demoCurriculumItems } from '../../shared/demo/curriculum';
import { demoTimetableItems } from '../../shared/demo/timetable';
import { holdersValid, type GuardKind, type SlotLesson } from '../../shared/domain/timetable';
import { queryItems } from '../../shared/repos/curriculum';
import { keys } from '../../shared/db/keys';
import { listLoadOfTeacher } from '../../shared/repos/curriculum';
import { lessonCountForYear, listLessons } from '../../shared/repos/lessons';
import { findAccountByLogin } from '../../shared/repos/accounts';
import { useTestTable } from '../support/dynamo';

const now = new Date('2026-11-29T05:00:00Z');
let written = 0;
let ms = 0;

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(now);
  const model = buildDemoModel({ now });
  const started = performance.now();
  const items = [...demoCurriculumItems(model), ...demoTimetableItems(model, { now })];
  await batchWriteAll(items);
  ms = Math.round(performance.now() - started);
  written = items.length;
  console.log(`demo curriculum + timetable + lessons: ${written} items written in ${ms} ms`);
}, 180_000);
afterAll(() => undefined);

describe('the demo curriculum and timetable in DynamoDB', () => {
  it('should store guards that hold no clash', async () => {
    const guards = await queryItems({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :g)',
      ExpressionAttributeValues: { ':pk': keys.yearPlan('sch53', '2026'), ':g': 'TTGUARD#' },
    });
    expect(guards.length).toBeGreaterThan(500);
    for (const g of guards) expect(holdersValid(g.kind as GuardKind, g.holders as SlotLesson[]), JSON.stringify(g)).toBe(true);
  });

  it("should give the demo teacher a load and 5A's lessons of the second quarter", async () => {
    const teacher = (await findAccountByLogin('teacher'))!;
    const load = await listLoadOfTeacher('sch53', '2026', teacher.userId);
    expect(load.length).toBeGreaterThan(2);
    expect(load.every((l) => l.subjectId === 'math' || l.subjectId === 'algebra' || l.subjectId === 'geometry' || l.subjectId === 'probability')).toBe(true);
    const lessons = await listLessons('sch53', '5a', '2026-q2', 'math');
    expect(lessons.length).toBeGreaterThan(30);
    expect(lessons.some((l) => l.date >= '2026-10-25' && l.date <= '2026-11-04')).toBe(false);
    expect(await lessonCountForYear('sch53', '2026', '5a', 'math', 'all')).toBeGreaterThan(150);
    expect(written).toBeGreaterThan(10_000);
  });
});

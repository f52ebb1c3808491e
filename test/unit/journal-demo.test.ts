/**
 * The demo journal (shared/demo/journal.ts) over the composed demo school: it must obey the
 * journal's own rules (no marks in grade 1, nothing in the future, students in their groups and
 * on the roster on the day) and its change log must verify.
 */
import { describe, expect, it } from 'vitest';
import { buildDemoModel, demoItems } from '../../shared/demo/index';
import { demoCurriculumItems } from '../../shared/demo/curriculum';
import { withDemoJournal, demoJournalItems } from '../../shared/demo/journal';
import { demoKtpItems } from '../../shared/demo/ktp';
import { withDemoPeople } from '../../shared/demo/people';
import { demoTimetableItems } from '../../shared/demo/timetable';
import { demoYear } from '../../shared/demo/year';
import { verifyChain, type ChainHead, type ChangeRecord } from '../../shared/domain/journal-log';
import { onRosterOn, type SubjectRoster } from '../../shared/domain/journal-model';

const NOW = new Date('2026-11-30T09:00:00Z');
type Item = Record<string, unknown>;

function demoSchool() {
  const model = buildDemoModel({ now: NOW });
  let items: Item[] = [...demoItems(model, 'hash'), ...demoCurriculumItems(model), ...demoTimetableItems(model, { now: NOW })];
  items = withDemoPeople(items, model, NOW);
  items = [...items, ...demoKtpItems({ model, year: demoYear(model.school.schoolId), items })];
  return { model, items };
}

describe('demo journal', () => {
  const { model, items } = demoSchool();
  const added = demoJournalItems({ model, items, now: NOW });
  const byType = (t: string) => added.filter((i) => i.type === t);

  it('should fill past lessons with topics and marks, and leave the future alone', () => {
    const lessons = byType('lesson');
    expect(lessons.length).toBeGreaterThan(100);
    expect(lessons.every((l) => String(l.date) <= '2026-11-30' && l.topic && l.journalData === true)).toBe(true);
    expect(byType('mark').length).toBeGreaterThan(500);
    expect(byType('attendance').length).toBeGreaterThan(50);
    expect(byType('mark').every((m) => String(m.date) <= '2026-11-30' && [2, 3, 4, 5].includes(Number(m.value)))).toBe(true);
    // Sizes, to keep the seed quick: print them once.
    console.log(`demo journal: ${added.length} items (${lessons.length} lessons, ${byType('mark').length} marks, ${byType('attendance').length} attendance, ${byType('changeLog').length} log records)`);
  });

  it('should put no mark in grade 1 and write «нет» as its homework', () => {
    const grade1 = new Set(model.classes.filter((c) => c.grade === 1).map((c) => c.classId));
    expect(byType('mark').filter((m) => grade1.has(String(m.classId)))).toEqual([]);
    for (const l of byType('lesson').filter((x) => grade1.has(String(x.classId)))) expect(l.homework).toBe('нет');
  });

  it('should mark only students who were on the roster and in the lesson\'s group', () => {
    const rosters = new Map(byType('journalRoster').map((r) => [`${r.pk}|${(r as unknown as SubjectRoster).subjectId}`, r as unknown as SubjectRoster]));
    for (const m of [...byType('mark'), ...byType('attendance')]) {
      const roster = rosters.get(`${m.pk}|${m.subjectId}`)!;
      const s = roster.students.find((x) => x.studentId === m.studentId)!;
      expect(s, `${m.sk}`).toBeTruthy();
      expect(onRosterOn(s, String(m.date))).toBe(true);
      if (m.groupId !== 'all') expect(s.groupId).toBe(m.groupId);
    }
  });

  it('should write a change log that verifies, one chain per class x period x subject', () => {
    const partitions = new Set(byType('changeLog').map((r) => String(r.pk)));
    for (const pk of partitions) {
      const records = byType('changeLog')
        .filter((r) => r.pk === pk)
        .map(({ pk: _pk, sk: _sk, type: _t, ...r }) => r) as unknown as ChangeRecord[];
      const heads = byType('changeLogHead').filter((r) => r.pk === pk) as unknown as ChainHead[];
      expect(verifyChain(pk, records, heads).problems).toEqual([]);
    }
  });

  it('should replace lesson items in place', () => {
    const merged = withDemoJournal(items, model, NOW);
    const keys = merged.map((i) => `${i.pk}|${i.sk}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(merged.length).toBe(items.length + added.filter((i) => i.type !== 'lesson').length);
  });

  it('should be deterministic', () => {
    expect(demoJournalItems({ model, items, now: NOW })).toEqual(added);
  });
});

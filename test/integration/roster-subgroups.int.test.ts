/**
 * The make-up of subgroups reaches the journal's writes at once (R-24, clause 5). A mark's write
 * reads the subject's roster and not the subgroups item (one item fewer on the hot path), so every
 * change of the make-up puts it on the roster in its own transaction: a save of the subgroups, and a
 * curriculum line that changes a group's teacher. A roster rebuilt meanwhile keeps the make-up.
 */
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { getItem } from '../../shared/db/query';
import { getLoad } from '../../shared/repos/curriculum';
import { materialiseRosters } from '../../shared/services/journal-rosters';
import { base, ENG, journalApi, mskNoon, Q2, SCH, YEAR } from './journal-fixture';

const NOW = mskNoon('2026-11-30');
const { as, fixture } = journalApi(NOW);
const E5 = base('5a', Q2, ENG);
const SUBGROUPS = `/api/schools/${SCH}/classes/5a/periods/${Q2}/subgroups/${ENG}`;
let rid = 0;

async function mark(login: string, group: 'g1' | 'g2', studentId: string, value: number) {
  return (await as(login)).send('PUT', `${E5}/marks`, { lessonId: `2026-11-24.8.${group}`, studentId, workType: 'lessonAnswer', value, version: 0, requestId: `roster-sg-${rid++}` });
}

const roster = async () => (await getItem(keys.roster(SCH, '5a', Q2, ENG), { consistent: true }))!;
const subgroups = async () => (await getItem(keys.subgroups(SCH, '5a', Q2, ENG), { consistent: true }))!;

describe('subgroups on the roster', () => {
  it('should refuse the old group teacher and let the new one write as soon as a student moves group', async () => {
    const { groups } = fixture();
    const [moved, stays] = groups.g2 as [string, string];
    expect((await mark('teacher2', 'g2', stays, 4)).status).toBe(200);
    const before = await roster();

    const current = await subgroups();
    const res = await (await as('deputy')).send('PUT', SUBGROUPS, {
      groups: [
        { groupId: 'g1', studentIds: [...groups.g1, moved] },
        { groupId: 'g2', studentIds: groups.g2.filter((s) => s !== moved) },
      ],
      version: current.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    const after = await roster();
    expect(after.version).toBe(Number(before.version) + 1);
    expect((after.students as Array<{ studentId: string; groupId?: string }>).find((s) => s.studentId === moved)?.groupId).toBe('g1');
    const refused = await mark('teacher2', 'g2', moved, 5);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/занимается в другой подгруппе/);
    expect((await mark('teacher', 'g1', moved, 5)).status).toBe(200);
  });

  it('should let a group\'s new teacher from the curriculum line write at once', async () => {
    const { teacherId, groups } = fixture();
    const student = groups.g2.at(-1)!;
    expect((await mark('teacher', 'g2', student, 3)).status).toBe(403);
    const line = await getLoad(SCH, YEAR, '5a', ENG, true);
    const res = await (await as('deputy')).send('PUT', `/api/schools/${SCH}/years/${YEAR}/curriculum/5a/${ENG}`, {
      hoursPerWeek: 4,
      groups: [
        { groupId: 'g1', name: '1 группа', teacherId },
        { groupId: 'g2', name: '2 группа', teacherId },
      ],
      version: line!.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await roster()).groups).toEqual([
      { groupId: 'g1', name: '1 группа', teacherId },
      { groupId: 'g2', name: '2 группа', teacherId },
    ]);
    expect((await mark('teacher', 'g2', student, 3)).status).toBe(200);
  });

  it('should keep the make-up on a roster rebuilt after it (the build reads the subgroups item)', async () => {
    const made = await subgroups();
    const result = await materialiseRosters(SCH, '5a', Q2, NOW);
    expect(result.subjects).toBeGreaterThan(0);
    const rebuilt = await roster();
    const groupOf = (id: string) => (rebuilt.students as Array<{ studentId: string; groupId?: string }>).find((s) => s.studentId === id)?.groupId;
    for (const g of made.groups as Array<{ groupId: string; studentIds: string[] }>) for (const s of g.studentIds) expect(groupOf(s), s).toBe(g.groupId);
  });
});

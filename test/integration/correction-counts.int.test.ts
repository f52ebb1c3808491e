/**
 * The notifications of correction requests over HTTP against DynamoDB Local (issue 11 item 7): the
 * director counts the requests waiting for a decision, the deputy the approved ones waiting to be
 * entered (once the director designated them for journal control), the filer the decisions on
 * their own; each count in two DynamoDB requests; a parent is refused.
 */
import { describe, expect, it } from 'vitest';
import { ddbRequestCounter } from '../../shared/db/client';
import { buildDemoModel } from '../../shared/demo/index';
import { journalApi, MATH, mskNoon, Q2, SCH, YEAR } from './journal-fixture';


const WAITING = `/api/schools/${SCH}/corrections/waiting`;
const REGISTER = `/api/schools/${SCH}/years/${YEAR}/corrections`;
const NOW = mskNoon('2026-11-30');
const { standAt, as, fixture } = journalApi(NOW);

const request = (studentId: string) => ({
  periodId: Q2,
  reason: 'retake',
  document: { kind: 'Протокол пересдачи', number: '7', date: '2026-11-27' },
  explanation: 'Пересдача контрольной работы после болезни.',
  cells: [{ kind: 'mark', subjectId: MATH, date: '2026-11-16', lessonNo: 8, groupId: 'all', studentId, workType: 'lessonAnswer', from: null, to: '5' }],
});

async function waiting(login: string) {
  const client = await as(login);
  const before = ddbRequestCounter.count;
  const res = await client.get(WAITING);
  return { status: res.status, body: res.body, requests: ddbRequestCounter.count - before };
}


describe('correction notifications (issue 11 item 7)', () => {
  it('should count for each caller only their own queue, in at most two DynamoDB requests', async () => {
    const empty = await waiting('director');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ yearId: YEAR, toDecide: 0, toRecord: 0, toEnter: 0, decidedMine: 0, total: 0 });

    for (const s of fixture().fiveA.slice(0, 3)) expect((await (await as('teacher')).send('POST', `/api/schools/${SCH}/classes/5a/corrections`, request(s.studentId))).status).toBe(201);
    const director = await waiting('director');
    expect(director.body).toMatchObject({ toDecide: 3, toEnter: 0, total: 3 });
    expect(director.requests).toBeLessThanOrEqual(2);
    expect((await waiting('deputy')).body.total).toBe(0);
    expect((await waiting('teacher')).body.total).toBe(0);

    const director_ = await as('director');
    expect((await director_.send('POST', `${REGISTER}/1/decision`, { decision: 'approve', version: 1 })).status).toBe(200);
    expect((await director_.send('POST', `${REGISTER}/2/decision`, { decision: 'reject', version: 1 })).status).toBe(200);
    expect((await director_.send('POST', `${REGISTER}/3/decision`, { decision: 'dispute', version: 1 })).status).toBe(200);

    expect((await waiting('director')).body).toMatchObject({ toDecide: 0, total: 0 });
    // Only a deputy the director designated for journal control enters (clause 3.11): none is yet.
    expect((await waiting('deputy')).body).toMatchObject({ toEnter: 0, total: 0 });
    const settings = await director_.get(`/api/schools/${SCH}/settings`);
    const deputyId = buildDemoModel({ now: NOW }).staff.find((s) => s.fixed === 'deputy')!.userId;
    const designated = await director_.send('PUT', `/api/schools/${SCH}/settings/corrections`, { version: settings.body.version, correctionEntryWindowDays: 3, journalControlDeputyIds: [deputyId] });
    expect(designated.status, JSON.stringify(designated.body)).toBe(200);
    const deputy = await waiting('deputy');
    expect(deputy.body).toMatchObject({ toEnter: 1, total: 1 });
    expect(deputy.requests).toBeLessThanOrEqual(2);
    expect((await waiting('uo')).body).toMatchObject({ toRecord: 1, total: 1 });
    // The teacher filed all three, and each has had a decision since.
    const teacher = await waiting('teacher');
    expect(teacher.body).toMatchObject({ decidedMine: 3, toEnter: 0, total: 3 });
    expect(teacher.requests).toBeLessThanOrEqual(2);
    // Another teacher's requests are no news to teacher2.
    expect((await waiting('teacher2')).body.total).toBe(0);

    // A week later the decisions are no longer news, and the unused window has expired.
    standAt(new Date(NOW.getTime() + 8 * 86_400_000));
    expect((await waiting('teacher')).body.total).toBe(0);
    expect((await waiting('deputy')).body.toEnter).toBe(0);
    standAt(NOW);
  });

  it('should refuse a parent and a student', async () => {
    expect((await waiting('parent')).status).toBe(403);
    expect((await waiting('student')).status).toBe(403);
  });
});

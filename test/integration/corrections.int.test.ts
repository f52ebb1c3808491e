/**
 * Correction requests over HTTP against DynamoDB Local (issue 11, first part; clauses 7.2, 7.3, 7.5):
 * ten requests filed at once get register numbers without gaps; bad input is a 400 in Russian with
 * nothing stored; a teacher cannot decide and a parent cannot file; the director approves (the
 * entry window ends exactly at midnight in Moscow), rejects, or sends it to the department, whose
 * specialist's decision takes effect; a stale decision is a 409; each step has its audit record.
 */
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/query';
import { journalApi, MATH, mskNoon, Q2, SCH, YEAR } from './journal-fixture';


const FILE = `/api/schools/${SCH}/classes/5a/corrections`;
const REGISTER = `/api/schools/${SCH}/years/${YEAR}/corrections`;
const NOW = mskNoon('2026-11-30');
const { standAt, as, fixture } = journalApi(NOW);

const request = (studentId: string, to = '5', over: Record<string, unknown> = {}) => ({
  periodId: Q2,
  reason: 'retake',
  document: { kind: 'Протокол пересдачи', number: '7', date: '2026-11-27' },
  explanation: 'Пересдача контрольной работы после болезни.',
  cells: [{ kind: 'mark', subjectId: MATH, date: '2026-11-16', lessonNo: 8, groupId: 'all', studentId, workType: 'lessonAnswer', from: null, to }],
  ...over,
});

async function file(login: string, body: Record<string, unknown>) {
  return (await as(login)).send('POST', FILE, body);
}
async function decide(login: string, num: number, body: Record<string, unknown>, what = 'decision') {
  return (await as(login)).send('POST', `${REGISTER}/${num}/${what}`, body);
}
const counter = async () => (await getItem(keys.correctionCounter(SCH, YEAR), { consistent: true }))?.version;
const stored = async () => (await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.correctionRegister(SCH, YEAR) }, ConsistentRead: true })).length;


describe('filing a request (clause 7.2) and its register number (clause 7.3)', () => {
  it('should number ten requests filed at the same time 1..10 without gaps or repeats', async () => {
    const filers = ['teacher', 'classteacher', 'deputy'];
    await Promise.all(filers.map((l) => as(l)));
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => file(filers[i % 3]!, request(fixture().fiveA[i]!.studentId))));
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(answers.map((a) => a.body.correction.number).sort((x: number, y: number) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await counter()).toBe(10);
    const register = await (await as('director')).get(REGISTER);
    expect(register.status).toBe(200);
    expect(register.body.corrections.map((c: { number: number }) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(register.body.corrections[0]).toMatchObject({ state: 'filed', stateText: 'Подана, ждёт решения директора', reasonText: 'Пересдача по уважительной причине', classId: '5a', periodId: Q2 });
    // Each filing has its audit record, written in the same transaction.
    const audit = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(SCH, '2026-11') }, ConsistentRead: true });
    expect(audit.filter((a) => a.action === 'correction.file')).toHaveLength(10);
  });

  it('should refuse bad input with a 400 in Russian and store nothing', async () => {
    const [before, items] = [await counter(), await stored()];
    const cases = [
      request(fixture().fiveA[0]!.studentId, '5', { document: { kind: 'Справка', number: '1', date: '2026-12-05' } }),
      request(fixture().fiveA[0]!.studentId, '9'),
      request(fixture().fiveA[0]!.studentId, '5', { reason: 'whim' }),
      request(fixture().fiveA[0]!.studentId, '5', { cells: [] }),
      request(fixture().fiveA[0]!.studentId, '5', { periodId: '2026-q4x' }),
      { ...request(fixture().fiveA[0]!.studentId), cells: [{ kind: 'mark', subjectId: MATH, date: '2026-10-01', lessonNo: 8, groupId: 'all', studentId: fixture().fiveA[0]!.studentId, workType: 'lessonAnswer', from: null, to: '5' }] },
    ];
    for (const body of cases) {
      const res = await file('teacher', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.message).toMatch(/[А-Яа-я]/);
    }
    expect(await counter()).toBe(before);
    expect(await stored()).toBe(items);
  });

  it('should refuse a parent, and a teacher filing for a subject they do not teach', async () => {
    expect((await file('parent', request(fixture().fiveA[0]!.studentId))).status).toBe(403);
    expect((await (await as('parent')).get(REGISTER)).status).toBe(403);
    // teacher2 teaches English in 5А, not the test mathematics.
    const foreign = await file('teacher2', request(fixture().fiveA[0]!.studentId));
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(403);
    expect(foreign.body.error.message).toContain('по своим предметам');
  });

  it('should show a teacher only the requests they filed, the director all', async () => {
    const mine = await (await as('teacher')).get(REGISTER);
    expect(mine.body.corrections.length).toBeGreaterThan(0);
    expect(mine.body.corrections.every((c: { filedBy: string }) => c.filedBy === fixture().teacherId)).toBe(true);
    const filtered = await (await as('director')).get(`${REGISTER}?state=approved&classId=5a`);
    expect(filtered.body.corrections).toEqual([]);
  });
});

describe('the decision (clauses 7.2, 7.5)', () => {
  it('should not let a teacher decide', async () => {
    const res = await decide('teacher', 1, { decision: 'approve', version: 1 });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('директор');
  });

  it('should let the director approve once: the window ends at midnight in Moscow, a stale decision is a 409', async () => {
    const [a, b] = await Promise.all([decide('director', 1, { decision: 'approve', comment: 'Разрешаю.', version: 1 }), decide('director', 1, { decision: 'reject', version: 1 })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses, JSON.stringify([a.body, b.body])).toEqual([200, 409]);
    const won = (a.status === 200 ? a : b).body.correction;
    const approved = await decide('director', 2, { decision: 'approve', version: 1 });
    expect(approved.status).toBe(200);
    expect(approved.body.correction).toMatchObject({ state: 'approved', windowLastDate: '2026-12-02', windowEndsAt: '2026-12-02T21:00:00.000Z', version: 2 });
    expect(approved.body.correction.decisions[0]).toMatchObject({ action: 'approve', byName: expect.any(String) });
    const again = await decide('director', 2, { decision: 'reject', version: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.details.current.state).toBe('approved');
    expect(won.version).toBe(2);

    standAt(new Date('2026-12-02T20:59:59.999Z'));
    expect((await (await as('director')).get(`${REGISTER}/2`)).body.correction.state).toBe('approved');
    standAt(new Date('2026-12-02T21:00:00.000Z'));
    const late = await (await as('director')).get(`${REGISTER}/2`);
    expect(late.body.correction).toMatchObject({ state: 'expired', stateText: 'Срок внесения истёк' });
    standAt(NOW);
  });

  it('should let the director reject, after which nothing more can be decided', async () => {
    const rejected = await decide('director', 3, { decision: 'reject', comment: 'Документ не подтверждает причину.', version: 1 });
    expect(rejected.status).toBe(200);
    expect(rejected.body.correction.state).toBe('rejected');
    const more = await decide('director', 3, { decision: 'approve', version: 2 });
    expect(more.status).toBe(409);
    expect(more.body.error.message).toContain('Отклонена');
  });

  it('should send a disputed request to the department, whose specialist\'s decision takes effect', async () => {
    const disputed = await decide('director', 4, { decision: 'dispute', comment: 'Прошу решения управления.', version: 1 });
    expect(disputed.body.correction.state).toBe('disputed');
    expect((await decide('director', 4, { decision: 'approve', version: 2 })).status).toBe(409);
    const doc = { kind: 'Письмо управления образования', number: '01-12/345', date: '2026-11-30' };
    expect((await decide('director', 4, { decision: 'approve', document: doc, version: 2 }, 'department-decision')).status).toBe(403);
    const noDoc = await decide('uo', 4, { decision: 'approve', version: 2 }, 'department-decision');
    expect(noDoc.status).toBe(400);
    const recorded = await decide('uo', 4, { decision: 'approve', document: doc, version: 2 }, 'department-decision');
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.correction).toMatchObject({ state: 'approved', windowLastDate: '2026-12-02' });
    expect(recorded.body.correction.decisions.map((d: { action: string }) => d.action)).toEqual(['dispute', 'departmentApprove']);
    expect(recorded.body.correction.decisions[1].document).toEqual(doc);
    const audit = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(SCH, '2026-11') }, ConsistentRead: true });
    expect(audit.filter((r) => r.entity === `CORR#${YEAR}#4`).map((r) => r.action).sort()).toEqual(['correction.departmentApprove', 'correction.dispute', 'correction.file']);
  });

  it('should answer an unknown number with 404 and a malformed one with 400', async () => {
    expect((await (await as('director')).get(`${REGISTER}/999`)).status).toBe(404);
    expect((await (await as('director')).get(`${REGISTER}/abc`)).status).toBe(400);
  });
});

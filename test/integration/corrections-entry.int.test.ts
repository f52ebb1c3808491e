/**
 * The entry of an approved correction request over HTTP against DynamoDB Local (issue 11; clauses
 * 7.4, 3.11; ): only the deputy the director designated enters it; a cell outside the
 * scope or with another value is refused cell by cell; a cell changed since filing is a 409; the
 * approved cells (a mark, an attendance entry, a topic, a period mark) are written in one
 * transaction past their locks and show in the journal page; each change-log record names the
 * request; the request records what, who and when; a disputed request is entered once the department
 * approved it; a rejected request allows nothing; an unused
 * window expires exactly at its end in the school's zone, the school's own window setting included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/query';
import { buildDemoModel } from '../../shared/demo/index';
import { verifyChain } from '../../shared/domain/journal-log';
import { readChangeLog } from '../../shared/repos/change-log';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { base, journalFixture, MATH, mskNoon, Q2, SCH, YEAR, type JournalFixture } from './journal-fixture';

let api: ApiServer;
let fx: JournalFixture;
let deputyId: string;
const { standAt, as } = clockedClients(() => api.url);

const M5 = base('5a', Q2, MATH);
const FILE = `/api/schools/${SCH}/classes/5a/corrections`;
const REGISTER = `/api/schools/${SCH}/years/${YEAR}/corrections`;
const SETTINGS = `/api/schools/${SCH}/settings`;
/** 16.11 is locked from 27.11 (10 days); the requests are filed and entered on 30.11. */
const LESSON_DAY = mskNoon('2026-11-16');
const NOW = mskNoon('2026-11-30');
const rid = () => `t-${Math.random().toString(36).slice(2, 12)}`;

type Cell = Record<string, unknown> & { kind: string };
let cells: Cell[];

async function file(body: Record<string, unknown>, login = 'classteacher') {
  const res = await (await as(login)).send('POST', FILE, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.correction as { number: number; version: number };
}
async function approve(num: number, decision = 'approve') {
  const res = await (await as('director')).send('POST', `${REGISTER}/${num}/decision`, { decision, version: 1 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.correction as { number: number; version: number; windowEndsAt: string };
}
const enter = async (num: number, body: Record<string, unknown>, login = 'deputy') => (await as(login)).send('POST', `${REGISTER}/${num}/entry`, body);
const request = (c: Cell[]) => ({ periodId: Q2, reason: 'retake', document: { kind: 'Протокол пересдачи', number: '7', date: '2026-11-27' }, explanation: 'Пересдача после болезни.', cells: c });

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(NOW);
  fx = await journalFixture(NOW);
  deputyId = buildDemoModel({ now: NOW }).staff.find((s) => s.fixed === 'deputy')!.userId;
  api = await startApi();
  // Before the lock: a mark 3 for the first pupil, «н» for the second, on 16.11.
  standAt(LESSON_DAY);
  const teacher = await as('teacher');
  const [a, b] = [fx.fiveA[0]!.studentId, fx.fiveA[1]!.studentId];
  expect((await teacher.send('PUT', `${M5}/marks`, { lessonId: '2026-11-16.8.all', studentId: a, workType: 'lessonAnswer', value: 3, version: 0, requestId: rid() })).status).toBe(200);
  expect((await teacher.send('PUT', `${M5}/attendance`, { lessonId: '2026-11-16.8.all', studentId: b, kind: 'absent', version: 0, requestId: rid() })).status).toBe(200);
  cells = [
    { kind: 'mark', subjectId: MATH, date: '2026-11-16', lessonNo: 8, groupId: 'all', studentId: a, workType: 'lessonAnswer', from: '3', to: '5' },
    { kind: 'attendance', subjectId: MATH, date: '2026-11-16', lessonNo: 8, groupId: 'all', studentId: b, from: 'н', to: 'б' },
    { kind: 'topic', subjectId: MATH, date: '2026-11-16', lessonNo: 8, groupId: 'all', from: null, to: 'Сложение дробей' },
    { kind: 'finalMark', subjectId: MATH, studentId: a, slot: '2026-q1', from: null, to: '4' },
  ];
  standAt(NOW);
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('who enters (clauses 3.11, 7.4): the deputy the director designates', () => {
  it('should refuse every deputy while the director has designated nobody, and let only the director designate', async () => {
    const num = (await approve((await file(request(cells))).number)).number;
    const refused = await enter(num, { cells, version: 2 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('ещё не назначил');
    const settings = await (await as('director')).get(SETTINGS);
    const body = { version: settings.body.version, correctionEntryWindowDays: 3, journalControlDeputyIds: [deputyId] };
    expect((await (await as('deputy')).send('PUT', `${SETTINGS}/corrections`, body)).status).toBe(403);
    expect((await (await as('director')).send('PUT', `${SETTINGS}/corrections`, { ...body, journalControlDeputyIds: [fx.teacherId] })).status).toBe(400);
    expect((await (await as('director')).send('PUT', `${SETTINGS}/corrections`, { ...body, correctionEntryWindowDays: 0 })).status).toBe(400);
    const saved = await (await as('director')).send('PUT', `${SETTINGS}/corrections`, body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.settings).toMatchObject({ correctionEntryWindowDays: 3, journalControlDeputyIds: [deputyId] });
    const audit = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(SCH, '2026-11') }, ConsistentRead: true });
    expect(audit.filter((r) => r.action === 'settings.school.corrections')).toHaveLength(1);
    expect((await enter(num, { cells, version: 2 }, 'teacher')).status).toBe(403);
  });
});

describe('the entry of an approved request (clause 7.4)', () => {
  it('should refuse, cell by cell, a cell outside the scope and a value other than the approved one, writing nothing', async () => {
    const outside = { kind: 'mark', subjectId: MATH, date: '2026-11-16', lessonNo: 8, groupId: 'all', studentId: fx.fiveA[2]!.studentId, workType: 'lessonAnswer', from: null, to: '5' };
    const sent = [{ ...cells[0]!, to: '4' }, cells[1], cells[2], cells[3], outside];
    const res = await enter(1, { cells: sent, version: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const messages = res.body.error.details.problems.map((p: { message: string }) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('«4» отличается от разрешённого по заявке № 1 «5»');
    expect(messages[1]).toContain('не входит в заявку № 1');
    const left = await enter(1, { cells: cells.slice(0, 3), version: 2 });
    expect(left.status).toBe(400);
    expect(left.body.error.message).toContain('не передана');
    const page = await (await as('teacher')).get(`${M5}/journal`);
    expect(page.body.marks.find((m: { studentId: string }) => m.studentId === fx.fiveA[0]!.studentId).value).toBe(3);
  });

  it('should write the four cells past their locks in one go: the journal page shows them, the log names the request, the request records the entry', async () => {
    const key = rid();
    const res = await enter(1, { cells, version: 2, requestId: key });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.correction).toMatchObject({ state: 'entered', stateText: 'Исправление внесено', version: 3, entry: { by: deputyId, requestId: key, at: NOW.toISOString() } });
    expect(res.body.correction.entry.cells).toHaveLength(4);
    // A retry of the same entry answers the entered request; another entry is refused.
    expect((await enter(1, { cells, version: 2, requestId: key })).status).toBe(200);
    expect((await enter(1, { cells, version: 3 })).status).toBe(409);

    const page = await (await as('teacher')).get(`${M5}/journal`);
    const [a, b] = [fx.fiveA[0]!.studentId, fx.fiveA[1]!.studentId];
    expect(page.body.marks.find((m: { studentId: string; lessonId: string }) => m.studentId === a && m.lessonId === '2026-11-16.8.all')).toMatchObject({ value: 5 });
    expect(page.body.attendance.find((x: { studentId: string }) => x.studentId === b)).toMatchObject({ kind: 'absent', reason: 'illness', document: 'Протокол пересдачи № 7 от 27.11.2026' });
    expect(page.body.lessons.find((l: { date: string }) => l.date === '2026-11-16').topic).toBe('Сложение дробей');
    const q1 = await (await as('teacher')).get(`/api/schools/${SCH}/classes/5a/periods/2026-q1/period-marks`);
    expect(q1.status, JSON.stringify(q1.body)).toBe(200);
    expect(JSON.stringify(q1.body)).toContain('"code":"4"');

    const log = await readChangeLog(SCH, '5a', Q2, MATH);
    const entered = log.records.filter((r) => r.correctionNo === 1);
    expect(entered.map((r) => r.entity).sort()).toEqual(['attendance', 'lesson', 'mark']);
    for (const r of entered) expect(r).toMatchObject({ reason: 'по заявке № 1', actorId: deputyId });
    expect(verifyChain(keys.journalPartition(SCH, '5a', Q2), log.records, log.heads).ok).toBe(true);
    const q1log = await readChangeLog(SCH, '5a', '2026-q1', MATH);
    expect(q1log.records.filter((r) => r.correctionNo === 1 && r.entity === 'finalMark')).toHaveLength(1);
    const readable = await (await as('director')).get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/change-log`);
    expect(readable.status).toBe(200);
    expect(JSON.stringify(readable.body)).toContain('отметка 3 → 5, ответ на уроке, по заявке № 1');
    // The log replayed gives the journal as it now is: the entry logged each cell as the journal's own writes do.
    for (const period of [Q2, '2026-q1']) {
      const check = await (await as('director')).get(`/api/schools/${SCH}/classes/5a/periods/${period}/integrity`);
      expect(check.status, JSON.stringify(check.body)).toBe(200);
      expect(check.body.differences.filter((d: { subjectId: string }) => d.subjectId === MATH)).toEqual([]);
    }
  });

  it('should answer 409 when a cell changed since filing, naming the cell, and write nothing', async () => {
    const mark = { ...cells[0]!, from: '5', to: '4' };
    const num = (await approve((await file(request([mark]))).number)).number;
    // Filed with «5» as the value now; the cell then moves to 2 under the request (written straight into the table).
    const { dynamo, tableName } = await import('../../shared/db/client');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const k = keys.mark(SCH, '5a', Q2, MATH, { date: '2026-11-16', lessonNo: 8, groupId: 'all' }, fx.fiveA[0]!.studentId, 'lessonAnswer');
    await dynamo().send(new UpdateCommand({ TableName: tableName(), Key: k, UpdateExpression: 'SET #v = :v', ExpressionAttributeNames: { '#v': 'value' }, ExpressionAttributeValues: { ':v': 2 } }));
    const res = await enter(num, { cells: [mark], version: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error.message).toContain('сейчас в журнале «2», а в заявке — «5»');
    expect((await (await as('director')).get(`${REGISTER}/${num}`)).body.correction.state).toBe('approved');
    // The same check that found no difference after the entry finds this one (so it is not blind to the subject).
    const check = await (await as('director')).get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/integrity`);
    expect(check.body.differences.filter((d: { subjectId: string }) => d.subjectId === MATH)).toHaveLength(1);
  });

  it('should enter a request once when two entries race: one 200, one 409, one log record', async () => {
    const mark = { ...cells[0]!, studentId: fx.fiveA[5]!.studentId, from: null, to: '4' };
    const num = (await approve((await file(request([mark]))).number)).number;
    const answers = await Promise.all([enter(num, { cells: [mark], version: 2, requestId: rid() }), enter(num, { cells: [mark], version: 2, requestId: rid() })]);
    expect(answers.map((a) => a.status).sort(), JSON.stringify(answers.map((a) => a.body))).toEqual([200, 409]);
    const log = await readChangeLog(SCH, '5a', Q2, MATH);
    expect(log.records.filter((r) => r.correctionNo === num)).toHaveLength(1);
    expect(verifyChain(keys.journalPartition(SCH, '5a', Q2), log.records, log.heads).ok).toBe(true);
  });

  it("should let the deputy enter a disputed request once the department approved it (clause 7.5: «после официального разрешения»)", async () => {
    const mark = { ...cells[0]!, studentId: fx.fiveA[6]!.studentId, from: null, to: '5' };
    const num = (await approve((await file(request([mark]))).number, 'dispute')).number;
    expect((await enter(num, { cells: [mark], version: 2 })).status).toBe(409);
    const doc = { kind: 'Письмо управления образования', number: '01-12/7', date: '2026-11-30' };
    const decided = await (await as('uo')).send('POST', `${REGISTER}/${num}/department-decision`, { decision: 'approve', document: doc, version: 2 });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const res = await enter(num, { cells: [mark], version: 3 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.correction.decisions.map((d: { action: string }) => d.action)).toEqual(['dispute', 'departmentApprove']);
    expect(res.body.correction.state).toBe('entered');
  });

  it('should let a rejected request enter nothing', async () => {
    const mark = { ...cells[0]!, studentId: fx.fiveA[3]!.studentId, from: null, to: '5' };
    const num = (await approve((await file(request([mark]))).number, 'reject')).number;
    const res = await enter(num, { cells: [mark], version: 2 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Отклонена');
    const page = await (await as('teacher')).get(`${M5}/journal`);
    expect(page.body.marks.some((m: { studentId: string }) => m.studentId === fx.fiveA[3]!.studentId)).toBe(false);
  });

  it("should close an unused window exactly at its end in the school's zone (the school's own window of 2 days)", async () => {
    const settings = await (await as('director')).get(SETTINGS);
    expect((await (await as('director')).send('PUT', `${SETTINGS}/corrections`, { version: settings.body.version, correctionEntryWindowDays: 2, journalControlDeputyIds: [deputyId] })).status).toBe(200);
    const mark = { ...cells[0]!, studentId: fx.fiveA[4]!.studentId, from: null, to: '4' };
    const approved = await approve((await file(request([mark]))).number);
    // Approved on 30.11 (Moscow): 2 days run to the end of 01.12, i.e. 21:00Z of 01.12.
    expect(approved.windowEndsAt).toBe('2026-12-01T21:00:00.000Z');
    standAt(new Date('2026-12-01T21:00:00.000Z'));
    const late = await enter(approved.number, { cells: [mark], version: 2 });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('Срок внесения истёк');
    standAt(new Date('2026-12-01T20:59:59.999Z'));
    const inTime = await enter(approved.number, { cells: [mark], version: 2 });
    expect(inTime.status, JSON.stringify(inTime.body)).toBe(200);
    standAt(NOW);
  });
});

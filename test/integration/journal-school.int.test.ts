/**
 * The journal's school-level routes over HTTP: rosters built by the deputy, "my classes and
 * subjects", the class teacher's daily check of unfilled lessons, and OGE/EGE/GVE results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { listStudentsOfClass } from '../../shared/repos/school';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';
import { ENG, journalFixture, MATH, mskNoon, Q2, SCH, type JournalFixture } from './journal-fixture';

let api: ApiServer;
let fx: JournalFixture;
const as: Record<string, ApiClient> = {};
const NOW = mskNoon('2026-11-30');

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(NOW);
  fx = await journalFixture(NOW);
  setClock(() => NOW);
  api = await startApi();
  for (const login of ['teacher', 'classteacher', 'deputy', 'secretary', 'parent', 'student', 'inspector']) {
    as[login] = new ApiClient(api.url);
    const res = await as[login]!.signIn(login);
    if (res.status !== 200) throw new Error(`sign-in ${login}: ${res.status}`);
  }
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

const ROSTERS = `/api/schools/${SCH}/classes/5a/periods/${Q2}/rosters`;

describe('rosters', () => {
  it('should be built by the deputy, idempotently, and by nobody else', async () => {
    expect((await as.teacher!.post(ROSTERS)).status).toBe(403);
    expect((await as.parent!.post(ROSTERS)).status).toBe(403);
    const first = await as.deputy!.post(ROSTERS);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.students).toBe(fx.fiveA.length);
    expect(first.body.written).toBe(first.body.subjects);
    const again = await as.deputy!.post(ROSTERS);
    expect(again.body.written).toBe(0);
    const out = await dynamo().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': keys.journalPartition(SCH, '5a', Q2), ':sk': keys.roster(SCH, '5a', Q2, ENG).sk } }));
    const roster = out.Items![0]!;
    expect(roster.groups.map((g: { groupId: string }) => g.groupId)).toEqual(['g1', 'g2']);
    expect(roster.students.filter((s: { groupId?: string }) => s.groupId === 'g2').map((s: { studentId: string }) => s.studentId).sort()).toEqual([...fx.groups.g2].sort());
  });

  it('should refuse a period the class does not have', async () => {
    const res = await as.deputy!.post(`/api/schools/${SCH}/classes/5a/periods/2026-h1/rosters`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('период');
  });
});

describe('my classes and subjects', () => {
  it('should list a teacher\'s own load with the current period', async () => {
    const res = await as.teacher!.get(`/api/schools/${SCH}/journal`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.today).toBe('2026-11-30');
    expect(res.body.teaching).toContainEqual(expect.objectContaining({ classId: '5a', className: '5А', subjectId: MATH, groupId: 'all', periodId: Q2 }));
    expect(res.body.teaching).toContainEqual(expect.objectContaining({ classId: '5a', subjectId: ENG, groupId: 'g1', groupName: '1 группа' }));
    expect(res.body.teaching).toContainEqual(expect.objectContaining({ classId: '10a', subjectId: MATH, periodId: '2026-h1' }));
    expect(res.body.periods['5'].map((p: { periodId: string }) => p.periodId)).toEqual(['2026-q1', '2026-q2', '2026-q3', '2026-q4']);
    expect(res.body.classes).toEqual([]);
  });

  it('should give the class teacher their class with every subject, the deputy every class, and parents nothing', async () => {
    const ct = await as.classteacher!.get(`/api/schools/${SCH}/journal`);
    expect(ct.body.classes.map((c: { classId: string }) => c.classId)).toEqual(['5a']);
    expect(ct.body.classes[0].subjects.map((s: { subjectId: string }) => s.subjectId)).toEqual(expect.arrayContaining([MATH, ENG]));
    const deputy = await as.deputy!.get(`/api/schools/${SCH}/journal`);
    expect(deputy.body.classes.length).toBeGreaterThan(10);
    expect((await as.parent!.get(`/api/schools/${SCH}/journal`)).status).toBe(403);
    expect((await as.student!.get(`/api/schools/${SCH}/journal`)).status).toBe(403);
  });
});

describe('the class teacher\'s daily check', () => {
  const url = (q = '') => `/api/schools/${SCH}/classes/5a/lessons-check${q}`;

  it('should list the class\'s lessons of the days and flag those not filled in time', async () => {
    await as.teacher!.send('PUT', `/api/schools/${SCH}/classes/5a/periods/${Q2}/subjects/${MATH}/lessons/2026-11-30.8.all`, { topic: 'Десятичные дроби', version: 1, requestId: 'req-classday-1' });
    const res = await as.classteacher!.get(url('?from=2026-11-27&to=2026-11-30'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const mine = res.body.lessons.filter((l: { subjectId: string }) => l.subjectId === MATH);
    expect(mine.map((l: { date: string }) => l.date)).toEqual(['2026-11-27', '2026-11-30']);
    expect(mine[0]).toMatchObject({ subjectName: 'Математика (проверка)', periodId: Q2, fill: { filled: false, overdue: true, dueBy: '2026-11-29' } });
    expect(mine[1]).toMatchObject({ topic: 'Десятичные дроби', fill: { filled: true, overdue: false } });
    expect(mine[0].teacherName).toBeTruthy();
    expect(res.body.unfilled).toBeGreaterThan(0);
    // Default: yesterday and today.
    const def = await as.classteacher!.get(url());
    expect([def.body.from, def.body.to]).toEqual(['2026-11-29', '2026-11-30']);
  });

  it('should be refused to other teachers and parents, and refuse a bad range', async () => {
    expect((await as.teacher!.get(url())).status).toBe(403);
    expect((await as.parent!.get(url())).status).toBe(403);
    expect((await as.deputy!.get(url())).status).toBe(200);
    expect((await as.classteacher!.get(url('?from=2026-11-30&to=2026-11-01'))).status).toBe(400);
    expect((await as.classteacher!.get(url('?from=30.11.2026'))).status).toBe(400);
  });
});

describe('external assessments (R-26)', () => {
  let nine: { studentId: string };
  const exams = (cls: string) => `/api/schools/${SCH}/classes/${cls}/external-assessments`;

  beforeAll(async () => {
    nine = (await listStudentsOfClass(SCH, '9a'))[0]!;
  });

  it('should be entered by the secretary or deputy and read by the administration', async () => {
    const body = { studentId: nine.studentId, kind: 'OGE', subjectId: MATH, date: '2026-11-20', score: 25, mark: 4, version: 0 };
    expect((await as.teacher!.send('PUT', exams('9a'), body)).status).toBe(403);
    expect((await as.parent!.send('PUT', exams('9a'), body)).status).toBe(403);
    const saved = await as.secretary!.send('PUT', exams('9a'), body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ kind: 'OGE', score: 25, mark: 4, version: 1, subjectName: 'Математика (проверка)' });
    const list = await as.deputy!.get(exams('9a'));
    expect(list.body.exams).toHaveLength(1);
    expect((await as.teacher!.get(exams('9a'))).status).toBe(403);
    const stale = await as.deputy!.send('PUT', exams('9a'), { ...body, mark: 5 });
    expect(stale.status).toBe(409);
    const updated = await as.deputy!.send('PUT', exams('9a'), { ...body, mark: 5, version: 1 });
    expect(updated.body).toMatchObject({ mark: 5, version: 2 });
    const del = await as.secretary!.send('DELETE', `${exams('9a')}/${nine.studentId}/2026-11-20.OGE.${MATH}?version=2`);
    expect(del.status).toBe(204);
    expect((await as.deputy!.get(exams('9a'))).body.exams).toHaveLength(0);
  });

  it('should refuse a wrong exam for the grade, a bad score, a future date and a student of another class', async () => {
    const body = { studentId: nine.studentId, kind: 'OGE', subjectId: MATH, date: '2026-11-20', score: 25, version: 0 };
    for (const bad of [
      { ...body, kind: 'EGE' },
      { ...body, score: 101 },
      { ...body, score: null, mark: null },
      { ...body, date: '2026-12-20' },
      { ...body, studentId: fx.fiveA[0]!.studentId },
      { ...body, kind: 'ЕГЭ' },
      { ...body, subjectId: 'nosuch' },
    ]) {
      const res = await as.secretary!.send('PUT', exams('9a'), bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.message).toMatch(/[а-я]/);
    }
    expect((await as.deputy!.get(exams('9a'))).body.exams).toHaveLength(0);
  });
});

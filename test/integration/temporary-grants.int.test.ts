/**
 * Read-only temporary access over HTTP (issue 9, item 2; clauses 4.1, 4.5): the administrator
 * grants it on a written application (class 5А, the journal only), the person activates it, and
 * then every write route of the manifest (generated from functions/routes.ts, none listed by hand)
 * answers 403, while the reads answer only for what the grant names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { routes } from '../../functions/routes';
import { seedDemoSchool } from '../../infra/local/seed';
import { listStudentsOfClass } from '../../shared/repos/school';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';
import { base, journalFixture, MATH, mskNoon, Q2, SCH } from './journal-fixture';

const NOW = mskNoon('2026-11-30');
let api: ApiServer;
let viewer: ApiClient;

/** A path of the manifest with its parameters filled: the viewer's school and class, a department, ids that exist or not. */
const filled = (path: string) =>
  path
    .replace('{schoolId}', SCH)
    .replace('{departmentId}', 'krd')
    .replace('{classId}', '5a')
    .replace('{yearId}', '2026')
    .replace('{periodId}', Q2)
    .replace('{subjectId}', MATH)
    .replace(/\{[a-zA-Z]+\}/g, 'x1');

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(NOW);
  await journalFixture(NOW);
  setClock(() => NOW);
  api = await startApi();
  const admin = new ApiClient(api.url);
  await admin.signIn('admin');
  const granted = await admin.post(`/api/schools/${SCH}/temporary-access`, {
    lastName: 'Белова', firstName: 'Нина', position: 'методист ККИДППО', classIds: ['5a'], areas: ['journal'], activeUntil: '2026-12-20', application: { number: '17', date: '2026-11-27' },
  });
  if (granted.status !== 201) throw new Error(`temporary access: ${granted.status} ${JSON.stringify(granted.body)}`);
  const code = await admin.post(`/api/schools/${SCH}/activation-codes`, { userId: granted.body.staff.userId });
  if (code.status !== 200 && code.status !== 201) throw new Error(`code: ${code.status} ${JSON.stringify(code.body)}`);
  viewer = new ApiClient(api.url);
  const activated = await viewer.post('/api/auth/activate', { code: code.body.code, password: 'Сирень-и-мел-2026' });
  if (activated.status !== 200) throw new Error(`activate: ${activated.status} ${JSON.stringify(activated.body)}`);
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('a temporary grant never writes', () => {
  const writes = routes.filter((r) => r.method !== 'GET' && r.permission !== 'public' && r.permission !== 'session');

  it('should cover the write routes of the manifest', () => {
    expect(writes.length).toBeGreaterThanOrEqual(50);
  });

  it.each(writes.map((r) => [r.method, r.path]))('%s %s answers 403', async (method, path) => {
    const res = await viewer.send(method, filled(path), {});
    expect(res.status, JSON.stringify(res.body)).toBe(403);
  });
});

describe('what a temporary grant reads', () => {
  it('should read the journal of its class, and no other class', async () => {
    expect((await viewer.get(`${base('5a', Q2, MATH)}/journal`)).status).toBe(200);
    expect([403, 404]).toContain((await viewer.get(`${base('5b', Q2, MATH)}/journal`)).status);
    const mine = await viewer.get(`/api/schools/${SCH}/journal`);
    expect(mine.status).toBe(200);
    expect(mine.body.classes.map((c: { classId: string }) => c.classId)).toEqual(['5a']);
  });

  it('should not read the areas it does not name, nor personal data', async () => {
    const [student] = await listStudentsOfClass(SCH, '5a');
    expect((await viewer.get(`/api/schools/${SCH}/classes/5a/students`)).status).toBe(403);
    expect((await viewer.get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/period-marks`)).status).toBe(403);
    expect([403, 404]).toContain((await viewer.get(`/api/schools/${SCH}/students/${student!.studentId}`)).status);
    expect((await viewer.get(`/api/schools/${SCH}/students/${student!.studentId}/card`)).status).toBe(403);
    expect((await viewer.get(`/api/schools/${SCH}/staff`)).status).toBe(403);
    expect((await viewer.get(`/api/schools/${SCH}/logins`)).status).toBe(403);
    expect((await viewer.get(`/api/schools/sch7/classes`)).status).not.toBe(200);
  });
});

describe('a department inspector across schools', () => {
  let inspector: ApiClient;
  let second: string;

  beforeAll(async () => {
    const uo = new ApiClient(api.url);
    await uo.signIn('uo');
    second = (await uo.post('/api/departments/krd/schools', { name: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', city: 'Краснодар', timeZone: 'Europe/Moscow' })).body.school.schoolId;
    const body = { lastName: 'Орлов', firstName: 'Пётр', position: 'инспектор министерства', schoolIds: 'all', areas: ['reports'], activeUntil: '2026-12-31', application: { number: '5-И', date: '2026-11-30' } };
    expect((await viewer.post('/api/departments/krd/inspectors', body)).status).toBe(403);
    const granted = await uo.post('/api/departments/krd/inspectors', body);
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    inspector = new ApiClient(api.url);
    expect((await inspector.post('/api/auth/activate', { code: granted.body.code, password: 'Сирень-и-мел-2026' })).status).toBe(200);
  });

  it('should read the named area in every school of the department, and write nothing', async () => {
    const me = (await inspector.get('/api/me')).body;
    expect(me.grants.map((g: { role: string; schoolId: string }) => [g.role, g.schoolId]).sort()).toEqual([['viewer', SCH], ['viewer', second]].sort());
    expect((await inspector.get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/period-marks`)).status).toBe(200);
    expect((await inspector.get(`/api/schools/${second}/classes`)).status).toBe(200);
    expect((await inspector.get(`${base('5a', Q2, MATH)}/journal`)).status).toBe(403);
    expect((await inspector.send('PUT', `/api/schools/${SCH}/settings`, {})).status).toBe(403);
    expect((await inspector.post(`/api/schools/${second}/classes`, { grade: 1, letter: 'А' })).status).toBe(403);
    expect((await inspector.post('/api/departments/krd/schools', { name: 'МАОУ СОШ № 9', shortName: 'СОШ № 9', city: 'Краснодар', timeZone: 'Europe/Moscow' })).status).toBe(403);
  });
});


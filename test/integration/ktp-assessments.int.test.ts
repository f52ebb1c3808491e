/**
 * The schedule of assessment procedures over HTTP (R-15, clause 8.3): the deputy enters any
 * class-subject, a teacher only their own; dates outside the half-year, on holidays and Sundays are
 * refused with a Russian message and nothing stored; more than the school's limit per day or week
 * is a warning, not a refusal; stale versions are 409; every change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, ddbRequestCounter, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import type { LoadLine } from '../../shared/domain/curriculum';
import { findAccountByLogin } from '../../shared/repos/accounts';
import { listAssessmentsOfClass } from '../../shared/repos/assessments';
import { loadLineItems } from '../../shared/repos/curriculum';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

let api: ApiServer;
const as: Record<string, ApiClient> = {};
const LOGINS = ['director', 'deputy', 'secretary', 'teacher', 'classteacher', 'parent', 'student'];
const ids: Record<string, string> = {};
const Y = '/api/schools/sch53/years/2026';
const A = `${Y}/assessments`;
const started = new Date();

const line = (classId: string, subjectId: string, teacherId: string): LoadLine => ({
  schoolId: 'sch53', yearId: '2026', classId, subjectId, hoursPerWeek: 3, teacherId, version: 1,
});

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(new Date());
  for (const login of LOGINS) ids[login] = (await findAccountByLogin(login))!.userId;
  const other = 'u-sf-999';
  const lines = [
    line('6a', 'math', ids.teacher!),
    line('6a', 'russian', ids.classteacher!),
    line('6a', 'english', other),
    line('6a', 'history', other),
    line('6a', 'biology', other),
    line('6b', 'math', ids.teacher!),
  ];
  const requests: Array<Record<string, unknown>> = lines.flatMap(loadLineItems).map((Item) => ({ PutRequest: { Item } }));
  // Whatever the demo schedules for these classes is removed: the test counts its own.
  for (const c of ['6a', '6b']) {
    for (const a of await listAssessmentsOfClass('sch53', '2026', c)) {
      requests.push({ DeleteRequest: { Key: keys.assessment('sch53', '2026', a.classId, a.date, a.subjectId) } });
    }
  }
  for (let i = 0; i < requests.length; i += 25) {
    await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests.slice(i, i + 25) as never } }));
  }
  api = await startApi();
  await Promise.all(
    LOGINS.map(async (login) => {
      as[login] = new ApiClient(api.url);
      const res = await as[login]!.signIn(login);
      if (res.status !== 200) throw new Error(`demo login ${login} failed: ${res.status}`);
    }),
  );
});
afterAll(() => api?.stop());

const add = (who: string, body: Record<string, unknown>) => as[who]!.post(A, { halfId: 'h1', kind: 'test', ...body });
const at = (classId: string, date: string, subjectId: string) => `${A}/${classId}/${date}/${subjectId}`;
const count = async (classId: string) => (await listAssessmentsOfClass('sch53', '2026', classId)).length;

async function audit(action: string) {
  const months = [...new Set([started, new Date()].map((d) => d.toISOString().slice(0, 7)))];
  const items: Array<Record<string, any>> = [];
  for (const m of months) {
    const out = await dynamo().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition('sch53', m) } }),
    );
    items.push(...(out.Items ?? []).filter((i) => i.action === action));
  }
  return items;
}

describe('reading the schedule', () => {
  it('should give the deputy a class\'s half-year by week with kinds and every subject of its curriculum', async () => {
    const res = await as.deputy!.get(`${A}?classId=6a&half=h1`);
    expect(res.status).toBe(200);
    expect(res.body.half).toEqual({ halfId: 'h1', name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-29' });
    expect(res.body.limits).toEqual({ perDay: 1, perWeek: 3 });
    expect(res.body.entries).toEqual([]);
    expect(res.body.weeks[0].monday).toBe('2026-08-31');
    expect(res.body.weeks.find((w: any) => w.monday === '2026-10-26').days[0].holiday).toBe('Осенние каникулы');
    expect(res.body.kinds.map((k: any) => k.id)).toEqual(expect.arrayContaining(['test', 'vpr', 'diagnostic', 'administrative', 'final']));
    expect(res.body.subjects.map((s: any) => s.subjectId).sort()).toEqual(['biology', 'english', 'history', 'math', 'russian']);
  });

  it('should offer a teacher only their own subjects, and refuse parents and students', async () => {
    const res = await as.teacher!.get(`${A}?classId=6a&half=h1`);
    expect(res.status).toBe(200);
    expect(res.body.subjects.map((s: any) => s.subjectId)).toEqual(['math']);
    for (const who of ['parent', 'student']) {
      const r = await as[who]!.get(`${A}?classId=6a&half=h1`);
      expect([who, r.status]).toEqual([who, 403]);
      expect(r.body.error.message).toBe('График оценочных процедур доступен сотрудникам школы.');
    }
  });

  it('should refuse a wrong half-year and answer 404 for an unknown class', async () => {
    expect((await as.deputy!.get(`${A}?classId=6a&half=h3`)).body.error.message).toBe('Полугодие указывается как h1 или h2.');
    expect((await as.deputy!.get(`${A}?classId=6z&half=h1`)).status).toBe(404);
  });
});

describe('adding procedures', () => {
  it('should let the deputy add one, store it with its audit record and no warning', async () => {
    const res = await add('deputy', { classId: '6a', subjectId: 'math', date: '2026-10-13', kind: 'administrative', title: 'Входная контрольная работа' });
    expect(res.status).toBe(201);
    expect(res.body.assessment).toMatchObject({ classId: '6a', className: '6А', subjectId: 'math', date: '2026-10-13', kind: 'administrative', kindName: 'Административная контрольная работа', version: 1 });
    expect(res.body.warnings).toEqual([]);
    expect(await count('6a')).toBe(1);
    expect((await audit('assessment.create')).find((r) => r.entity === 'ASMT#6a#2026-10-13#math')).toMatchObject({ actorId: ids.deputy });
  });

  it('should answer 409 for a second procedure of the same subject on the same day', async () => {
    const res = await add('deputy', { classId: '6a', subjectId: 'math', date: '2026-10-13' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/уже запланирована/);
    expect(res.body.error.details.current.kind).toBe('administrative');
  });

  it('should warn, not refuse, at a second procedure in one day', async () => {
    const res = await add('deputy', { classId: '6a', subjectId: 'russian', date: '2026-10-13', kind: 'test' });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      { classId: '6a', kind: 'day', date: '2026-10-13', count: 2, limit: 1, message: '6А: 13.10.2026 — 2 оценочные процедуры в один день (по правилам школы не более 1 в день).' },
    ]);
  });

  it('should let a teacher add for their own class-subject only', async () => {
    expect((await add('teacher', { classId: '6a', subjectId: 'math', date: '2026-10-15' })).status).toBe(201);
    for (const [who, subjectId] of [['teacher', 'russian'], ['classteacher', 'math'], ['parent', 'math'], ['student', 'math'], ['secretary', 'math'], ['director', 'math']] as const) {
      const res = await add(who, { classId: '6a', subjectId, date: '2026-10-16' });
      expect([who, subjectId, res.status]).toEqual([who, subjectId, 403]);
    }
    expect(await count('6a')).toBe(3);
  });

  it('should warn at the fourth procedure of a week', async () => {
    const res = await add('deputy', { classId: '6a', subjectId: 'history', date: '2026-10-17', kind: 'diagnostic' });
    expect(res.status).toBe(201);
    expect(res.body.warnings.map((w: any) => w.message)).toEqual(['6А: неделя 12.10.2026–18.10.2026 — 4 оценочные процедуры (по правилам школы не более 3 в неделю).']);
    const view = await as.deputy!.get(`${A}?classId=6a&half=h1`);
    expect(view.body.warnings.map((w: any) => `${w.kind} ${w.date}`)).toEqual(['week 2026-10-12', 'day 2026-10-13']);
    expect(view.body.entries.map((e: any) => e.date)).toEqual(['2026-10-13', '2026-10-13', '2026-10-15', '2026-10-17']);
  });

  it('should refuse dates outside the half-year, on holidays and Sundays, and bad input, with 400 in Russian and nothing stored', async () => {
    const before = await count('6a');
    const cases: Array<[Record<string, unknown>, string | RegExp]> = [
      [{ classId: '6a', subjectId: 'biology', date: '2026-10-27' }, '27.10.2026 — «Осенние каникулы»: в каникулы и праздники оценочные процедуры не проводятся.'],
      [{ classId: '6a', subjectId: 'biology', date: '2027-01-12' }, 'Дата 12.01.2027 вне 1 полугодия (01.09.2026–29.12.2026).'],
      [{ classId: '6a', subjectId: 'biology', date: '2026-08-31' }, 'Дата 31.08.2026 вне 1 полугодия (01.09.2026–29.12.2026).'],
      [{ classId: '6a', subjectId: 'biology', date: '2026-12-30' }, /вне 1 полугодия/],
      [{ classId: '6a', subjectId: 'biology', date: '2026-10-18' }, '18.10.2026 — воскресенье, выходной день.'],
      [{ classId: '6a', subjectId: 'biology', date: '2026-02-30' }, /не существует/],
      [{ classId: '6a', subjectId: 'biology', date: '14.10.2026' }, 'Дата должна быть в формате ГГГГ-ММ-ДД.'],
      [{ classId: '6a', subjectId: 'biology', date: '2026-10-14', kind: 'quiz' }, 'Выберите вид оценочной процедуры из списка.'],
      [{ classId: '6a', subjectId: 'biology', date: '2026-10-14', halfId: 'h3' }, 'Укажите полугодие: h1 или h2.'],
      [{ classId: '6a', subjectId: 'chemistry', date: '2026-10-14' }, 'Этот предмет не изучается в 6А классе по учебному плану.'],
      [{ classId: '6z', subjectId: 'biology', date: '2026-10-14' }, 'Класс не найден.'],
      [{ classId: '6a', subjectId: 'biology', date: '2026-10-14', title: 'я'.repeat(201) }, 'Описание длиннее 200 символов.'],
    ];
    for (const [body, message] of cases) {
      const res = await add('deputy', body);
      expect([body, res.status]).toEqual([body, 400]);
      if (typeof message === 'string') expect(res.body.error.message).toBe(message);
      else expect(res.body.error.message).toMatch(message);
    }
    // The second half-year takes its own dates only.
    expect((await add('deputy', { classId: '6a', subjectId: 'biology', date: '2026-12-15', halfId: 'h2' })).body.error.message).toBe(
      'Дата 15.12.2026 вне 2 полугодия (12.01.2027–26.05.2027).',
    );
    expect(await count('6a')).toBe(before);
  });
});

describe('changing and removing procedures', () => {
  it('should move a procedure to another day (the old one is gone), and refuse a stale version with 409', async () => {
    const path = at('6a', '2026-10-15', 'math');
    const stale = await as.teacher!.send('PUT', path, { version: 0, date: '2026-10-16', kind: 'test' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(1);
    const res = await as.teacher!.send('PUT', path, { version: 1, date: '2026-10-20', kind: 'test', title: 'Контрольная работа № 1' });
    expect(res.status).toBe(200);
    expect(res.body.assessment).toMatchObject({ date: '2026-10-20', version: 2, title: 'Контрольная работа № 1' });
    const dates = (await listAssessmentsOfClass('sch53', '2026', '6a')).filter((a) => a.subjectId === 'math').map((a) => a.date);
    expect(dates).toEqual(['2026-10-13', '2026-10-20']);
    expect((await audit('assessment.update')).find((r) => r.entity === 'ASMT#6a#2026-10-15#math')).toMatchObject({ actorId: ids.teacher, after: { date: '2026-10-20' } });
  });

  it('should refuse a move onto a holiday, onto a taken day, and by someone who may not', async () => {
    const path = at('6a', '2026-10-20', 'math');
    expect((await as.teacher!.send('PUT', path, { version: 2, date: '2026-11-02', kind: 'test' })).body.error.message).toMatch(/Осенние каникулы/);
    expect((await as.teacher!.send('PUT', path, { version: 2, date: '2026-10-13', kind: 'test' })).status).toBe(409);
    expect((await as.classteacher!.send('PUT', path, { version: 2, date: '2026-10-21', kind: 'test' })).status).toBe(403);
    expect((await as.parent!.send('PUT', path, { version: 2, date: '2026-10-21', kind: 'test' })).status).toBe(403);
    expect((await as.deputy!.send('PUT', at('6a', '2026-10-21', 'math'), { version: 1, date: '2026-10-22', kind: 'test' })).status).toBe(404);
    const dates = (await listAssessmentsOfClass('sch53', '2026', '6a')).filter((a) => a.subjectId === 'math').map((a) => a.date);
    expect(dates).toEqual(['2026-10-13', '2026-10-20']);
  });

  it('should delete with the version seen, refusing a stale one, a missing one and other people', async () => {
    const path = at('6a', '2026-10-17', 'history');
    expect((await as.deputy!.send('DELETE', path)).status).toBe(400);
    expect((await as.deputy!.send('DELETE', `${path}?version=2`)).status).toBe(409);
    expect((await as.teacher!.send('DELETE', `${path}?version=1`)).status).toBe(403);
    expect((await as.student!.send('DELETE', `${path}?version=1`)).status).toBe(403);
    const before = await count('6a');
    expect((await as.deputy!.send('DELETE', `${path}?version=1`)).status).toBe(204);
    expect(await count('6a')).toBe(before - 1);
    expect((await audit('assessment.delete')).find((r) => r.entity === 'ASMT#6a#2026-10-17#history')).toMatchObject({ actorId: ids.deputy });
  });
});

describe('the whole school and the school\'s limits', () => {
  it('should show the deputy every class of the half-year with their warnings', async () => {
    expect((await add('teacher', { classId: '6b', subjectId: 'math', date: '2026-10-13' })).status).toBe(201);
    const res = await as.deputy!.get(`${A}?half=h1`);
    expect(res.status).toBe(200);
    expect(res.body.classes.length).toBeGreaterThan(10);
    const mine = res.body.entries.filter((e: any) => ['6a', '6b'].includes(e.classId)).map((e: any) => `${e.className} ${e.date} ${e.subjectId}`);
    expect(mine).toEqual(['6А 2026-10-13 math', '6А 2026-10-13 russian', '6Б 2026-10-13 math', '6А 2026-10-20 math']);
    expect(res.body.warnings.filter((w: any) => w.classId === '6a').map((w: any) => w.kind)).toEqual(['day']);
    expect(res.body.entries.every((e: any) => e.mayEdit === true)).toBe(true);
    const teacher = await as.teacher!.get(`${A}?half=h1`);
    expect(teacher.body.entries.every((e: any) => e.mayEdit === false)).toBe(true);
  });

  it('should follow the school settings\' limits once the school has set them', async () => {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.school('krd', 'sch53'),
        UpdateExpression: 'SET settings = :s, settingsVersion = :v',
        ExpressionAttributeValues: { ':s': { testLimits: { perDay: 2, perWeek: 1 } }, ':v': 1 },
      }),
    );
    const res = await as.deputy!.get(`${A}?classId=6a&half=h1`);
    expect(res.body.limits).toEqual({ perDay: 2, perWeek: 1 });
    // Two on 13.10 are within the school's 2 a day (the default of 1 would warn); the week's 2 are over its 1.
    expect(res.body.warnings.map((w: any) => w.message)).toEqual(['6А: неделя 12.10.2026–18.10.2026 — 2 оценочные процедуры (по правилам школы не более 1 в неделю).']);
  });
});

describe('round trips', () => {
  it('should read a class\'s half-year and the whole school\'s in a fixed number of requests, whatever the number of procedures', async () => {
    const count = async (path: string) => {
      const before = ddbRequestCounter.count;
      const res = await as.deputy!.get(path);
      expect(res.status).toBe(200);
      return ddbRequestCounter.count - before;
    };
    const one = await count(`${A}?classId=6a&half=h1`);
    const all = await count(`${A}?half=h1`);
    const before = ddbRequestCounter.count;
    expect((await add('deputy', { classId: '6b', subjectId: 'math', date: '2026-11-10' })).status).toBe(201);
    const write = ddbRequestCounter.count - before;
    console.log(`assessment round trips: class view ${one}, school view ${all}, add ${write}`);
    expect(one).toBeLessThanOrEqual(7);
    expect(all).toBeLessThanOrEqual(6);
    expect(write).toBeLessThanOrEqual(9);
  });
});

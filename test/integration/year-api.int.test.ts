/**
 * The academic year routes over HTTP (R-10, clause 1.4): the deputy director (and the director)
 * create and replace a school's year; it is validated whole, every problem reported at once in
 * Russian; saves are versioned (409 with the current year when stale) and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { demoYear } from '../../shared/demo/year';
import { validateYear } from '../../shared/domain/year-rules';
import type { AcademicYear } from '../../shared/domain/year';
import { getYear } from '../../shared/repos/year';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

let api: ApiServer;
const as: Record<string, ApiClient> = {};
const LOGINS = ['director', 'deputy', 'secretary', 'admin', 'uo', 'teacher', 'classteacher', 'parent', 'student'];
const YEARS = '/api/schools/sch53/years';

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(new Date());
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.school('krd', 'sch7'), type: 'school', schoolId: 'sch7', departmentId: 'krd', name: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', city: 'Краснодар', timeZone: 'Europe/Moscow' },
    }),
  );
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

const put = (who: string, path: string, body: unknown) => as[who]!.send('PUT', path, body);

/** The demo year moved one year on: 2027/2028, still valid. */
function nextYear(): Omit<AcademicYear, 'schoolId' | 'yearId' | 'version'> {
  const shift = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
  const y = demoYear('sch53');
  return {
    startDate: shift(y.startDate),
    endDate: shift(y.endDate),
    periodSets: y.periodSets.map((s) => ({
      ...s,
      periods: s.periods.map((p) => ({ ...p, periodId: p.periodId.replace('2026', '2027'), startDate: shift(p.startDate), endDate: shift(p.endDate) })),
    })),
    holidays: y.holidays.map((h) => ({ ...h, startDate: shift(h.startDate), endDate: shift(h.endDate) })),
  };
}

async function auditSince(schoolId: string, since: Date) {
  const months = [...new Set([since, new Date()].map((d) => d.toISOString().slice(0, 7)))];
  const items: Array<Record<string, any>> = [];
  for (const m of months) {
    const out = await dynamo().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(schoolId, m) } }),
    );
    items.push(...(out.Items ?? []).filter((i) => i.at >= since.toISOString()));
  }
  return items;
}

describe('reading years', () => {
  it('should list the seeded demo year and give it whole', async () => {
    const list = await as.deputy!.get(YEARS);
    expect(list.status).toBe(200);
    expect(list.body.years.map((y: AcademicYear) => y.yearId)).toEqual(['2026']);
    const one = await as.deputy!.get(`${YEARS}/2026`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(demoYear('sch53'));
  });

  it.each([
    ['director', 200], ['deputy', 200], ['uo', 200],
    ['secretary', 403], ['admin', 403], ['teacher', 403], ['classteacher', 403], ['parent', 403], ['student', 403],
  ])('GET as %s -> %i', async (login, status) => {
    expect((await as[login]!.get(YEARS)).status).toBe(status);
    expect((await as[login]!.get(`${YEARS}/2026`)).status).toBe(status);
  });

  it('should answer a missing year 404, a malformed id 400, another school 403 and no school 404', async () => {
    const missing = await as.deputy!.get(`${YEARS}/2030`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Учебный год 2030/2031 ещё не задан.');
    expect((await as.deputy!.get(`${YEARS}/twenty`)).status).toBe(400);
    expect((await as.deputy!.get('/api/schools/sch7/years')).status).toBe(403);
    expect((await as.deputy!.get('/api/schools/nowhere/years/2026')).status).toBe(404);
    expect((await new ApiClient(api.url).get(YEARS)).status).toBe(401);
  });
});

describe('PUT /api/schools/{id}/years/{yearId}', () => {
  it('should be a valid year to begin with', () => {
    expect(validateYear({ yearId: '2027', ...nextYear() })).toEqual([]);
  });

  it.each(['secretary', 'admin', 'teacher', 'classteacher', 'parent', 'student', 'uo'])('should refuse %s', async (login) => {
    const res = await put(login, `${YEARS}/2027`, { version: 0, ...nextYear() });
    expect(res.status).toBe(403);
  });

  it('should refuse the deputy of school 53 on another school', async () => {
    expect((await put('deputy', '/api/schools/sch7/years/2027', { version: 0, ...nextYear() })).status).toBe(403);
  });

  it('should refuse an invalid year with every problem in Russian, and store nothing', async () => {
    const since = new Date();
    const y = nextYear();
    y.periodSets[0]!.periods[1]!.startDate = '2027-10-20';
    y.periodSets[1]!.grades = [11];
    y.holidays.push({ name: 'Лишние', startDate: '2028-07-01', endDate: '2028-06-01' });
    const res = await put('deputy', `${YEARS}/2027`, { version: 0, ...y });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Учебный год не сохранён\. /);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'periodSets.0.periods.1',
      'periodSets',
      'holidays.8.endDate',
    ]);
    expect(res.body.error.details.fields[1].message).toBe('10 класс не входит ни в один набор периодов.');
    expect(await getYear('sch53', '2027')).toBeNull();
    expect(await auditSince('sch53', since)).toEqual([]);
  });

  it('should refuse a malformed body with a Russian message', async () => {
    const res = await put('deputy', `${YEARS}/2027`, { version: 0, startDate: 20270901, periodSets: [{ kind: 'trimester' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Начало учебного года: укажите дату (ГГГГ-ММ-ДД).');
    expect(res.body.error.message).toContain('Вид периодов: четверти (quarter) или полугодия (half).');
  });

  it('should create a year as the deputy director, audited', async () => {
    const since = new Date();
    const res = await put('deputy', `${YEARS}/2027`, { version: 0, ...nextYear() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schoolId: 'sch53', yearId: '2027', version: 1, startDate: '2027-09-01' });
    expect(await getYear('sch53', '2027')).toEqual(res.body);
    const audit = await auditSince('sch53', since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'year.create', entity: 'YEAR#2027', after: { version: 1, startDate: '2027-09-01' } });
    expect((await as.director!.get(YEARS)).body.years.map((y: AcademicYear) => y.yearId)).toEqual(['2026', '2027']);
  });

  it('should not create over an existing year: version 0 on an existing one is 409', async () => {
    const res = await put('director', `${YEARS}/2027`, { version: 0, ...nextYear() });
    expect(res.status).toBe(409);
    expect(res.body.error.details.current.version).toBe(1);
  });

  it('should replace the year as the director with per-grade holidays, audited with before and after', async () => {
    const since = new Date();
    const y = nextYear();
    y.holidays.push({ name: 'Дополнительный выходной 11 классов', startDate: '2028-04-10', endDate: '2028-04-10', grades: [11] });
    const res = await put('director', `${YEARS}/2027`, { version: 1, ...y });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.holidays.at(-1)).toEqual({ name: 'Дополнительный выходной 11 классов', startDate: '2028-04-10', endDate: '2028-04-10', grades: [11] });
    const audit = await auditSince('sch53', since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'year.update', before: { version: 1 }, after: { version: 2 } });
  });

  it('should answer a stale version with 409 and the current year, and store nothing', async () => {
    const since = new Date();
    const res = await put('deputy', `${YEARS}/2027`, { version: 1, ...nextYear() });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/изменил другой пользователь/);
    expect(res.body.error.details.current).toMatchObject({ version: 2, yearId: '2027' });
    expect((await getYear('sch53', '2027'))!.version).toBe(2);
    expect(await auditSince('sch53', since)).toEqual([]);
  });

  it('should keep one of two saves of the same version and answer the other 409', async () => {
    const other = new ApiClient(api.url);
    await other.signIn('director');
    const [a, b] = await Promise.all([
      put('deputy', `${YEARS}/2027`, { version: 2, ...nextYear() }),
      other.send('PUT', `${YEARS}/2027`, { version: 2, ...nextYear() }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await getYear('sch53', '2027'))!.version).toBe(3);
  });
});

/**
 * The settings routes over HTTP (R-01, R-23, R-31, R-32, R-15; clauses 3.8, 6.3): department staff
 * set the lock rules; a school's director or deputy may only make them stricter; every save is
 * versioned (409 with the current value when stale) and audited in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { REGULATION_LOCK_DAYS } from '../../shared/domain/settings';
import { getSchoolRules, getSchoolSettings, departmentAuditScope } from '../../shared/repos/settings';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

let api: ApiServer;
const as: Record<string, ApiClient> = {};
const LOGINS = ['director', 'deputy', 'secretary', 'admin', 'uo', 'teacher', 'classteacher', 'parent', 'student'];
const DEP = '/api/departments/krd/settings';
const SCH = '/api/schools/sch53/settings';

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(new Date());
  // A second school of the same department: the roles of school 53 must not reach it.
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

/** Audit records of a scope written since `since`. */
async function auditSince(scope: string, since: Date) {
  const months = [...new Set([since, new Date()].map((d) => d.toISOString().slice(0, 7)))];
  const items: Array<Record<string, any>> = [];
  for (const m of months) {
    const out = await dynamo().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(scope, m) } }),
    );
    items.push(...(out.Items ?? []).filter((i) => i.at >= since.toISOString()));
  }
  return items;
}

const schoolBody = (version: number, over: Record<string, unknown> = {}) => ({
  version,
  lockDays: {},
  weights: { test: 3, homework: 1 },
  thresholds: { mark5: 4.5, mark4: 3.5, mark3: 2.5 },
  testLimits: { perDay: 1, perWeek: 3 },
  ...over,
});

describe('department settings: PUT /api/departments/{id}/settings', () => {
  it('should refuse everybody but the department staff, and the department staff for another department', async () => {
    const body = { version: 0, lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false };
    for (const login of ['director', 'deputy', 'secretary', 'admin', 'teacher', 'classteacher', 'parent', 'student']) {
      const res = await put(login, DEP, body);
      expect(res.status, login).toBe(403);
      expect(res.body.error.message).toBe('Сроки блокировки устанавливает управление образования.');
    }
    expect((await put('uo', '/api/departments/sochi/settings', body)).status).toBe(403);
    expect((await new ApiClient(api.url).send('PUT', DEP, body)).status).toBe(401);
  });

  it('should refuse numbers out of range with Russian messages and store nothing', async () => {
    const since = new Date();
    const res = await put('uo', DEP, { version: 0, lockDays: { ...REGULATION_LOCK_DAYS, currentMarks: 0, finalMarks: 2.5 }, marksInAdvanceAllowed: false });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('«Блокировка текущих отметок, посещаемости, тем и видов работ»: число дней должно быть от 1 до 30.');
    expect(res.body.error.message).toContain('«Блокировка итоговых отметок»: нужно целое число дней.');
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['lockDays.currentMarks', 'lockDays.finalMarks']);
    const wrongType = await put('uo', DEP, { version: 0, lockDays: { ...REGULATION_LOCK_DAYS, essays: 'десять' }, marksInAdvanceAllowed: false });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toBe('«Блокировка отметок за сочинения (10–11 классы)»: укажите число дней.');
    expect((await as.uo!.get(DEP)).body.lockDays).toEqual(REGULATION_LOCK_DAYS);
    expect(await auditSince(departmentAuditScope('krd'), since)).toEqual([]);
  });

  it('should let the department staff save, with a version and an audit record of the change', async () => {
    const since = new Date();
    const lockDays = { ...REGULATION_LOCK_DAYS, currentMarks: 9 };
    const res = await put('uo', DEP, { version: 0, lockDays, marksInAdvanceAllowed: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ departmentId: 'krd', lockDays, marksInAdvanceAllowed: false, version: 1 });
    const read = await as.uo!.get(DEP);
    expect(read.body).toMatchObject({ lockDays, version: 1 });
    const audit = await auditSince(departmentAuditScope('krd'), since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'settings.department.update',
      entity: 'DEP#krd',
      actorName: expect.any(String),
      before: { lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false, version: 0 },
      after: { lockDays, marksInAdvanceAllowed: false, version: 1 },
    });
  });

  it('should answer a stale version with 409 and the current value, and store nothing', async () => {
    const since = new Date();
    const res = await put('uo', DEP, { version: 0, lockDays: { ...REGULATION_LOCK_DAYS, currentMarks: 8 }, marksInAdvanceAllowed: false });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toMatch(/изменил другой пользователь/);
    expect(res.body.error.details.current).toMatchObject({ version: 1, lockDays: { currentMarks: 9 } });
    expect((await as.uo!.get(DEP)).body.lockDays.currentMarks).toBe(9);
    expect(await auditSince(departmentAuditScope('krd'), since)).toEqual([]);
  });

  it('should keep one of two saves of the same version and answer the other 409', async () => {
    const body = (n: number) => ({ version: 1, lockDays: { ...REGULATION_LOCK_DAYS, currentMarks: n }, marksInAdvanceAllowed: false });
    const other = new ApiClient(api.url);
    await other.signIn('uo');
    const [a, b] = await Promise.all([put('uo', DEP, body(10)), other.send('PUT', DEP, body(10))]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await as.uo!.get(DEP)).body).toMatchObject({ version: 2, lockDays: { currentMarks: 10 } });
  });
});

describe('school settings: GET /api/schools/{id}/settings', () => {
  it('should give sensible defaults, the department limits and what is in force', async () => {
    const res = await as.director!.get(SCH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      schoolId: 'sch53',
      version: 0,
      settings: { lockDays: {}, thresholds: { mark5: 4.5, mark4: 3.5, mark3: 2.5 }, testLimits: { perDay: 1, perWeek: 3 } },
      department: { lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false },
      effective: { lockDays: REGULATION_LOCK_DAYS, marksInAdvanceAllowed: false },
    });
    expect(res.body.settings.weights).toMatchObject({ lessonAnswer: 1, independent: 1.5, practical: 2, test: 3 });
    expect(res.body.workTypes).toContainEqual({ id: 'test', name: 'Контрольная работа', defaultWeight: 3 });
  });

  it.each([
    ['director', 200], ['deputy', 200], ['uo', 200],
    ['secretary', 403], ['admin', 403], ['teacher', 403], ['classteacher', 403], ['parent', 403], ['student', 403],
  ])('GET as %s -> %i', async (login, status) => {
    expect((await as[login]!.get(SCH)).status).toBe(status);
  });

  it('should refuse the staff of school 53 the settings of another school, and not find another department\'s', async () => {
    expect((await as.director!.get('/api/schools/sch7/settings')).status).toBe(403);
    expect((await as.uo!.get('/api/schools/sch7/settings')).status).toBe(200);
    expect((await as.director!.get('/api/schools/nowhere/settings')).status).toBe(404);
  });
});

describe('school settings: PUT /api/schools/{id}/settings', () => {
  it.each(['secretary', 'admin', 'teacher', 'classteacher', 'parent', 'student', 'uo'])('should refuse %s', async (login) => {
    const res = await put(login, SCH, schoolBody(0));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^(Настройки школы меняют директор и заместитель директора\.|Настройки школы доступны директору и заместителю директора\.)$/);
  });

  it('should refuse the director of school 53 on another school', async () => {
    expect((await put('director', '/api/schools/sch7/settings', schoolBody(0))).status).toBe(403);
  });

  it('should refuse a looser lock with the field and the department limit, and store nothing', async () => {
    const since = new Date();
    const res = await put('director', SCH, schoolBody(0, { lockDays: { finalMarks: 7, currentMarks: 5 }, marksInAdvanceAllowed: true }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      '«Блокировка итоговых отметок»: 7 дней — мягче, чем установило управление образования (не более 5 дней). Школа может только сократить этот срок.',
    );
    expect(res.body.error.message).toContain('управление образования запрещает выставлять отметки заранее');
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['lockDays.finalMarks', 'marksInAdvanceAllowed']);
    expect((await getSchoolSettings('krd', 'sch53'))!.version).toBe(0);
    expect(await auditSince('sch53', since)).toEqual([]);
  });

  it('should refuse non-monotonic thresholds and bad weights, all at once', async () => {
    const res = await put('deputy', SCH, schoolBody(0, { weights: { test: -1, unknown: 2 }, thresholds: { mark5: 3.5, mark4: 3.5, mark3: 2.5 }, testLimits: { perDay: 4, perWeek: 3 } }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['weights.test', 'weights.unknown', 'thresholds.mark5', 'testLimits.perDay']);
    const malformed = await put('deputy', SCH, { version: 0 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/[а-я]/);
  });

  it('should save stricter locks, weights, thresholds and limits, versioned and audited', async () => {
    const since = new Date();
    const res = await put('deputy', SCH, schoolBody(0, {
      lockDays: { currentMarks: 7, finalMarks: null, fillWithin: 1 },
      marksInAdvanceAllowed: false,
      weights: { test: 4, independent: 1.5 },
      thresholds: { mark5: 4.6, mark4: 3.6, mark3: 2.6 },
      testLimits: { perDay: 1, perWeek: 2 },
    }));
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.settings.lockDays).toEqual({ currentMarks: 7, fillWithin: 1 });
    expect(res.body.settings.weights).toMatchObject({ test: 4, homework: 1, essay: 3 });
    expect(res.body.effective).toEqual({ lockDays: { ...REGULATION_LOCK_DAYS, currentMarks: 7, fillWithin: 1 }, marksInAdvanceAllowed: false });
    const again = await as.deputy!.get(SCH);
    expect(again.body).toMatchObject({ version: 1, settings: { thresholds: { mark5: 4.6 }, testLimits: { perWeek: 2 } } });
    const audit = await auditSince('sch53', since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'settings.school.update', entity: 'SETTINGS', after: { lockDays: { currentMarks: 7, fillWithin: 1 } } });
    expect(audit[0]!.before).toBeUndefined();
  });

  it('should answer a stale version with 409 and the current settings, and store nothing', async () => {
    const since = new Date();
    const res = await put('director', SCH, schoolBody(0, { lockDays: { currentMarks: 3 } }));
    expect(res.status).toBe(409);
    expect(res.body.error.details.current).toMatchObject({ version: 1, settings: { lockDays: { currentMarks: 7 } } });
    expect((await getSchoolSettings('krd', 'sch53'))!.settings!.lockDays).toEqual({ currentMarks: 7, fillWithin: 1 });
    expect(await auditSince('sch53', since)).toEqual([]);
  });

  it('should keep the school no looser than the department after the department tightens', async () => {
    const dep = (await as.uo!.get(DEP)).body;
    const tightened = { ...REGULATION_LOCK_DAYS, currentMarks: 5, finalMarks: 3 };
    expect((await put('uo', DEP, { version: dep.version, lockDays: tightened, marksInAdvanceAllowed: false })).status).toBe(200);
    const res = await as.director!.get(SCH);
    expect(res.body.settings.lockDays.currentMarks).toBe(7);
    expect(res.body.effective.lockDays).toMatchObject({ currentMarks: 5, finalMarks: 3, fillWithin: 1 });
    // Saving the now-looser 7 again is refused, naming the new limit.
    const again = await put('director', SCH, schoolBody(1, { lockDays: { currentMarks: 7 } }));
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('(не более 5 дней)');
  });

  it('should give the journal what a school works by in one round trip', async () => {
    const rules = await getSchoolRules('krd', 'sch53');
    expect(rules!.locks).toEqual({ lockDays: { ...REGULATION_LOCK_DAYS, currentMarks: 5, finalMarks: 3, fillWithin: 1 }, marksInAdvanceAllowed: false });
    expect(rules!.settings.weights.test).toBe(4);
    const fresh = await getSchoolRules('krd', 'sch7');
    expect(fresh!.locks.lockDays.currentMarks).toBe(5);
    expect(fresh!.settings.thresholds).toEqual({ mark5: 4.5, mark4: 3.5, mark3: 2.5 });
    expect(await getSchoolRules('krd', 'nowhere')).toBeNull();
  });
});

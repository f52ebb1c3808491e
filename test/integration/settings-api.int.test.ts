/**
 * The settings routes over HTTP (R-01, R-23, R-31, R-32, R-15; clauses 3.8, 3.9, 6.1, 6.3): department
 * staff set the lock rules and how early period marks open; a school's director or deputy may only
 * make them stricter; the marking rules are dated versions that name the open periods they change;
 * every save is versioned (409 with the current value when stale) and audited in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { addDays, ruDate } from '../../shared/domain/calendar';
import { REGULATION_LOCK_DAYS } from '../../shared/domain/settings';
import type { Period } from '../../shared/domain/year';
import { getDepartmentAndSchoolItems } from '../../shared/repos/school';
import { getSchoolRules, getSchoolSettings, departmentAuditScope } from '../../shared/repos/settings';
import { listYears } from '../../shared/repos/year';
import { rulesFromItems } from '../../shared/services/journal-settings';
import { markingContextOf, rulesOfPeriod } from '../../shared/services/period-marks';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
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

  it('should refuse more tests a day than a week, and a malformed body, in Russian', async () => {
    const res = await put('deputy', SCH, schoolBody(0, { testLimits: { perDay: 4, perWeek: 3 } }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['testLimits.perDay']);
    const malformed = await put('deputy', SCH, { version: 0 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/[а-я]/);
  });

  it('should save stricter locks and limits, versioned and audited, and leave the weights to versions', async () => {
    const since = new Date();
    const res = await put('deputy', SCH, schoolBody(0, {
      lockDays: { currentMarks: 7, finalMarks: null, fillWithin: 1 },
      marksInAdvanceAllowed: false,
      // Weights change only as a dated version: a PUT that still sends them changes nothing.
      weights: { test: 4 },
      testLimits: { perDay: 1, perWeek: 2 },
    }));
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.settings.lockDays).toEqual({ currentMarks: 7, fillWithin: 1 });
    expect(res.body.settings.weights).toMatchObject({ test: 3, homework: 1, essay: 3 });
    expect(res.body.effective).toEqual({ lockDays: { ...REGULATION_LOCK_DAYS, currentMarks: 7, fillWithin: 1 }, marksInAdvanceAllowed: false, periodMarksOpenDaysBefore: 0 });
    const again = await as.deputy!.get(SCH);
    expect(again.body).toMatchObject({ version: 1, settings: { thresholds: { mark5: 4.5 }, testLimits: { perWeek: 2 } } });
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
    expect(rules!.settings.weights.test).toBe(3);
    const fresh = await getSchoolRules('krd', 'sch7');
    expect(fresh!.locks.lockDays.currentMarks).toBe(5);
    expect(fresh!.settings.thresholds).toEqual({ mark5: 4.5, mark4: 3.5, mark3: 2.5 });
    expect(await getSchoolRules('krd', 'nowhere')).toBeNull();
  });
});

describe('opening period marks early: the department sets N, a school only less (issue 10 item 3, clause 3.9)', () => {
  const OPEN_LABEL = '«За сколько дней до конца периода можно выставлять отметки за период»';
  const school = async () => (await as.director!.get(SCH)).body;

  it('should let the department specialist set N within the limit, and refuse more', async () => {
    const dep = (await as.uo!.get(DEP)).body;
    const tooMany = await put('uo', DEP, { version: dep.version, lockDays: dep.lockDays, marksInAdvanceAllowed: false, periodMarksOpenDaysBefore: 15 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe(`${OPEN_LABEL}: целое число от 0 до 14.`);
    const res = await put('uo', DEP, { version: dep.version, lockDays: dep.lockDays, marksInAdvanceAllowed: false, periodMarksOpenDaysBefore: 3 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.periodMarksOpenDaysBefore).toBe(3);
    expect((await as.director!.get(DEP)).body.periodMarksOpenDaysBefore).toBe(3);
    // A save that leaves the number out keeps it.
    const kept = await put('uo', DEP, { version: res.body.version, lockDays: dep.lockDays, marksInAdvanceAllowed: false });
    expect(kept.body.periodMarksOpenDaysBefore).toBe(3);
    expect((await school()).effective.periodMarksOpenDaysBefore).toBe(3);
  });

  it('should refuse a school less strict than the department, naming its limit, and store nothing', async () => {
    const before = await school();
    const res = await put('director', SCH, schoolBody(before.version, { periodMarksOpenDaysBefore: 5 }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `${OPEN_LABEL}: 5 дней — мягче, чем установило управление образования (не более 3 дней). Школа может только сократить этот срок.`,
    );
    expect(res.body.error.details.fields).toEqual([{ path: 'periodMarksOpenDaysBefore', message: res.body.error.message }]);
    expect((await school()).version).toBe(before.version);
  });

  it('should take a stricter school number, which the period marks then work by', async () => {
    const before = await school();
    const res = await put('director', SCH, schoolBody(before.version, { periodMarksOpenDaysBefore: 1 }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.settings.periodMarksOpenDaysBefore).toBe(1);
    expect(res.body.effective.periodMarksOpenDaysBefore).toBe(1);
    const { department, school: item } = await getDepartmentAndSchoolItems('krd', 'sch53');
    expect(markingContextOf(department, item, new Date('2026-11-30T09:00:00Z')).openDaysBefore).toBe(1);
    // Emptied, the school follows the department again.
    const back = await put('director', SCH, schoolBody(res.body.version, { periodMarksOpenDaysBefore: null }));
    expect(back.body.effective.periodMarksOpenDaysBefore).toBe(3);
  });
});

describe('marking rules: versions from the date they take effect (issue 10 item 5, R-31, clause 6.1)', () => {
  const RULES = `${SCH}/marking-rules`;
  const clocked = clockedClients(() => api.url);
  let q1: Period;
  let q2: Period;
  let today = '';

  beforeAll(async () => {
    // The demo year follows the seeding date: the dates here follow its second quarter.
    const [year] = await listYears('sch53');
    [q1, q2] = year!.periodSets.find((s) => s.grades.includes(5))!.periods as [Period, Period];
    today = addDays(q2.startDate, 10);
    clocked.standAt(new Date(`${today}T09:00:00Z`));
  });
  afterAll(() => setClock(null));

  const post = async (login: string, body: unknown) => (await clocked.as(login)).send('POST', RULES, body);
  /** The records of versions saved on the server's clock. */
  const versionAudit = async () => (await auditSince('sch53', new Date(`${today}T09:00:00Z`))).filter((a) => a.action === 'settings.markingRules.add');
  const version = async () => (await (await clocked.as('director')).get(SCH)).body.version as number;
  const draft = (v: number, over: Record<string, unknown> = {}) => ({
    version: v,
    effectiveFrom: addDays(today, 5),
    weights: { test: 5 },
    thresholds: { mark5: 4.6, mark4: 3.5, mark3: 2.5 },
    minimumMarks: [{ hoursPerWeek: 1, marks: 3 }, { hoursPerWeek: 2, marks: 4 }],
    ...over,
  });

  it('should refuse everybody but the director and deputy of the school', async () => {
    const v = await version();
    for (const login of ['teacher', 'classteacher', 'secretary', 'uo', 'parent']) expect((await post(login, draft(v))).status, login).toBe(403);
  });

  it('should refuse bad weights and thresholds, a minimum without 1 h and a back-dated version, all at once, storing nothing', async () => {
    const v = await version();
    const res = await post('deputy', draft(v, {
      effectiveFrom: addDays(today, -1),
      weights: { test: -1, unknown: 2 },
      thresholds: { mark5: 3.5, mark4: 3.5, mark3: 2.5 },
      minimumMarks: [{ hoursPerWeek: 2, marks: 5 }],
    }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['weights.test', 'weights.unknown', 'thresholds.mark5', 'minimumMarks', 'effectiveFrom']);
    expect(res.body.error.message).toContain('Правила не могут действовать задним числом');
    const malformed = await post('deputy', { version: v, effectiveFrom: 20261201 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/[а-я]/);
    expect(await version()).toBe(v);
    expect(await versionAudit()).toEqual([]);
  });

  it('should name the open periods a version changes, and not the closed one, before storing anything', async () => {
    const v = await version();
    const res = await post('director', draft(v));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('periods_change');
    const names = res.body.error.details.periods.map((p: { name: string }) => p.name);
    expect(names).toContain(q2.name);
    expect(names).not.toContain(q1.name);
    const second = res.body.error.details.periods.find((p: { periodId: string }) => p.periodId === q2.periodId);
    expect(second.changes).toEqual(['вес «Контрольная работа»: 3 → 5', 'порог отметки «5»: 4,5 → 4,6', 'минимум отметок при 2 ч в неделю и больше: 5 → 4']);
    expect(res.body.error.message).toContain(`«${q2.name}» (${ruDate(q2.startDate)}–${ruDate(q2.endDate)}): вес «Контрольная работа»: 3 → 5;`);
    expect(res.body.error.message).toMatch(/Подтвердите сохранение\.$/);
    expect(await version()).toBe(v);
    expect(await versionAudit()).toEqual([]);
  });

  it('should store it once confirmed, audited, and compute the open period under it and the closed one as before', async () => {
    const v = await version();
    const res = await post('director', draft(v, { confirm: true }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(v + 1);
    expect(res.body.changedPeriods.some((t: string) => t.startsWith(`«${q2.name}»`))).toBe(true);
    expect(res.body.markingRules.versions.map((x: { effectiveFrom: string; initial: boolean; changes: string[] }) => [x.initial, x.effectiveFrom, x.changes.length])).toEqual([
      [true, '1970-01-01', 0],
      [false, addDays(today, 5), 3],
    ]);
    // Today the rules of before are still in force; the journal's running average keeps them.
    expect(res.body.settings.weights.test).toBe(3);

    const { department, school } = await getDepartmentAndSchoolItems('krd', 'sch53');
    const marking = markingContextOf(department, school, new Date(`${today}T09:00:00Z`));
    // The journal's weights follow the day: the old ones until the version's date, then the new.
    expect(marking.journal.weights.test).toBe(3);
    expect(rulesFromItems(department, school, new Date(`${addDays(today, 5)}T09:00:00Z`)).weights.test).toBe(5);
    expect(rulesOfPeriod(marking, q2)).toMatchObject({ weights: { test: 5 }, thresholds: { mark5: 4.6 } });
    expect(rulesOfPeriod(marking, q1)).toMatchObject({ weights: { test: 3 }, thresholds: { mark5: 4.5 } });
    expect(rulesOfPeriod(marking, q2).minimumMarks).toEqual([{ hoursPerWeek: 1, marks: 3 }, { hoursPerWeek: 2, marks: 4 }]);

    const audit = await versionAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'settings.markingRules.add', entity: 'SETTINGS', after: { version: { effectiveFrom: addDays(today, 5), weights: { test: 5 } } } });
  });

  it('should refuse the same rules again and a stale version with the current settings', async () => {
    const v = await version();
    const same = await post('director', draft(v, { confirm: true }));
    expect(same.status).toBe(400);
    expect(same.body.error.message).toContain('не отличаются от действующих');
    const stale = await post('deputy', draft(v - 1, { weights: { test: 6 }, confirm: true }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.details.current.version).toBe(v);
  });
});

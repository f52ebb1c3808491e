/**
 * Personal data over HTTP against DynamoDB Local (R-71; 152-FZ; clause 5): every view of a
 * student's full personal card and every activation-code sheet is logged in the same request (who,
 * when, which students, what); the school's administrator and director read the log, filtered by
 * student and dates, a page at a time; nobody else does, and another school's administrator not.
 * A withdrawn consent ends the student's and parents' access and keeps the journal; the monthly
 * check; the nightly job reduces former students' cards once their term has ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { setClock } from '../../functions/http/clock';
import { run as reduceFormerCards } from '../../functions/jobs/reduce-former-cards';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryAll, queryIndex } from '../../shared/db/query';
import { findAccountByLogin, getAccount } from '../../shared/repos/accounts';
import { movementItem } from '../../shared/repos/movement';
import { getStudentRecord, listClassRoster, studentItem, type StudentRecord } from '../../shared/repos/people';
import { recordAccess } from '../../shared/repos/personal-data';
import { ACCESS_PAGE_SIZE } from '../../shared/services/personal-data';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

// 12:00 in the demo school's zone (Europe/Moscow): its today is 20.11.2026.
const NOW = new Date('2026-11-20T09:00:00Z');
const S = '/api/schools/sch53';
const LOG = `${S}/personal-data/access-log`;
let api: ApiServer;
const as: Record<string, ApiClient> = {};
let roster: StudentRecord[];

beforeAll(async () => {
  setClock(() => NOW);
  await useTestTable();
  await seedDemoSchool(NOW);
  // A second school of the department with its own administrator: the log never crosses schools.
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...keys.school('krd', 'sch7'), type: 'school', schoolId: 'sch7', departmentId: 'krd', name: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', city: 'Краснодар', timeZone: 'Europe/Moscow' } }));
  const admin = (await findAccountByLogin('admin'))!;
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.account('u-admin7'), ...keys.accountByLogin('admin7'), type: 'account', ...admin, userId: 'u-admin7', login: 'admin7', schoolId: 'sch7', grants: [{ role: 'administrator', schoolId: 'sch7' }] },
    }),
  );
  api = await startApi();
  await Promise.all(
    ['admin', 'director', 'deputy', 'secretary', 'teacher', 'classteacher', 'admin7'].map(async (login) => {
      as[login] = new ApiClient(api.url);
      if ((await as[login].signIn(login)).status !== 200) throw new Error(`demo login ${login} failed`);
    }),
  );
  roster = (await listClassRoster('sch53', '5a')).sort((a, b) => a.studentId.localeCompare(b.studentId));
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

const at = (iso: string) => setClock(() => new Date(iso));
const nameOf = (s: StudentRecord) => [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' ');

describe('what is logged', () => {
  it('should log a view of the full card with who, when and which student, newest first', async () => {
    const [first, second] = roster;
    at('2026-11-20T09:01:00Z');
    expect((await as.secretary!.get(`${S}/students/${first!.studentId}/card`)).status).toBe(200);
    at('2026-11-20T09:02:00Z');
    expect((await as.director!.get(`${S}/students/${second!.studentId}/card`)).status).toBe(200);
    setClock(() => NOW);
    const res = await as.admin!.get(LOG);
    expect(res.status).toBe(200);
    expect(res.body.entries.slice(0, 2)).toEqual([
      expect.objectContaining({ atText: '20.11.2026 12:02', kind: 'view', kindTitle: 'просмотр карточки', what: 'личная карточка (5А)', students: [{ studentId: second!.studentId, name: nameOf(second!) }] }),
      expect.objectContaining({ atText: '20.11.2026 12:01', kind: 'view', students: [{ studentId: first!.studentId, name: nameOf(first!) }] }),
    ]);
    const secretary = await findAccountByLogin('secretary');
    expect(res.body.entries[1].actorName).toContain(secretary!.lastName);
  });

  it('should not log a view that was refused', async () => {
    const before = (await as.admin!.get(LOG)).body.entries.length;
    expect((await as.teacher!.get(`${S}/students/${roster[2]!.studentId}/card`)).status).toBe(404);
    expect((await as.admin!.get(LOG)).body.entries.length).toBe(before);
  });

  it('should log the class teacher’s code sheet as an export naming the students on it', async () => {
    // Within five minutes of the sign-in: the sheet is an export that asks for the password again after that.
    at('2026-11-20T09:03:00Z');
    const sheet = await as.classteacher!.post(`${S}/classes/5a/activation-sheet`, {});
    setClock(() => NOW);
    expect(sheet.status).toBe(201);
    expect(sheet.body.issued.length).toBeGreaterThan(0);
    const [entry] = (await as.director!.get(LOG)).body.entries;
    expect(entry).toMatchObject({ atText: '20.11.2026 12:03', kind: 'export', kindTitle: 'выгрузка', what: 'коды активации: 5А класс' });
    const onSheet = new Set(sheet.body.issued.map((e: { userId: string }) => e.userId));
    const named = roster.filter((s) => onSheet.has(s.userId ?? `u-${s.studentId}`) || s.parentIds.some((id) => onSheet.has(id)));
    expect(entry.students.map((s: { studentId: string }) => s.studentId).sort()).toEqual(named.map((s) => s.studentId).sort());
  });
});

describe('reading the log', () => {
  it('should filter by student and by the school’s dates', async () => {
    const first = roster[0]!;
    const mine = (await as.admin!.get(`${LOG}?studentId=${first.studentId}`)).body.entries;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e: { students: Array<{ studentId: string }> }) => e.students.some((s) => s.studentId === first.studentId))).toBe(true);
    expect((await as.admin!.get(`${LOG}?from=2026-11-21`)).body.entries).toEqual([]);
    expect((await as.admin!.get(`${LOG}?from=2026-11-20&to=2026-11-20`)).body.entries.length).toBeGreaterThanOrEqual(3);
    expect((await as.admin!.get(`${LOG}?to=2026-11-19`)).body.entries).toEqual([]);
  });

  it('should give the log a page at a time, the next page after the last entry', async () => {
    // A busy October: more entries than a page holds, written as the requests would write them.
    await Promise.all(
      Array.from({ length: ACCESS_PAGE_SIZE + 5 }, (_, i) =>
        recordAccess({ schoolId: 'sch53', actorId: 'u-x', actorName: 'Проверяющий', kind: 'view', students: [], what: 'личная карточка', at: new Date(Date.UTC(2026, 9, 1, 6, i)).toISOString() }),
      ),
    );
    const q = `${LOG}?from=2026-10-01&to=2026-10-31`;
    const one = await as.admin!.get(q);
    expect(one.body.entries).toHaveLength(ACCESS_PAGE_SIZE);
    expect(one.body.entries[0].atText).toBe(`01.10.2026 09:${String(ACCESS_PAGE_SIZE + 4).padStart(2, '0')}`);
    const two = await as.admin!.get(`${q}&after=${encodeURIComponent(one.body.after)}`);
    expect(two.body.entries).toHaveLength(5);
    expect(two.body.entries.at(-1).atText).toBe('01.10.2026 09:00');
    const three = two.body.after ? await as.admin!.get(`${q}&after=${encodeURIComponent(two.body.after)}`) : null;
    expect(three?.body.entries ?? []).toEqual([]);
  });

  it('should refuse everyone but the school’s administrator and director', async () => {
    for (const who of ['teacher', 'classteacher', 'secretary', 'deputy', 'admin7']) {
      expect((await as[who]!.get(LOG)).status, who).toBe(403);
    }
    // Another school's administrator reads their own school's log (empty), never this one.
    expect((await as.admin7!.get('/api/schools/sch7/personal-data/access-log')).body.entries).toEqual([]);
  });

  it('should answer malformed filters with a 400 in Russian', async () => {
    for (const q of ['from=2026-11-30&to=2026-11-01', 'from=20.11.2026', 'after=x', 'studentId=%D0%B0']) {
      const res = await as.admin!.get(`${LOG}?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message).toMatch(/[а-я]/);
    }
  });
});

describe('consent withdrawn', () => {
  const WITHDRAWAL = { date: '2026-11-19', document: 'Заявление матери об отзыве согласия от 19.11.2026 № 4' };

  it('should end the access of the student and their parents, keep the journal and leave an audit record', async () => {
    const student = new ApiClient(api.url);
    expect((await student.signIn('student')).status).toBe(200);
    const grant = (await student.get('/api/me')).body.grants.find((g: { role: string }) => g.role === 'student');
    const studentId: string = grant.studentId;
    const card = await getStudentRecord('sch53', studentId);
    expect(card!.consentRecordedAt).toBeDefined();
    const path = `${S}/students/${studentId}/consent-withdrawal`;
    const diaryBefore = await queryIndex('gsi1', keys.diaryPartition('sch53', studentId));

    for (const who of ['teacher', 'classteacher', 'secretary', 'director', 'admin7']) {
      expect((await as[who]!.post(path, { version: card!.version, ...WITHDRAWAL })).status, who).toBe(403);
    }
    for (const bad of [{ ...WITHDRAWAL, date: '2026-11-21' }, { ...WITHDRAWAL, document: '' }, { ...WITHDRAWAL, date: '19.11.2026' }, { date: WITHDRAWAL.date }]) {
      const res = await as.admin!.post(path, { version: card!.version, ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.message).toMatch(/[а-я]/);
    }
    expect((await as.admin!.post(path, { version: (card!.version ?? 0) + 5, ...WITHDRAWAL })).status).toBe(409);

    const res = await as.admin!.post(path, { version: card!.version ?? 0, ...WITHDRAWAL });
    expect(res.status).toBe(200);
    expect(res.body.consentWithdrawn).toMatchObject({ date: WITHDRAWAL.date, document: WITHDRAWAL.document });
    const account = await getAccount(card!.userId ?? `u-${studentId}`);
    expect(account).toMatchObject({ status: 'disabled', disabledReason: 'consent_withdrawn' });
    expect(res.body.closedAccounts).toContain(account!.userId);
    // The student's open session ends at its next renewal (within ten minutes for reads).
    at('2026-11-20T09:11:00Z');
    expect((await student.get('/api/me')).status).toBe(401);
    setClock(() => NOW);
    for (const parentId of card!.parentIds) {
      const parent = await getAccount(parentId);
      expect(parent!.grants.some((g) => g.role === 'parent' && g.studentId === studentId)).toBe(false);
      if (!parent!.grants.some((g) => g.role === 'parent')) expect(parent!.status).toBe('disabled');
    }
    const after = await getStudentRecord('sch53', studentId);
    expect(after!.consent).toBeUndefined();
    expect(after!.consentRecordedAt).toBeUndefined();
    expect(after!.consentWithdrawn).toMatchObject({ date: WITHDRAWAL.date });
    // The journal keeps what the law requires: every mark and absence stays.
    expect(await queryIndex('gsi1', keys.diaryPartition('sch53', studentId))).toEqual(diaryBefore);
    const audit = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition('sch53', '2026-11') } });
    expect(audit.filter((i) => i.action === 'student.withdrawConsent')).toEqual([expect.objectContaining({ entity: `STU#${studentId}`, reason: expect.stringContaining('19.11.2026') })]);
    // Recorded once: a second withdrawal is refused.
    const again = await as.admin!.post(path, { version: (card!.version ?? 0) + 1, ...WITHDRAWAL });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('уже записан');
    // Consent given again replaces the withdrawal on the card; the accounts it closed stay closed.
    const given = await as.secretary!.post(`${S}/students/${studentId}/consent`, { version: (card!.version ?? 0) + 1, date: '2026-11-20', document: 'Согласие № 15 от 20.11.2026' });
    expect(given.status).toBe(200);
    expect(given.body.card.consentWithdrawn).toBeUndefined();
    expect((await getAccount(account!.userId))!.status).toBe('disabled');
  });
});

describe('the monthly check', () => {
  const CHECK = `${S}/personal-data/check`;

  it('should list the cards changed since the last check, record the check once, and start again from it', async () => {
    for (const who of ['teacher', 'secretary', 'director', 'admin7']) expect((await as[who]!.get(CHECK)).status, who).toBe(403);
    const first = await as.admin!.get(CHECK);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ lastCheck: null, version: 0 });
    // The withdrawal and the consent given again above are changes of that card.
    expect(first.body.cards).toContainEqual(expect.objectContaining({ changes: expect.arrayContaining(['отозвано согласие', 'записано согласие']), lastChangeText: '20.11.2026 12:00' }));

    // Two administrators press at once: the check is recorded once.
    const both = await Promise.all([as.admin!.post(CHECK, { version: 0 }), as.admin!.post(CHECK, { version: 0 })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const done = both.find((r) => r.status === 200)!.body;
    expect(done).toMatchObject({ cards: [], version: 1, lastCheck: { checkedAtText: '20.11.2026 12:00', changedCards: first.body.cards.length } });
    expect((await as.admin!.post(CHECK, { version: 0 })).status).toBe(409);

    // A card changed after the check is the next check's.
    const pupil = roster[3]!;
    at('2026-11-20T09:10:00Z');
    const consent = await as.classteacher!.post(`${S}/students/${pupil.studentId}/consent`, { version: (await getStudentRecord('sch53', pupil.studentId))!.version ?? 0, date: '2026-11-20', document: 'Согласие № 9 от 20.11.2026' });
    expect(consent.status).toBe(200);
    const next = await as.admin!.get(CHECK);
    setClock(() => NOW);
    expect(next.body.cards).toEqual([expect.objectContaining({ studentId: pupil.studentId, name: nameOf(pupil), className: '5А', changes: ['записано согласие'], lastChangeText: '20.11.2026 12:10' })]);
    expect((await as.admin!.post(CHECK, { version: 'x' })).status).toBe(400);
  });
});

describe('former students’ cards', () => {
  async function formerStudent(studentId: string, leftOn: string) {
    const card = { ...roster[4]!, studentId, userId: `u-${studentId}`, status: 'graduated' as const, address: 'ул. Садовая, 1', gender: 'f' as const, parentIds: ['u-p-old'] };
    await dynamo().send(new PutCommand({ TableName: tableName(), Item: studentItem(card) }));
    const move = { schoolId: 'sch53', studentId, kind: 'graduate' as const, date: leftOn, orderNo: '77', studentName: 'x', recordedAt: `${leftOn}T09:00:00.000Z`, recordedBy: 'u-s', recordedByName: 'С.' };
    await dynamo().send(new PutCommand({ TableName: tableName(), Item: movementItem(move) }));
  }

  it('should reduce the cards whose term has ended, once, and leave the recent ones whole', async () => {
    await formerStudent('st-old', '2021-05-31');
    await formerStudent('st-recent', '2025-05-31');
    const first = await reduceFormerCards('krd', NOW);
    expect(first).toMatchObject({ job: 'reduce-former-cards', changed: 1 });
    const old = await getStudentRecord('sch53', 'st-old');
    expect(old).toMatchObject({ archivedOn: '2026-11-20', parentIds: [], status: 'graduated', lastName: roster[4]!.lastName, birthDate: roster[4]!.birthDate });
    expect(old).not.toHaveProperty('address');
    expect(old).not.toHaveProperty('consent');
    expect(await getStudentRecord('sch53', 'st-recent')).toMatchObject({ address: 'ул. Садовая, 1', parentIds: ['u-p-old'] });
    // Idempotent: a second run changes nothing.
    expect(await reduceFormerCards('krd', NOW)).toMatchObject({ changed: 0 });
  });
});

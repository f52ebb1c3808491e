/**
 * The people area over HTTP against DynamoDB Local (R-11, R-04, R-03; clauses 3.1, 4.1-4.5, 5):
 * classes and their class teachers, students' cards, consent, parents, movement and what it does
 * to access, staff and temporary access. For each route: the owning role succeeds, others are
 * refused (a class teacher of another class too), bad input is a 400 in Russian that stores
 * nothing, a stale version is a 409 with the current value, and the change has its audit record.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { setClock } from '../../functions/http/clock';
import { run as expireAccess } from '../../functions/jobs/expire-access';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getAccount } from '../../shared/repos/accounts';
import { listMovementsOfSchool } from '../../shared/repos/movement';
import { getStudentRecord, listClassRoster, listFormerStudents } from '../../shared/repos/people';
import { getClass, listStudentsOfClass } from '../../shared/repos/school';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

const NOW = new Date('2026-11-20T09:00:00Z'); // 12:00 in Krasnodar; the school's today is 20.11.2026
const S = '/api/schools/sch53';
const LOGINS = ['director', 'deputy', 'secretary', 'admin', 'uo', 'teacher', 'classteacher', 'parent', 'parent2', 'student'];
let api: ApiServer;
const as: Record<string, ApiClient> = {};
let otherAdmin: ApiClient;
let teacherId: string;
let classteacherId: string;

beforeAll(async () => {
  setClock(() => NOW);
  await useTestTable();
  await seedDemoSchool(NOW);
  // A second school with its own administrator: roles never cross schools.
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...keys.school('krd', 'sch7'), type: 'school', schoolId: 'sch7', departmentId: 'krd', name: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', city: 'Краснодар', timeZone: 'Europe/Moscow' } }));
  const admin = await getAccount((await dynamo().send(new QueryCommand({ TableName: tableName(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'LOGIN#admin' } }))).Items![0]!.userId);
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.account('u-admin7'), ...keys.accountByLogin('admin7'), type: 'account', ...admin!, userId: 'u-admin7', login: 'admin7', schoolId: 'sch7', grants: [{ role: 'administrator', schoolId: 'sch7' }] },
    }),
  );
  api = await startApi();
  await Promise.all(
    [...LOGINS, 'admin7'].map(async (login) => {
      const c = new ApiClient(api.url);
      const res = await c.signIn(login);
      if (res.status !== 200) throw new Error(`demo login ${login} failed: ${res.status}`);
      if (login === 'admin7') otherAdmin = c;
      else as[login] = c;
    }),
  );
  teacherId = (await as.teacher!.get('/api/me')).body.userId;
  classteacherId = (await as.classteacher!.get('/api/me')).body.userId;
});
beforeEach(() => setClock(() => NOW));
afterEach(() => setClock(() => NOW));
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

async function audits(action: string) {
  const out = await dynamo().send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition('sch53', '2026-11') } }),
  );
  return (out.Items ?? []).filter((i) => i.action === action);
}

const card = (over: Record<string, unknown> = {}) => ({ lastName: 'Новикова', firstName: 'Вера', middleName: 'Андреевна', birthDate: '2015-04-12', gender: 'f', ...over });

describe('classes', () => {
  it('should let the secretary create a class with a class teacher, giving the grant in the same transaction', async () => {
    const res = await as.secretary!.post(`${S}/classes`, { grade: 5, letter: 'в', classTeacherId: teacherId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ classId: '5v', grade: 5, letter: 'В', yearId: '2026', classTeacherId: teacherId, version: 1 });
    const teacher = await getAccount(teacherId);
    expect(teacher!.grants).toContainEqual({ role: 'classTeacher', schoolId: 'sch53', classId: '5v' });
    expect(await audits('class.create')).toEqual([expect.objectContaining({ entity: 'CLS#5v', actorName: expect.any(String) })]);
    expect((await as.admin!.post(`${S}/classes`, { grade: 6, letter: 'В' })).status).toBe(201);
  });

  it.each(['director', 'deputy', 'teacher', 'classteacher', 'parent', 'student', 'uo'])('should refuse %s to create a class', async (login) => {
    const res = await as[login]!.post(`${S}/classes`, { grade: 7, letter: 'В' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/секретарь или администратор/);
  });

  it('should refuse another school’s administrator', async () => {
    expect((await otherAdmin.post(`${S}/classes`, { grade: 7, letter: 'В' })).status).toBe(403);
  });

  it('should answer bad input 400 in Russian and store nothing; a second «5А» 409', async () => {
    const bad = await as.secretary!.post(`${S}/classes`, { grade: 12, letter: 'Г' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('Параллель: от 1 до 11.');
    const letter = await as.secretary!.post(`${S}/classes`, { grade: 7, letter: 'Q' });
    expect(letter.status).toBe(400);
    expect(letter.body.error.message).toMatch(/русская буква/);
    const nonTeacher = await as.secretary!.post(`${S}/classes`, { grade: 7, letter: 'Г', classTeacherId: (await as.parent!.get('/api/me')).body.userId });
    expect(nonTeacher.status).toBe(400);
    expect(await getClass('sch53', '7g')).toBeNull();
    const dup = await as.secretary!.post(`${S}/classes`, { grade: 5, letter: 'А' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe('Класс 5А уже есть в школе.');
  });

  it('should move the class-teacher grant on change, and answer a stale version 409 with the current class', async () => {
    const stale = await as.admin!.send('PATCH', `${S}/classes/5v`, { version: 0, classTeacherId: null });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ classId: '5v', version: 1, classTeacherId: teacherId });
    const res = await as.admin!.send('PATCH', `${S}/classes/5v`, { version: 1, classTeacherId: classteacherId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ classTeacherId: classteacherId, version: 2 });
    expect((await getAccount(teacherId))!.grants.some((g) => g.role === 'classTeacher' && g.classId === '5v')).toBe(false);
    expect((await getAccount(classteacherId))!.grants).toContainEqual({ role: 'classTeacher', schoolId: 'sch53', classId: '5v' });
    expect(await audits('class.setClassTeacher')).toHaveLength(1);
    // Demo classes were stored without a version: version 0 edits them.
    const demo = await as.secretary!.send('PATCH', `${S}/classes/10a`, { version: 0, classTeacherId: null });
    expect(demo.status).toBe(200);
    expect((await getClass('sch53', '10a'))!.classTeacherId).toBeUndefined();
    expect((await as.classteacher!.send('PATCH', `${S}/classes/5v`, { version: 2, classTeacherId: null })).status).toBe(403);
    const notTeacher = await as.admin!.send('PATCH', `${S}/classes/5v`, { version: 2, classTeacherId: (await as.secretary!.get('/api/me')).body.userId });
    expect(notTeacher.status).toBe(400);
    expect(notTeacher.body.error.message).toMatch(/не имеет роли «Учитель»/);
    const noVersion = await as.admin!.send('PATCH', `${S}/classes/5v`, { classTeacherId: null });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.message).toMatch(/версия записи/);
    expect((await getClass('sch53', '5v'))!.classTeacherId).toBe(classteacherId);
  });

  it('should show the class page to the administration and to its own class teacher only', async () => {
    const page = await as.classteacher!.get(`${S}/classes/5a`);
    expect(page.status).toBe(200);
    expect(page.body.class).toMatchObject({ classId: '5a', name: '5А', classTeacherId: classteacherId });
    expect(page.body.students.length).toBeGreaterThan(20);
    expect(page.body.students.some((s: { consent: boolean }) => !s.consent)).toBe(true);
    expect(page.body.students[0]).toMatchObject({ accountStatus: expect.any(String), login: expect.any(String) });
    expect((await as.secretary!.get(`${S}/classes/5b`)).status).toBe(200);
    expect((await as.classteacher!.get(`${S}/classes/5b`)).status).toBe(403);
    for (const login of ['teacher', 'parent', 'student', 'uo']) expect((await as[login]!.get(`${S}/classes/5a`)).status, login).toBe(403);
    expect((await as.secretary!.get(`${S}/classes/9z`)).status).toBe(404);
  });
});

describe('students, consent and parents', () => {
  let created: { studentId: string; version: number };

  it('should let the secretary add a student with an enrolment order: card, account and movement in one go', async () => {
    const res = await as.secretary!.post(`${S}/students`, { ...card(), classId: '5a', enrolment: { date: '2026-11-18', orderNo: '№ 120-у' } });
    expect(res.status).toBe(201);
    created = res.body.card;
    expect(res.body.card).toMatchObject({ classId: '5a', status: 'enrolled', version: 1, lastName: 'Новикова' });
    const stored = await getStudentRecord('sch53', created.studentId);
    const account = await getAccount(stored!.userId!);
    expect(account).toMatchObject({ kind: 'student', status: 'pending', classId: '5a', login: 'novikova.va' });
    expect((await listStudentsOfClass('sch53', '5a')).some((s) => s.studentId === created.studentId)).toBe(true);
    expect((await listMovementsOfSchool('sch53', '2026-11-18', '2026-11-18')).map((m) => [m.studentId, m.kind, m.orderNo])).toEqual([[created.studentId, 'enrol', '120-у']]);
    expect(await audits('student.create')).toHaveLength(1);
  });

  it('should refuse the same person twice with 409, and bad cards with 400 in Russian, storing nothing', async () => {
    const dup = await as.secretary!.post(`${S}/students`, { ...card({ lastName: 'НОВИКОВА' }), classId: '5b' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toMatch(/уже есть в школе \(5А\)/);
    const before = (await listClassRoster('sch53', '5b')).length;
    const latin = await as.secretary!.post(`${S}/students`, { ...card({ lastName: 'Novikova' }), classId: '5b' });
    expect(latin.status).toBe(400);
    expect(latin.body.error.message).toMatch(/русскими буквами/);
    const future = await as.secretary!.post(`${S}/students`, { ...card({ firstName: 'Ия', birthDate: '2027-01-01' }), classId: '5b' });
    expect(future.body.error.message).toMatch(/позже сегодняшнего дня/);
    const malformed = await as.secretary!.post(`${S}/students`, { ...card({ birthDate: '12.04.2015' }), classId: '5b' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/ГГГГ-ММ-ДД/);
    const order = await as.secretary!.post(`${S}/students`, { ...card({ firstName: 'Ия' }), classId: '5b', enrolment: { date: '2026-11-25', orderNo: '1' } });
    expect(order.body.error.message).toMatch(/не может быть позже сегодняшнего дня/);
    expect((await listClassRoster('sch53', '5b')).length).toBe(before);
  });

  it.each(['classteacher', 'teacher', 'director', 'parent', 'student'])('should refuse %s to add a student', async (login) => {
    expect((await as[login]!.post(`${S}/students`, { ...card({ firstName: 'Ева' }), classId: '5a' })).status).toBe(403);
  });

  it('should edit the card with its version: stale 409 with the current card, the account renamed with it', async () => {
    const stale = await as.secretary!.send('PATCH', `${S}/students/${created.studentId}`, { version: 0, ...card({ address: 'ул. Северная, 1' }) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ version: 1 });
    const ok = await as.secretary!.send('PATCH', `${S}/students/${created.studentId}`, { version: 1, ...card({ lastName: 'Новикова-Гай', address: 'ул. Северная, 1' }) });
    expect(ok.status).toBe(200);
    expect(ok.body.card).toMatchObject({ version: 2, address: 'ул. Северная, 1', lastName: 'Новикова-Гай' });
    expect((await getAccount(`u-${created.studentId}`))!.lastName).toBe('Новикова-Гай');
    expect((await as.classteacher!.send('PATCH', `${S}/students/${created.studentId}`, { version: 2, ...card() })).status).toBe(403);
    const bad = await as.secretary!.send('PATCH', `${S}/students/${created.studentId}`, { version: 2, ...card({ firstName: 'Vera' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Имя «Vera»: нужно писать русскими буквами/);
    expect((await getStudentRecord('sch53', created.studentId))!).toMatchObject({ firstName: 'Вера', version: 2 });
    expect(await audits('student.update')).toEqual([expect.objectContaining({ before: expect.objectContaining({ lastName: 'Новикова' }), after: expect.objectContaining({ lastName: 'Новикова-Гай' }) })]);
    created.version = 2;
  });

  it('should show the full card to the administration and the class teacher of the class, 404 to others', async () => {
    const full = await as.classteacher!.get(`${S}/students/${created.studentId}/card`);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ card: { className: '5А', status: 'enrolled' }, account: { status: 'pending' }, movements: [{ kind: 'enrol', orderNo: '120-у' }] });
    expect((await as.deputy!.get(`${S}/students/${created.studentId}/card`)).status).toBe(200);
    const other = (await listStudentsOfClass('sch53', '5b'))[0]!;
    expect((await as.classteacher!.get(`${S}/students/${other.studentId}/card`)).status).toBe(404);
    for (const login of ['teacher', 'parent', 'student', 'uo']) expect((await as[login]!.get(`${S}/students/${created.studentId}/card`)).status, login).toBe(404);
  });

  it('should need recorded consent before a code: the class teacher records it, then the code is issued', async () => {
    const before = await as.classteacher!.post(`${S}/activation-codes`, { userId: `u-${created.studentId}` });
    expect(before.status).toBe(400);
    expect(before.body.error.message).toMatch(/согласии на обработку персональных данных/);
    const future = await as.classteacher!.post(`${S}/students/${created.studentId}/consent`, { version: created.version, date: '2026-11-21', document: 'Согласие № 7' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/позже сегодняшнего дня/);
    expect((await getStudentRecord('sch53', created.studentId))!.consentRecordedAt).toBeUndefined();
    const stale = await as.classteacher!.post(`${S}/students/${created.studentId}/consent`, { version: 1, date: '2026-11-19', document: 'Согласие № 7' });
    expect(stale.status).toBe(409);
    const ok = await as.classteacher!.post(`${S}/students/${created.studentId}/consent`, { version: created.version, date: '2026-11-19', document: 'Согласие № 7 от 19.11.2026, подписано матерью' });
    expect(ok.status).toBe(200);
    expect(ok.body.card).toMatchObject({ consent: { date: '2026-11-19', document: expect.stringContaining('№ 7') }, consentRecordedAt: NOW.toISOString(), version: 3 });
    created.version = 3;
    expect(await audits('student.recordConsent')).toHaveLength(1);
    expect((await as.classteacher!.post(`${S}/activation-codes`, { userId: `u-${created.studentId}` })).status).toBe(201);
    const other = (await listStudentsOfClass('sch53', '5b'))[0]!;
    expect((await as.classteacher!.post(`${S}/students/${other.studentId}/consent`, { version: 0, date: '2026-11-19', document: 'Согласие' })).status).toBe(403);
    expect((await as.parent!.post(`${S}/students/${created.studentId}/consent`, { version: 3, date: '2026-11-19', document: 'Согласие' })).status).toBe(403);
  });

  it('should link a new parent, find and link them to a second child, and close them when unlinked from all', async () => {
    const link = await as.secretary!.post(`${S}/students/${created.studentId}/parents`, { version: created.version, parent: { lastName: 'Новикова', firstName: 'Ирина', middleName: 'Павловна', phone: '8 918 111 22 33' } });
    expect(link.status).toBe(201);
    const parentId = link.body.parent.userId;
    expect(await getAccount(parentId)).toMatchObject({ kind: 'parent', phone: '+7 918 111-22-33', grants: [{ role: 'parent', schoolId: 'sch53', studentId: created.studentId }] });
    created.version = link.body.card.version;
    const found = await as.secretary!.get(`${S}/parents?q=${encodeURIComponent('Новикова И')}`);
    expect(found.body.parents.map((p: { userId: string }) => p.userId)).toContain(parentId);
    expect((await as.secretary!.get(`${S}/parents?q=Н`)).status).toBe(400);
    expect((await as.teacher!.get(`${S}/parents?q=Новикова`)).status).toBe(403);

    const sibling = await as.secretary!.post(`${S}/students`, { ...card({ firstName: 'Ия', birthDate: '2019-03-03' }), classId: '1a' });
    expect((await as.secretary!.post(`${S}/students/${sibling.body.card.studentId}/parents`, { version: 1, parent: { userId: parentId } })).status).toBe(201);
    expect((await getAccount(parentId))!.grants).toHaveLength(2);
    const badName = await as.secretary!.post(`${S}/students/${created.studentId}/parents`, { version: created.version, parent: { lastName: 'Smith', firstName: 'Ann' } });
    expect(badName.status).toBe(400);
    expect((await as.teacher!.post(`${S}/students/${created.studentId}/parents`, { version: created.version, parent: { userId: parentId } })).status).toBe(403);

    expect(await audits('student.linkParent')).toHaveLength(2);
    expect((await as.classteacher!.send('DELETE', `${S}/students/${sibling.body.card.studentId}/parents/${parentId}?version=2`)).status).toBe(403);
    expect((await as.secretary!.send('DELETE', `${S}/students/${sibling.body.card.studentId}/parents/${parentId}`)).status).toBe(400);
    const unlinkStale = await as.secretary!.send('DELETE', `${S}/students/${sibling.body.card.studentId}/parents/${parentId}?version=1`);
    expect(unlinkStale.status).toBe(409);
    expect((await as.secretary!.send('DELETE', `${S}/students/${sibling.body.card.studentId}/parents/${parentId}?version=2`)).status).toBe(200);
    expect((await getAccount(parentId))!.status).toBe('pending');
    expect((await as.secretary!.send('DELETE', `${S}/students/${created.studentId}/parents/${parentId}?version=${created.version}`)).status).toBe(200);
    expect(await getAccount(parentId)).toMatchObject({ status: 'disabled', disabledReason: 'no_children', grants: [] });
    created.version += 1;
  });
});

describe('movement', () => {
  it('should transfer 5А → 5Б: the card and roster move from the date, the old records stay with the old class', async () => {
    // Not one of the fixed demo families, whose logins other tests sign in with.
    const fixed = new Set([...(await as.parent!.get('/api/me')).body.children, ...(await as.parent2!.get('/api/me')).body.children].map((c: { studentId: string }) => c.studentId));
    fixed.add((await as.student!.get('/api/me')).body.grants.find((g: { role: string }) => g.role === 'student').studentId);
    const mover = (await listStudentsOfClass('sch53', '5a')).find((s) => s.consentRecordedAt && s.parentIds.length === 1 && !fixed.has(s.studentId))!;
    const res = await as.secretary!.post(`${S}/students/${mover.studentId}/movements`, { version: 0, kind: 'transfer', date: '2026-11-16', orderNo: '118-у', toClassId: '5b' });
    expect(res.status).toBe(201);
    expect(res.body.card).toMatchObject({ classId: '5b', status: 'enrolled', version: 1 });
    expect(res.body.movement).toMatchObject({ kind: 'transfer', fromClassId: '5a', toClassId: '5b', orderNo: '118-у', date: '2026-11-16' });
    expect((await listStudentsOfClass('sch53', '5a')).some((s) => s.studentId === mover.studentId)).toBe(false);
    expect((await listStudentsOfClass('sch53', '5b')).some((s) => s.studentId === mover.studentId)).toBe(true);
    expect((await getAccount(`u-${mover.studentId}`))!.classId).toBe('5b');
    const list = await as.deputy!.get(`${S}/movements?from=2026-11-16&to=2026-11-16`);
    // The demo school has its own movement that day (a transfer out of 7Б); this one is ours.
    const ours = list.body.movements.filter((m: { studentId: string }) => m.studentId === mover.studentId);
    expect(ours).toEqual([expect.objectContaining({ studentId: mover.studentId, kindTitle: 'Перевод в другой класс', fromClassName: '5А', toClassName: '5Б' })]);
    expect(await audits('student.transfer')).toEqual([expect.objectContaining({ reason: 'приказ № 118-у от 16.11.2026' })]);
    // The same order again is a 409; an earlier date than the last movement a 400.
    expect((await as.secretary!.post(`${S}/students/${mover.studentId}/movements`, { version: 1, kind: 'transfer', date: '2026-11-16', orderNo: '118-у', toClassId: '5a' })).status).toBe(409);
    const back = await as.secretary!.post(`${S}/students/${mover.studentId}/movements`, { version: 1, kind: 'transfer', date: '2026-11-10', orderNo: '119-у', toClassId: '5a' });
    expect(back.status).toBe(400);
    expect(back.body.error.message).toMatch(/раньше последней записи движения \(16\.11\.2026\)/);
  });

  it('should refuse movements to other roles, bad input with 400 (nothing changed) and a stale card with 409', async () => {
    const s = (await listStudentsOfClass('sch53', '6a'))[0]!;
    const body = { version: 0, kind: 'transfer', date: '2026-11-20', orderNo: '5', toClassId: '6b' };
    for (const login of ['parent', 'student', 'teacher', 'classteacher', 'director', 'deputy']) {
      expect((await as[login]!.post(`${S}/students/${s.studentId}/movements`, body)).status, login).toBe(403);
    }
    expect((await otherAdmin.post(`${S}/students/${s.studentId}/movements`, body)).status).toBe(403);
    const future = await as.secretary!.post(`${S}/students/${s.studentId}/movements`, { ...body, date: '2026-11-21' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/Дата движения не может быть позже сегодняшнего дня/);
    const kind = await as.secretary!.post(`${S}/students/${s.studentId}/movements`, { ...body, kind: 'teleport' });
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toMatch(/Вид движения/);
    const grad = await as.secretary!.post(`${S}/students/${s.studentId}/movements`, { version: 0, kind: 'graduate', date: '2026-11-20', orderNo: '5' });
    expect(grad.body.error.message).toMatch(/из 9 или 11 класса/);
    expect((await getStudentRecord('sch53', s.studentId))!.classId).toBe('6a');
    expect((await as.secretary!.post(`${S}/students/${s.studentId}/movements`, { ...body, version: 3 })).status).toBe(409);
  });

  it('should end the student’s access on transfer out, and a parent’s for that child only if they have another', async () => {
    // The demo parent has children in 5А and 8Б: the 8Б child leaves the school.
    const parentMe = (await as.parent!.get('/api/me')).body;
    const leaving = parentMe.children.find((c: { classId: string }) => c.classId === '8b');
    const res = await as.secretary!.post(`${S}/students/${leaving.studentId}/movements`, { version: 0, kind: 'leave', date: '2026-11-19', orderNo: '121-у', note: 'в МБОУ СОШ № 12 г. Ростова-на-Дону' });
    expect(res.status).toBe(201);
    expect(res.body.card).toMatchObject({ status: 'left', classId: '8b' });
    expect(res.body.closedAccounts).toEqual([`u-${leaving.studentId}`]);
    expect(await getAccount(`u-${leaving.studentId}`)).toMatchObject({ status: 'disabled', disabledReason: 'transfer_out' });
    const parent = await getAccount(parentMe.userId);
    expect(parent!.status).toBe('active');
    expect(parent!.grants.map((g) => 'studentId' in g && g.studentId)).not.toContain(leaving.studentId);
    expect((await listStudentsOfClass('sch53', '8b')).some((s) => s.studentId === leaving.studentId)).toBe(false);
    expect((await listFormerStudents('sch53')).map((s) => s.studentId)).toContain(leaving.studentId);
    // The parent signs in again and sees one child.
    const fresh = new ApiClient(api.url);
    expect((await fresh.signIn('parent')).body.children.map((c: { classId: string }) => c.classId)).toEqual(['5a']);
    // Re-enrolment opens the accounts again for a new code.
    const back = await as.secretary!.post(`${S}/students/${leaving.studentId}/movements`, { version: 1, kind: 'enrol', date: '2026-11-20', orderNo: '122-у', toClassId: '8b' });
    expect(back.status).toBe(201);
    expect((await getAccount(`u-${leaving.studentId}`))!.status).toBe('pending');
    expect((await getAccount(parentMe.userId))!.grants).toContainEqual({ role: 'parent', schoolId: 'sch53', studentId: leaving.studentId });
  });

  it('should close the only parent with the child, keep the accounts, and refuse the student’s sign-in', async () => {
    const studentMe = (await as.student!.get('/api/me')).body;
    const studentId = studentMe.grants.find((g: { role: string }) => g.role === 'student').studentId;
    const cardBefore = (await getStudentRecord('sch53', studentId))!;
    const res = await as.secretary!.post(`${S}/students/${studentId}/movements`, { version: cardBefore.version ?? 0, kind: 'leave', date: '2026-11-20', orderNo: '123-у' });
    expect(res.status).toBe(201);
    for (const id of cardBefore.parentIds) expect(await getAccount(id)).toMatchObject({ status: 'disabled', disabledReason: 'children_left' });
    const signIn = await new ApiClient(api.url).signIn('student');
    expect(signIn.status).toBe(403);
    expect(await getAccount(studentMe.userId)).toMatchObject({ status: 'disabled', login: 'student', passwordHash: expect.any(String) });
  });

  it('should list the school’s movements for the administration only', async () => {
    expect((await as.deputy!.get(`${S}/movements`)).body.movements.length).toBeGreaterThanOrEqual(4);
    expect((await as.deputy!.get(`${S}/movements?from=20.11.2026`)).status).toBe(400);
    for (const login of ['teacher', 'classteacher', 'parent', 'uo']) expect((await as[login]!.get(`${S}/movements`)).status, login).toBe(403);
  });
});

describe('staff and temporary access', () => {
  it('should list staff for the administration and the secretary only', async () => {
    const res = await as.secretary!.get(`${S}/staff`);
    expect(res.status).toBe(200);
    expect(res.body.staff.find((s: { login: string }) => s.login === 'classteacher')).toMatchObject({ roles: ['teacher'], ledClasses: expect.arrayContaining(['5А']) });
    expect(res.body.staff.find((s: { login: string }) => s.login === 'inspector')).toMatchObject({ activeUntil: expect.any(String) });
    for (const login of ['teacher', 'classteacher', 'parent', 'student', 'uo']) expect((await as[login]!.get(`${S}/staff`)).status, login).toBe(403);
  });

  it('should let the secretary add staff without rights, and only the administrator give roles', async () => {
    const body = { lastName: 'Орлова', firstName: 'Мария', middleName: 'Сергеевна', position: 'учитель музыки', employedFrom: '2026-11-20' };
    const sec = await as.secretary!.post(`${S}/staff`, body);
    expect(sec.status).toBe(201);
    expect(sec.body.staff).toMatchObject({ roles: [], status: 'pending', login: 'orlova.ms' });
    expect((await as.secretary!.post(`${S}/staff`, { ...body, firstName: 'Анна', roles: ['teacher'] })).status).toBe(403);
    const adm = await as.admin!.post(`${S}/staff`, { ...body, firstName: 'Анна', roles: ['teacher'], employedUntil: '2027-06-30' });
    expect(adm.status).toBe(201);
    expect(adm.body.staff).toMatchObject({ roles: ['teacher'], activeUntil: '2027-06-30' });
    const bad = await as.admin!.post(`${S}/staff`, { ...body, firstName: 'Ольга', employedFrom: '2026-11-20', employedUntil: '2026-11-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Окончание работы раньше её начала/);
    for (const login of ['teacher', 'director', 'parent']) expect((await as[login]!.post(`${S}/staff`, body)).status, login).toBe(403);
    expect(await audits('staff.create')).toHaveLength(2);
  });

  it('should end a staff member’s access with employment: refused from the next day, closed by the job, history kept', async () => {
    const created = await as.admin!.post(`${S}/staff`, { lastName: 'Зайцев', firstName: 'Игорь', position: 'учитель физики', employedFrom: '2026-09-01', roles: ['teacher'] });
    const userId = created.body.staff.userId;
    const code = await as.admin!.post(`${S}/activation-codes`, { userId });
    const person = new ApiClient(api.url);
    expect((await person.post('/api/auth/activate', { code: code.body.code, password: 'Физика-Весна-2027' })).status).toBe(200);
    const stale = await as.secretary!.send('PATCH', `${S}/staff/${userId}`, { version: 1, employedUntil: '2026-11-20' });
    expect(stale.status).toBe(409);
    const backwards = await as.secretary!.send('PATCH', `${S}/staff/${userId}`, { version: 3, employedUntil: '2026-08-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/Окончание работы раньше её начала/);
    expect((await getAccount(userId))!.activeUntil).toBeUndefined();
    const end = await as.secretary!.send('PATCH', `${S}/staff/${userId}`, { version: 3, employedUntil: '2026-11-20' });
    expect(end.status).toBe(200);
    expect(end.body.staff).toMatchObject({ activeUntil: '2026-11-20', version: 4 });
    expect(await audits('staff.update')).toHaveLength(1);
    expect((await new ApiClient(api.url).signIn(created.body.staff.login, 'Физика-Весна-2027')).status).toBe(200);
    // The next day in Krasnodar: sign-in refused, and the nightly job closes the account.
    const nextDay = new Date('2026-11-20T21:00:00Z');
    setClock(() => nextDay);
    expect((await new ApiClient(api.url).signIn(created.body.staff.login, 'Физика-Весна-2027')).status).toBe(403);
    await expireAccess('krd', nextDay);
    expect(await getAccount(userId)).toMatchObject({ status: 'disabled', disabledReason: 'access_period_ended', passwordHash: expect.any(String) });
    const secretary = new ApiClient(api.url);
    await secretary.signIn('secretary');
    const roles = await secretary.send('PATCH', `${S}/staff/${userId}`, { version: 5, roles: ['teacher', 'deputy'] });
    expect(roles.status).toBe(403);
    expect(roles.body.error.message).toMatch(/назначает администратор/);
  });

  it('should give time-limited, read-only access on a written application, by the administrator only', async () => {
    const body = { lastName: 'Белова', firstName: 'Нина', middleName: 'Петровна', position: 'методист ККИДППО', classIds: ['5a'], areas: ['journal', 'reports'], activeUntil: '2026-12-20', application: { number: '17', date: '2026-11-19' } };
    const res = await as.admin!.post(`${S}/temporary-access`, body);
    expect(res.status).toBe(201);
    expect(res.body.staff).toMatchObject({ temporary: true, activeUntil: '2026-12-20', roles: [], viewScope: { classIds: ['5a'], areas: ['journal', 'reports'] }, application: { number: '17', date: '2026-11-19' } });
    expect(await audits('access.grantTemporary')).toEqual([expect.objectContaining({ reason: 'Заявление № 17' })]);
    expect((await as.secretary!.post(`${S}/temporary-access`, body)).status).toBe(403);
    expect((await otherAdmin.post(`${S}/temporary-access`, body)).status).toBe(403);
    const long = await as.admin!.post(`${S}/temporary-access`, { ...body, activeUntil: '2028-01-01' });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/не больше чем на 366 дней/);
    const nothing = await as.admin!.post(`${S}/temporary-access`, { ...body, areas: [], classIds: ['9z'] });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.message).toMatch(/что можно просматривать.*нет классов: 9z/s);
    const roles = await as.admin!.send('PATCH', `${S}/staff/${res.body.staff.userId}`, { version: res.body.staff.version, roles: ['deputy'] });
    expect(roles.status).toBe(400);
    expect(roles.body.error.message).toMatch(/только просмотр/);
  });
});

/**
 * The timetable routes over HTTP: the deputy places lessons; a teacher in two places, a class
 * with two lessons at once or a room booked twice is a 409 naming the clash and stores nothing;
 * two groups of one subject may run in parallel; concurrent bookings cannot both win (guard items
 * in the same transaction); lessons are generated for a period minus holidays, idempotently, never
 * deleting one with journal data; one-off changes show in the lessons. Other roles are refused.
 *
 * Test lessons use lesson number 8, which the demo timetable leaves free. The server stands on
 * 20.11.2026 (second quarter) through the request clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { demoCurriculumItems } from '../../shared/demo/curriculum';
import { buildDemoModel } from '../../shared/demo/model';
import { demoTimetableItems } from '../../shared/demo/timetable';
import { findAccountByLogin } from '../../shared/repos/accounts';
import { listLessons } from '../../shared/repos/lessons';
import { getSlot, listSlots } from '../../shared/repos/timetable';
import { planGuards } from '../../shared/services/timetable-guards';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

const NOW = new Date('2026-11-20T08:00:00Z');
const S = '/api/schools/sch53';
const Y = `${S}/years/2026`;
const T = `${Y}/timetable`;
let api: ApiServer;
const as: Record<string, ApiClient> = {};
const ids: Record<string, string> = {};
const LOGINS = ['director', 'deputy', 'secretary', 'teacher', 'classteacher', 'parent', 'student'];
/** Teachers of the demo with no lesson 8 anywhere: free for these tests. */
let t3 = '';
let t4 = '';

async function ensureDemoPlan() {
  const has = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.subject('sch53', 'math') }));
  if (has.Item) return;
  const model = buildDemoModel({ now: NOW });
  await batchWriteAll([...demoCurriculumItems(model), ...demoTimetableItems(model, { periods: [] })]);
}

async function audit(action: string) {
  const out = await dynamo().send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition('sch53', '2026-11') } }),
  );
  return (out.Items ?? []).filter((i) => i.action === action);
}

const guardsOfTeacher = async (teacherId: string) => {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :g)',
      ExpressionAttributeValues: { ':pk': keys.yearPlan('sch53', '2026'), ':g': `TTGUARD#TEACHER#${teacherId}#` },
    }),
  );
  return out.Items ?? [];
};

const subject = (subjectId: string, name: string, splittable = false) =>
  as.deputy!.post(`${S}/subjects`, { subjectId, name, shortName: name.slice(0, 5), splittable });
const line = (classId: string, subjectId: string, body: Record<string, unknown>) => as.deputy!.send('PUT', `${Y}/curriculum/${classId}/${subjectId}`, body);
const slot = (body: Record<string, unknown>, who = 'deputy') => as[who]!.post(`${T}/slots`, { groupId: 'all', lessonNo: 8, ...body });

beforeAll(async () => {
  setClock(() => NOW);
  await useTestTable();
  await seedDemoSchool(NOW);
  await ensureDemoPlan();
  api = await startApi();
  for (const login of LOGINS) {
    as[login] = new ApiClient(api.url);
    const res = await as[login]!.signIn(login);
    if (res.status !== 200) throw new Error(`demo login ${login} failed: ${res.status}`);
    ids[login] = (await findAccountByLogin(login))!.userId;
  }
  const teachers = (await as.deputy!.get(`${Y}/curriculum`)).body.teachers.map((t: { userId: string }) => t.userId);
  [t3, t4] = teachers.filter((t: string) => t !== ids.teacher && t !== ids.classteacher);
  expect((await subject('tt-a', 'Тестовый предмет А')).status).toBe(201);
  expect((await subject('tt-b', 'Тестовый предмет Б')).status).toBe(201);
  expect((await subject('tt-lang', 'Тестовый язык', true)).status).toBe(201);
  for (const c of ['5a', '5b', '6a']) {
    expect((await line(c, 'tt-a', { hoursPerWeek: 3, teacherId: ids.teacher })).status).toBe(200);
    expect((await line(c, 'tt-b', { hoursPerWeek: 3, teacherId: t3 })).status).toBe(200);
  }
  const groups = [{ groupId: 'g1', name: '1 группа', teacherId: t3 }, { groupId: 'g2', name: '2 группа', teacherId: t4 }];
  expect((await line('6a', 'tt-lang', { hoursPerWeek: 2, groups })).status).toBe(200);
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('reading the timetable', () => {
  it.each([
    ['deputy', 200], ['director', 200], ['teacher', 200], ['classteacher', 200], ['secretary', 200], ['parent', 403], ['student', 403],
  ])('GET the week of 5A as %s -> %i', async (login, status) => {
    const res = await as[login]!.get(`${T}/classes/5a`);
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.body.class.name).toBe('5А');
      expect(res.body.slots.length).toBeGreaterThan(25);
      const math = res.body.summary.find((s: { subjectId: string }) => s.subjectId === 'math');
      expect(math).toMatchObject({ hoursPerWeek: 5, slotsPerWeek: 5 });
      expect(math.lessonsInYear).toBeGreaterThan(150);
    }
  });

  it('should give a teacher their own week', async () => {
    const res = await as.teacher!.get(`${T}/teachers/${ids.teacher}`);
    expect(res.status).toBe(200);
    expect(res.body.slots.length).toBeGreaterThan(15);
    expect(res.body.slots.every((s: { teacherId: string }) => s.teacherId === ids.teacher)).toBe(true);
    expect(res.body.slots[0]).toHaveProperty('className');
    expect((await as.parent!.get(`${T}/teachers/${ids.teacher}`)).status).toBe(403);
  });

  it('should name a teacher\'s subgroups in their week as the class week does, not by their ids', async () => {
    const week = (await as.deputy!.get(`${T}/classes/5a`)).body;
    const english = week.slots.find((s: { subjectId: string; groupId: string }) => s.subjectId === 'english' && s.groupId !== 'all');
    expect(english, 'the demo splits 5А\'s English into groups').toBeDefined();
    const named = week.lines.find((l: { subjectId: string }) => l.subjectId === 'english').groups.find((g: { groupId: string }) => g.groupId === english.groupId).name;
    const res = await as.deputy!.get(`${T}/teachers/${english.teacherId}`);
    expect(res.status).toBe(200);
    const groupSlots = res.body.slots.filter((s: { groupId: string }) => s.groupId !== 'all');
    expect(groupSlots.length).toBeGreaterThan(0);
    expect(groupSlots.every((s: { groupName?: string }) => /группа/.test(s.groupName ?? ''))).toBe(true);
    expect(groupSlots.find((s: { slotId: string }) => s.slotId === english.slotId)).toMatchObject({ groupName: named });
    expect(res.body.slots.filter((s: { groupId: string; groupName?: string }) => s.groupId === 'all' && s.groupName)).toEqual([]);
  });
});

describe('placing lessons and clashes', () => {
  it('should let the deputy place a lesson, with its teacher from the curriculum and an audit record', async () => {
    const res = await slot({ classId: '5a', weekday: 1, subjectId: 'tt-a', room: '401' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slotId: '5a.1.8.all', teacherId: ids.teacher, room: '401', version: 1 });
    expect((await audit('timetable.slot.create')).find((a) => a.entity === 'TT#2026#5a.1.8.all')).toMatchObject({ actorId: ids.deputy });
    expect((await guardsOfTeacher(ids.teacher!)).some((g) => g.weekday === 1 && g.lessonNo === 8)).toBe(true);
  });

  it('should refuse a teacher in two places at once, naming the clash, and store nothing', async () => {
    const res = await slot({ classId: '5b', weekday: 1, subjectId: 'tt-a' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^Конфликт в расписании\. Учитель .+ в понедельник на 8-м уроке уже ведёт «Тестовый предмет А» в 5А\.$/);
    expect(await getSlot({ schoolId: 'sch53', yearId: '2026', classId: '5b', weekday: 1, lessonNo: 8, groupId: 'all' })).toBeNull();
  });

  it('should refuse a class with two whole-class lessons at once', async () => {
    const res = await slot({ classId: '5a', weekday: 1, subjectId: 'tt-b' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/У 5А в понедельник на 8-м уроке уже стоит «Тестовый предмет А» в 5А/);
    expect((await listSlots('sch53', '2026', '5a')).filter((s) => s.lessonNo === 8)).toHaveLength(1);
  });

  it('should refuse a room booked twice', async () => {
    const res = await slot({ classId: '5b', weekday: 1, subjectId: 'tt-b', room: ' 401 ' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Кабинет «401» в понедельник на 8-м уроке уже занят: «Тестовый предмет А» в 5А/);
  });

  it('should let two groups of one subject run in parallel, but not a whole-class lesson beside them', async () => {
    expect((await slot({ classId: '6a', weekday: 2, subjectId: 'tt-lang', groupId: 'g1', room: '402' })).status).toBe(201);
    expect((await slot({ classId: '6a', weekday: 2, subjectId: 'tt-lang', groupId: 'g2', room: '403' })).status).toBe(201);
    const whole = await slot({ classId: '6a', weekday: 2, subjectId: 'tt-a' });
    expect(whole.status).toBe(409);
    expect(whole.body.error.message).toMatch(/У 6А во вторник на 8-м уроке уже стоит «Тестовый язык» в 6А, 1 группа/);
    const wrongGroup = await slot({ classId: '6a', weekday: 3, subjectId: 'tt-lang' });
    expect(wrongGroup.status).toBe(400);
    expect(wrongGroup.body.error.message).toMatch(/укажите подгруппу/);
  });

  it('should refuse bad input in Russian and store nothing', async () => {
    const before = (await listSlots('sch53', '2026', '5b')).length;
    const day = await slot({ classId: '5b', weekday: 7, subjectId: 'tt-a' });
    expect(day.status).toBe(400);
    expect(day.body.error.message).toMatch(/День недели должен быть от понедельника до субботы/);
    const missing = await slot({ classId: '5b', weekday: 3 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/Укажите предмет/);
    const notInPlan = await slot({ classId: '5b', weekday: 3, subjectId: 'chemistry' });
    expect(notInPlan.status).toBe(400);
    expect(notInPlan.body.error.message).toMatch(/В учебном плане 5Б нет предмета «Химия»/);
    const room = await slot({ classId: '5b', weekday: 3, subjectId: 'tt-a', room: 'каб#1' });
    expect(room.status).toBe(400);
    expect((await listSlots('sch53', '2026', '5b')).length).toBe(before);
  });

  it('should refuse more lessons a week than the curriculum has hours', async () => {
    expect((await slot({ classId: '5b', weekday: 2, subjectId: 'tt-a' })).status).toBe(201);
    expect((await slot({ classId: '5b', weekday: 3, subjectId: 'tt-a' })).status).toBe(201);
    expect((await slot({ classId: '5b', weekday: 4, subjectId: 'tt-a' })).status).toBe(201);
    const fourth = await slot({ classId: '5b', weekday: 5, subjectId: 'tt-a' });
    expect(fourth.status).toBe(400);
    expect(fourth.body.error.message).toBe('По учебному плану на «Тестовый предмет А» в 5Б 3 ч в неделю, и все 3 уже стоят в расписании.');
  });

  it('should refuse other roles', async () => {
    for (const login of ['teacher', 'classteacher', 'secretary', 'parent', 'student']) {
      expect((await slot({ classId: '5a', weekday: 6, subjectId: 'tt-b' }, login)).status, login).toBe(403);
    }
    expect(await getSlot({ schoolId: 'sch53', yearId: '2026', classId: '5a', weekday: 6, lessonNo: 8, groupId: 'all' })).toBeNull();
  });

  it('should let only one of two concurrent bookings of one teacher win (guards in the transaction)', async () => {
    for (const weekday of [5, 6]) {
      const results = await Promise.all([
        slot({ classId: '5a', weekday, subjectId: 'tt-b' }),
        slot({ classId: '6a', weekday, subjectId: 'tt-b' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const held = (await guardsOfTeacher(t3)).find((g) => g.weekday === weekday && g.lessonNo === 8)!;
      expect(held.holders).toHaveLength(1);
      const placed = [...(await listSlots('sch53', '2026', '5a')), ...(await listSlots('sch53', '2026', '6a'))].filter((s) => s.weekday === weekday && s.lessonNo === 8);
      expect(placed).toHaveLength(1);
    }
  });

  it('should cancel in DynamoDB the later of two bookings planned on the same empty guards', async () => {
    // Both plans read the guards before either writes: only the conditions in DynamoDB can stop the second.
    const base = { schoolId: 'sch53', yearId: '2026', weekday: 3, lessonNo: 8, subjectId: 'tt-b', groupId: 'all', teacherId: t4, version: 1 };
    const a = await planGuards('sch53', '2026', [{ after: { ...base, classId: '5a' } }]);
    const b = await planGuards('sch53', '2026', [{ after: { ...base, classId: '6a' } }]);
    expect(a.clashes).toEqual([]);
    expect(b.clashes).toEqual([]);
    await dynamo().send(new TransactWriteCommand({ TransactItems: a.ops as never }));
    await expect(dynamo().send(new TransactWriteCommand({ TransactItems: b.ops as never }))).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    const held = (await guardsOfTeacher(t4)).find((g) => g.weekday === 3 && g.lessonNo === 8)!;
    expect(held.holders).toEqual([expect.objectContaining({ classId: '5a' })]);
    // Planned again now, the second booking is a clash with a name.
    const again = await planGuards('sch53', '2026', [{ after: { ...base, classId: '6a' } }]);
    expect(again.clashes[0]!.clashes.map((c) => c.kind)).toEqual(['teacher']);
    // Put the guard back as it was, so the tests below see no trace of this one.
    await dynamo().send(new TransactWriteCommand({ TransactItems: (await planGuards('sch53', '2026', [{ before: { ...base, classId: '5a' } }])).ops as never }));
    expect((await guardsOfTeacher(t4)).some((g) => g.weekday === 3 && g.lessonNo === 8)).toBe(false);
  });

  it('should move a lesson with its version, free the old time, and answer 409 to a stale version', async () => {
    const moved = await as.deputy!.send('PUT', `${T}/slots/5b.4.8.all`, { weekday: 6, lessonNo: 8, subjectId: 'tt-a', groupId: 'all', version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ slotId: '5b.6.8.all', version: 2 });
    expect(await getSlot({ schoolId: 'sch53', yearId: '2026', classId: '5b', weekday: 4, lessonNo: 8, groupId: 'all' })).toBeNull();
    const guards = await guardsOfTeacher(ids.teacher!);
    expect(guards.some((g) => g.weekday === 4 && g.lessonNo === 8)).toBe(false);
    expect(guards.some((g) => g.weekday === 6 && g.lessonNo === 8)).toBe(true);
    const stale = await as.director!.send('PUT', `${T}/slots/5b.6.8.all`, { weekday: 6, lessonNo: 8, subjectId: 'tt-a', groupId: 'all', room: '7', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ weekday: 6, version: 2 });
    expect((await as.teacher!.send('PUT', `${T}/slots/5b.6.8.all`, { weekday: 6, lessonNo: 8, subjectId: 'tt-a', groupId: 'all', version: 2 })).status).toBe(403);
  });

  it('should delete a lesson with its version and release its guards', async () => {
    expect((await as.deputy!.send('DELETE', `${T}/slots/5b.6.8.all?version=1`)).status).toBe(409);
    expect((await as.parent!.send('DELETE', `${T}/slots/5b.6.8.all?version=2`)).status).toBe(403);
    expect((await as.deputy!.send('DELETE', `${T}/slots/5b.6.8.all?version=2`)).status).toBe(204);
    expect((await guardsOfTeacher(ids.teacher!)).some((g) => g.weekday === 6 && g.lessonNo === 8)).toBe(false);
    expect((await audit('timetable.slot.delete')).length).toBe(1);
  });
});

describe('lessons generated for a period', () => {
  const generate = (body: Record<string, unknown>, who = 'deputy') => as[who]!.post(`${Y}/lessons/generate`, body);

  it('should refuse other roles', async () => {
    for (const login of ['teacher', 'classteacher', 'parent']) expect((await generate({ periodId: '2026-q2', classIds: ['5a'] }, login)).status, login).toBe(403);
  });

  it('should generate the second quarter minus holidays, and change nothing on a second run', async () => {
    const first = await generate({ periodId: '2026-q2', classIds: ['5a'], from: '2026-11-05' });
    expect(first.status).toBe(200);
    const r = first.body.results[0];
    expect(r).toMatchObject({ classId: '5a', periodId: '2026-q2', from: '2026-11-05', to: '2026-12-29', removed: 0 });
    expect(r.created).toBeGreaterThan(200);
    const lessons = await listLessons('sch53', '5a', '2026-q2');
    expect(lessons.length).toBe(r.created);
    expect(lessons.every((l) => l.status === 'planned' && l.date >= '2026-11-05' && l.date <= '2026-12-29')).toBe(true);
    // Our Monday lesson 8 (tt-a): every Monday of the quarter; 2.11 falls in the autumn holidays anyway.
    expect(lessons.filter((l) => l.subjectId === 'tt-a').map((l) => l.date)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    const second = await generate({ periodId: '2026-q2', classIds: ['5a'], from: '2026-11-05' });
    expect(second.body.results[0]).toMatchObject({ created: 0, updated: 0, removed: 0, kept: 0, unchanged: r.created });
    expect((await audit('lessons.generate')).length).toBe(1);
  });

  it('should by default leave the past alone and follow a changed timetable from today on', async () => {
    // Tuesday is taken by the same teacher in 5Б: the move says so; Thursday is free.
    const tuesday = await as.deputy!.send('PUT', `${T}/slots/5a.1.8.all`, { weekday: 2, lessonNo: 8, subjectId: 'tt-a', groupId: 'all', version: 1 });
    expect(tuesday.status).toBe(409);
    expect(tuesday.body.error.message).toMatch(/во вторник на 8-м уроке уже ведёт «Тестовый предмет А» в 5Б/);
    const moved = await as.deputy!.send('PUT', `${T}/slots/5a.1.8.all`, { weekday: 4, lessonNo: 8, subjectId: 'tt-a', groupId: 'all', version: 1 });
    expect(moved.status).toBe(200);
    const res = await generate({ periodId: '2026-q2', classIds: ['5a'] });
    // From Friday 20.11: Mondays 23.11-28.12 go (6), Thursdays 26.11-24.12 come (5).
    expect(res.body.results[0]).toMatchObject({ from: '2026-11-20', created: 5, removed: 6, updated: 0 });
    const dates = (await listLessons('sch53', '5a', '2026-q2', 'tt-a')).map((l) => l.date);
    expect(dates).toEqual(['2026-11-09', '2026-11-16', '2026-11-26', '2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24']);
  });

  it('should keep a lesson that has journal data when the timetable drops it', async () => {
    await dynamo().send(
      new UpdateCommand({ TableName: tableName(), Key: keys.lesson('sch53', '5a', '2026-q2', 'tt-a', '2026-11-26', 8, 'all'), UpdateExpression: 'SET journalData = :t', ExpressionAttributeValues: { ':t': true } }),
    );
    expect((await as.deputy!.send('DELETE', `${T}/slots/5a.4.8.all?version=2`)).status).toBe(204);
    const res = await generate({ periodId: '2026-q2', classIds: ['5a'] });
    expect(res.body.results[0]).toMatchObject({ kept: 1, removed: 4 });
    expect((await listLessons('sch53', '5a', '2026-q2', 'tt-a')).map((l) => l.date)).toEqual(['2026-11-09', '2026-11-16', '2026-11-26']);
    // Kept, and kept again: a second run neither deletes it nor reports anything new.
    expect((await generate({ periodId: '2026-q2', classIds: ['5a'] })).body.results[0]).toMatchObject({ kept: 1, removed: 0, created: 0, updated: 0 });
  });

  it('should list the lessons of a class to staff only', async () => {
    const res = await as.teacher!.get(`${S}/classes/5a/periods/2026-q2/lessons?subjectId=math`);
    expect(res.status).toBe(200);
    expect(res.body.lessons.length).toBeGreaterThan(30);
    expect(res.body.lessons[0]).toHaveProperty('teacherName');
    expect((await as.parent!.get(`${S}/classes/5a/periods/2026-q2/lessons`)).status).toBe(403);
  });
});

describe('one-off changes', () => {
  const change = (body: Record<string, unknown>, who = 'deputy') => as[who]!.post(`${T}/changes`, { classId: '5b', groupId: 'all', reason: 'Болезнь учителя', ...body });

  beforeAll(async () => {
    // 5Б: tt-a on Tuesday and Wednesday, lesson 8 (placed above); lessons of the quarter generated.
    const res = await as.deputy!.post(`${Y}/lessons/generate`, { periodId: '2026-q2', classIds: ['5b'], from: '2026-11-05' });
    expect(res.status).toBe(200);
  });

  it('should cancel a lesson, take it out of the lessons, and put it back when the change is deleted', async () => {
    const res = await change({ date: '2026-12-01', lessonNo: 8, kind: 'cancel' });
    expect(res.status).toBe(201);
    expect(res.body.change).toMatchObject({ changeId: '2026-12-01.5b.8', kind: 'cancel', subjectId: 'tt-a' });
    expect(res.body.lessons[0]).toMatchObject({ removed: 1 });
    expect((await listLessons('sch53', '5b', '2026-q2', 'tt-a')).some((l) => l.date === '2026-12-01')).toBe(false);
    const list = await as.teacher!.get(`${T}/changes?from=2026-11-30&to=2026-12-06&classId=5b`);
    expect(list.body.changes).toContainEqual(expect.objectContaining({ changeId: '2026-12-01.5b.8', className: '5Б', subjectName: 'Тестовый предмет А' }));
    expect((await change({ date: '2026-12-01', lessonNo: 8, kind: 'cancel' })).status).toBe(409);
    expect((await as.deputy!.send('DELETE', `${T}/changes/2026-12-01.5b.8?version=2`)).status).toBe(409);
    const back = await as.deputy!.send('DELETE', `${T}/changes/2026-12-01.5b.8?version=1`);
    expect(back.status).toBe(200);
    expect((await listLessons('sch53', '5b', '2026-q2', 'tt-a')).some((l) => l.date === '2026-12-01')).toBe(true);
    expect((await audit('timetable.change.cancel')).length).toBe(1);
  });

  it('should refuse a move onto a time the class or teacher is busy, naming it, and store nothing', async () => {
    // Wednesday 02.12 lesson 8 of 5Б is tt-a itself: moving Tuesday's lesson there clashes.
    const res = await change({ date: '2026-12-01', lessonNo: 8, kind: 'move', toDate: '2026-12-02', toLessonNo: 8 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/02\.12\.2026 на 8-м уроке/);
    expect((await as.deputy!.get(`${T}/changes?from=2026-12-01&to=2026-12-02`)).body.changes).toEqual([]);
  });

  it('should move a lesson to a free time and show it there, with where it came from', async () => {
    const res = await change({ date: '2026-12-01', lessonNo: 8, kind: 'move', toDate: '2026-12-05', toLessonNo: 8 });
    expect(res.status).toBe(201);
    const lessons = await listLessons('sch53', '5b', '2026-q2', 'tt-a');
    expect(lessons.some((l) => l.date === '2026-12-01')).toBe(false);
    expect(lessons.find((l) => l.date === '2026-12-05')).toMatchObject({ lessonNo: 8, movedFrom: '2026-12-01#8', teacherId: ids.teacher });
    expect((await as.deputy!.send('DELETE', `${T}/changes/2026-12-05.5b.8?version=1`)).status).toBe(200);
    const after = await listLessons('sch53', '5b', '2026-q2', 'tt-a');
    expect(after.some((l) => l.date === '2026-12-01')).toBe(true);
    expect(after.some((l) => l.date === '2026-12-05')).toBe(false);
  });

  it('should give a lesson to a free substitute, and refuse a busy one', async () => {
    // t3 teaches tt-b in 5А on Friday, lesson 8 (placed above): busy on Friday 04.12.
    const busy = await as.deputy!.post(`${Y}/lessons/generate`, { periodId: '2026-q2', classIds: ['5b'], from: '2026-11-05' });
    expect(busy.status).toBe(200);
    const fridayOwner = (await listSlots('sch53', '2026', '5a')).concat(await listSlots('sch53', '2026', '6a')).find((s) => s.weekday === 5 && s.lessonNo === 8)!;
    expect(fridayOwner.teacherId).toBe(t3);
    expect((await slot({ classId: '5b', weekday: 5, subjectId: 'tt-a' })).status).toBe(201);
    await as.deputy!.post(`${Y}/lessons/generate`, { periodId: '2026-q2', classIds: ['5b'], from: '2026-11-05' });
    const refused = await change({ date: '2026-12-04', lessonNo: 8, kind: 'substitute', substituteTeacherId: t3 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/04\.12\.2026 на 8-м уроке уже ведёт «Тестовый предмет Б»/);
    const ok = await change({ date: '2026-12-04', lessonNo: 8, kind: 'substitute', substituteTeacherId: t4 });
    expect(ok.status).toBe(201);
    const lesson = (await listLessons('sch53', '5b', '2026-q2', 'tt-a')).find((l) => l.date === '2026-12-04')!;
    expect(lesson).toMatchObject({ teacherId: t4, plannedTeacherId: ids.teacher });
  });

  it('should refuse a holiday, a date with no such lesson and other roles', async () => {
    const holiday = await change({ date: '2026-11-03', lessonNo: 8, kind: 'cancel' });
    expect(holiday.status).toBe(400);
    expect(holiday.body.error.message).toMatch(/каникулы|не входит/);
    const none = await change({ date: '2026-12-07', lessonNo: 8, kind: 'cancel' });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/нет такого урока/);
    const noTarget = await change({ date: '2026-12-08', lessonNo: 8, kind: 'move' });
    expect(noTarget.status).toBe(400);
    for (const login of ['teacher', 'classteacher', 'parent', 'student']) {
      expect((await change({ date: '2026-12-08', lessonNo: 8, kind: 'cancel' }, login)).status, login).toBe(403);
    }
    expect((await as.parent!.get(`${T}/changes`)).status).toBe(403);
  });
});

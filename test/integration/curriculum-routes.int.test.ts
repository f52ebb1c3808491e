/**
 * The curriculum routes over HTTP (R-12, R-24, R-25, clause 5): subjects and curriculum lines by
 * the deputy director, a teacher's own load, subgroups made with the class teacher, substitutes.
 * Every route: the owning role succeeds, other roles are refused, bad input is a 400 with a Russian
 * message that stores nothing, a stale version is a 409, and each change writes its audit record.
 * The server stands on 20.11.2026 (the second quarter) through the request clock. The marking flags
 * of a line (pass/fail, exam) are read by the period marks: the last block sets one through them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { demoCurriculumItems } from '../../shared/demo/curriculum';
import { buildDemoModel } from '../../shared/demo/model';
import { demoTimetableItems } from '../../shared/demo/timetable';
import { findAccountByLogin } from '../../shared/repos/accounts';
import { getLoad, getSubgroups, listSubstitutes } from '../../shared/repos/curriculum';
import { listStudentsOfClass } from '../../shared/repos/school';
import { listSlots } from '../../shared/repos/timetable';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { journalFixture, MATH, mskNoon, Q2, type JournalFixture } from './journal-fixture';

const NOW = new Date('2026-11-20T08:00:00Z');
const S = '/api/schools/sch53';
const Y = `${S}/years/2026`;
let api: ApiServer;
const as: Record<string, ApiClient> = {};
const ids: Record<string, string> = {};
const LOGINS = ['director', 'deputy', 'secretary', 'teacher', 'classteacher', 'parent', 'student', 'uo'];

/** The demo curriculum and timetable, unless the demo seed already has them. */
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
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('subjects', () => {
  it.each([
    ['deputy', 200], ['director', 200], ['teacher', 200], ['classteacher', 200], ['secretary', 200],
    ['parent', 403], ['student', 403], ['uo', 403],
  ])('GET subjects as %s -> %i', async (login, status) => {
    const res = await as[login]!.get(`${S}/subjects`);
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body.subjects.map((s: { name: string }) => s.name)).toContain('Английский язык');
  });

  it('should let the deputy add a subject, with its audit record', async () => {
    const res = await as.deputy!.post(`${S}/subjects`, { subjectId: 'chess', name: 'Шахматы', shortName: 'Шахм.', splittable: false });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subjectId: 'chess', name: 'Шахматы', version: 1 });
    expect((await audit('subject.create')).find((a) => a.entity === 'SUBJ#chess')).toMatchObject({ actorId: ids.deputy });
  });

  it('should refuse a teacher, a class teacher, a parent and a student', async () => {
    for (const login of ['teacher', 'classteacher', 'parent', 'student']) {
      const res = await as[login]!.post(`${S}/subjects`, { subjectId: `x-${login}`, name: `Предмет ${login}`, shortName: 'x', splittable: false });
      expect(res.status, login).toBe(403);
    }
    const list = (await as.deputy!.get(`${S}/subjects`)).body.subjects.map((s: { subjectId: string }) => s.subjectId);
    expect(list.filter((id: string) => id.startsWith('x-'))).toEqual([]);
  });

  it('should refuse bad input in Russian and store nothing', async () => {
    const noName = await as.deputy!.post(`${S}/subjects`, { subjectId: 'bad-one', shortName: 'x', splittable: false });
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toMatch(/Укажите название предмета/);
    const badId = await as.deputy!.post(`${S}/subjects`, { subjectId: 'Плохой', name: 'Плохой', shortName: 'x', splittable: false });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/Обозначение предмета/);
    const dup = await as.deputy!.post(`${S}/subjects`, { name: 'английский  язык'.replace('  ', ' '), shortName: 'x', splittable: true });
    expect(dup.status).toBe(400);
    expect(dup.body.error.message).toBe('Предмет «Английский язык» уже есть в школе.');
    const item = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.subject('sch53', 'bad-one') }));
    expect(item.Item).toBeUndefined();
  });

  it('should rename with the right version and answer 409 with the current one to a stale version', async () => {
    const ok = await as.deputy!.send('PUT', `${S}/subjects/chess`, { name: 'Шахматы и логика', shortName: 'Шахм.', splittable: false, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await as.director!.send('PUT', `${S}/subjects/chess`, { name: 'Шахматы-2', shortName: 'Ш', splittable: false, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ name: 'Шахматы и логика', version: 2 });
    expect((await as.teacher!.send('PUT', `${S}/subjects/chess`, { name: 'Шахматы', shortName: 'Ш', splittable: false, version: 2 })).status).toBe(403);
  });
});

describe('curriculum lines and the teachers load', () => {
  it.each([
    ['deputy', 200], ['teacher', 200], ['classteacher', 200], ['parent', 403], ['student', 403],
  ])('GET the curriculum as %s -> %i', async (login, status) => {
    const res = await as[login]!.get(`${Y}/curriculum`);
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.body.classes.length).toBe(21);
      expect(res.body.lines.find((l: { classId: string; subjectId: string }) => l.classId === '5a' && l.subjectId === 'english').groups).toHaveLength(2);
    }
  });

  it('should let the deputy add a line, which appears in the teacher own load', async () => {
    const res = await as.deputy!.send('PUT', `${Y}/curriculum/5a/chess`, { hoursPerWeek: 1, teacherId: ids.teacher });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ classId: '5a', subjectId: 'chess', hoursPerWeek: 1, teacherId: ids.teacher, version: 1 });
    const load = await as.teacher!.get(`${Y}/teachers/${ids.teacher}/load`);
    expect(load.status).toBe(200);
    expect(load.body.load).toContainEqual(expect.objectContaining({ classId: '5a', className: '5А', subjectId: 'chess', subjectName: 'Шахматы и логика', groupId: 'all', hoursPerWeek: 1 }));
    expect((await audit('curriculum.line.create')).find((a) => a.entity === 'LOAD#2026#5a#chess')).toMatchObject({ actorId: ids.deputy });
  });

  it('should show a teacher only their own load, and the deputy anyone', async () => {
    expect((await as.teacher!.get(`${Y}/teachers/${ids.classteacher}/load`)).status).toBe(403);
    expect((await as.deputy!.get(`${Y}/teachers/${ids.classteacher}/load`)).status).toBe(200);
    expect((await as.parent!.get(`${Y}/teachers/${ids.teacher}/load`)).status).toBe(403);
    const own = await as.classteacher!.get(`${Y}/teachers/${ids.classteacher}/load`);
    expect(own.body.load.some((l: { classId: string; subjectId: string }) => l.classId === '5a' && l.subjectId === 'russian')).toBe(true);
  });

  it('should list a group teacher in their load with the group', async () => {
    const english = (await getLoad('sch53', '2026', '5a', 'english'))!;
    const g2 = english.groups!.find((g) => g.groupId === 'g2')!;
    const res = await as.deputy!.get(`${Y}/teachers/${g2.teacherId}/load`);
    expect(res.body.load).toContainEqual(expect.objectContaining({ classId: '5a', subjectId: 'english', groupId: 'g2', groupName: '2 группа', hoursPerWeek: 3 }));
  });

  it('should refuse bad lines in Russian and store nothing', async () => {
    const zero = await as.deputy!.send('PUT', `${Y}/curriculum/5b/chess`, { hoursPerWeek: 0, teacherId: ids.teacher });
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toMatch(/целое число от 1 до 12/);
    const groups = await as.deputy!.send('PUT', `${Y}/curriculum/5b/chess`, {
      hoursPerWeek: 1,
      groups: [{ groupId: 'g1', name: '1 группа', teacherId: ids.teacher }, { groupId: 'g2', name: '2 группа', teacherId: ids.classteacher }],
    });
    expect(groups.status).toBe(400);
    expect(groups.body.error.message).toMatch(/не делится на подгруппы/);
    const parentAsTeacher = await as.deputy!.send('PUT', `${Y}/curriculum/5b/chess`, { hoursPerWeek: 1, teacherId: ids.parent });
    expect(parentAsTeacher.status).toBe(400);
    expect(parentAsTeacher.body.error.message).toMatch(/Учитель не найден/);
    expect(await getLoad('sch53', '2026', '5b', 'chess')).toBeNull();
    expect((await as.deputy!.send('PUT', `${Y}/curriculum/zz/chess`, { hoursPerWeek: 1, teacherId: ids.teacher })).status).toBe(404);
  });

  it('should refuse other roles', async () => {
    for (const login of ['teacher', 'classteacher', 'parent', 'student', 'secretary']) {
      expect((await as[login]!.send('PUT', `${Y}/curriculum/5b/chess`, { hoursPerWeek: 1, teacherId: ids.teacher })).status, login).toBe(403);
    }
    expect(await getLoad('sch53', '2026', '5b', 'chess')).toBeNull();
  });

  it('should answer 409 to a second create and to a stale version, with the current line', async () => {
    const again = await as.director!.send('PUT', `${Y}/curriculum/5a/chess`, { hoursPerWeek: 2, teacherId: ids.teacher });
    expect(again.status).toBe(409);
    expect(again.body.error.details.current).toMatchObject({ hoursPerWeek: 1, version: 1 });
    const ok = await as.deputy!.send('PUT', `${Y}/curriculum/5a/chess`, { hoursPerWeek: 2, teacherId: ids.teacher, version: 1 });
    expect(ok.status).toBe(200);
    const stale = await as.director!.send('PUT', `${Y}/curriculum/5a/chess`, { hoursPerWeek: 3, teacherId: ids.teacher, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ hoursPerWeek: 2, version: 2 });
  });

  it('should move the timetable slots to a new teacher, and refuse when the new teacher is busy then', async () => {
    const slot = await as.deputy!.post(`${Y}/timetable/slots`, { classId: '5a', weekday: 6, lessonNo: 8, subjectId: 'chess', groupId: 'all' });
    expect(slot.status).toBe(201);
    expect(slot.body.teacherId).toBe(ids.teacher);
    // The class teacher gets a lesson of their own in 5Б at the same time first.
    expect((await as.deputy!.send('PUT', `${Y}/curriculum/5b/chess`, { hoursPerWeek: 1, teacherId: ids.classteacher })).status).toBe(200);
    expect((await as.deputy!.post(`${Y}/timetable/slots`, { classId: '5b', weekday: 6, lessonNo: 8, subjectId: 'chess', groupId: 'all' })).status).toBe(201);
    const busy = await as.deputy!.send('PUT', `${Y}/curriculum/5a/chess`, { hoursPerWeek: 2, teacherId: ids.classteacher, version: 2 });
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toMatch(/в субботу на 8-м уроке уже ведёт «Шахматы и логика» в 5Б/);
    expect((await getLoad('sch53', '2026', '5a', 'chess'))!.teacherId).toBe(ids.teacher);
    // Free the class teacher, then the change goes through and carries the slot along.
    expect((await as.deputy!.send('DELETE', `${Y}/timetable/slots/5b.6.8.all?version=1`)).status).toBe(204);
    const moved = await as.deputy!.send('PUT', `${Y}/curriculum/5a/chess`, { hoursPerWeek: 2, teacherId: ids.classteacher, version: 2 });
    expect(moved.status).toBe(200);
    const slots = await listSlots('sch53', '2026', '5a');
    expect(slots.find((s) => s.subjectId === 'chess')).toMatchObject({ teacherId: ids.classteacher, version: 2 });
  });

  it('should refuse fewer hours than the timetable has, and deleting a line still in the timetable', async () => {
    const res = await as.deputy!.send('DELETE', `${Y}/curriculum/5a/chess?version=3`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/сначала уберите их из расписания/);
    expect((await as.deputy!.send('DELETE', `${Y}/curriculum/5a/chess`)).status).toBe(400);
  });

  it('should delete a line with its version, and not with a stale one', async () => {
    expect((await as.deputy!.send('DELETE', `${Y}/curriculum/5b/chess?version=9`)).status).toBe(409);
    expect((await as.teacher!.send('DELETE', `${Y}/curriculum/5b/chess?version=1`)).status).toBe(403);
    expect((await as.deputy!.send('DELETE', `${Y}/curriculum/5b/chess?version=1`)).status).toBe(204);
    expect(await getLoad('sch53', '2026', '5b', 'chess')).toBeNull();
    expect((await audit('curriculum.line.delete')).length).toBe(1);
  });
});

describe('periods of a class', () => {
  it.each([
    ['classteacher', 200], ['teacher', 200], ['deputy', 200], ['parent', 403], ['student', 403],
  ])('GET the periods of 10A as %s -> %i', async (login, status) => {
    const res = await as[login]!.get(`${S}/classes/10a/periods`);
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.body.class).toMatchObject({ name: '10А', grade: 10, yearId: '2026' });
      expect(res.body.periods.map((p: { periodId: string }) => p.periodId)).toEqual(['2026-h1', '2026-h2']);
    }
  });
});

describe('subgroups (made with the class teacher)', () => {
  const path = (classId: string, periodId = '2026-q2') => `${S}/classes/${classId}/periods/${periodId}/subgroups`;

  it('should show the split subjects of a class with the class list', async () => {
    const res = await as.classteacher!.get(path('5a'));
    expect(res.status).toBe(200);
    expect(res.body.class.name).toBe('5А');
    const english = res.body.subjects.find((s: { subjectId: string }) => s.subjectId === 'english');
    expect(english.groups.map((g: { name: string }) => g.name)).toEqual(['1 группа', '2 группа']);
    expect(res.body.students.length).toBeGreaterThan(20);
    expect(english.unassigned).toEqual([]);
    for (const login of ['parent', 'student']) expect((await as[login]!.get(path('5a'))).status, login).toBe(403);
    expect((await as.deputy!.get(path('5a', '2026-h1'))).status).toBe(404);
  });

  it('should let the class teacher change the make-up of their class, listing who is left out', async () => {
    const current = (await getSubgroups('sch53', '5a', '2026-q2', 'english'))!;
    // Only students on the class list now (the demo may have moved someone since the make-up).
    const onRoster = new Set((await listStudentsOfClass('sch53', '5a')).map((s) => s.studentId));
    const [g1, g2] = current.groups.map((g) => g.studentIds.filter((s) => onRoster.has(s)));
    const moved = g1![0]!;
    const leftOut = g2!.at(-1)!;
    const res = await as.classteacher!.send('PUT', `${path('5a')}/english`, {
      groups: [
        { groupId: 'g1', studentIds: g1!.slice(1) },
        { groupId: 'g2', studentIds: [moved, ...g2!.slice(0, -1)] },
      ],
      version: current.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.unassigned).toEqual([leftOut]);
    expect(res.body.subgroups.groups[1].studentIds).toContain(moved);
    expect(res.body.subgroups.groups[1].teacherId).toBe(current.groups[1]!.teacherId);
    expect((await audit('subgroups.save')).find((a) => a.entity === 'GROUPS#5a#2026-q2#english')).toMatchObject({ actorId: ids.classteacher });
  });

  it('should refuse a student in two groups, naming them, and store nothing', async () => {
    const current = (await getSubgroups('sch53', '5a', '2026-q2', 'english'))!;
    const roster = await listStudentsOfClass('sch53', '5a');
    const twice = current.groups[0]!.studentIds.find((id) => roster.some((s) => s.studentId === id))!;
    const who = roster.find((s) => s.studentId === twice)!;
    const res = await as.deputy!.send('PUT', `${path('5a')}/english`, {
      groups: [
        { groupId: 'g1', studentIds: current.groups[0]!.studentIds },
        { groupId: 'g2', studentIds: [...current.groups[1]!.studentIds, twice] },
      ],
      version: current.version,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`Обучающийся может быть только в одной подгруппе: ${who.lastName} ${who.firstName}.`);
    expect((await getSubgroups('sch53', '5a', '2026-q2', 'english'))!.version).toBe(current.version);
    const foreign = await as.deputy!.send('PUT', `${path('5a')}/english`, { groups: [{ groupId: 'g1', studentIds: ['st-9999'] }], version: current.version });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/не числятся в классе/);
    const notSplit = await as.deputy!.send('PUT', `${path('5a')}/math`, { groups: [{ groupId: 'g1', studentIds: [] }] });
    expect(notSplit.status).toBe(400);
    expect(notSplit.body.error.message).toMatch(/не делится на подгруппы/);
  });

  it('should keep a student who has left the class in their group when the make-up is saved again', async () => {
    // A student of the stored make-up who is no longer on the class list (left during the period).
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.subgroups('sch53', '5a', '2026-q2', 'english'),
        UpdateExpression: 'SET #g[1].studentIds = list_append(#g[1].studentIds, :s)',
        ExpressionAttributeNames: { '#g': 'groups' },
        ExpressionAttributeValues: { ':s': ['st-left'] },
      }),
    );
    const current = (await getSubgroups('sch53', '5a', '2026-q2', 'english'))!;
    const res = await as.classteacher!.send('PUT', `${path('5a')}/english`, {
      groups: current.groups.map((g) => ({ groupId: g.groupId, studentIds: g.studentIds.filter((s) => s !== 'st-left') })),
      version: current.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.subgroups.groups[1].studentIds).toContain('st-left');
    expect(res.body.unassigned).not.toContain('st-left');
  });

  it('should answer 409 to a stale version with the current make-up', async () => {
    const current = (await getSubgroups('sch53', '5a', '2026-q2', 'english'))!;
    const res = await as.deputy!.send('PUT', `${path('5a')}/english`, { groups: current.groups.map((g) => ({ groupId: g.groupId, studentIds: g.studentIds })), version: current.version - 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.details.current.version).toBe(current.version);
  });

  it('should refuse a class teacher for another class, a plain teacher, a parent and a student', async () => {
    const body = { groups: [{ groupId: 'g1', studentIds: [] }, { groupId: 'g2', studentIds: [] }], version: 1 };
    expect((await as.classteacher!.send('PUT', `${path('6a')}/english`, body)).status).toBe(403);
    for (const login of ['teacher', 'parent', 'student', 'secretary']) {
      expect((await as[login]!.send('PUT', `${path('5a')}/english`, body)).status, login).toBe(403);
    }
    expect((await getSubgroups('sch53', '6a', '2026-q2', 'english'))!.groups[0]!.studentIds.length).toBeGreaterThan(0);
  });

  it('should not change the make-up of a period that is over', async () => {
    const current = (await getSubgroups('sch53', '5a', '2026-q1', 'english'))!;
    const res = await as.deputy!.send('PUT', `${path('5a', '2026-q1')}/english`, { groups: current.groups.map((g) => ({ groupId: g.groupId, studentIds: g.studentIds })), version: current.version });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/«1 четверть» уже завершён/);
  });
});

describe('substitutes (R-25)', () => {
  const path = (classId = '6b', periodId = '2026-q2') => `${S}/classes/${classId}/periods/${periodId}/substitutes`;

  it('should let the deputy assign the class teacher to fill a colleague lessons for a range', async () => {
    const res = await as.deputy!.post(path(), { subjectId: 'history', groupId: 'all', teacherId: ids.classteacher, from: '2026-11-23', to: '2026-11-28', reason: 'Больничный лист учителя истории' });
    expect(res.status).toBe(201);
    const history = (await getLoad('sch53', '2026', '6b', 'history'))!;
    expect(res.body).toMatchObject({ substituteId: `history.2026-11-23.${ids.classteacher}`, absentTeacherId: history.teacherId, version: 1 });
    const list = await as.teacher!.get(path());
    expect(list.status).toBe(200);
    expect(list.body.substitutes).toContainEqual(expect.objectContaining({ subjectName: 'История', from: '2026-11-23', to: '2026-11-28' }));
    expect((await audit('substitute.create')).length).toBe(1);
  });

  it('should refuse a range outside the period, a subject not in the curriculum and a non-teacher', async () => {
    const outside = await as.deputy!.post(path(), { subjectId: 'history', groupId: 'all', teacherId: ids.teacher, from: '2026-12-28', to: '2027-01-15', reason: 'Курсы' });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(/внутри периода «2 четверть» \(05\.11\.2026 – 29\.12\.2026\)/);
    const subject = await as.deputy!.post(path(), { subjectId: 'chemistry', groupId: 'all', teacherId: ids.teacher, from: '2026-12-01', to: '2026-12-02', reason: 'Курсы' });
    expect(subject.status).toBe(400);
    const parent = await as.deputy!.post(path(), { subjectId: 'history', groupId: 'all', teacherId: ids.parent, from: '2026-12-01', to: '2026-12-02', reason: 'Курсы' });
    expect(parent.status).toBe(400);
    const noReason = await as.deputy!.post(path(), { subjectId: 'history', groupId: 'all', teacherId: ids.teacher, from: '2026-12-01', to: '2026-12-02' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/основание замены/);
    expect(await listSubstitutes('sch53', '6b', '2026-q2')).toHaveLength(1);
  });

  it('should refuse the class teacher, a teacher, a parent and a student', async () => {
    for (const login of ['classteacher', 'teacher', 'parent', 'student']) {
      const res = await as[login]!.post(path(), { subjectId: 'history', groupId: 'all', teacherId: ids.teacher, from: '2026-12-01', to: '2026-12-02', reason: 'Курсы' });
      expect(res.status, login).toBe(403);
    }
    for (const login of ['parent', 'student']) expect((await as[login]!.get(path())).status, login).toBe(403);
  });

  it('should answer 409 to the same assignment twice and to a stale delete, then delete', async () => {
    const body = { subjectId: 'history', groupId: 'all', teacherId: ids.classteacher, from: '2026-11-23', to: '2026-11-24', reason: 'Больничный' };
    expect((await as.deputy!.post(path(), body)).status).toBe(409);
    const id = `history.2026-11-23.${ids.classteacher}`;
    expect((await as.deputy!.send('DELETE', `${path()}/${id}?version=2`)).status).toBe(409);
    expect((await as.classteacher!.send('DELETE', `${path()}/${id}?version=1`)).status).toBe(403);
    expect((await as.deputy!.send('DELETE', `${path()}/${id}?version=1`)).status).toBe(204);
    expect(await listSubstitutes('sch53', '6b', '2026-q2')).toHaveLength(0);
    expect((await audit('substitute.delete')).length).toBe(1);
  });
});

describe('marking flags of a line: «зачёт/незачёт» and «экзамен» (R-30, R-31)', () => {
  let fx: JournalFixture;
  const clocked = clockedClients(() => api.url);
  const line = (cls: string) => `${Y}/curriculum/${cls}/${MATH}`;
  const markCell = (student: string) => `${S}/classes/5a/final-marks/${Q2}/subjects/${MATH}/students/${student}`;

  beforeAll(async () => {
    fx = await journalFixture(NOW);
  });

  it('should refuse the exam flag outside grades 9 and 11, and with pass/fail, and store nothing', async () => {
    const outside = await as.deputy!.send('PUT', line('5a'), { hoursPerWeek: 4, teacherId: fx.teacherId, exam: true, version: 1 });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toBe('«Экзамен» отмечается только в 9 и 11 классах: в 5 классе экзаменационной отметки нет.');
    const both = await as.deputy!.send('PUT', line('9a'), { hoursPerWeek: 2, teacherId: fx.teacherId, exam: true, passFail: true });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/не может иметь экзамен/);
    expect((await getLoad('sch53', '2026', '5a', MATH))).toMatchObject({ version: 1 });
    expect(await getLoad('sch53', '2026', '9a', MATH)).toBeNull();
    const fuzzy = await as.deputy!.send('PUT', line('5a'), { hoursPerWeek: 4, teacherId: fx.teacherId, passFail: 'да', version: 1 });
    expect(fuzzy.status).toBe(400);
    expect(fuzzy.body.error.message).toContain('«Зачёт/незачёт»');
  });

  it('should take the exam flag in grade 9, shown in the curriculum', async () => {
    const res = await as.deputy!.send('PUT', line('9a'), { hoursPerWeek: 2, teacherId: fx.teacherId, exam: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ classId: '9a', exam: true });
    expect(res.body).not.toHaveProperty('passFail');
    const grid = await as.teacher!.get(`${Y}/curriculum`);
    expect(grid.body.lines.find((l: { classId: string; subjectId: string }) => l.classId === '9a' && l.subjectId === MATH)).toMatchObject({ exam: true });
  });

  it('should make a pass/fail subject refuse «4» and accept «зач» through the period-marks PUT', async () => {
    const res = await as.deputy!.send('PUT', line('5a'), { hoursPerWeek: 4, teacherId: fx.teacherId, passFail: true, version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ passFail: true, version: 2 });
    expect((await audit('curriculum.line.update')).find((a) => a.entity === `LOAD#2026#5a#${MATH}`)).toMatchObject({ after: { passFail: true } });

    // Period marks open on the class's last school day of the quarter (clause 3.9).
    clocked.standAt(NOW);
    const table = await (await clocked.as('teacher')).get(`${S}/classes/5a/periods/${Q2}/period-marks`);
    expect(table.status, JSON.stringify(table.body)).toBe(200);
    clocked.standAt(mskNoon(table.body.window.dueBy));
    const teacher = await clocked.as('teacher');
    const student = fx.fiveA[0]!.studentId;
    const four = await teacher.send('PUT', markCell(student), { version: 0, requestId: 'flags-four', code: '4' });
    expect(four.status).toBe(400);
    expect(four.body.error.message).toBe('Предмет оценивается по системе «зачёт/незачёт»: введите «зач», «незач» или «н/а».');
    const pass = await teacher.send('PUT', markCell(student), { version: 0, requestId: 'flags-pass', code: 'pass' });
    expect(pass.status, JSON.stringify(pass.body)).toBe(200);
    expect(pass.body.mark).toMatchObject({ code: 'pass', text: 'зач' });
    setClock(() => NOW);
  });
});

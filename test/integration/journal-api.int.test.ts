/**
 * The journal over HTTP against DynamoDB Local (issue 4): the page in one Query, who may write,
 * the lock boundaries in Moscow time, bad input, concurrent edits of one cell, retries that cannot
 * double, and a change log that finds a record removed or edited in the table by hand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { ddbRequestCounter, dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { forgetJournalRules } from '../../shared/services/journal-settings';
import { DEMO_TIME_ZONE } from '../../shared/demo/model';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { base, ENG, H1, journalFixture, MATH, mskNoon, Q2, SCH, type JournalFixture } from './journal-fixture';

let api: ApiServer;
let fx: JournalFixture;
const { standAt, as } = clockedClients(() => api.url);

const M5 = base('5a', Q2, MATH);
let rid = 0;
const requestId = () => `req-${Date.now().toString(36)}-${(rid++).toString(36)}`;
const partition = keys.journalPartition(SCH, '5a', Q2);

async function partitionItems(prefix: string) {
  const out = await dynamo().send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': partition, ':p': prefix }, ConsistentRead: true }),
  );
  return out.Items ?? [];
}

beforeAll(async () => {
  await useTestTable();
  const seedAt = mskNoon('2026-11-30');
  await seedDemoSchool(seedAt);
  fx = await journalFixture(seedAt);
  api = await startApi();
  standAt(mskNoon('2026-11-30'));
});
afterEach(() => forgetJournalRules());
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('the journal page', () => {
  it('should show the roster, the lessons and the rules to the teacher, in one Query once warm', async () => {
    standAt(mskNoon('2026-11-30'));
    const teacher = await as('teacher');
    const first = await teacher.get(`${M5}/journal`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.students.map((s: { studentId: string }) => s.studentId).sort()).toEqual(fx.fiveA.map((s) => s.studentId).sort());
    expect(first.body.lessons.map((l: { date: string }) => l.date)).toContain('2026-11-20');
    expect(first.body.today).toBe('2026-11-30');
    expect(first.body.rules.lockDays.currentMarks).toBe(10);
    const l20 = first.body.lessons.find((l: { date: string }) => l.date === '2026-11-20');
    expect(l20).toMatchObject({ canFill: true, lock: { state: 'open', lockedFrom: '2026-12-01' } });
    const future = first.body.lessons.find((l: { date: string }) => l.date === '2026-12-02');
    expect(future.lock.state).toBe('notYet');
    expect(future.lock.message).toContain('02.12.2026');

    const before = ddbRequestCounter.count;
    const again = await teacher.get(`${M5}/journal`);
    expect(again.status).toBe(200);
    expect(ddbRequestCounter.count - before).toBe(1);
    expect(again.body.queryPages).toBe(1);
  });

  it('should let the class teacher and the administration read, and refuse other teachers, parents and students', async () => {
    expect((await (await as('classteacher')).get(`${M5}/journal`)).status).toBe(200);
    expect((await (await as('deputy')).get(`${M5}/journal`)).status).toBe(200);
    const other = await (await as('classteacher')).get(`${base('5b', Q2, MATH)}/journal`);
    expect(other.status).toBe(403);
    for (const login of ['parent', 'student', 'secretary', 'uo']) {
      const res = await (await as(login)).get(`${M5}/journal`);
      expect(res.status, login).toBe(403);
      expect(res.body.error.message, login).toMatch(/[а-я]/);
    }
  });

  it('should show a subgroup\'s teacher their own group (R-24)', async () => {
    const res = await (await as('teacher2')).get(`${base('5a', Q2, ENG)}/journal?group=g2`);
    expect(res.status).toBe(200);
    expect(res.body.students.map((s: { studentId: string }) => s.studentId).sort()).toEqual([...fx.groups.g2].sort());
    expect(res.body.lessons.map((l: { groupId: string }) => l.groupId)).toEqual(['g2']);
  });
});

describe('setting a mark', () => {
  it('should store the mark and its change-log record in one transaction (2 requests in all)', async () => {
    standAt(mskNoon('2026-11-30'));
    const teacher = await as('teacher');
    const student = fx.fiveA[0]!.studentId;
    const before = ddbRequestCounter.count;
    const res = await teacher.send('PUT', `${M5}/marks`, { lessonId: '2026-11-20.8.all', studentId: student, workType: 'lessonAnswer', value: 5, version: 0, requestId: requestId() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // One BatchGetItem (the writer's account among what the mark decides on: an ended session is
    // refused before anything is written) and one transaction.
    expect(ddbRequestCounter.count - before).toBe(2);
    expect(res.body).toMatchObject({ value: { value: 5, workType: 'lessonAnswer', weight: 1, version: 1 }, version: 1, replayed: false });
    const mark = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.mark(SCH, '5a', Q2, MATH, { date: '2026-11-20', lessonNo: 8, groupId: 'all' }, student, 'lessonAnswer') }));
    expect(mark.Item).toMatchObject({ value: 5, version: 1, gsi1pk: `STU#${SCH}#${student}` });
    const log = await partitionItems(`LOG#${MATH}#`);
    expect(log.find((i) => i.type === 'changeLog')).toMatchObject({ actorId: fx.teacherId, action: 'create', old: null, new: { value: 5 } });
    const lesson = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.lesson(SCH, '5a', Q2, MATH, '2026-11-20', 8, 'all') }));
    expect(lesson.Item?.journalData).toBe(true);
    // The page shows it, with the student's weighted average.
    const page = await teacher.get(`${M5}/journal`);
    expect(page.body.marks).toContainEqual(expect.objectContaining({ studentId: student, value: 5 }));
    expect(page.body.students.find((s: { studentId: string }) => s.studentId === student).average).toBe(5);
  });

  it('should refuse a mark from an ended session in the same single read, writing nothing', async () => {
    standAt(mskNoon('2026-11-30'));
    const teacher = await as('teacher');
    const account = { TableName: tableName(), Key: keys.account(fx.teacherId) };
    const epoch = Number((await dynamo().send(new GetCommand(account))).Item?.sessionEpoch ?? 0);
    // «Выйти на всех устройствах» elsewhere, or a reset code: the account's epoch moves on.
    await dynamo().send(new UpdateCommand({ ...account, UpdateExpression: 'SET sessionEpoch = :e', ExpressionAttributeValues: { ':e': epoch + 1 } }));
    try {
      const before = ddbRequestCounter.count;
      const cell = { lessonId: '2026-11-20.8.all', studentId: fx.fiveA[9]!.studentId, workType: 'lessonAnswer' };
      const res = await teacher.send('PUT', `${M5}/marks`, { ...cell, value: 4, version: 0, requestId: requestId() });
      expect(res).toMatchObject({ status: 401, body: { error: { code: 'session_ended' } } });
      expect(ddbRequestCounter.count - before).toBe(1);
      const key = keys.mark(SCH, '5a', Q2, MATH, { date: '2026-11-20', lessonNo: 8, groupId: 'all' }, cell.studentId, 'lessonAnswer');
      expect((await dynamo().send(new GetCommand({ TableName: tableName(), Key: key }))).Item).toBeUndefined();
    } finally {
      await dynamo().send(new UpdateCommand({ ...account, UpdateExpression: 'SET sessionEpoch = :e', ExpressionAttributeValues: { ':e': epoch } }));
    }
  });

  it('should take several marks per lesson for different work types, change and remove them', async () => {
    const teacher = await as('teacher');
    const student = fx.fiveA[1]!.studentId;
    const put = (workType: string, value: number | null, version: number) =>
      teacher.send('PUT', `${M5}/marks`, { lessonId: '2026-11-27.8.all', studentId: student, workType, value, version, requestId: requestId() });
    expect((await put('lessonAnswer', 4, 0)).status).toBe(200);
    expect((await put('test', 2, 0)).status).toBe(200);
    const page = await teacher.get(`${M5}/journal`);
    expect(page.body.students.find((s: { studentId: string }) => s.studentId === student).average).toBe(2.5); // (4*1 + 2*3) / 4
    const changed = await put('test', 3, 1);
    expect(changed.body.value).toMatchObject({ value: 3, version: 2 });
    const removed = await put('test', null, 2);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ value: null, version: 0 });
    // A removed cell is empty again: a new mark goes on version 0 and continues the item's count.
    const again = await put('test', 5, 0);
    expect(again.body.value).toMatchObject({ value: 5, version: 4 });
    const log = (await partitionItems(`LOG#${MATH}#`)).filter((i) => i.type === 'changeLog' && i.target.studentId === student && i.target.workType === 'test');
    expect(log.map((i) => i.action)).toEqual(['create', 'update', 'delete', 'create']);
  });

  it('should keep a mark\'s comment unless it is changed, and log the comment too', async () => {
    const teacher = await as('teacher');
    const base = { lessonId: '2026-11-27.8.all', studentId: fx.fiveA[1]!.studentId, workType: 'homework' };
    const put = (extra: Record<string, unknown>) => teacher.send('PUT', `${M5}/marks`, { ...base, requestId: requestId(), ...extra });
    expect((await put({ value: 4, comment: 'Не решена задача 3', version: 0 })).body.value).toMatchObject({ value: 4, comment: 'Не решена задача 3' });
    expect((await put({ value: 5, version: 1 })).body.value).toMatchObject({ value: 5, comment: 'Не решена задача 3', version: 2 });
    const cleared = await put({ value: 5, comment: null, version: 2 });
    expect(cleared.body.value.comment).toBeUndefined();
    const log = (await partitionItems(`LOG#${MATH}#`)).filter((i) => i.type === 'changeLog' && i.target.studentId === base.studentId && i.target.workType === 'homework');
    expect(log.map((i) => [i.old, i.new])).toEqual([
      [null, { value: 4, comment: 'Не решена задача 3' }],
      [{ value: 4, comment: 'Не решена задача 3' }, { value: 5, comment: 'Не решена задача 3' }],
      [{ value: 5, comment: 'Не решена задача 3' }, { value: 5 }],
    ]);
  });

  it('should refuse bad input with a Russian 400 and store nothing', async () => {
    const teacher = await as('teacher');
    const count = async () => (await partitionItems(`SUBJ#${MATH}#MARK#`)).length + (await partitionItems(`LOG#${MATH}#`)).length;
    const before = await count();
    const student = fx.fiveA[2]!.studentId;
    const good = { lessonId: '2026-11-23.8.all', studentId: student, workType: 'lessonAnswer', value: 4, version: 0, requestId: requestId() };
    for (const bad of [
      { ...good, value: 6 },
      { ...good, value: 1 },
      { ...good, value: '5' },
      { ...good, workType: 'dance' },
      { ...good, lessonId: 'вчера' },
      { ...good, studentId: 'st-9999' },
      { ...good, studentId: fx.tenA[0]!.studentId },
      { ...good, version: -1 },
      { ...good, requestId: 'x' },
      { ...good, comment: 'к'.repeat(201) },
    ]) {
      const res = await teacher.send('PUT', `${M5}/marks`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.message, JSON.stringify(bad)).toMatch(/[а-яё]/i);
    }
    expect(await count()).toBe(before);
    const noLesson = await teacher.send('PUT', `${M5}/marks`, { ...good, lessonId: '2026-11-21.8.all' });
    expect(noLesson.status).toBe(404);
  });

  it('should refuse another teacher, a parent and a student, and store nothing', async () => {
    const body = { lessonId: '2026-11-20.8.all', studentId: fx.fiveA[3]!.studentId, workType: 'lessonAnswer', value: 3, version: 0, requestId: requestId() };
    for (const login of ['classteacher', 'teacher2', 'inspector', 'parent', 'student', 'deputy']) {
      const res = await (await as(login)).send('PUT', `${M5}/marks`, body);
      expect(res.status, login).toBe(403);
      expect(res.body.error.message).toMatch(/[а-я]/);
    }
    expect((await partitionItems(`SUBJ#${MATH}#MARK#2026-11-20#08#all#${fx.fiveA[3]!.studentId}#`)).length).toBe(0);
  });

  it('should let the substitute fill inside the assignment\'s dates only (R-25)', async () => {
    const substitute = await as('teacher2');
    const mark = (date: string) => substitute.send('PUT', `${M5}/marks`, { lessonId: `${date}.8.all`, studentId: fx.fiveA[4]!.studentId, workType: 'lessonAnswer', value: 4, version: 0, requestId: requestId() });
    expect((await mark('2026-11-23')).status).toBe(200);
    expect((await mark('2026-11-25')).status).toBe(200);
    expect((await mark('2026-11-27')).status).toBe(403);
    expect((await mark('2026-11-20')).status).toBe(403);
  });
});

describe('locks in the school\'s time zone (R-23)', () => {
  const student = () => fx.fiveA[5]!.studentId;
  const mark = async (lessonId: string, workType = 'lessonAnswer') =>
    (await as('teacher')).send('PUT', `${M5}/marks`, { lessonId, studentId: student(), workType, value: 4, version: 0, requestId: requestId() });

  it('should accept day 10 until 23:59:59 Moscow time and lock day 11 from 00:00', async () => {
    standAt(new Date('2026-11-30T20:59:59Z'));
    expect((await mark('2026-11-20.8.all')).status).toBe(200);
    standAt(new Date('2026-11-30T21:00:00Z'));
    const locked = await mark('2026-11-20.8.all', 'homework');
    expect(locked.status).toBe(423);
    expect(locked.body.error.message).toContain('с 01.12.2026');
    expect(locked.body.error.details).toMatchObject({ reason: 'locked', lockedFrom: '2026-12-01', days: 10 });
    const att = await (await as('teacher')).send('PUT', `${M5}/attendance`, { lessonId: '2026-11-20.8.all', studentId: student(), kind: 'absent', version: 0, requestId: requestId() });
    expect(att.status).toBe(423);
    const topic = await (await as('teacher')).send('PUT', `${M5}/lessons/2026-11-20.8.all`, { topic: 'Поздняя тема', version: 2, requestId: requestId() });
    expect(topic.status).toBe(423);
  });

  it('should lock monitoring practical works after 7 days', async () => {
    standAt(mskNoon('2026-11-27'));
    expect((await mark('2026-11-20.8.all', 'monitoringPractical')).status).toBe(200);
    standAt(mskNoon('2026-11-28'));
    const res = await mark('2026-11-20.8.all', 'verification');
    expect(res.status).toBe(200);
    const late = await (await as('teacher')).send('PUT', `${M5}/marks`, { lessonId: '2026-11-20.8.all', studentId: fx.fiveA[6]!.studentId, workType: 'monitoringPractical', value: 4, version: 0, requestId: requestId() });
    expect(late.status).toBe(423);
    expect(late.body.error.message).toContain('практические работы');
  });

  it('should refuse tomorrow\'s lesson and open it at 00:00 Moscow time of its day', async () => {
    standAt(new Date('2026-12-01T20:59:59Z'));
    const early = await mark('2026-12-02.8.all');
    expect(early.status).toBe(423);
    expect(early.body.error.details).toMatchObject({ reason: 'notYet', opensOn: '2026-12-02' });
    expect(early.body.error.message).toContain('заранее');
    standAt(new Date('2026-12-01T21:00:00Z'));
    expect((await mark('2026-12-02.8.all')).status).toBe(200);
  });

  it('should refuse marks in grade 1 but take its attendance and topics, homework reading «нет» (R-22)', async () => {
    standAt(mskNoon('2026-11-30'));
    const teacher = await as('teacher');
    const M1 = base('1a', Q2, MATH);
    const student1 = fx.oneA[0]!.studentId;
    const res = await teacher.send('PUT', `${M1}/marks`, { lessonId: '2026-11-27.8.all', studentId: student1, workType: 'lessonAnswer', value: 5, version: 0, requestId: requestId() });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'grade1_no_marks', details: { clause: '3.5' } });
    expect(res.body.error.message).toContain('1 классе');
    expect((await teacher.send('PUT', `${M1}/attendance`, { lessonId: '2026-11-27.8.all', studentId: student1, kind: 'absent', reason: 'illness', version: 0, requestId: requestId() })).status).toBe(200);
    const hw = await teacher.send('PUT', `${M1}/lessons/2026-11-27.8.all`, { topic: 'Счёт до 10', homework: 'Стр. 5', version: 1, requestId: requestId() });
    expect(hw.status).toBe(400);
    const filled = await teacher.send('PUT', `${M1}/lessons/2026-11-27.8.all`, { topic: 'Счёт до 10', version: 1, requestId: requestId() });
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    expect(filled.body.value.homework).toBe('нет');
    const page = await teacher.get(`${M1}/journal`);
    expect(page.body.marksAllowed).toBe(false);
    expect(page.body.lessons[0].homework).toBe('нет');
  });
});

describe('concurrent edits and retries', () => {
  it('should let exactly one of two concurrent edits of one cell win; the other gets 409 with the current value', async () => {
    standAt(mskNoon('2026-11-30'));
    const a = await as('teacher');
    const b = new ApiClient(api.url); // a second tab of the same teacher
    await b.signIn('teacher');
    const cell = { lessonId: '2026-11-30.8.all', studentId: fx.fiveA[7]!.studentId, workType: 'lessonAnswer', version: 0 };
    const [ra, rb] = await Promise.all([
      a.send('PUT', `${M5}/marks`, { ...cell, value: 5, requestId: requestId() }),
      b.send('PUT', `${M5}/marks`, { ...cell, value: 3, requestId: requestId() }),
    ]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = ra.status === 200 ? ra : rb;
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.body.error.details.current).toMatchObject({ value: winner.body.value.value, version: 1 });
    const log = (await partitionItems(`LOG#${MATH}#`)).filter((i) => i.type === 'changeLog' && i.target.studentId === cell.studentId);
    expect(log).toHaveLength(1);
  });

  it('should not lose either of two teachers\' edits of different cells of one lesson at the same time', async () => {
    standAt(mskNoon('2026-11-24'));
    const [t, s] = [await as('teacher'), await as('teacher2')];
    const results = await Promise.all(
      fx.fiveA.slice(10, 20).map((st, i) =>
        (i % 2 ? t : s).send('PUT', `${M5}/marks`, { lessonId: '2026-11-24.8.all', studentId: st.studentId, workType: 'lessonAnswer', value: 2 + (i % 4), version: 0, requestId: requestId() }),
      ),
    );
    // The teacher is not the lesson's filler on 24.11 only if the timetable says so: both may fill it here.
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const marks = await partitionItems(`SUBJ#${MATH}#MARK#2026-11-24#08#all#`);
    expect(marks).toHaveLength(10);
  });

  it('should answer a retried request from the stored result and store one mark and one record', async () => {
    standAt(mskNoon('2026-11-30'));
    const teacher = await as('teacher');
    const body = { lessonId: '2026-11-30.8.all', studentId: fx.fiveA[8]!.studentId, workType: 'lessonAnswer', value: 4, version: 0, requestId: requestId() };
    // The same edit sent twice at once (a retry after a lost response racing the original) and once more later.
    const [first, second] = await Promise.all([teacher.send('PUT', `${M5}/marks`, body), teacher.send('PUT', `${M5}/marks`, body)]);
    const third = await teacher.send('PUT', `${M5}/marks`, body);
    for (const r of [first, second, third]) {
      expect(r.status).toBe(200);
      expect(r.body.value).toMatchObject({ value: 4, version: 1 });
    }
    expect([first.body.replayed, second.body.replayed].sort()).toEqual([false, true]);
    expect(third.body.replayed).toBe(true);
    const log = (await partitionItems(`LOG#${MATH}#`)).filter((i) => i.type === 'changeLog' && i.target.studentId === body.studentId);
    expect(log).toHaveLength(1);
  });

  it('should answer a stale lesson version with 409 and the current topic', async () => {
    standAt(mskNoon('2026-11-30'));
    const teacher = await as('teacher');
    const url = `${M5}/lessons/2026-11-30.8.all`;
    const ok = await teacher.send('PUT', url, { topic: 'Сложение дробей', workTypes: ['lessonAnswer', 'independent'], homework: '№ 12, 14', version: 1, requestId: requestId() });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.value).toMatchObject({ topic: 'Сложение дробей', workTypes: ['lessonAnswer', 'independent'], version: 2 });
    expect(ok.body.value.filledAt).toBeTruthy();
    const stale = await teacher.send('PUT', url, { topic: 'Вычитание дробей', version: 1, requestId: requestId() });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ topic: 'Сложение дробей', version: 2 });
    const latin = await teacher.send('PUT', url, { topic: 'Fractions', version: 2, requestId: requestId() });
    expect(latin.status).toBe(200);
    expect(latin.body.warnings[0]).toContain('русском');
  });
});

describe('attendance and the class teacher\'s reasons (R-21, clause 3.7)', () => {
  it('should mark an absence, and let the class teacher correct its reason with a document', async () => {
    standAt(mskNoon('2026-11-30'));
    const student = fx.fiveA[9]!.studentId;
    const teacher = await as('teacher');
    const abs = await teacher.send('PUT', `${M5}/attendance`, { lessonId: '2026-11-27.8.all', studentId: student, kind: 'absent', version: 0, requestId: requestId() });
    expect(abs.status).toBe(200);
    const reason = { lessonId: '2026-11-27.8.all', studentId: student, reason: 'illness', document: 'Справка № 45 от 29.11.2026', version: 1, requestId: requestId() };
    expect((await teacher.send('PUT', `${M5}/absence-reasons`, reason)).status).toBe(403);
    const fixed = await (await as('classteacher')).send('PUT', `${M5}/absence-reasons`, reason);
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.value).toMatchObject({ kind: 'absent', reason: 'illness', document: 'Справка № 45 от 29.11.2026', version: 2 });
    const noDoc = await (await as('classteacher')).send('PUT', `${M5}/absence-reasons`, { ...reason, document: '', version: 2, requestId: requestId() });
    expect(noDoc.status).toBe(400);
    const log = (await partitionItems(`LOG#${MATH}#`)).filter((i) => i.type === 'changeLog' && i.entity === 'attendance' && i.target.studentId === student);
    expect(log.map((i) => i.actorName.length > 0 && i.action)).toEqual(['create', 'update']);
  });
});

describe('the change log (R-42)', () => {
  it('should be readable by the administration and the class teacher only', async () => {
    expect((await (await as('teacher')).get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/change-log`)).status).toBe(403);
    expect((await (await as('parent')).get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/change-log`)).status).toBe(403);
    const res = await (await as('deputy')).get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/change-log?subject=${MATH}`);
    expect(res.status).toBe(200);
    expect(res.body.records.length).toBeGreaterThan(5);
    expect(res.body.verification).toEqual({ ok: true, checked: res.body.records.length, problems: [] });
    expect(res.body.queryPages).toBe(1);
    // The page shows the times in the school's zone, not the reader's.
    expect(res.body.timeZone).toBe(DEMO_TIME_ZONE);
  });

  it('should detect a record edited in the table by hand', async () => {
    const deputy = await as('deputy');
    const url = `/api/schools/${SCH}/classes/5a/periods/${Q2}/change-log?subject=${MATH}`;
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.changeLog(SCH, '5a', Q2, MATH, 2),
        UpdateExpression: 'SET #n = :v',
        ExpressionAttributeNames: { '#n': 'new' },
        ExpressionAttributeValues: { ':v': { value: 5 } },
      }),
    );
    const res = await deputy.get(url);
    expect(res.body.verification.ok).toBe(false);
    expect(res.body.verification.problems).toContainEqual(expect.objectContaining({ seq: 2, message: expect.stringContaining('изменена') }));
  });

  it('should detect a record deleted in the table by hand, and the API has no way to change it', async () => {
    const deputy = await as('deputy');
    const url = `/api/schools/${SCH}/classes/5a/periods/${Q2}/change-log?subject=${MATH}`;
    await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: keys.changeLog(SCH, '5a', Q2, MATH, 4) }));
    const res = await deputy.get(url);
    expect(res.body.verification.problems).toContainEqual(expect.objectContaining({ seq: 5, message: expect.stringContaining('записи № 4') }));
    for (const method of ['PUT', 'DELETE', 'POST', 'PATCH']) {
      expect((await deputy.send(method, `/api/schools/${SCH}/classes/5a/periods/${Q2}/change-log`, {})).status, method).toBe(404);
    }
  });
});

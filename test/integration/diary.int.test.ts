/**
 * The family's diary over HTTP against DynamoDB Local (issue 12, Done-when): a parent reads their
 * own child's week and a subject's page; individual homework reaches only its student; events are
 * published (audited), shown to the families they are for, edited on a version and removed; and a
 * parent meets 404 or 403 with no name of anybody else's child on EVERY route of the manifest that
 * names a student, a class or a conversation (generated from the routes, so routes added later
 * are covered without touching this file).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { routes } from '../../functions/routes';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { ddbRequestCounter } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/query';
import { buildDemoModel } from '../../shared/demo/index';
import type { JournalAttendance, JournalMark } from '../../shared/domain/journal-model';
import { attendanceItem, markItem } from '../../shared/repos/journal';
import { lessonItem } from '../../shared/repos/lessons';
import { movementItem } from '../../shared/repos/movement';
import { forgetJournalRules } from '../../shared/services/journal-settings';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { journalFixture, MATH, mskNoon, Q2, SCH, YEAR, type JournalFixture } from './journal-fixture';

let api: ApiServer;
let fx: JournalFixture;
const { standAt, as } = clockedClients(() => api.url);

const DIARY = (student: string) => `/api/schools/${SCH}/students/${student}/diary`;
const DAY = '2026-11-25';
/** The parent's two children (5А and 8Б), parent2's child (5А) and a 5А pupil of no demo family. */
const kids = { a: '', b: '', c: '', stranger: { studentId: '', lastName: '', firstName: '' } };

beforeAll(async () => {
  await useTestTable();
  const seedAt = mskNoon('2026-11-30');
  await seedDemoSchool(seedAt);
  fx = await journalFixture(seedAt);
  const model = buildDemoModel({ now: seedAt });
  const children = (f: 'parent' | 'parent2') => model.parents.find((p) => p.fixed === f)!.childIds.map((id) => model.students.find((s) => s.studentId === id)!);
  const [a, b] = [children('parent').find((s) => s.classId === '5a')!, children('parent').find((s) => s.classId === '8b')!];
  const c = children('parent2')[0]!;
  const family = new Set([a.studentId, b.studentId, c.studentId, model.students.find((s) => s.fixed === 'student')!.studentId]);
  const stranger = fx.fiveA.find((s) => !family.has(s.studentId))!;
  Object.assign(kids, { a: a.studentId, b: b.studentId, c: c.studentId, stranger: { studentId: stranger.studentId, lastName: stranger.lastName, firstName: stranger.firstName } });

  const place = { schoolId: SCH, classId: '5a', periodId: Q2, subjectId: MATH };
  const mark = (workType: JournalMark['workType'], value: number, weight: number, studentId = kids.a): JournalMark => ({
    date: DAY, lessonNo: 8, groupId: 'all', studentId, workType, value, weight, version: 1, setBy: fx.teacherId, setAt: `${DAY}T08:00:00.000Z`,
  });
  const absent: JournalAttendance = { date: '2026-11-24', lessonNo: 8, groupId: 'all', studentId: kids.a, kind: 'absent', reason: 'illness', version: 1, setBy: fx.teacherId, setAt: '2026-11-24T08:00:00.000Z' };
  await batchWriteAll([
    {
      ...lessonItem(SCH, YEAR, { classId: '5a', periodId: Q2, subjectId: MATH, groupId: 'all', date: DAY, lessonNo: 8, teacherId: fx.teacherId, status: 'planned' }, '2026-08-31T09:00:00.000Z'),
      topic: 'Сложение дробей',
      homework: '№ 241, 243',
      individualHomework: [
        { studentIds: [kids.a], text: 'Карточка для первого' },
        { studentIds: [kids.c, kids.stranger.studentId], text: 'Карточка для второго' },
      ],
      version: 2,
    },
    ...[mark('lessonAnswer', 5, 1), mark('verification', 4, 2), mark('lessonAnswer', 3, 1, kids.c)].map((m) => markItem(place, m)),
    attendanceItem(place, absent),
    // parent2's child came to 5А from 5Б on 09.11.2026: the history has two classes.
    movementItem({ schoolId: SCH, studentId: kids.c, kind: 'transfer', date: '2026-11-09', orderNo: '99-у', fromClassId: '5b', toClassId: '5a', studentName: 'x', recordedAt: '2026-11-09T08:00:00.000Z', recordedBy: 'u', recordedByName: 'u' }),
  ]);
  api = await startApi();
  standAt(mskNoon('2026-11-30'));
});
afterAll(async () => {
  forgetJournalRules();
  setClock(null);
  await api?.stop();
});

type Lesson = { subjectId: string; lessonNo: number; topic?: string; homework?: string; individualHomework: string[]; marks: Array<{ workTypeName: string; value: number; weight: number }>; attendance?: { kind: string; reason?: string } };
type Day = { date: string; today: boolean; lessons: Lesson[]; events: Array<{ title: string; audienceTitle: string }> };
const mathOn = (days: Day[], date: string) => days.find((d) => d.date === date)!.lessons.find((l) => l.subjectId === MATH && l.lessonNo === 8)!;

describe('the week', () => {
  it('should give a parent their child\'s week: lessons with topic, homework, marks with work type and weight, attendance', async () => {
    const parent = await as('parent');
    const before = ddbRequestCounter.count;
    const res = await parent.get(`${DIARY(kids.a)}/week?from=${DAY}`);
    const requests = ddbRequestCounter.count - before;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-11-23', to: '2026-11-29', previous: '2026-11-16', next: '2026-11-30', className: '5А' });
    expect(res.body.days.map((d: Day) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    const lesson = mathOn(res.body.days, DAY);
    expect(lesson).toMatchObject({ topic: 'Сложение дробей', homework: '№ 241, 243', individualHomework: ['Карточка для первого'] });
    expect(lesson.marks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ workTypeName: 'Ответ на уроке', value: 5, weight: 1 }),
        expect.objectContaining({ workTypeName: 'Проверочная работа', value: 4, weight: 2 }),
      ]),
    );
    expect(mathOn(res.body.days, '2026-11-24').attendance).toEqual({ kind: 'absent', reason: 'illness' });
    // The diary index and the class-day index, besides the context: school items, the card with its
    // movements, the subjects, the events, the class and year, the teachers' names.
    expect(requests).toBeLessThanOrEqual(9);
  });

  it('should give individual homework only to its student, and never name the others it was given to', async () => {
    const mine = await (await as('parent2')).get(`${DIARY(kids.c)}/week?from=${DAY}`);
    expect(mine.status).toBe(200);
    expect(mathOn(mine.body.days, DAY).individualHomework).toEqual(['Карточка для второго']);
    const text = JSON.stringify(mine.body);
    expect(text).not.toContain('Карточка для первого');
    expect(text).not.toContain(kids.stranger.studentId);
    expect(text).not.toContain(kids.a);
    const student = await (await as('student')).get(`/api/schools/${SCH}/students/${buildDemoModel({ now: mskNoon('2026-11-30') }).students.find((s) => s.fixed === 'student')!.studentId}/diary/week?from=${DAY}`);
    expect(student.status).toBe(200);
    expect(mathOn(student.body.days, DAY).individualHomework).toEqual([]);
    expect(mathOn(student.body.days, DAY).marks).toEqual([]);
  });

  it('should mark today, default to the current week and move a week at a time', async () => {
    const parent = await as('parent');
    const now = await parent.get(`${DIARY(kids.a)}/week`);
    expect(now.body.from).toBe('2026-11-30');
    expect(now.body.days.filter((d: Day) => d.today).map((d: Day) => d.date)).toEqual(['2026-11-30']);
    const prev = await parent.get(`${DIARY(kids.a)}/week?from=${now.body.previous}`);
    expect(prev.body.from).toBe('2026-11-23');
    expect(prev.body.days.some((d: Day) => d.today)).toBe(false);
    const bad = await parent.get(`${DIARY(kids.a)}/week?from=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/дата/);
  });

  it('should show the other child of the same parent in their own class', async () => {
    const res = await (await as('parent')).get(`${DIARY(kids.b)}/week?from=${DAY}`);
    expect(res.status).toBe(200);
    expect(res.body.className).toBe('8Б');
    expect(JSON.stringify(res.body)).not.toContain('Сложение дробей');
  });
});

describe('a subject for a period', () => {
  it('should explain the average, the implied mark and list every mark and lesson', async () => {
    const res = await (await as('parent')).get(`${DIARY(kids.a)}/subjects/${MATH}?period=${Q2}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.subjectName).toBe('Математика (проверка)');
    // (5·1 + 4·2) / 3 = 4,33 → «4».
    expect(res.body.justification.summary).toContain('4,33');
    expect(res.body.justification.lines).toHaveLength(2);
    expect(res.body.rule).toMatch(/округляется/);
    expect(res.body.lessons.find((l: { date: string }) => l.date === DAY)).toMatchObject({ topic: 'Сложение дробей', individualHomework: ['Карточка для первого'] });
    expect(res.body.lessons.find((l: { date: string }) => l.date === '2026-11-24').absent).toBe(true);
    expect(res.body.periods.map((p: { periodId: string }) => p.periodId)).toContain(Q2);
    expect((await (await as('parent')).get(`${DIARY(kids.a)}/subjects/${MATH}?period=nope`)).status).toBe(404);
    expect((await (await as('parent')).get(`${DIARY(kids.a)}/subjects/${MATH}?class=10a`)).status).toBe(404);
  });
});

describe('history across classes and years', () => {
  it('should list the classes the movements name, show an earlier week in its class and the earlier class\'s marks, and nothing of a class the student was never in', async () => {
    const parent2 = await as('parent2');
    const years = await parent2.get(`${DIARY(kids.c)}/years`);
    expect(years.status, JSON.stringify(years.body)).toBe(200);
    expect(years.body.years.map((y: { className: string; current: boolean }) => [y.className, y.current])).toEqual([['5А', true], ['5Б', false]]);
    expect(years.body.years[0].periods.map((p: { periodId: string }) => p.periodId)).toContain(Q2);
    const before = await parent2.get(`${DIARY(kids.c)}/week?from=2026-11-05`);
    expect(before.body.className).toBe('5Б');
    const earlier = await parent2.get(`/api/schools/${SCH}/students/${kids.c}/period-report?class=5b&period=${Q2}`);
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(200);
    expect(earlier.body.className).toBe('5Б');
    expect((await parent2.get(`/api/schools/${SCH}/students/${kids.c}/period-report?class=10a`)).status).toBe(404);
    expect((await (await as('parent')).get(`/api/schools/${SCH}/students/${kids.a}/period-report?class=5b`)).status).toBe(404);
  });
});

describe('events', () => {
  it('should let the deputy and the class teacher publish, show each family only theirs, and audit every change', async () => {
    const deputy = await as('deputy');
    const school = await deputy.post(`/api/schools/${SCH}/events`, { date: '2026-11-26', time: '18:00', title: 'Родительское собрание', place: 'Актовый зал', audience: 'school' });
    expect(school.status, JSON.stringify(school.body)).toBe(201);
    const eighth = await deputy.post(`/api/schools/${SCH}/events`, { date: '2026-11-26', title: 'Экскурсия восьмых классов', audience: 'grade', grade: 8 });
    expect(eighth.status).toBe(201);
    const teacher = await as('classteacher');
    const fifthA = await teacher.post(`/api/schools/${SCH}/events`, { date: '2026-11-27', title: 'Классный час', audience: 'class', classId: '5a' });
    expect(fifthA.status).toBe(201);
    expect(fifthA.body.event.audienceTitle).toBe('5А');
    // A class teacher speaks for their class only.
    expect((await teacher.post(`/api/schools/${SCH}/events`, { date: '2026-11-27', title: 'Чужой', audience: 'school' })).status).toBe(403);
    expect((await teacher.post(`/api/schools/${SCH}/events`, { date: '2026-11-27', title: 'Чужой', audience: 'class', classId: '8b' })).status).toBe(403);
    // Bad input: a Russian 400, nothing stored.
    const bad = await deputy.post(`/api/schools/${SCH}/events`, { date: '2026-11-27', time: '25:00', title: ' ', audience: 'school' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Время мероприятия');
    expect((await (await as('parent')).post(`/api/schools/${SCH}/events`, { date: '2026-11-27', title: 'x', audience: 'school' })).status).toBe(403);

    const weekA = await (await as('parent')).get(`${DIARY(kids.a)}/week?from=${DAY}`);
    const titles = (days: Day[]) => days.flatMap((d) => d.events.map((e) => e.title));
    expect(titles(weekA.body.days)).toEqual(['Родительское собрание', 'Классный час']);
    const weekB = await (await as('parent')).get(`${DIARY(kids.b)}/week?from=${DAY}`);
    // The same day: an event without a time (all day) before one at 18:00.
    expect(titles(weekB.body.days)).toEqual(['Экскурсия восьмых классов', 'Родительское собрание']);
    const list = await (await as('parent')).get(`${DIARY(kids.b)}/events?from=2026-11-23&to=2026-11-29`);
    expect(list.body.events.map((e: { title: string }) => e.title)).toEqual(['Экскурсия восьмых классов', 'Родительское собрание']);
    const winter = await (await as('parent')).get(`${DIARY(kids.b)}/events?from=2026-12-20&to=2027-01-20`);
    expect(winter.body.holidays).toEqual([{ name: 'Зимние каникулы', startDate: '2026-12-30', endDate: '2027-01-11' }]);

    // An edit names its version; a stale one is a 409; moving the date moves the event.
    const id = school.body.event.eventId;
    const edited = await deputy.send('PUT', `/api/schools/${SCH}/events/${id}`, { date: '2026-11-28', time: '18:30', title: 'Родительское собрание', place: 'Актовый зал', audience: 'school', version: 1 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.event).toMatchObject({ date: '2026-11-28', time: '18:30', version: 2 });
    expect((await deputy.send('PUT', `/api/schools/${SCH}/events/${edited.body.event.eventId}`, { date: '2026-11-28', title: 'x', audience: 'school', version: 1 })).status).toBe(409);
    expect((await teacher.send('DELETE', `/api/schools/${SCH}/events/${edited.body.event.eventId}?version=2`)).status).toBe(403);
    expect((await deputy.send('DELETE', `/api/schools/${SCH}/events/${edited.body.event.eventId}?version=2`)).status).toBe(204);
    const staffList = await deputy.get(`/api/schools/${SCH}/events?from=2026-11-23&to=2026-11-29`);
    expect(staffList.body.events.map((e: { title: string }) => e.title)).toEqual(['Экскурсия восьмых классов', 'Классный час']);
    const audit = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(SCH, '2026-11') } });
    expect(audit.filter((i) => String(i.action).startsWith('event.')).map((i) => i.action).sort()).toEqual(['event.create', 'event.create', 'event.create', 'event.delete', 'event.update']);
  });
});

describe('nothing about anybody else', () => {
  /** A conversation, message or survey named in a path: the messages' routes are covered as they come. */
  const OTHERS_PARAM = /\{(studentId|classId|[a-zA-Z]*(thread|conversation|message|survey|announcement)[a-zA-Z]*)\}/i;
  const guarded = routes.filter((r) => OTHERS_PARAM.test(r.path) && r.permission !== 'public');
  const value = (param: string): string => {
    if (param === 'schoolId') return SCH;
    if (param === 'studentId') return kids.stranger.studentId;
    if (param === 'classId') return '10a';
    if (param === 'periodId' || param === 'slot') return Q2;
    if (param === 'subjectId') return MATH;
    if (param === 'yearId') return YEAR;
    if (param === 'lessonId') return '2026-11-20.8.all';
    if (param === 'number') return '1';
    return 'x0000001';
  };

  it('should cover the family routes, the class routes and whatever names a conversation', () => {
    expect(guarded.length).toBeGreaterThan(20);
    expect(guarded.some((r) => r.area === 'diary')).toBe(true);
  });

  it('should answer a parent 404 or 403, without a name, on every such route with another family\'s child or another class', async () => {
    const parent = await as('parent');
    const leaks: string[] = [];
    for (const r of guarded) {
      const path = r.path.replace(/\{([^}]+)\}/g, (_, p: string) => value(p));
      const res = await parent.send(r.method, path, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      const text = JSON.stringify(res.body ?? '');
      if (![403, 404].includes(res.status) || text.includes(kids.stranger.lastName) || text.includes(kids.stranger.firstName)) leaks.push(`${r.method} ${r.path}: ${res.status} ${text.slice(0, 120)}`);
      // The family's own routes say nothing exists (404), so ids cannot be probed.
      if (r.path.includes('{studentId}') && r.method === 'GET' && (r.permission === 'diary.readOwn' || r.permission === 'finalMark.readOwn') && res.status !== 404) leaks.push(`${r.method} ${r.path}: ${res.status}, not 404`);
    }
    expect(leaks).toEqual([]);
  });
});

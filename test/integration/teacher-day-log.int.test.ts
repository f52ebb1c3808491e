/**
 * The everyday screens' server side (issue 8) over HTTP against DynamoDB Local, on the demo school:
 * the teacher's lessons today (the timetable with that day's substitution, each lesson with its
 * journal place and fill state) and the change log in words, by name, with its filters and pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { DEMO_SCHOOL_ID } from '../../shared/demo/model';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { mskNoon } from './journal-fixture';

let api: ApiServer;
const { standAt, as } = clockedClients(() => api.url);
const SCH = DEMO_SCHOOL_ID;
const TODAY = '2026-11-30';
let rid = 0;
const requestId = () => `day-${Date.now().toString(36)}-${(rid++).toString(36)}`;

interface DayLesson {
  classId: string;
  className: string;
  subjectId: string;
  subjectName: string;
  groupId: string;
  lessonNo: number;
  state: string;
  via?: string;
  periodId?: string;
  lessonId?: string;
  topic?: string;
  counts?: { marks: number; absent: number; late: number };
}

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(mskNoon(TODAY), { setUp: true });
  api = await startApi();
  standAt(mskNoon(TODAY));
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('the teacher\'s day', () => {
  it('should list today\'s lessons with their journal place and fill state, and follow a substitution', async () => {
    const teacher = await as('teacher');
    const before = await teacher.get(`/api/schools/${SCH}/journal/today`);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.today).toBe(TODAY);
    const given: DayLesson[] = before.body.lessons.filter((l: DayLesson) => l.state === 'given');
    expect(given.length).toBeGreaterThan(1);
    for (const l of given) {
      expect(l.periodId, JSON.stringify(l)).toBeTruthy();
      expect(l.lessonId).toMatch(new RegExp(`^${TODAY}\\.${l.lessonNo}\\.`));
      expect(l.subjectName).toMatch(/[а-я]/);
      expect(l.counts).toBeDefined();
    }
    expect(given.map((l) => l.lessonNo)).toEqual([...given.map((l) => l.lessonNo)].sort((a, b) => a - b));

    // The deputy hands one of them to the class teacher (who is free then): it leaves the teacher's day
    // as «handed over» and joins the class teacher's.
    const deputy = await as('deputy');
    const substituteId = (await (await as('classteacher')).get('/api/me')).body.userId;
    let handed: DayLesson | undefined;
    const refusals: string[] = [];
    for (const l of given) {
      const res = await deputy.send('POST', `/api/schools/${SCH}/years/2026/timetable/changes`, {
        classId: l.classId,
        date: TODAY,
        lessonNo: l.lessonNo,
        groupId: l.groupId,
        kind: 'substitute',
        substituteTeacherId: substituteId,
        reason: 'болезнь учителя',
      });
      if (res.status === 201) {
        handed = l;
        break;
      }
      refusals.push(`${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(handed, refusals.join('\n')).toBeDefined();
    const after = await teacher.get(`/api/schools/${SCH}/journal/today`);
    expect(after.body.lessons).toContainEqual(expect.objectContaining({ classId: handed!.classId, lessonNo: handed!.lessonNo, state: 'handedOver' }));
    expect(after.body.lessons.filter((l: DayLesson) => l.state === 'given')).toHaveLength(given.length - 1);
    const substitute = await (await as('classteacher')).get(`/api/schools/${SCH}/journal/today`);
    const covered = substitute.body.lessons.find((l: DayLesson) => l.classId === handed!.classId && l.lessonNo === handed!.lessonNo);
    expect(covered).toMatchObject({ state: 'given', via: 'substitute', subjectId: handed!.subjectId, periodId: handed!.periodId, lessonId: handed!.lessonId });
  });

  it('should be refused to parents and students', async () => {
    for (const login of ['parent', 'student']) expect((await (await as(login)).get(`/api/schools/${SCH}/journal/today`)).status, login).toBe(403);
  });
});

describe('the change log in words', () => {
  it('should name the subject, the lesson and the student, say what changed in Russian, and filter', async () => {
    const teacher = await as('teacher');
    const day = (await teacher.get(`/api/schools/${SCH}/journal/today`)).body.lessons.find((l: DayLesson) => l.state === 'given' && l.periodId) as DayLesson;
    const path = `/api/schools/${SCH}/classes/${day.classId}/periods/${day.periodId}/subjects/${day.subjectId}`;
    const page = (await teacher.get(`${path}/journal${day.groupId === 'all' ? '' : `?group=${day.groupId}`}`)).body;
    const lesson = page.lessons.find((l: { lessonId: string }) => l.lessonId === day.lessonId);
    const student = page.students.find((s: { studentId: string }) => !page.marks.some((m: { studentId: string; lessonId: string }) => m.studentId === s.studentId && m.lessonId === day.lessonId));
    const mark = (value: number, version: number) => teacher.send('PUT', `${path}/marks`, { lessonId: day.lessonId, studentId: student.studentId, workType: 'lessonAnswer', value, version, requestId: requestId() });
    const first = await mark(3, 0);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((await mark(4, first.body.version)).status).toBe(200);
    const absent = await teacher.send('PUT', `${path}/attendance`, { lessonId: day.lessonId, studentId: student.studentId, kind: 'absent', version: 0, requestId: requestId() });
    expect(absent.status, JSON.stringify(absent.body)).toBe(200);
    const ill = await teacher.send('PUT', `${path}/attendance`, { lessonId: day.lessonId, studentId: student.studentId, kind: 'absent', reason: 'illness', version: absent.body.version, requestId: requestId() });
    expect(ill.status, JSON.stringify(ill.body)).toBe(200);
    const topic = await teacher.send('PUT', `${path}/lessons/${day.lessonId}`, { topic: 'Сложение дробей', version: lesson.version, requestId: requestId() });
    expect(topic.status, JSON.stringify(topic.body)).toBe(200);

    const deputy = await as('deputy');
    const log = `/api/schools/${SCH}/classes/${day.classId}/periods/${day.periodId}/change-log`;
    const byStudent = await deputy.get(`${log}?student=${student.studentId}&from=${TODAY}&to=${TODAY}`);
    expect(byStudent.status, JSON.stringify(byStudent.body)).toBe(200);
    const words = byStudent.body.records.map((r: { description: string }) => r.description);
    expect(words).toEqual(['посещаемость: н → б', 'посещаемость: н', 'отметка 3 → 4, ответ на уроке', 'отметка 3, ответ на уроке']);
    const [newest] = byStudent.body.records;
    expect(newest).toMatchObject({ studentName: student.name, subjectName: day.subjectName, lesson: { date: TODAY, lessonNo: day.lessonNo } });
    expect(byStudent.body.choices.students).toContainEqual({ id: student.studentId, name: student.name });
    expect(byStudent.body.verification.ok).toBe(true);

    const topicRecords = await deputy.get(`${log}?subject=${day.subjectId}&from=${TODAY}&to=${TODAY}&actor=${newest.actorId}`);
    expect(topicRecords.body.records.map((r: { description: string }) => r.description)).toContain('тема урока: «Сложение дробей»');
    expect(topicRecords.body.records.every((r: { actorId: string; subjectId: string }) => r.actorId === newest.actorId && r.subjectId === day.subjectId)).toBe(true);

    // Nothing of the rendered text is an id or an English word.
    const all = await deputy.get(log);
    expect(all.body.total).toBeGreaterThan(all.body.pageSize);
    expect(all.body.records).toHaveLength(all.body.pageSize);
    for (const r of all.body.records as Array<{ description: string; subjectName: string; studentName?: string }>) {
      expect(`${r.description} ${r.subjectName} ${r.studentName ?? ''}`).not.toMatch(/[A-Za-z]|\d{4}-\d\d-\d\d/);
    }
    const second = await deputy.get(`${log}?page=2`);
    expect(second.body.page).toBe(2);
    expect(second.body.records[0].at <= all.body.records.at(-1).at).toBe(true);
    const noneBefore = await deputy.get(`${log}?to=2026-09-01`);
    expect(noneBefore.body.total).toBe(0);
  });

  it('should answer 400 in Russian to a bad filter', async () => {
    const deputy = await as('deputy');
    for (const q of ['page=0', 'page=x', 'from=2026-13-01', 'from=2026-12-01&to=2026-11-01', 'student=a%20b']) {
      const res = await deputy.get(`/api/schools/${SCH}/classes/5a/periods/2026-q2/change-log?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message, q).toMatch(/[а-я]/);
    }
  });
});

describe('the department\'s schools', () => {
  it('should be named by /me for the department specialist, who may read each school\'s settings', async () => {
    const uo = await as('uo');
    const me = await uo.get('/api/me');
    expect(me.body.schools).toContainEqual({ schoolId: SCH, name: expect.stringMatching(/СОШ/) });
    expect((await uo.get(`/api/schools/${SCH}/settings`)).status).toBe(200);
    // A teacher's /me still names only their own school.
    expect((await (await as('teacher')).get('/api/me')).body.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual([SCH]);
  });
});

/**
 * The monitoring of how the journal is kept (R-62; issue 13, item 3) over HTTP against DynamoDB
 * Local: a small fixture class (5 pupils, mathematics with a KTP and assessment procedures, English
 * in two subgroups with two teachers, families' accounts with their last sign-in days) compared with
 * figures worked out by hand; the school's thresholds moving the problems; the sign-in day written
 * once a day; who may read it; the PDF read back with pdftotext and the XLSX with exceljs.
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { ddbRequestCounter } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { buildDemoModel } from '../../shared/demo/index';
import type { JournalLesson, SubjectRoster } from '../../shared/domain/journal-model';
import { accountItem, getAccount, type Account } from '../../shared/repos/accounts';
import { assessmentItem } from '../../shared/repos/assessments';
import { loadLineItems, subjectItem } from '../../shared/repos/curriculum';
import { attendanceItem, markItem, rosterItem } from '../../shared/repos/journal';
import { ktpItem } from '../../shared/repos/ktp';
import { lessonItem } from '../../shared/repos/lessons';
import { schoolMonitoring } from '../../shared/services/reports/monitoring';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { mskNoon, Q2, SCH, YEAR } from './journal-fixture';

const CLS = 'mon7';
const NOW = mskNoon('2026-12-02');
const URL = `/api/schools/${SCH}/years/${YEAR}/periods/${Q2}/monitoring`;
const model = buildDemoModel({ now: NOW });
const T1 = model.staff.find((s) => s.fixed === 'teacher')!.userId;
const T2 = model.staff.find((s) => s.fixed === 'teacher2')!.userId;
const DEP = model.department.departmentId;

let api: ApiServer;
const { standAt, as } = clockedClients(() => api.url);

const place = (subjectId: string) => ({ schoolId: SCH, classId: CLS, periodId: Q2, subjectId });
const PUPILS = [
  { studentId: 'mon-a', name: 'Алексеева Анна' },
  { studentId: 'mon-b', name: 'Богданов Борис' },
  { studentId: 'mon-c', name: 'Виноградова Вера' },
  // Left the class on 18.11: on the roster for the lessons of 16.11 and 17.11 only.
  { studentId: 'mon-d', name: 'Гусев Глеб', until: '2026-11-18' },
  { studentId: 'mon-e', name: 'Дмитриева Дарья' },
];

function roster(subjectId: string, extra: Partial<SubjectRoster>): Record<string, unknown> {
  return rosterItem(place(subjectId), {
    subjectId, classId: CLS, className: '7М', grade: 7, periodId: Q2, line: { teacherId: T1 }, groups: [],
    students: PUPILS, version: 1, builtAt: '2026-11-05T06:00:00.000Z', ...extra,
  });
}

function lesson(subjectId: string, date: string, content: Partial<JournalLesson> & { status?: string } = {}, groupId = 'all', teacherId = T1) {
  return { ...lessonItem(SCH, YEAR, { classId: CLS, periodId: Q2, subjectId, groupId, date, lessonNo: 2, teacherId, status: 'planned' }, '2026-08-31T09:00:00.000Z'), ...content };
}

function mark(subjectId: string, date: string, studentId: string, value: number, workType: 'lessonAnswer' | 'test' = 'lessonAnswer', groupId = 'all') {
  return markItem(place(subjectId), { date, lessonNo: 2, groupId, studentId, workType, value, weight: 1, version: 1, setBy: T1, setAt: `${date}T10:00:00.000Z` });
}

function account(userId: string, kind: 'student' | 'parent', studentIds: string[], lastSignInOn?: string, status: Account['status'] = 'active'): Record<string, unknown> {
  return accountItem({
    userId, login: userId, kind, lastName: 'Фикстура', firstName: userId, departmentId: DEP, schoolId: SCH, classId: CLS,
    grants: studentIds.map((studentId) => ({ role: kind, schoolId: SCH, studentId })), status, version: 1, ...(lastSignInOn ? { lastSignInOn } : {}),
  });
}

const filled = (topic: string, date: string, homework?: string) => ({ topic, filledAt: `${date}T10:00:00.000Z`, filledBy: T1, ...(homework ? { homework } : {}) });
const asmt = (date: string, kind: string) => assessmentItem({ schoolId: SCH, yearId: YEAR, halfId: 'h1', classId: CLS, subjectId: 'mmath', date, kind: kind as never, createdBy: 'x', createdByName: 'Завуч', updatedAt: '2026-09-01T00:00:00.000Z', version: 1 });
const ktp = (subjectId: string, groupId: string, status: 'approved' | 'draft') =>
  ktpItem({ schoolId: SCH, yearId: YEAR, classId: CLS, subjectId, groupId, rows: [{ kind: 'topic', title: 'Тема', hours: 34 }], totalHours: 34, topicCount: 1, status, updatedBy: 'x', updatedByName: 'Учитель', updatedAt: '2026-09-01T00:00:00.000Z', version: 1 });

async function fixture(): Promise<void> {
  await batchWriteAll([
    { ...keys.class(SCH, CLS), type: 'class', classId: CLS, schoolId: SCH, grade: 7, letter: 'М', yearId: YEAR },
    subjectItem({ subjectId: 'mmath', schoolId: SCH, name: 'Математика (мониторинг)', shortName: 'Мат.', splittable: false, version: 1 }),
    subjectItem({ subjectId: 'meng', schoolId: SCH, name: 'Английский язык (мониторинг)', shortName: 'Англ.', splittable: true, version: 1 }),
    ...loadLineItems({ schoolId: SCH, yearId: YEAR, classId: CLS, subjectId: 'mmath', hoursPerWeek: 1, teacherId: T1, version: 1 }),
    ...loadLineItems({ schoolId: SCH, yearId: YEAR, classId: CLS, subjectId: 'meng', hoursPerWeek: 1, groups: [{ groupId: 'g1', name: '1 группа', teacherId: T1 }, { groupId: 'g2', name: '2 группа', teacherId: T2 }], version: 1 }),
    roster('mmath', {}),
    roster('meng', {
      line: { groups: [{ groupId: 'g1', name: '1 группа', teacherId: T1 }, { groupId: 'g2', name: '2 группа', teacherId: T2 }] },
      groups: [{ groupId: 'g1', name: '1 группа', teacherId: T1 }, { groupId: 'g2', name: '2 группа', teacherId: T2 }],
      students: PUPILS.map((p, i) => ({ ...p, groupId: i < 2 || i === 3 ? 'g1' : 'g2' })),
    }),
    // Mathematics: 8 lessons of Q2 to 03.12; 19.11 cancelled, 20.11 never filled, 17.11 filled on 25.11 (late: the term is 2 days).
    lesson('mmath', '2026-11-16', filled('Тема 1', '2026-11-16', 'с. 10')),
    lesson('mmath', '2026-11-17', filled('Тема 2', '2026-11-25')),
    lesson('mmath', '2026-11-18', filled('Тема 3', '2026-11-18', 'с. 12')),
    lesson('mmath', '2026-11-19', { status: 'cancelled' }),
    lesson('mmath', '2026-11-20'),
    lesson('mmath', '2026-12-01', filled('Тема 4', '2026-12-01', 'с. 20')),
    lesson('mmath', '2026-12-02', filled('Тема 5', '2026-12-02', 'с. 22')),
    lesson('mmath', '2026-12-03'),
    attendanceItem(place('mmath'), { date: '2026-11-16', lessonNo: 2, groupId: 'all', studentId: 'mon-a', kind: 'absent', reason: 'illness', version: 1, setBy: T1, setAt: '2026-11-16T10:00:00.000Z' }),
    mark('mmath', '2026-11-17', 'mon-a', 5),
    mark('mmath', '2026-11-18', 'mon-a', 4),
    mark('mmath', '2026-11-16', 'mon-b', 3),
    mark('mmath', '2026-12-01', 'mon-c', 4, 'test'),
    mark('mmath', '2026-11-16', 'mon-d', 4),
    // On the cancelled lesson: not a held lesson, so not counted.
    mark('mmath', '2026-11-19', 'mon-e', 5),
    ktp('mmath', 'all', 'approved'),
    asmt('2026-12-01', 'test'),
    asmt('2026-11-20', 'test'),
    asmt('2026-11-19', 'monitoring'),
    asmt('2026-12-10', 'vpr'),
    // English in two subgroups, one lesson each on 24.11.
    lesson('meng', '2026-11-24', filled('Настоящее время', '2026-11-24', 'упр. 3'), 'g1', T1),
    lesson('meng', '2026-11-24', filled('Настоящее время', '2026-11-24'), 'g2', T2),
    mark('meng', '2026-11-24', 'mon-a', 5, 'lessonAnswer', 'g1'),
    ktp('meng', 'g1', 'draft'),
    // The families: pupils signed in today, 6 and 7 days ago, never; Глеб's account is closed.
    account('u-mon-a', 'student', ['mon-a'], '2026-12-02'),
    account('u-mon-b', 'student', ['mon-b'], '2026-11-26'),
    account('u-mon-c', 'student', ['mon-c'], '2026-11-25'),
    account('u-mon-d', 'student', ['mon-d'], '2026-12-01', 'disabled'),
    account('u-mon-e', 'student', ['mon-e'], undefined, 'pending'),
    // Parents: of Анна and Борис 29 days ago (inside 30), of Вера 30 days ago (outside), of Дарья never.
    account('u-mon-pa1', 'parent', ['mon-a', 'mon-b'], '2026-11-03'),
    account('u-mon-pa2', 'parent', ['mon-c'], '2026-11-02'),
    account('u-mon-pa3', 'parent', ['mon-e'], undefined, 'pending'),
  ]);
}

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(NOW);
  await fixture();
  api = await startApi();
  standAt(NOW);
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

type Row = { teacherId: string; subjectId: string; problems: Array<{ code: string; message: string }> } & Record<string, unknown>;

describe('the monitoring of a class', () => {
  it('should match the figures worked out by hand', async () => {
    const res = await (await as('deputy')).get(`${URL}?classId=${CLS}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body;
    expect(b).toMatchObject({ today: '2026-12-02', from: '2026-11-05', until: '2026-12-02', journalQueries: 1 });
    expect(b.classes).toEqual([{ classId: CLS, className: '7М', grade: 7, periodName: '2 четверть' }]);
    const rows = b.rows as Row[];
    expect(rows.map((r) => [r.subjectId, r.teacherId])).toHaveLength(3);
    const math = rows.find((r) => r.subjectId === 'mmath')!;
    // Held: 16, 17, 18, 20.11, 1, 2.12 (19.11 cancelled, 3.12 ahead). Student-lessons attended: Анна 6 − 1 absence,
    // Борис 6, Вера 6, Дарья 6, Глеб 2 (16 and 17.11) = 25; marks 5 (the one on the cancelled lesson not counted).
    expect(math).toMatchObject({
      teacherId: T1, students: 5, lessonsHeld: 6, marks: 5, fillRate: 0.2,
      noMarkStudents: 1, noMarkShare: 20, oneMarkStudents: 3, oneMarkShare: 60,
      // Homework on 16, 18.11, 1, 2.12 of 6: 67 %; topics on 5 of 6: 83 %.
      homeworkShare: 67, topicShare: 83,
      // The timetable to date: 7 lessons (the cancelled one too); taught 5: 2 hours behind.
      ktp: { state: 'approved', planned: 7, taught: 5, behind: 2, ahead: 0 },
      lateFills: 1, overdueFills: 1, assessmentsDue: 3, assessmentsKept: 1,
    });
    expect(math.assessments).toEqual([
      { date: '2026-12-01', kind: 'test', kindShort: 'КР', state: 'kept' },
      { date: '2026-11-20', kind: 'test', kindShort: 'КР', state: 'noMarks' },
      { date: '2026-11-19', kind: 'monitoring', kindShort: 'ВСОКО', state: 'noLesson' },
      { date: '2026-12-10', kind: 'vpr', kindShort: 'ВПР', state: 'upcoming' },
    ].sort((x, y) => x.date.localeCompare(y.date)));
    // By the default thresholds: fill rate < 0,3; > 10 % without marks; > 20 % with one; homework < 80 %; topics < 95 %;
    // two procedures not kept. 2 hours behind and 1 late fill are within the defaults (2 and 2).
    expect(math.problems.map((p) => p.code)).toEqual(['fillRate', 'noMarks', 'oneMark', 'homework', 'topics', 'assessments']);
    expect(math.problems.find((p) => p.code === 'assessments')!.message).toBe('График оценочных процедур не выполнен: ВСОКО 19.11.2026 — нет урока в этот день; КР 20.11.2026 — нет отметок за работу.');

    const eng1 = rows.find((r) => r.subjectId === 'meng' && r.teacherId === T1)!;
    // Group 1: Анна and Борис (Глеб left before the lesson); one mark of two student-lessons.
    expect(eng1).toMatchObject({ groupIds: ['g1'], students: 2, lessonsHeld: 1, marks: 1, fillRate: 0.5, noMarkShare: 50, oneMarkShare: 50, homeworkShare: 100, topicShare: 100, ktp: { state: 'draft', planned: 1, taught: 1, behind: 0 } });
    expect(eng1.problems.map((p) => p.code)).toContain('ktpNotApproved');
    const eng2 = rows.find((r) => r.subjectId === 'meng' && r.teacherId === T2)!;
    expect(eng2).toMatchObject({ groupIds: ['g2'], students: 2, marks: 0, fillRate: 0, noMarkShare: 100, oneMarkShare: 0, homeworkShare: 0, ktp: { state: 'none' } });
    expect(eng2.problems.find((p) => p.code === 'ktpNotApproved')!.message).toBe('КТП не составлен.');
  });

  it('should count the families who signed in within 7 and 30 days', async () => {
    const res = await (await as('director')).get(`${URL}?classId=${CLS}`);
    expect(res.status).toBe(200);
    const [a] = res.body.activity;
    // Pupils (Глеб's closed account not counted): today and 6 days ago inside 7; 7 days ago inside 30 only; never.
    expect(a.students).toEqual({ total: 4, active7: 2, active30: 3, share7: 50, share30: 75 });
    // Parents: one parent of two pupils counts once; 29 days ago inside 30, 30 days ago outside.
    expect(a.parents).toEqual({ total: 3, active7: 0, active30: 1, share7: 0, share30: 33 });
    expect(a.problems).toEqual([{ code: 'parents', message: 'Входили в дневник за 30 дней 1 из 3 родителей (33 %, порог 50 %).' }]);
  });

  it('should filter by teacher', async () => {
    const res = await (await as('deputy')).get(`${URL}?classId=${CLS}&teacherId=${T2}`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: Row) => [r.subjectId, r.teacherId])).toEqual([['meng', T2]]);
  });
});

describe('the school\'s thresholds', () => {
  it('should highlight by the thresholds the school saved, and refuse a threshold out of range', async () => {
    const deputy = await as('deputy');
    const settings = await deputy.get(`/api/schools/${SCH}/settings`);
    expect(settings.status).toBe(200);
    expect(settings.body.settings.monitoringThresholds).toMatchObject({ minFillRate: 0.3, maxKtpBehind: 2, maxLateFills: 2 });
    const thresholds = { ...settings.body.settings.monitoringThresholds, maxKtpBehind: 1, maxLateFills: 0, minFillRate: 0.1 };
    const bad = await deputy.send('PUT', `/api/schools/${SCH}/settings/monitoring`, { version: settings.body.version, thresholds: { ...thresholds, maxNoMarkShare: 150 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('«Доля обучающихся без отметок не выше, %»: укажите число от 0 до 100.');
    expect(bad.body.error.details.fields).toEqual([{ path: 'thresholds.maxNoMarkShare', message: bad.body.error.message }]);
    const saved = await deputy.send('PUT', `/api/schools/${SCH}/settings/monitoring`, { version: settings.body.version, thresholds });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.settings.monitoringThresholds).toMatchObject({ maxKtpBehind: 1, maxLateFills: 0, minFillRate: 0.1 });
    // Saving on the old version again: somebody saved meanwhile.
    expect((await deputy.send('PUT', `/api/schools/${SCH}/settings/monitoring`, { version: settings.body.version, thresholds })).status).toBe(409);
    expect((await (await as('teacher')).send('PUT', `/api/schools/${SCH}/settings/monitoring`, { version: saved.body.version, thresholds })).status).toBe(403);

    const res = await deputy.get(`${URL}?classId=${CLS}`);
    const math = (res.body.rows as Row[]).find((r) => r.subjectId === 'mmath')!;
    // 2 hours behind > 1, 1 late fill > 0; a fill rate of 0,20 is no longer below 0,10.
    expect(math.problems.map((p) => p.code)).toEqual(['noMarks', 'oneMark', 'homework', 'topics', 'ktpBehind', 'lateFills', 'assessments']);
    expect(math.problems.find((p) => p.code === 'ktpBehind')!.message).toBe('Отставание от КТП: 2 ч (допустимо 1 ч).');
    // Back to the defaults for the tests below.
    const back = await deputy.send('PUT', `/api/schools/${SCH}/settings/monitoring`, { version: saved.body.version, thresholds: settings.body.settings.monitoringThresholds });
    expect(back.status).toBe(200);
  });
});

describe('the monitoring as files', () => {
  it('should print the PDF with the teacher, class, subject, figures and problems in Cyrillic', async () => {
    const res = await (await as('deputy')).get(`${URL}/pdf?classId=${CLS}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="monitoring-${SCH}-${Q2}.pdf"`);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: res.body as Buffer }).toString('utf8');
    expect(text).toContain('Мониторинг ведения электронного журнала');
    expect(text).toContain('2 четверть, с 05.11.2026 по 02.12.2026. Сформировано 02.12.2026.');
    const name = model.staff.find((s) => s.userId === T1)!;
    expect(text).toContain(name.lastName);
    // The subject's name wraps in its column: «(мониторинг)» goes to the next line.
    expect(text).toMatch(/7М\s+Математика\s+6\s+0,20\s+20 %\s+60 %\s+67 %\s+83 %\s+−2 ч \(5 из 7\)\s+1\s+1 из 3/);
    // Problems wrap inside their column: their first words stay on one line.
    expect(text).toContain('Мало текущих отметок: 0,20 на ученика');
    expect(text).toContain('КТП не составлен.');
    expect(text).toContain('Активность родителей и обучающихся в электронном дневнике');
    // pdftotext may drop the narrow space of «0 %».
    expect(text).toMatch(/7М\s+4\s+50 %\s+75 %\s+3\s+0\s?%\s+33 %/);
  });

  it('should give the same figures as XLSX', async () => {
    const res = await (await as('deputy')).get(`${URL}/xlsx?classId=${CLS}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['Учитель', 'Класс', 'Предмет', 'Уроков', 'Наполн.', 'Без отм.', '1 отм.', 'ДЗ', 'Темы', 'КТП', 'Опозд.', 'КР', 'Проблемы']);
    const math = rows.find((r) => r[2] === 'Математика (мониторинг)')!;
    expect(math.slice(1, 12)).toEqual(['7М', 'Математика (мониторинг)', 6, '0,20', '20 %', '60 %', '67 %', '83 %', '−2 ч (5 из 7)', 1, '1 из 3']);
    expect(String(math[12])).toContain('График оценочных процедур не выполнен');
    expect(rows).toContainEqual(['7М', 4, '50 %', '75 %', 3, '0 %', '33 %', 'Входили в дневник за 30 дней 1 из 3 родителей (33 %, порог 50 %).']);
  });
});

describe('the whole school', () => {
  it('should read each class x period partition with one Query', async () => {
    const before = ddbRequestCounter.count;
    const m = await schoolMonitoring({ schoolId: SCH, departmentId: DEP, yearId: YEAR, periodId: Q2, now: NOW });
    const requests = ddbRequestCounter.count - before;
    expect(m.classes.length).toBeGreaterThan(20);
    // One page each here; besides them: school and department, year, classes, KTPs, procedures, subjects, accounts (pages), teachers.
    expect(m.journalQueries).toBeGreaterThanOrEqual(m.classes.length);
    expect(requests).toBeLessThan(m.journalQueries + 15);
    // Grades 10 and 11 are on halves: their 1st half-year is read for the 2nd quarter's days.
    expect(m.classes.find((c) => c.grade === 10)?.periodName).toBe('1 полугодие');
    // «current»: the quarter today falls in (it falls in the 1st half-year too: the shorter period wins).
    const current = await schoolMonitoring({ schoolId: SCH, departmentId: DEP, yearId: YEAR, periodId: 'current', now: NOW, classIds: [CLS] });
    expect(current.period.periodId).toBe(Q2);
  });
});

describe('the sign-in day', () => {
  it('should be written on the first sign-in of a day only', async () => {
    const parentId = model.parents.find((p) => p.fixed === 'parent')!.userId;
    standAt(mskNoon('2026-12-03'));
    const client = new (await import('../support/api')).ApiClient(api.url);
    let before = ddbRequestCounter.count;
    expect((await client.signIn('parent')).status).toBe(200);
    const first = ddbRequestCounter.count - before;
    expect((await getAccount(parentId))?.lastSignInOn).toBe('2026-12-03');
    before = ddbRequestCounter.count;
    expect((await client.signIn('parent')).status).toBe(200);
    const second = ddbRequestCounter.count - before;
    expect(first - second).toBe(1);
    standAt(NOW);
  });
});

describe('who reads the monitoring', () => {
  it.each([
    ['deputy', 200],
    ['director', 200],
    ['uo', 200],
    ['teacher', 403],
    ['classteacher', 403],
    ['parent', 404],
    ['student', 404],
  ])('%s → %i', async (login, status) => {
    const res = await (await as(login)).get(`${URL}?classId=${CLS}`);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 404) expect(JSON.stringify(res.body)).not.toContain('7М');
  });

  it('should answer 404 for a period the year does not have and 400 for a bad class id', async () => {
    const client = await as('deputy');
    expect((await client.get(`/api/schools/${SCH}/years/${YEAR}/periods/2026-q9/monitoring`)).status).toBe(404);
    const bad = await client.get(`${URL}?classId=${encodeURIComponent('7 М!')}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Класс: неверный идентификатор.');
  });
});

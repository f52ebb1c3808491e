/**
 * Checks of the electronic journal and their справки (issue 13 item 4; clauses 8.2–8.4) over HTTP
 * against DynamoDB Local: a check recorded as a draft, its справка drafted and edited over its
 * version, signed off and then kept as it is (its audit records beside it), the signed справка as
 * PDF read back with pdftotext, the "last check older than a month" answer, and who may do what: a
 * teacher of the school is refused (403), the deputy of another school learns nothing (404).
 * And the department's «Отчёты по школам» (issue 13 item 5): the demo school and a second school
 * side by side, their results compared with figures worked out by hand, no pupil named anywhere.
 */
import { execFileSync } from 'node:child_process';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryPrefix } from '../../shared/db/query';
import { findAccountByLogin } from '../../shared/repos/accounts';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import ExcelJS from 'exceljs';
import { batchWriteAll } from '../../infra/local/seed';
import { sortName } from '../../shared/db/keys';
import { demoYearItems } from '../../shared/demo/year';
import type { FinalMarkCode } from '../../shared/domain/period-marks';
import { loadLineItems, subjectItem } from '../../shared/repos/curriculum';
import { finalMarkItem } from '../../shared/repos/period-marks';
import { journalFixture, MATH, mskNoon, Q2, SCH, YEAR } from './journal-fixture';

const CHECKS = `/api/schools/${SCH}/journal-checks`;
let api: ApiServer;
let fiveA: string[] = [];
const { standAt, as } = clockedClients(() => api.url);

/**
 * A second school of the department with its own deputy, for the 404 and the department's
 * comparison: its year, and one class 7Б whose algebra has the second quarter's marks 5, 4 and 2.
 */
async function secondSchool(): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...keys.school('krd', 'sch7'), type: 'school', schoolId: 'sch7', departmentId: 'krd', name: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', city: 'Краснодар', timeZone: 'Europe/Moscow' } }));
  const deputy = (await findAccountByLogin('deputy'))!;
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.account('u-deputy7'), ...keys.accountByLogin('deputy7'), type: 'account', ...deputy, userId: 'u-deputy7', login: 'deputy7', schoolId: 'sch7', grants: [{ role: 'deputy', schoolId: 'sch7' }] },
    }),
  );
  const pupils = [['s7-a', 'Алексеев', '5'], ['s7-b', 'Белова', '4'], ['s7-c', 'Волков', '2']] as const;
  await batchWriteAll([
    ...demoYearItems('sch7'),
    { ...keys.class('sch7', '7b'), type: 'class', classId: '7b', schoolId: 'sch7', grade: 7, letter: 'Б', yearId: YEAR },
    subjectItem({ subjectId: 'alg7', schoolId: 'sch7', name: 'Алгебра', shortName: 'Алг.', splittable: false, version: 1 }),
    ...loadLineItems({ schoolId: 'sch7', yearId: YEAR, classId: '7b', subjectId: 'alg7', hoursPerWeek: 3, version: 1 }),
    ...pupils.flatMap(([id, lastName, code]) => [
      { ...keys.studentCard('sch7', id), ...keys.studentsOfClass('sch7', '7b', sortName(lastName, 'Иван'), id), type: 'studentCard', schoolId: 'sch7', classId: '7b', studentId: id, lastName, firstName: 'Иван', birthDate: '2013-05-01', parentIds: [] },
      periodMark('sch7', '7b', 'alg7', id, code),
    ]),
  ]);
}

function periodMark(schoolId: string, classId: string, subjectId: string, studentId: string, code: FinalMarkCode) {
  const at = '2026-11-28T08:00:00.000Z';
  return finalMarkItem({ schoolId, classId, yearId: YEAR, kind: 'period', periodId: Q2, subjectId, studentId }, { kind: 'period', classId, periodId: Q2, yearId: YEAR, subjectId, studentId, code, setBy: 'fixture', setByName: 'Учитель', setAt: at, firstSetAt: at, late: false, version: 1 });
}

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(mskNoon('2026-11-30'));
  // 5А's test mathematics: 9 lessons of the quarter, 7 of them held by 30.11, none with a topic or homework yet.
  const fx = await journalFixture(mskNoon('2026-11-30'));
  // Two of 5А's test mathematics period marks: «5» and «3».
  await batchWriteAll(fx.fiveA.slice(0, 2).map((st, i) => periodMark(SCH, '5a', MATH, st.studentId, i === 0 ? '5' : '3')));
  fiveA = fx.fiveA.map((st) => st.lastName);
  await secondSchool();
  api = await startApi();
  standAt(mskNoon('2026-11-30'));
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('a check of the journal and its справка', () => {
  let checkId = '';

  it('should warn before the first check, and refuse a check dated after today or outside the year', async () => {
    const deputy = await as('deputy');
    const list = await deputy.get(CHECKS);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.due).toMatchObject({ lastDate: null, overdue: true });
    expect(list.body.due.text).toContain('не реже 1 раза в месяц');
    expect(list.body.periods.map((p: { periodId: string }) => p.periodId)).toContain(Q2);
    expect(list.body.classes.map((c: { name: string }) => c.name)).toContain('5А');
    const future = await deputy.post(CHECKS, { date: '2026-12-01', periodId: Q2, classIds: ['5a'], findings: '' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe('Дата проверки не может быть позже сегодняшнего дня.');
    const nowhere = await deputy.post(CHECKS, { date: '2026-11-30', periodId: '1999-q1', classIds: ['5a'], findings: '' });
    expect(nowhere.status).toBe(400);
    const noClass = await deputy.post(CHECKS, { date: '2026-11-30', periodId: Q2, classIds: [], findings: '' });
    expect(noClass.status).toBe(400);
    expect(noClass.body.error.message).toContain('Выберите хотя бы один проверенный класс');
    expect((await deputy.get(CHECKS)).body.checks).toEqual([]);
  });

  it('should record a draft with its справка drafted for the checked classes and period', async () => {
    const deputy = await as('deputy');
    const res = await deputy.post(CHECKS, { date: '2026-11-30', periodId: Q2, classIds: ['6a', '5a'], findings: 'Учителям 5А выставлять отметки своевременно.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    checkId = res.body.checkId;
    // One line per teacher x class x subject of the monitoring: mathematics (7 lessons held, no topic:
    // 7 hours behind the plan), and English's two subgroups (1 lesson each); no homework, no topics.
    const lines = res.body.figures.map((f: { className: string; subjectName: string; teacherName: string; homeworkShare: number; topicShare: number; ktpBehind: number }) => [f.className, f.subjectName, f.teacherName, f.homeworkShare, f.topicShare, f.ktpBehind]);
    expect(lines).toEqual([
      ['5А', 'Английский язык (проверка)', 'Ильин Максим Андреевич', 0, 0, 1],
      ['5А', 'Математика (проверка)', 'Ильин Максим Андреевич', 0, 0, 7],
      ['5А', 'Английский язык (проверка)', 'Соловьёва Жанна Ильинична', 0, 0, 1],
    ]);
    expect(res.body.text).toContain('Проверено журналов (предмет в классе): 3, учителей: 2; текущих отметок нет; домашнее задание записано в среднем на 0 % уроков, тема — на 0 %.');
    expect(res.body.text).toContain('Отставание от утверждённого КТП — в 3 из 3 журналов');
    expect(res.body.text).toContain('— 5А, Математика (проверка) (Ильин Максим Андреевич): домашнее задание записано на 0 % уроков (порог 80 %); тема записана на 0 % уроков (порог 95 %); КТП не составлен; отставание от КТП: 7 ч (допустимо 2 ч).');
    expect(res.body).toMatchObject({ status: 'draft', version: 1, periodName: '2 четверть', classNames: ['5А', '6А'], checkedByTitle: 'Заместитель директора' });
    expect(res.body.text).toContain('30.11.2026 заместитель директора');
    expect(res.body.text).toContain('2 четверть, классы 5А, 6А');
    const list = (await deputy.get(CHECKS)).body;
    expect(list.checks).toEqual([expect.objectContaining({ checkId, status: 'draft', classNames: ['5А', '6А'] })]);
    // A draft is no check done yet: the warning stays.
    expect(list.due.overdue).toBe(true);
  });

  it('should edit the draft over its version and answer 409 to an edit from an older one', async () => {
    const deputy = await as('deputy');
    const ok = await deputy.send('PUT', `${CHECKS}/${checkId}`, { version: 1, text: 'Журналы 5А и 6А заполняются своевременно.\n\nЗамечаний нет.' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await deputy.send('PUT', `${CHECKS}/${checkId}`, { version: 1, text: 'Другой текст' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.text).toBe('Журналы 5А и 6А заполняются своевременно.\n\nЗамечаний нет.');
    // Drafted anew from the figures: the edited text is replaced; then the deputy's own words again.
    const redrafted = await deputy.send('PUT', `${CHECKS}/${checkId}`, { version: 2, redraft: true });
    expect(redrafted.status).toBe(200);
    expect(redrafted.body).toMatchObject({ version: 3, figures: expect.arrayContaining([expect.objectContaining({ subjectName: 'Математика (проверка)' })]) });
    expect(redrafted.body.text).toContain('Замечания:');
    const final = await deputy.send('PUT', `${CHECKS}/${checkId}`, { version: 3, text: `Журналы 5А и 6А заполняются своевременно.\n\n${redrafted.body.text.split('\n\n').at(-1)}` });
    expect(final.body.version).toBe(4);
  });

  it('should sign the справка off, keep it as it is, and print it as PDF in Cyrillic', async () => {
    const deputy = await as('deputy');
    const signed = await deputy.post(`${CHECKS}/${checkId}/sign-off`, { version: 4 });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signedOff', version: 5 });
    const kept = signed.body.text;
    for (const [method, path, body] of [
      ['PUT', `${CHECKS}/${checkId}`, { version: 5, text: 'Исправлено' }],
      ['PUT', `${CHECKS}/${checkId}`, { version: 5, redraft: true }],
      ['POST', `${CHECKS}/${checkId}/sign-off`, { version: 5 }],
    ] as const) {
      const res = await deputy.send(method, path, body);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('подписанную проверку изменить нельзя');
    }
    expect((await deputy.get(`${CHECKS}/${checkId}`)).body).toMatchObject({ text: kept, version: 5 });
    // Every change has its audit record (create, update, sign-off), written in the same transaction.
    const audit = await queryPrefix(`SCH#${SCH}#AUDIT#2026-11`, '2026-11');
    expect(audit.filter((a) => a.entity === `JCHECK#${checkId}`).map((a) => a.action).sort()).toEqual(['journalCheck.create', 'journalCheck.redraft', 'journalCheck.signOff', 'journalCheck.update', 'journalCheck.update']);

    const pdf = await deputy.get(`${CHECKS}/${checkId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="spravka-${checkId}.pdf"`);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.body as Buffer }).toString('utf8');
    expect(text).toContain('СПРАВКА');
    expect(text).toContain('по итогам проверки электронного журнала');
    expect(text).toContain('Дата проверки: 30.11.2026. Проверяемый период: 2 четверть. Классы: 5А, 6А.');
    // The figures it was drafted from, as frozen into the check: 5А's mathematics 7 hours behind the plan.
    expect(text).toContain('Показатели мониторинга по проверенным классам');
    expect(text).toMatch(/5А\s+Математика\s+Ильин Максим\s+—\s+—\s+—\s+0\s?%\s+0\s?%\s+отстаёт на 7,0 ч\s+0\s+—/);
    expect(text).toContain('отставание от КТП: 7 ч (допустимо 2 ч).');
    expect(text).toContain('Журналы 5А и 6А заполняются своевременно.');
    expect(text).toContain('Учителям 5А выставлять отметки своевременно.');
    expect(text).toContain('Подписано 30.11.2026.');
  });

  it('should stop warning after the sign-off, and warn again once the check is more than a month old', async () => {
    const deputy = await as('deputy');
    expect((await deputy.get(`${CHECKS}/due`)).body.due).toMatchObject({ lastDate: '2026-11-30', dueBy: '2026-12-30', overdue: false });
    standAt(mskNoon('2026-12-31'));
    const later = (await (await as('director')).get(`${CHECKS}/due`)).body.due;
    expect(later).toMatchObject({ lastDate: '2026-11-30', overdue: true });
    expect(later.text).toContain('Последняя подписанная проверка — 30.11.2026: больше месяца назад');
    standAt(mskNoon('2026-11-30'));
  });

  it('should refuse a teacher (403) and tell another school\'s deputy nothing (404)', async () => {
    const teacher = await as('teacher');
    expect((await teacher.get(CHECKS)).status).toBe(403);
    expect((await teacher.get(`${CHECKS}/${checkId}`)).status).toBe(403);
    expect((await teacher.post(CHECKS, { date: '2026-11-30', periodId: Q2, classIds: ['5a'], findings: '' })).status).toBe(403);
    const other = await as('deputy7');
    for (const path of [CHECKS, `${CHECKS}/${checkId}`, `${CHECKS}/${checkId}/pdf`]) expect((await other.get(path)).status, path).toBe(404);
    expect((await other.post(CHECKS, { date: '2026-11-30', periodId: Q2, classIds: ['5a'], findings: '' })).status).toBe(404);
    expect((await (await as('parent')).get(CHECKS)).status).toBe(404);
    // A read-only grant with the reports (clause 4.5) reads the checks and their справки, and records none.
    const inspector = await as('inspector');
    expect((await inspector.get(CHECKS)).status).toBe(200);
    expect((await inspector.get(`${CHECKS}/${checkId}/pdf`)).status).toBe(200);
    expect((await inspector.post(CHECKS, { date: '2026-11-30', periodId: Q2, classIds: ['5a'], findings: '' })).status).toBe(403);
    // Their own school's list is theirs: empty.
    expect((await other.get('/api/schools/sch7/journal-checks/due')).body.due.lastDate).toBeNull();
  });
});

describe('«Отчёты по школам»: the department\'s schools side by side', () => {
  const SCHOOLS = '/api/departments/krd/reports/schools';

  it('should give each school\'s results and monitoring for the period, worked out by hand, and no pupil\'s name', async () => {
    const uo = await as('uo');
    const res = await uo.get(`${SCHOOLS}?periodId=${Q2}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body;
    expect(b.period).toMatchObject({ periodId: Q2, name: '2 четверть' });
    expect(b.schools.map((s: { schoolName: string }) => s.schoolName)).toEqual(['МАОУ СОШ № 7', 'МАОУ СОШ № 53']);
    const [seven, fiftyThree] = b.schools;
    // СОШ № 7: algebra 5, 4, 2: 3 assessed, success 2/3, quality 2/3, average 11/3.
    expect(seven).toMatchObject({ classes: 1, students: 3, results: { success: 67, quality: 67, average: 3.67, change: { success: null } } });
    expect(seven.bySubject).toEqual([{ name: 'Алгебра', success: 67, quality: 67, average: 3.67 }]);
    expect(seven.byClass).toEqual([{ className: '7Б', students: 3, success: 67, quality: 67, average: 3.67 }]);
    // No lessons kept there: no journal to monitor, nobody to sign in.
    expect(seven.monitoring).toMatchObject({ journals: 0, fillRate: null, parentsActive30: null });
    // СОШ № 53: the test mathematics «5» and «3» of 5А: success 100 %, quality 1/2, average 4.
    expect(fiftyThree.results).toMatchObject({ success: 100, quality: 50, average: 4 });
    expect(fiftyThree.students).toBe(2);
    expect(fiftyThree.bySubject).toContainEqual({ name: 'Математика (проверка)', success: 100, quality: 50, average: 4 });
    expect(fiftyThree.byClass.find((c: { className: string }) => c.className === '5А')).toEqual({ className: '5А', students: 2, success: 100, quality: 50, average: 4 });
    // The monitoring of the fixture's lessons: none with a topic or homework, every journal behind its plan.
    expect(fiftyThree.monitoring).toMatchObject({ homeworkShare: 0, topicShare: 0, lateFills: 0 });
    expect(fiftyThree.monitoring.behindKtp).toBe(fiftyThree.monitoring.journals);
    expect(fiftyThree.monitoring.journals).toBeGreaterThanOrEqual(3);
    expect(b.subjects).toEqual(expect.arrayContaining(['Алгебра', 'Математика (проверка)']));
    // Aggregates only (clause 1.7): no pupil's surname anywhere in the answer.
    const text = JSON.stringify(b);
    for (const name of [...fiveA, 'Алексеев', 'Белова', 'Волков']) expect(text).not.toContain(name);
  });

  it('should print the comparison as PDF and XLSX with the schools and figures in Cyrillic', async () => {
    const uo = await as('uo');
    const pdf = await uo.get(`${SCHOOLS}/pdf?periodId=${Q2}`);
    expect(pdf.status).toBe(200);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.body as Buffer }).toString('utf8');
    expect(text).toContain('Отчёты по школам');
    expect(text).toContain('2 четверть, 2026/2027 учебный год. Сформировано 30.11.2026.');
    expect(text).toMatch(/МАОУ СОШ № 7\s+1\s+3\s+67 %\s+67 %\s+3,67/);
    expect(text).toMatch(/Алгебра\s+67 % \/ 67 % \/ 3,67\s+—/);
    // A subject without a single period mark yet has nothing to compare.
    expect(text).toMatch(/Английский язык \(проверка\)\s+—\s+—\n/);
    expect(text).toContain('МАОУ СОШ № 7: по классам');
    const xlsx = await uo.get(`${SCHOOLS}/xlsx?periodId=${Q2}`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['МАОУ СОШ № 7', 1, 3, '67 %', '67 %', '3,67', '—', '—']);
    expect(rows).toContainEqual(['Математика (проверка)', '—', '100 % / 50 % / 4,00']);
  });

  it('should be the department specialist\'s only, and refuse a period no school has', async () => {
    expect((await (await as('deputy')).get(SCHOOLS)).status).toBe(403);
    expect((await (await as('director')).get(`${SCHOOLS}/pdf`)).status).toBe(403);
    expect((await (await as('uo')).get('/api/departments/other/reports/schools')).status).toBe(403);
    const none = await (await as('uo')).get(`${SCHOOLS}?periodId=1999-q1`);
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe('Такого учебного периода нет ни в одной школе управления.');
  });
});

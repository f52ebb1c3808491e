/**
 * Checks of the electronic journal and their справки (issue 13 item 4; clauses 8.2–8.4) over HTTP
 * against DynamoDB Local: a check recorded as a draft, its справка drafted and edited over its
 * version, signed off and then kept as it is (its audit records beside it), the signed справка as
 * PDF read back with pdftotext, the "last check older than a month" answer, and who may do what: a
 * teacher of the school is refused (403), the deputy of another school learns nothing (404).
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
import { journalFixture, mskNoon, Q2, SCH } from './journal-fixture';

const CHECKS = `/api/schools/${SCH}/journal-checks`;
let api: ApiServer;
const { standAt, as } = clockedClients(() => api.url);

/** A second school of the department with its own deputy, for the 404 and the department's comparison. */
export async function secondSchool(): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...keys.school('krd', 'sch7'), type: 'school', schoolId: 'sch7', departmentId: 'krd', name: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', city: 'Краснодар', timeZone: 'Europe/Moscow' } }));
  const deputy = (await findAccountByLogin('deputy'))!;
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.account('u-deputy7'), ...keys.accountByLogin('deputy7'), type: 'account', ...deputy, userId: 'u-deputy7', login: 'deputy7', schoolId: 'sch7', grants: [{ role: 'deputy', schoolId: 'sch7' }] },
    }),
  );
}

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(mskNoon('2026-11-30'));
  // 5А's test mathematics: 9 lessons of the quarter, 7 of them held by 30.11, none with a topic or homework yet.
  await journalFixture(mskNoon('2026-11-30'));
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
    // Their own school's list is theirs: empty.
    expect((await other.get('/api/schools/sch7/journal-checks/due')).body.due.lastDate).toBeNull();
  });
});

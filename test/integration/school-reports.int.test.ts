/**
 * The summary sheet of student movement of a class and the deputy's school reports (issue 13,
 * items 1 and 2) over HTTP against DynamoDB Local: each compared with figures worked out by hand on
 * small fixture classes beside the demo school, the PDFs read back with pdftotext, the XLSX with
 * exceljs, and who may read them.
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { DEMO_DEPARTMENT_ID } from '../../shared/demo/model';
import type { MovementKind } from '../../shared/domain/movement';
import { movementItem } from '../../shared/repos/movement';
import { studentItem } from '../../shared/repos/people';
import { classMovementSheet } from '../../shared/services/reports/movement';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { mskNoon, Q2, SCH, YEAR } from './journal-fixture';

const Q1 = '2026-q1';
const CLS = 'mv6';
const OTHER = 'mv6b';
const REPORTS = (cls: string, period: string) => `/api/schools/${SCH}/classes/${cls}/periods/${period}/reports`;
const pdfText = (body: unknown) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: body as Buffer }).toString('utf8');
async function xlsxRows(body: unknown): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
}

let api: ApiServer;
const { standAt, as } = clockedClients(() => api.url);

/**
 * 6М and 6Н. Worked out by hand for 6М:
 * - 1 quarter (01.09–24.10): Жуков leaves on 20.10 → 5 at the start (Алексеев, Богданова, Дмитриев, Фролова, Жуков), 4 at the end;
 * - 2 quarter (05.11–29.12): Фролова to 6Н on its first day 05.11 (order 120-у), Власова enrolled on 10.11 (125-у, from «МБОУ СОШ № 5»),
 *   Дмитриев leaves on 01.12 (140-у, «в гимназию № 2») → 4 at the start, 1 arrived, 2 left, 3 at the end;
 * - Егорова comes from 6Н on 15.01.2027 (3 quarter): today's list has 4 pupils, the 2nd quarter still ends with 3.
 */
const PUPILS: Array<{ id: string; lastName: string; firstName: string; classId: string; status?: 'left' }> = [
  { id: 'mv-a', lastName: 'Алексеев', firstName: 'Антон', classId: CLS },
  { id: 'mv-b', lastName: 'Богданова', firstName: 'Белла', classId: CLS },
  { id: 'mv-c', lastName: 'Власова', firstName: 'Вера', classId: CLS },
  { id: 'mv-d', lastName: 'Дмитриев', firstName: 'Денис', classId: CLS, status: 'left' },
  { id: 'mv-e', lastName: 'Егорова', firstName: 'Ева', classId: CLS },
  { id: 'mv-f', lastName: 'Фролова', firstName: 'Фаина', classId: OTHER },
  { id: 'mv-g', lastName: 'Жуков', firstName: 'Жан', classId: CLS, status: 'left' },
];
const MOVES: Array<{ id: string; kind: MovementKind; date: string; orderNo: string; from?: string; to?: string; note?: string }> = [
  { id: 'mv-g', kind: 'leave', date: '2026-10-20', orderNo: '101-у', from: CLS, note: 'в другой город' },
  { id: 'mv-f', kind: 'transfer', date: '2026-11-05', orderNo: '120-у', from: CLS, to: OTHER },
  { id: 'mv-c', kind: 'enrol', date: '2026-11-10', orderNo: '125-у', to: CLS, note: 'из МБОУ СОШ № 5' },
  { id: 'mv-d', kind: 'leave', date: '2026-12-01', orderNo: '140-у', from: CLS, note: 'в гимназию № 2' },
  { id: 'mv-e', kind: 'transfer', date: '2027-01-15', orderNo: '3-у', from: OTHER, to: CLS },
];

async function movementFixture(): Promise<void> {
  await batchWriteAll([
    ...[CLS, OTHER].map((classId, i) => ({ ...keys.class(SCH, classId), type: 'class', classId, schoolId: SCH, grade: 6, letter: i === 0 ? 'М' : 'Н', yearId: YEAR })),
    ...PUPILS.map((p) => studentItem({ studentId: p.id, schoolId: SCH, classId: p.classId, lastName: p.lastName, firstName: p.firstName, birthDate: '2014-03-01', parentIds: [], ...(p.status ? { status: p.status } : {}) })),
    ...MOVES.map((m) => {
      const p = PUPILS.find((x) => x.id === m.id)!;
      return movementItem({
        schoolId: SCH, studentId: m.id, kind: m.kind, date: m.date, orderNo: m.orderNo,
        ...(m.from ? { fromClassId: m.from } : {}), ...(m.to ? { toClassId: m.to } : {}), ...(m.note ? { note: m.note } : {}),
        studentName: `${p.lastName} ${p.firstName}`, recordedAt: `${m.date}T07:00:00.000Z`, recordedBy: 'fixture', recordedByName: 'Секретарь',
      });
    }),
  ]);
}

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(mskNoon('2026-11-30'));
  await movementFixture();
  api = await startApi();
  standAt(mskNoon('2027-01-20'));
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('the summary sheet of student movement of a class', () => {
  it('should count the class at the start and end of the period and list who arrived and left, with orders', async () => {
    const res = await (await as('deputy')).get(`${REPORTS(CLS, Q2)}/movement`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body;
    expect(b).toMatchObject({ className: '6М', from: '2026-11-05', to: '2026-12-29', atStart: 4, atEnd: 3, today: '2027-01-20' });
    expect(b.arrived).toEqual([{ studentId: 'mv-c', name: 'Власова Вера', date: '2026-11-10', orderNo: '125-у', kind: 'enrol', kindTitle: 'Зачисление', place: 'из МБОУ СОШ № 5' }]);
    expect(b.left.map((l: { name: string; date: string; place: string; orderNo: string }) => [l.name, l.date, l.place, l.orderNo])).toEqual([
      ['Фролова Фаина', '2026-11-05', 'в 6Н класс', '120-у'],
      ['Дмитриев Денис', '2026-12-01', 'в гимназию № 2', '140-у'],
    ]);
    const q1 = (await (await as('deputy')).get(`${REPORTS(CLS, Q1)}/movement`)).body;
    expect([q1.atStart, q1.arrived.length, q1.left.length, q1.atEnd]).toEqual([5, 0, 1, 4]);
  });

  it('should give the period close the same sheet by ids, reading by key and prefix only', async () => {
    const sheet = await classMovementSheet({ schoolId: SCH, yearId: YEAR, periodId: Q2, classId: CLS, now: mskNoon('2027-01-20'), departmentId: DEMO_DEPARTMENT_ID });
    expect(sheet.schoolName).not.toBe('');
    expect([sheet.atStart, sheet.arrived.length, sheet.left.length, sheet.atEnd]).toEqual([4, 1, 2, 3]);
    await expect(classMovementSheet({ schoolId: SCH, yearId: '2025', periodId: Q2, classId: CLS, now: mskNoon('2027-01-20') })).rejects.toThrow('Класс не найден');
  });

  it('should print the sheet as PDF and XLSX with the same names, dates and orders', async () => {
    const deputy = await as('deputy');
    const pdf = await deputy.get(`${REPORTS(CLS, Q2)}/movement/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="dvizhenie-${CLS}-${Q2}.pdf"`);
    const text = pdfText(pdf.body);
    expect(text).toContain('Сводная ведомость движения учащихся');
    expect(text).toContain('6М класс, 2 четверть (05.11.2026 — 29.12.2026). Сформировано 20.01.2027.');
    expect(text).toMatch(/4\s+1\s+2\s+3/);
    expect(text).toMatch(/1\s+Власова Вера\s+10\.11\.2026\s+Зачисление\s+из МБОУ СОШ № 5\s+125-у/);
    expect(text).toMatch(/2\s+Дмитриев Денис\s+01\.12\.2026\s+Выбытие из школы\s+в гимназию № 2\s+140-у/);
    const xlsx = await deputy.get(`${REPORTS(CLS, Q2)}/movement/xlsx`);
    expect(xlsx.status).toBe(200);
    const rows = await xlsxRows(xlsx.body);
    expect(rows).toContainEqual(['Состояло на 05.11.2026', 'Прибыло', 'Выбыло', 'Состоит на 29.12.2026']);
    expect(rows).toContainEqual([4, 1, 2, 3]);
    expect(rows).toContainEqual([1, 'Фролова Фаина', '05.11.2026', 'Перевод в другой класс', 'в 6Н класс', '120-у']);
  });

  it('should be refused to a class teacher of another class and to a parent', async () => {
    expect((await (await as('classteacher')).get(`${REPORTS(CLS, Q2)}/movement`)).status).toBe(403);
    expect((await (await as('parent')).get(`${REPORTS(CLS, Q2)}/movement/pdf`)).status).toBe(403);
  });
});

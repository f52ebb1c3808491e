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
import type { FinalMarkCode } from '../../shared/domain/period-marks';
import { ddbRequestCounter } from '../../shared/db/client';
import { accountItem } from '../../shared/repos/accounts';
import { loadLineItems, subgroupsItem, subjectItem } from '../../shared/repos/curriculum';
import { movementItem } from '../../shared/repos/movement';
import { finalMarkItem } from '../../shared/repos/period-marks';
import { studentItem } from '../../shared/repos/people';
import { listClasses } from '../../shared/repos/school';
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

const classesOfYear = async () => (await listClasses(SCH)).filter((c) => c.yearId === YEAR);

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

/**
 * Results of 6М and 6Н in the 2nd quarter against the 1st, worked out by hand in the tests below.
 * Teachers: Зайцева (algebra of 6М, English group 1 of 6М: Алексеев and Власова), Иванов (English
 * group 2: Богданова; PE of 6М, «зачёт/незачёт»; algebra of 6Н).
 */
const T1 = 'u-mvt1';
const T2 = 'u-mvt2';
const MARKS: Array<[string, string, string, string, FinalMarkCode]> = [
  // period, class, subject, student, mark
  [Q2, CLS, 'mvalg', 'mv-a', '5'], [Q2, CLS, 'mvalg', 'mv-b', '4'], [Q2, CLS, 'mvalg', 'mv-c', '3'],
  [Q2, CLS, 'mveng', 'mv-a', '5'], [Q2, CLS, 'mveng', 'mv-b', '2'], [Q2, CLS, 'mveng', 'mv-c', '4'],
  [Q2, CLS, 'mvpe', 'mv-a', 'pass'], [Q2, CLS, 'mvpe', 'mv-b', 'pass'], [Q2, CLS, 'mvpe', 'mv-c', 'fail'],
  [Q2, OTHER, 'mvalg', 'mv-f', '4'],
  [Q1, CLS, 'mvalg', 'mv-a', '4'], [Q1, CLS, 'mvalg', 'mv-b', '4'], [Q1, CLS, 'mvalg', 'mv-d', '2'], [Q1, CLS, 'mvalg', 'mv-f', '3'],
  [Q1, CLS, 'mveng', 'mv-a', '5'], [Q1, CLS, 'mveng', 'mv-b', '3'], [Q1, CLS, 'mveng', 'mv-d', 'na'], [Q1, CLS, 'mveng', 'mv-f', '4'],
  [Q1, CLS, 'mvpe', 'mv-a', 'pass'], [Q1, CLS, 'mvpe', 'mv-b', 'pass'], [Q1, CLS, 'mvpe', 'mv-d', 'pass'], [Q1, CLS, 'mvpe', 'mv-f', 'pass'],
];

async function resultsFixture(): Promise<void> {
  const at = '2026-12-28T08:00:00.000Z';
  const mark = (kind: 'period' | 'year', periodId: string | undefined, classId: string, subjectId: string, studentId: string, code: FinalMarkCode) =>
    finalMarkItem(
      { schoolId: SCH, classId, yearId: YEAR, kind, ...(periodId ? { periodId } : {}), subjectId, studentId },
      { kind, classId, ...(periodId ? { periodId } : {}), yearId: YEAR, subjectId, studentId, code, ...(code === 'na' ? { reason: 'по болезни' } : {}), setBy: 'fixture', setByName: 'Учитель', setAt: at, firstSetAt: at, late: false, version: 1 },
    );
  const teacher = (userId: string, lastName: string, firstName: string, login: string) =>
    accountItem({ userId, login, kind: 'staff', lastName, firstName, departmentId: DEMO_DEPARTMENT_ID, schoolId: SCH, grants: [{ role: 'teacher', schoolId: SCH }], status: 'active', version: 1 });
  const groups = [{ groupId: 'g1', name: '1 группа', teacherId: T1 }, { groupId: 'g2', name: '2 группа', teacherId: T2 }];
  await batchWriteAll([
    teacher(T1, 'Зайцева', 'Зоя', 'mv.zaytseva'),
    teacher(T2, 'Иванов', 'Иван', 'mv.ivanov'),
    subjectItem({ subjectId: 'mvalg', schoolId: SCH, name: 'Алгебра (итоги)', shortName: 'Алг.', splittable: false, version: 1 }),
    subjectItem({ subjectId: 'mveng', schoolId: SCH, name: 'Английский язык (итоги)', shortName: 'Англ.', splittable: true, version: 1 }),
    subjectItem({ subjectId: 'mvpe', schoolId: SCH, name: 'Физкультура (итоги)', shortName: 'Физ-ра', splittable: false, version: 1 }),
    ...loadLineItems({ schoolId: SCH, yearId: YEAR, classId: CLS, subjectId: 'mvalg', hoursPerWeek: 3, teacherId: T1, version: 1 }),
    ...loadLineItems({ schoolId: SCH, yearId: YEAR, classId: CLS, subjectId: 'mveng', hoursPerWeek: 3, groups, version: 1 }),
    ...loadLineItems({ schoolId: SCH, yearId: YEAR, classId: CLS, subjectId: 'mvpe', hoursPerWeek: 2, teacherId: T2, passFail: true, version: 1 }),
    ...loadLineItems({ schoolId: SCH, yearId: YEAR, classId: OTHER, subjectId: 'mvalg', hoursPerWeek: 3, teacherId: T2, version: 1 }),
    subgroupsItem({ schoolId: SCH, classId: CLS, periodId: Q2, subjectId: 'mveng', groups: [{ ...groups[0]!, studentIds: ['mv-a', 'mv-c'] }, { ...groups[1]!, studentIds: ['mv-b'] }], version: 1 }),
    ...MARKS.map(([period, cls, subject, student, code]) => mark('period', period, cls, subject, student, code)),
    mark('year', undefined, CLS, 'mvalg', 'mv-a', '5'),
  ]);
}

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(mskNoon('2026-11-30'));
  await movementFixture();
  await resultsFixture();
  api = await startApi();
  standAt(mskNoon('2027-01-20'));
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('the summary sheet of student movement of a class', () => {
  it('should count the class at the start and end of the period and list who arrived and left, with orders', async () => {
    const deputy = await as('deputy');
    const before = ddbRequestCounter.count;
    const res = await deputy.get(`${REPORTS(CLS, Q2)}/movement`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The class's context as every class report reads it (school and department, class, year, curriculum: 4),
    // then the class list, the school's movements from the period's start, and the classes' names for the transfer.
    expect(ddbRequestCounter.count - before).toBe(7);
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

const SCHOOL_REPORTS = `/api/schools/${SCH}/years/${YEAR}/school-reports`;
const FINAL_DATA = (cls: string) => `/api/schools/${SCH}/classes/${cls}/final-data`;

describe('the deputy\'s movement reports of the school year', () => {
  it('should count arrivals and departures by class and month, each movement once with its order', async () => {
    const res = await (await as('deputy')).get(`${SCHOOL_REPORTS}/movement`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body;
    expect(b.months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
    const row = (id: string) => b.rows.find((r: { classId: string }) => r.classId === id);
    // 6М: Жуков left in October; in November Фролова to 6Н and Власова enrolled; Дмитриев left in December; Егорова came in January.
    expect(row(CLS)).toEqual({ classId: CLS, className: '6М', arrived: 2, left: 3, months: [{ arrived: 0, left: 0 }, { arrived: 0, left: 1 }, { arrived: 1, left: 1 }, { arrived: 0, left: 1 }, { arrived: 1, left: 0 }] });
    expect(row(OTHER).months).toEqual([{ arrived: 0, left: 0 }, { arrived: 0, left: 0 }, { arrived: 1, left: 0 }, { arrived: 0, left: 0 }, { arrived: 0, left: 1 }]);
    expect(b.lines).toContainEqual({ date: '2026-11-05', name: 'Фролова Фаина', kindTitle: 'Перевод в другой класс', fromClass: '6М', toClass: '6Н', note: '', orderNo: '120-у' });
    expect(b.lines).toContainEqual({ date: '2026-11-10', name: 'Власова Вера', kindTitle: 'Зачисление', fromClass: '', toClass: '6М', note: 'из МБОУ СОШ № 5', orderNo: '125-у' });
    // The school's own row counts each movement once: the fixture's two transfers are among the transfers, not the arrivals.
    const jan = b.school.find((m: { month: string }) => m.month === '2027-01');
    expect(jan.transfers).toBeGreaterThanOrEqual(1);
  });

  it('should give each class its size at the start and end of every period, the running one to today', async () => {
    const deputy = await as('deputy');
    const before = ddbRequestCounter.count;
    const res = await deputy.get(`${SCHOOL_REPORTS}/class-sizes`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const quarters = res.body.sets.find((s: { periods: Array<{ periodId: string }> }) => s.periods[0]!.periodId === Q1);
    const cells = (id: string) => quarters.rows.find((r: { classId: string }) => r.classId === id).cells;
    expect(cells(CLS)).toEqual([
      { atStart: 5, atEnd: 4, running: false },
      { atStart: 4, atEnd: 3, running: false },
      { atStart: 3, atEnd: 4, running: true },
      { atStart: null, atEnd: null, running: false },
    ]);
    expect(cells(OTHER).slice(0, 3)).toEqual([
      { atStart: 1, atEnd: 1, running: false },
      { atStart: 1, atEnd: 2, running: false },
      { atStart: 2, atEnd: 1, running: true },
    ]);
    // The school item, its classes, the year, the movement list, then one class list per class of the year: 4 + N.
    expect(ddbRequestCounter.count - before).toBe(4 + (await classesOfYear()).length);
  });

  it('should print both as PDF and XLSX with the classes, names, dates and orders', async () => {
    const deputy = await as('deputy');
    const pdf = pdfText((await deputy.get(`${SCHOOL_REPORTS}/movement/pdf`)).body);
    expect(pdf).toContain('Динамика движения учащихся');
    expect(pdf).toContain('2026/2027 учебный год. Сформировано 20.01.2027.');
    expect(pdf).toMatch(/6М\s+—\s+\+0 \/ −1\s+\+1 \/ −1\s+\+0 \/ −1\s+\+1 \/ −0\s+2\s+3/);
    expect(pdf).toMatch(/10\.11\.2026\s+Власова Вера\s+Зачисление\s+6М\s+из МБОУ СОШ № 5\s+125-у/);
    const sizes = await deputy.get(`${SCHOOL_REPORTS}/class-sizes/xlsx`);
    expect(sizes.status).toBe(200);
    const rows = await xlsxRows(sizes.body);
    // A period not begun yet prints empty cells.
    expect(rows).toContainEqual(['6М', 5, 4, 4, 3, 3, '4*', '', '']);
    const sp = pdfText((await deputy.get(`${SCHOOL_REPORTS}/class-sizes/pdf`)).body);
    expect(sp).toContain('Численность классов на начало и конец учебных периодов');
    expect(sp).toMatch(/6Н\s+1\s+1\s+1\s+2\s+2\s+1\*/);
  });
});

describe('the school\'s results for a period by class, subject and teacher', () => {
  it('should match the figures worked out by hand, with the change from the 1st quarter', async () => {
    const deputy = await as('deputy');
    const before = ddbRequestCounter.count;
    const res = await deputy.get(`${SCHOOL_REPORTS}/results?period=${Q2}`);
    const requests = ddbRequestCounter.count - before;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body;
    expect(b.period.periodId).toBe(Q2);
    expect(b.previous.periodId).toBe(Q1);
    const cls = (id: string) => b.byClass.find((c: { classId: string }) => c.classId === id);
    // 6М now: Алексеев 5 5 зач (succeeds, quality), Богданова 4 2 зач, Власова 3 4 незач: 1 of 3; marks 5 5 4 2 3 4 → 23/6 = 3,83.
    // Before: Алексеев 4 5 зач, Богданова 4 3 зач, Дмитриев 2 н/а зач, Фролова 3 4 зач: success 3/4, quality 1/4; 25/7 = 3,57.
    expect(cls(CLS)).toEqual({
      classId: CLS, className: '6М', students: 3,
      now: { assessed: 3, success: 33, quality: 33, average: 3.83 },
      before: { assessed: 4, success: 75, quality: 25, average: 3.57 },
      change: { success: -42, quality: 8, average: 0.26 },
    });
    // 6Н: one «4» now, nothing in the 1st quarter: nothing to compare.
    expect(cls(OTHER)).toMatchObject({ now: { success: 100, quality: 100, average: 4 }, change: { success: null, quality: null, average: null } });
    const subject = (id: string) => b.bySubject.find((s: { subjectId: string }) => s.subjectId === id);
    // Алгебра: 5 4 3 (6М) and 4 (6Н) against 4 4 2 3.
    expect(subject('mvalg')).toMatchObject({ now: { assessed: 4, success: 100, quality: 75, average: 4 }, before: { success: 75, quality: 50, average: 3.25 }, change: { success: 25, quality: 25, average: 0.75 } });
    // Английский: 5 2 4 against 5 3 н/а 4.
    expect(subject('mveng')).toMatchObject({ now: { success: 67, quality: 67, average: 3.67 }, before: { success: 75, quality: 50, average: 4 }, change: { success: -8, quality: 17, average: -0.33 } });
    // Физкультура («зачёт/незачёт»): зач зач незач against four «зач»; no quality, no average.
    expect(subject('mvpe')).toMatchObject({ now: { success: 67, quality: null, average: null }, change: { success: -33 } });
    const teacher = (name: string) => b.byTeacher.find((t: { name: string }) => t.name.startsWith(name));
    // Зайцева: algebra 5 4 3 and her English group's 5 4; before: 4 4 2 3 and Алексеев's 5.
    expect(teacher('Зайцева')).toMatchObject({ classes: ['6М'], now: { assessed: 5, success: 100, quality: 80, average: 4.2 }, before: { success: 80, quality: 60, average: 3.6 }, change: { success: 20, quality: 20, average: 0.6 } });
    // Иванов: English group 2's «2», PE зач зач незач, 6Н's «4»: success 3/5; quality and average of the graded 2 and 4 only.
    expect(teacher('Иванов')).toMatchObject({ classes: ['6М', '6Н'], now: { assessed: 5, success: 60, quality: 50, average: 3 }, before: { success: 100, quality: 0, average: 3 }, change: { success: -40, quality: 50, average: 0 } });
    const eng = b.rows.find((r: { classId: string; subjectId: string }) => r.classId === CLS && r.subjectId === 'mveng');
    expect(eng.teachers).toBe('Зайцева Зоя, Иванов Иван');
    expect(eng.counts).toMatchObject({ five: 1, four: 1, two: 1 });
    // The school, its classes, the year; the curriculum, subjects, staff; two FINAL# Queries per class of the
    // quarters (the period and the one before); one BatchGetItem of the split subjects' subgroups: 7 + 2N.
    expect(requests).toBe(7 + 2 * (await classesOfYear()).filter((c) => c.grade <= 9).length);
  });

  it('should print the results as PDF and XLSX with the same figures', async () => {
    const deputy = await as('deputy');
    const pdf = await deputy.get(`${SCHOOL_REPORTS}/results/pdf?period=${Q2}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="itogi-shkoly-${YEAR}-${Q2}.pdf"`);
    const text = pdfText(pdf.body);
    expect(text).toContain('Итоги успеваемости школы за период');
    expect(text).toMatch(/6М\s+3\s+33 %\s+−42\s+33 %\s+\+8\s+3,83\s+\+0,26/);
    expect(text).toMatch(/Зайцева Зоя\s+6М\s+100 %\s+\+20\s+80 %\s+\+20\s+4,20\s+\+0,60/);
    expect(text).toMatch(/Английский язык \(итоги\)\s+67 %\s+−8\s+67 %\s+\+17\s+3,67\s+−0,33/);
    const rows = await xlsxRows((await deputy.get(`${SCHOOL_REPORTS}/results/xlsx?period=${Q2}`)).body);
    expect(rows).toContainEqual(['6Н', 1, '100 %', '—', '100 %', '—', '4,00', '—']);
  });

  it('should refuse a period the year does not have', async () => {
    const res = await (await as('deputy')).get(`${SCHOOL_REPORTS}/results?period=2026-q9`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Такого учебного периода');
  });
});

describe('the final data of a class', () => {
  it('should give every student\'s period and year marks by subject', async () => {
    const res = await (await as('director')).get(FINAL_DATA(CLS));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body;
    expect(b.columns).toEqual(['1 четверть', '2 четверть', '3 четверть', '4 четверть', 'Год']);
    expect(b.subjects.map((s: { name: string }) => s.name)).toEqual(['Алгебра (итоги)', 'Английский язык (итоги)', 'Физкультура (итоги)']);
    // Today's list: Алексеев, Богданова, Власова, Егорова (Дмитриев and Жуков left, Фролова is in 6Н).
    expect(b.rows.map((r: { name: string }) => r.name)).toEqual(['Алексеев Антон', 'Богданова Белла', 'Власова Вера', 'Егорова Ева']);
    expect(b.rows[0].subjects.map((s: { marks: Array<string | null> }) => s.marks)).toEqual([
      ['4', '5', null, null, '5'],
      ['5', '5', null, null, null],
      ['зач', 'зач', null, null, null],
    ]);
    expect(b.rows[0]).toMatchObject({ yearAverage: 5, yearFailing: 0 });
    expect(b.rows[1].subjects[1].marks).toEqual(['3', '2', null, null, null]);
    const pdf = pdfText((await (await as('director')).get(`${FINAL_DATA(CLS)}/pdf`)).body);
    expect(pdf).toContain('Итоговые данные по обучающимся');
    expect(pdf).toMatch(/1\s+Алексеев Антон\s+Алгебра \(итоги\)\s+4\s+5\s+5\s+5,00/);
    const rows = await xlsxRows((await (await as('director')).get(`${FINAL_DATA(CLS)}/xlsx`)).body);
    expect(rows).toContainEqual(['', '', 'Английский язык (итоги)', 3, 2, '', '', '', '']);
  });
});

describe('who may read the school reports', () => {
  it('should refuse the school\'s teachers and class teachers (403) and tell a parent or student nothing (404)', async () => {
    for (const login of ['classteacher', 'teacher']) {
      expect((await (await as(login)).get(`${SCHOOL_REPORTS}/results`)).status, login).toBe(403);
      expect((await (await as(login)).get(`${FINAL_DATA(CLS)}/pdf`)).status, login).toBe(403);
    }
    for (const login of ['parent', 'student']) {
      const res = await (await as(login)).get(`${SCHOOL_REPORTS}/movement`);
      expect(res.status, login).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Фролова');
      expect((await (await as(login)).get(`${SCHOOL_REPORTS}/class-sizes/xlsx`)).status, login).toBe(404);
    }
    expect((await (await as('director')).get(`/api/schools/${SCH}/years/2019/school-reports/movement`)).status).toBe(404);
  });
});

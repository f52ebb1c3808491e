/**
 * The class teacher's reports over HTTP against DynamoDB Local (issue 13, items 1 and 6): the summary
 * sheet and the class results of a small fixture class compared with figures worked out by hand, the
 * marks read in ONE Query of the period's FINAL# range, the year marks beside the last period's, the
 * PDF read back with pdftotext (class, subjects, names and numbers in Cyrillic), the XLSX read back
 * with exceljs, and who may read them.
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll, seedDemoSchool } from '../../infra/local/seed';
import { ddbRequestCounter } from '../../shared/db/client';
import { keys, sortName } from '../../shared/db/keys';
import type { FinalMarkCode } from '../../shared/domain/period-marks';
import { loadLineItems, subjectItem } from '../../shared/repos/curriculum';
import { attendanceItem, markItem } from '../../shared/repos/journal';
import { lessonItem } from '../../shared/repos/lessons';
import { finalMarkItem } from '../../shared/repos/period-marks';
import { startApi, type ApiServer } from '../support/api';
import { clockedClients } from '../support/clocked-clients';
import { useTestTable } from '../support/dynamo';
import { mskNoon, Q2, SCH, YEAR } from './journal-fixture';

const CLS = 'rep7';
const Q4 = '2026-q4';
const STUDENTS = [
  { id: 'rep-a', lastName: 'Абрамова', firstName: 'Анна' },
  { id: 'rep-b', lastName: 'Борисов', firstName: 'Борис' },
  { id: 'rep-c', lastName: 'Васильева', firstName: 'Вера' },
  { id: 'rep-d', lastName: 'Григорьев', firstName: 'Глеб' },
];
const SUBJECTS = [
  { subjectId: 'ralg', name: 'Алгебра (отчёт)', shortName: 'Алг.' },
  { subjectId: 'rrus', name: 'Русский язык (отчёт)', shortName: 'Рус.' },
  { subjectId: 'rpe', name: 'Физическая культура (отчёт)', shortName: 'Физ-ра', passFail: true },
];
const REPORTS = (cls: string, period: string) => `/api/schools/${SCH}/classes/${cls}/periods/${period}/reports`;

let api: ApiServer;
const { standAt, as } = clockedClients(() => api.url);

async function fixtureClass(): Promise<void> {
  const at = '2026-12-28T08:00:00.000Z';
  const mark = (kind: 'period' | 'year', periodId: string | undefined, subjectId: string, studentId: string, code: FinalMarkCode | null) =>
    finalMarkItem(
      { schoolId: SCH, classId: CLS, yearId: YEAR, kind, ...(periodId ? { periodId } : {}), subjectId, studentId },
      { kind, classId: CLS, ...(periodId ? { periodId } : {}), yearId: YEAR, subjectId, studentId, ...(code ? { code } : { deleted: true }), ...(code === 'na' ? { reason: 'по болезни' } : {}), setBy: 'fixture', setByName: 'Учитель', setAt: at, firstSetAt: at, late: false, version: 1 },
    );
  // Q2, worked out by hand below: Алгебра 5 4 3 н/а; Русский 5 5 4 and Глеб's mark cleared (a tombstone); физкультура зач зач незач зач.
  const q2: Array<[string, string, FinalMarkCode | null]> = [
    ['ralg', 'rep-a', '5'], ['ralg', 'rep-b', '4'], ['ralg', 'rep-c', '3'], ['ralg', 'rep-d', 'na'],
    ['rrus', 'rep-a', '5'], ['rrus', 'rep-b', '5'], ['rrus', 'rep-c', '4'], ['rrus', 'rep-d', null],
    ['rpe', 'rep-a', 'pass'], ['rpe', 'rep-b', 'pass'], ['rpe', 'rep-c', 'fail'], ['rpe', 'rep-d', 'pass'],
  ];
  await batchWriteAll([
    { ...keys.class(SCH, CLS), type: 'class', classId: CLS, schoolId: SCH, grade: 7, letter: 'Р', yearId: YEAR },
    ...STUDENTS.map((s) => ({
      ...keys.studentCard(SCH, s.id),
      ...keys.studentsOfClass(SCH, CLS, sortName(s.lastName, s.firstName), s.id),
      type: 'studentCard', schoolId: SCH, classId: CLS, studentId: s.id, lastName: s.lastName, firstName: s.firstName, birthDate: '2013-05-01', parentIds: [],
    })),
    ...SUBJECTS.flatMap((s) => [
      subjectItem({ subjectId: s.subjectId, schoolId: SCH, name: s.name, shortName: s.shortName, splittable: false, version: 1 }),
      ...loadLineItems({ schoolId: SCH, yearId: YEAR, classId: CLS, subjectId: s.subjectId, hoursPerWeek: 3, ...(s.passFail ? { passFail: true } : {}), version: 1 }),
    ]),
    ...q2.map(([subject, student, code]) => mark('period', Q2, subject, student, code)),
    // Current algebra marks of Q2 (lesson answers, weight 1): Анна 5 4 5 → 4,67 «5»; Борис 2 3 2 → 2,33 «2».
    ...[['rep-a', [5, 4, 5]], ['rep-b', [2, 3, 2]]].flatMap(([studentId, values]) =>
      (values as number[]).map((value, i) =>
        markItem({ schoolId: SCH, classId: CLS, periodId: Q2, subjectId: 'ralg' }, { date: `2026-11-1${6 + i}`, lessonNo: 1, groupId: 'all', studentId: studentId as string, workType: 'lessonAnswer', value, weight: 1, version: 1, setBy: 'fixture', setAt: `2026-11-1${6 + i}T08:00:00.000Z` }),
      ),
    ),
    // Algebra lessons of Q2: three in November, two in December; absences and a late arrival on them.
    ...['2026-11-16', '2026-11-17', '2026-11-18', '2026-12-01', '2026-12-02'].map((date) =>
      lessonItem(SCH, YEAR, { classId: CLS, periodId: Q2, subjectId: 'ralg', groupId: 'all', date, lessonNo: 1, teacherId: 'fixture', status: 'planned' }, '2026-08-31T09:00:00.000Z'),
    ),
    ...([
      ['rep-a', '2026-11-16', 'absent', 'illness'],
      ['rep-a', '2026-12-01', 'absent', undefined],
      ['rep-b', '2026-11-17', 'absent', 'valid'],
      ['rep-b', '2026-12-02', 'late', undefined],
      ['rep-c', '2026-12-02', 'absent', 'invalid'],
    ] as const).map(([studentId, date, kind, reason]) =>
      attendanceItem({ schoolId: SCH, classId: CLS, periodId: Q2, subjectId: 'ralg' }, { date, lessonNo: 1, groupId: 'all', studentId, kind, ...(reason ? { reason } : {}), version: 1, setBy: 'fixture', setAt: `${date}T08:00:00.000Z` }),
    ),
    // The last quarter: Анна's algebra 4 for the quarter and 5 for the year.
    mark('period', Q4, 'ralg', 'rep-a', '4'),
    mark('year', undefined, 'ralg', 'rep-a', '5'),
  ]);
}

beforeAll(async () => {
  await useTestTable();
  const seedAt = mskNoon('2026-11-30');
  await seedDemoSchool(seedAt);
  await fixtureClass();
  api = await startApi();
  standAt(mskNoon('2026-12-28'));
});
afterAll(async () => {
  setClock(null);
  await api?.stop();
});

describe('the summary sheet of marks and the class results', () => {
  it('should match the figures worked out by hand, from one Query of the period marks', async () => {
    const client = await as('deputy');
    const before = ddbRequestCounter.count;
    const res = await client.get(`${REPORTS(CLS, Q2)}/summary`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The marks: ONE Query (one page) of FINAL#; besides it the school and department, class, year,
    // curriculum, subjects and class list: the class's context, as the period-marks table reads it.
    expect(res.body.queryPages).toBe(1);
    expect(ddbRequestCounter.count - before).toBe(7);
    const b = res.body;
    expect(b.className).toBe('7Р');
    expect(b.withYear).toBe(false);
    expect(b.subjects.map((s: { name: string }) => s.name)).toEqual(['Алгебра (отчёт)', 'Русский язык (отчёт)', 'Физическая культура (отчёт)']);
    expect(b.rows.map((r: { name: string; cells: Array<{ period: string | null }>; average: number | null; failing: number }) => [r.name, ...r.cells.map((c) => c.period), r.average, r.failing])).toEqual([
      ['Абрамова Анна', '5', '5', 'зач', 5, 0],
      ['Борисов Борис', '4', '5', 'зач', 4.5, 0],
      ['Васильева Вера', '3', '4', 'незач', 3.5, 1],
      ['Григорьев Глеб', 'н/а', null, 'зач', null, 1],
    ]);
    const [alg, rus, pe] = b.results;
    // Алгебра: 4 assessed; success 3/4; quality 2/4; average (5 + 4 + 3) / 3.
    expect(alg).toMatchObject({ assessed: 4, unmarked: 0, five: 1, four: 1, three: 1, two: 0, notAssessed: 1, success: 75, quality: 50, average: 4 });
    // Русский: the cleared mark counts nowhere: 3 assessed, all «4» and «5»; (5 + 5 + 4) / 3 = 4,67.
    expect(rus).toMatchObject({ assessed: 3, unmarked: 1, five: 2, four: 1, success: 100, quality: 100, average: 4.67 });
    // Физкультура is «зачёт/незачёт»: 3 of 4 pass, no quality and no average.
    expect(pe).toMatchObject({ assessed: 4, success: 75, quality: null, average: null });
    // Анна on «5», Борис on «4» and «5»; Вера has «незач», Глеб «н/а»: 2 of 4 succeed; 26 / 6 = 4,33.
    expect(b.totals).toEqual({ students: 4, excellent: 1, good: 1, oneThree: 0, withTwo: 0, withNotAssessed: 1, success: 50, quality: 50, average: 4.33 });
    expect(b.note).toContain('Успеваемость — доля аттестованных без «2» и «н/а»');
  });

  it('should put the year marks beside the last quarter\'s', async () => {
    const res = await (await as('director')).get(`${REPORTS(CLS, Q4)}/summary`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.withYear).toBe(true);
    expect(res.body.rows[0].cells[0]).toEqual({ period: '4', year: '5' });
    expect(res.body.rows[1].cells[0]).toEqual({ period: null, year: null });
  });

  it('should print the sheet and the results as PDF with the class, subjects, names and figures in Cyrillic', async () => {
    const client = await as('deputy');
    const sheet = await client.get(`${REPORTS(CLS, Q2)}/summary/pdf`);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-disposition')).toBe(`attachment; filename="svodnaya-${CLS}-${Q2}.pdf"`);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: sheet.body as Buffer }).toString('utf8');
    expect(text).toContain('Сводная ведомость учёта успеваемости');
    expect(text).toContain('7Р класс, 2 четверть');
    expect(text).toContain('Сформировано 28.12.2026');
    expect(text).toMatch(/Абрамова Анна\s+5\s+5\s+зач\s+5,00/);
    expect(text).toMatch(/Васильева Вера\s+3\s+4\s+незач\s+3,50/);
    expect(text).toMatch(/Григорьев Глеб\s+н\/а\s+зач\s+—/);
    expect(text).toContain('Алг. — Алгебра (отчёт)');

    const results = await client.get(`${REPORTS(CLS, Q2)}/results/pdf`);
    expect(results.status).toBe(200);
    const rt = execFileSync('pdftotext', ['-layout', '-', '-'], { input: results.body as Buffer }).toString('utf8');
    expect(rt).toContain('Итоги успеваемости класса за период');
    expect(rt).toMatch(/Алгебра \(отчёт\)\s+1\s+1\s+1\s+0\s+1\s+0\s+75 %\s+50 %\s+4,00/);
    expect(rt).toMatch(/Русский язык \(отчёт\)\s+2\s+1\s+0\s+0\s+0\s+1\s+100 %\s+100 %\s+4,67/);
    expect(rt).toContain('Успеваемость: 50 %; качество: 50 %; средний балл: 4,33');
  });

  it('should give the same figures as XLSX, marks as numbers', async () => {
    const res = await (await as('deputy')).get(`${REPORTS(CLS, Q2)}/summary/xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Сводная ведомость', 'Итоги']);
    const sheet = wb.getWorksheet('Сводная ведомость')!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['№', 'Обучающийся', 'Алгебра (отчёт)', 'Русский язык (отчёт)', 'Физическая культура (отчёт)', 'Средний балл']);
    expect(rows).toContainEqual([1, 'Абрамова Анна', 5, 5, 'зач', 5]);
    // No average: the cell stays empty (exceljs reads a row up to its last value).
    expect(rows).toContainEqual([4, 'Григорьев Глеб', 'н/а', '', 'зач']);
    const results = wb.getWorksheet('Итоги')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(results).toContainEqual(['Алгебра (отчёт)', 1, 1, 1, 0, 1, 0, 0.75, 0.5, 4]);
    expect(results).toContainEqual(['Качество', 0.5]);
    expect(results).toContainEqual(['Средний балл', 4.33]);
  });
});

describe('the preliminary report', () => {
  it('should show current averages with their implied marks and who is at risk', async () => {
    standAt(mskNoon('2026-12-10'));
    try {
      const res = await (await as('deputy')).get(`${REPORTS(CLS, Q2)}/preliminary`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const alg = res.body.subjects.findIndex((s: { subjectId: string }) => s.subjectId === 'ralg');
      const cells = res.body.rows.map((r: { name: string; cells: Array<{ average: number | null; implied: number | null } | null> }) => [r.name, r.cells[alg]?.average ?? null, r.cells[alg]?.implied ?? null]);
      // (5 + 4 + 5) / 3 = 4,67 → «5»; (2 + 3 + 2) / 3 = 2,33 → «2»; no marks → nothing.
      expect(cells).toEqual([['Абрамова Анна', 4.67, 5], ['Борисов Борис', 2.33, 2], ['Васильева Вера', null, null], ['Григорьев Глеб', null, null]]);
      expect(res.body.rows.find((r: { name: string }) => r.name === 'Борисов Борис').atRisk).toBe(true);
      const boris = res.body.atRisk.filter((w: { studentName: string; subjectName?: string }) => w.studentName === 'Борисов Борис' && w.subjectName === 'Алгебра (отчёт)');
      expect(boris.length).toBe(1);
      // The early warnings' own words: the average and what it means under the school's thresholds.
      expect(boris[0].messages.join(' ')).toContain('Средний балл 2,33 — по порогам школы это «2»');
      const anna = res.body.atRisk.filter((w: { studentName: string; subjectName?: string }) => w.studentName === 'Абрамова Анна' && w.subjectName === 'Алгебра (отчёт)');
      expect(anna.flatMap((w: { messages: string[] }) => w.messages).join(' ')).not.toContain('это «2»');
    } finally {
      standAt(mskNoon('2026-12-28'));
    }
  });

  it('should be refused to a class teacher of another class', async () => {
    expect((await (await as('classteacher')).get(`${REPORTS(CLS, Q2)}/preliminary`)).status).toBe(403);
  });
});

describe('the attendance of the class', () => {
  it('should count the lessons missed by month and reason, and the class\'s share attended', async () => {
    const deputy = await as('deputy');
    // The journal's rosters are built on its first use (the preliminary report does it here, as the early warnings do).
    expect((await deputy.get(`${REPORTS(CLS, Q2)}/preliminary`)).status).toBe(200);
    const res = await deputy.get(`${REPORTS(CLS, Q2)}/attendance`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body;
    // From the year's first day to today (28.12.2026), one Query per quarter so far.
    expect(b.months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    expect(b.until).toBe('2026-12-28');
    const row = (name: string) => b.rows.find((r: { name: string }) => r.name === name);
    // Анна: 16.11 «б», 01.12 «н»; Борис: 17.11 «уп» and late on 02.12; Вера: 02.12 «нп»; Глеб: none. Five lessons each.
    expect(row('Абрамова Анна')).toMatchObject({ missed: 2, illness: 1, unexplained: 1, late: 0, lessons: 5 });
    expect(row('Абрамова Анна').months.map((m: { missed: number }) => m.missed)).toEqual([0, 0, 1, 1]);
    expect(row('Борисов Борис')).toMatchObject({ missed: 1, valid: 1, late: 1 });
    expect(row('Васильева Вера')).toMatchObject({ missed: 1, invalid: 1 });
    expect(row('Григорьев Глеб')).toMatchObject({ missed: 0, late: 0, lessons: 5 });
    // November: 3 lessons x 4 students, 2 missed → 10/12 = 83 %; December: 2 x 4, 2 missed → 75 %.
    expect(b.byMonth).toEqual([
      { month: '2026-09', lessons: 0, missed: 0, attended: null },
      { month: '2026-10', lessons: 0, missed: 0, attended: null },
      { month: '2026-11', lessons: 12, missed: 2, attended: 83 },
      { month: '2026-12', lessons: 8, missed: 2, attended: 75 },
    ]);
  });

  it('should print the attendance and the preliminary report as PDF and XLSX with the same figures', async () => {
    const deputy = await as('deputy');
    const pdf = await deputy.get(`${REPORTS(CLS, Q2)}/attendance/pdf`);
    expect(pdf.status).toBe(200);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.body as Buffer }).toString('utf8');
    expect(text).toContain('Сводная ведомость посещаемости');
    expect(text).toContain('7Р класс, с 01.09.2026 по 28.12.2026');
    expect(text).toMatch(/Абрамова Анна\s+—\s+—\s+1 \(б 1\)\s+1 \(н 1\)\s+2\s+1\s+0\s+0\s+1\s+0/);
    expect(text).toMatch(/ноябрь 2026\s+12\s+2\s+83 %/);
    const xlsx = await deputy.get(`${REPORTS(CLS, Q2)}/attendance/xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual([3, 'Васильева Вера', '—', '—', '—', '1 (нп 1)', 1, 0, 0, 1, 0, 0]);
    expect(rows).toContainEqual(['декабрь 2026', 8, 2, '75 %']);

    const pre = await deputy.get(`${REPORTS(CLS, Q2)}/preliminary/pdf`);
    expect(pre.status).toBe(200);
    const pt = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pre.body as Buffer }).toString('utf8');
    expect(pt).toContain('Предварительный отчёт за период');
    expect(pt).toMatch(/Борисов Борис \(!\)\s+2,33 \(«2»\)/);
    expect(pt).toContain('Средний балл 2,33 — по порогам школы это «2»');
    const px = await deputy.get(`${REPORTS(CLS, Q2)}/preliminary/xlsx`);
    expect(px.status).toBe(200);
    const pw = new ExcelJS.Workbook();
    await pw.xlsx.load(px.body as never);
    const prow = pw.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(prow.some((r) => r[1] === 'Абрамова Анна (!)' || r[1] === 'Абрамова Анна')).toBe(true);
    expect(prow.some((r) => r.includes('4,67 («5»)'))).toBe(true);
  });
});

describe('who may read a class\'s reports', () => {
  it('should refuse parents, students and teachers, and a class teacher another class', async () => {
    for (const login of ['parent', 'student', 'teacher']) {
      expect((await (await as(login)).get(`${REPORTS('5a', Q2)}/summary`)).status, login).toBe(403);
    }
    const classteacher = await as('classteacher');
    expect((await classteacher.get(`${REPORTS(CLS, Q2)}/summary`)).status).toBe(403);
    expect((await classteacher.get(`${REPORTS(CLS, Q2)}/summary/pdf`)).status).toBe(403);
    expect((await classteacher.get(`${REPORTS(CLS, Q2)}/summary/xlsx`)).status).toBe(403);
    const own = await classteacher.get(`${REPORTS('5a', Q2)}/summary`);
    expect(own.status).toBe(200);
    expect(own.body.className).toBe('5А');
    expect(own.body.rows.length).toBeGreaterThan(10);
  });

  it('should answer 404 for a class or period that does not exist', async () => {
    const deputy = await as('deputy');
    expect((await deputy.get(`${REPORTS('nope', Q2)}/summary`)).status).toBe(404);
    expect((await deputy.get(`${REPORTS(CLS, '2026-q9')}/summary`)).status).toBe(404);
  });
});

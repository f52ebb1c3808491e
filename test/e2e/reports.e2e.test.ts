/**
 * The class teacher's summary sheet in a real Chromium (issue 13, Done-when): from the home's
 * «Отчёты» to 5А's summary sheet of marks with the class results, then its PDF and XLSX downloaded
 * by their links, then the preliminary report and the attendance sheet; axe-clean; and the deputy's school
 * movement dynamics (issue 13, item 2) and the monitoring (item 3, filtered to one class) from the reports list. Lean: one sign-in per role, one page each. Two period marks are written into 5А's
 * second quarter first and the partition is put back afterwards.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { rosterItem } from '../../shared/repos/journal';
import { lessonItem } from '../../shared/repos/lessons';
import { finalMarkItem } from '../../shared/repos/period-marks';
import { ApiClient } from '../support/api';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { mskNoon, Q2, SCH, YEAR } from '../integration/journal-fixture';

let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;
let subject = { subjectId: '', name: '', shortName: '' };
let first = '';
let pupils: Array<{ studentId: string; name: string }> = [];

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => mskNoon('2026-11-30'));
  restore = await keepPartitions([keys.journalPartition(SCH, '5a', Q2)]);
  const client = new ApiClient(b.url);
  expect((await client.signIn('classteacher')).status).toBe(200);
  const sheet = await client.get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/reports/summary`);
  expect(sheet.status).toBe(200);
  subject = sheet.body.subjects[0];
  const [a, c] = sheet.body.rows as Array<{ studentId: string; name: string }>;
  first = a!.name;
  pupils = sheet.body.rows;
  const at = '2026-11-30T08:00:00.000Z';
  await batchWriteAll(
    [[a!.studentId, '5'], [c!.studentId, '4']].map(([studentId, code]) =>
      finalMarkItem(
        { schoolId: SCH, classId: '5a', yearId: YEAR, kind: 'period', periodId: Q2, subjectId: subject.subjectId, studentId: studentId! },
        { kind: 'period', classId: '5a', periodId: Q2, yearId: YEAR, subjectId: subject.subjectId, studentId: studentId!, code: code as '5' | '4', setBy: 'e2e', setByName: 'Учитель', setAt: at, firstSetAt: at, late: false, version: 1 },
      ),
    ),
  );
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  // The browser runs in another process: the file is copied here.
  const to = join(tmpdir(), `reports-e2e-${process.pid}-${file.suggestedFilename()}`);
  await file.saveAs(to);
  return readFileSync(to);
}

describe('the summary sheet of marks', () => {
  it('should open from the home, show the sheet and the results, and download its PDF and XLSX', async () => {
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'classteacher');
      await page.getByRole('link', { name: 'Отчёты' }).first().click();
      await page.getByRole('link', { name: 'Сводная ведомость и итоги: 5А' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Сводная ведомость учёта успеваемости: 5А, 2 четверть');
      const sheet = page.getByTestId('summary-sheet');
      await expect.poll(() => sheet.getByRole('row', { name: new RegExp(first) }).textContent()).toContain('5');
      // Two marks of the subject: «5» and «4», success and quality 100 %, average 4,50.
      const results = page.getByTestId('class-results').getByRole('row', { name: new RegExp(subject.name.replace(/[()]/g, '\\$&')) });
      expect((await results.textContent())?.replace(/\s+/g, ' ')).toContain('100 %100 %4,50');
      await expect.poll(() => page.getByText('Успеваемость — доля аттестованных').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);

      const pdf = await download(page, 'Сводная ведомость (PDF)');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      const xlsx = await download(page, 'Сводная ведомость и итоги (XLSX)');
      // An XLSX is a ZIP archive.
      expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');

      // The preliminary report of the same class and period, one link away.
      await page.getByRole('link', { name: 'Предварительный отчёт' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Предварительный отчёт за период: 5А, 2 четверть');
      await expect.poll(() => page.getByTestId('preliminary').getByRole('row').count()).toBeGreaterThan(10);
      expect(await seriousViolations(page)).toEqual([]);

      // And the attendance sheet of the class.
      await page.goto(b.at(`/reports/5a/${Q2}/attendance?school=${SCH}`));
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Сводная ведомость посещаемости: 5А');
      await expect.poll(() => page.getByTestId('attendance-by-month').getByRole('row', { name: /ноябрь 2026/ }).count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});

describe('the deputy\'s school reports', () => {
  it('should open the school\'s movement dynamics and the monitoring from the reports list, axe-clean', async () => {
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'deputy');
      await page.goto(b.at(`/reports?school=${SCH}`));
      await page.getByRole('link', { name: 'Динамика движения учащихся' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Динамика движения учащихся');
      // The demo's November: a pupil enrolled into 6А (and one transferred from 5А to 5Б).
      await expect.poll(() => page.getByTestId('movement-by-class').getByRole('row', { name: /^6А/ }).textContent()).toContain('+1 / −0');
      expect(await seriousViolations(page)).toEqual([]);

      // The monitoring of how the journal is kept (issue 13, item 3), same sign-in: the current quarter, then 5А only.
      // The browser stack's demo has no journal: two lessons of 5А's subject and its roster, one lesson left unfilled.
      const place = { schoolId: SCH, classId: '5a', periodId: Q2 };
      await batchWriteAll([
        rosterItem(place, { subjectId: subject.subjectId, classId: '5a', className: '5А', grade: 5, periodId: Q2, line: { teacherId: 'e2e-teacher' }, groups: [], students: pupils, version: 1, builtAt: '2026-11-05T06:00:00.000Z' }),
        { ...lessonItem(SCH, YEAR, { classId: '5a', periodId: Q2, subjectId: subject.subjectId, groupId: 'all', date: '2026-11-23', lessonNo: 8, teacherId: 'e2e-teacher', status: 'planned' }, '2026-08-31T09:00:00.000Z'), topic: 'Повторение', homework: 'с. 5', filledAt: '2026-11-23T10:00:00.000Z' },
        lessonItem(SCH, YEAR, { classId: '5a', periodId: Q2, subjectId: subject.subjectId, groupId: 'all', date: '2026-11-24', lessonNo: 8, teacherId: 'e2e-teacher', status: 'planned' }, '2026-08-31T09:00:00.000Z'),
      ]);
      await page.goto(b.at(`/reports?school=${SCH}`));
      await page.getByRole('link', { name: 'Мониторинг ведения электронного журнала' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Мониторинг ведения электронного журнала');
      await expect.poll(() => page.getByTestId('monitoring-rows').getByRole('row', { name: /5А/ }).count()).toBe(1);
      await page.getByLabel('Класс', { exact: true }).selectOption('5a');
      await page.getByRole('button', { name: 'Показать' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('class')).toBe('5a');
      const rows = page.getByTestId('monitoring-rows').getByRole('row');
      await expect.poll(() => rows.count()).toBe(2);
      // Nobody marked, half the lessons without a topic: the problems are said in words, not by colour alone.
      expect(await rows.nth(1).textContent()).toContain('Проблема: Мало текущих отметок');
      await expect.poll(() => page.getByTestId('monitoring-summary').textContent()).toMatch(/Строк с проблемами: \d+/);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});

/**
 * The check of the journal and the department's comparison in a real Chromium (issue 13, Done-when):
 * the deputy, warned on the home that no check is signed yet, records a check of 5А from
 * «Проверки электронного журнала», signs its справка off and downloads it as PDF; the department
 * specialist opens «Отчёты по школам» and sees two schools side by side, with the PDF and XLSX.
 * Axe on each screen. Lean: one sign-in per role; the partitions written are put back afterwards.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll } from '../../infra/local/seed';
import { keys, sortName } from '../../shared/db/keys';
import { demoYearItems } from '../../shared/demo/year';
import { loadLineItems, subjectItem } from '../../shared/repos/curriculum';
import { finalMarkItem } from '../../shared/repos/period-marks';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { mskNoon, Q2, SCH, YEAR } from '../integration/journal-fixture';

let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;
const PUPILS = [['e2e7-a', 'Алексеев', '5'], ['e2e7-b', 'Белова', '4'], ['e2e7-c', 'Волков', '2']] as const;

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => mskNoon('2026-11-30'));
  restore = await keepPartitions([
    keys.journalChecksPartition(SCH),
    keys.school('krd', 'sch7').pk,
    keys.class('sch7', '7b').pk,
    keys.yearPlan('sch7', YEAR),
    keys.journalPartition('sch7', '7b', Q2),
    ...PUPILS.map(([id]) => keys.studentCard('sch7', id).pk),
  ]);
  // A second school of the department: one class whose algebra has the quarter's marks 5, 4 and 2.
  const at = '2026-11-28T08:00:00.000Z';
  await batchWriteAll([
    { ...keys.school('krd', 'sch7'), type: 'school', schoolId: 'sch7', departmentId: 'krd', name: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', city: 'Краснодар', timeZone: 'Europe/Moscow' },
    ...demoYearItems('sch7'),
    { ...keys.class('sch7', '7b'), type: 'class', classId: '7b', schoolId: 'sch7', grade: 7, letter: 'Б', yearId: YEAR },
    subjectItem({ subjectId: 'alg7', schoolId: 'sch7', name: 'Алгебра', shortName: 'Алг.', splittable: false, version: 1 }),
    ...loadLineItems({ schoolId: 'sch7', yearId: YEAR, classId: '7b', subjectId: 'alg7', hoursPerWeek: 3, version: 1 }),
    ...PUPILS.flatMap(([studentId, lastName, code]) => [
      { ...keys.studentCard('sch7', studentId), ...keys.studentsOfClass('sch7', '7b', sortName(lastName, 'Иван'), studentId), type: 'studentCard', schoolId: 'sch7', classId: '7b', studentId, lastName, firstName: 'Иван', birthDate: '2013-05-01', parentIds: [] },
      finalMarkItem(
        { schoolId: 'sch7', classId: '7b', yearId: YEAR, kind: 'period', periodId: Q2, subjectId: 'alg7', studentId },
        { kind: 'period', classId: '7b', periodId: Q2, yearId: YEAR, subjectId: 'alg7', studentId, code, setBy: 'e2e', setByName: 'Учитель', setAt: at, firstSetAt: at, late: false, version: 1 },
      ),
    ]),
  ]);
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

async function download(page: Page, name: string | RegExp): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
  const to = join(tmpdir(), `checks-e2e-${process.pid}-${file.suggestedFilename()}`);
  await file.saveAs(to);
  return readFileSync(to);
}

describe('the check of the journal and its справка', () => {
  it('should warn on the home, record a check of 5А, sign it off and give its справка as PDF', async () => {
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'deputy');
      // No signed-off check in the school yet: the home says it is time for one (clause 8.2).
      await expect.poll(() => page.getByTestId('check-overdue').count()).toBe(1);
      await page.getByRole('link', { name: 'Проверки электронного журнала' }).first().click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Проверки электронного журнала');
      await expect.poll(() => page.getByTestId('check-due').textContent()).toContain('не реже 1 раза в месяц');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Записать проверку' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Новая проверка журнала');
      expect(await page.getByLabel('Дата проверки').inputValue()).toBe('30.11.2026');
      await page.getByLabel('Проверяемый период').selectOption({ label: '2 четверть' });
      await page.getByLabel('5А', { exact: true }).check();
      await page.getByLabel('Выводы и рекомендации').fill('Учителям 5А записывать темы уроков в день урока.');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Записать и составить справку' }).click();

      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Проверка журнала от 30.11.2026');
      await expect.poll(() => page.getByLabel('Текст справки').inputValue()).toContain('2 четверть, класс 5А');
      expect(await seriousViolations(page)).toEqual([]);
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Подписать справку' }).click();
      await expect.poll(() => page.getByTestId('check-status').textContent()).toContain('подписана');
      await expect.poll(() => page.getByRole('button', { name: 'Подписать справку' }).count()).toBe(0);

      const pdf = await download(page, 'Справка (PDF)');
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
      expect(text).toContain('по итогам проверки электронного журнала');
      expect(text).toContain('Проверяемый период: 2 четверть. Класс: 5А.');
      expect(text).toContain('Учителям 5А записывать темы уроков в день урока.');
      expect(text).toContain('Подписано 30.11.2026.');
    });
  });
});

describe('«Отчёты по школам»', () => {
  it('should show the department specialist two schools side by side, with the PDF and XLSX', async () => {
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'uo');
      await page.getByRole('link', { name: 'Отчёты по школам' }).first().click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Отчёты по школам');
      const results = page.getByTestId('school-results');
      await expect.poll(() => results.getByRole('row').count()).toBe(3);
      expect((await results.getByRole('row', { name: /СОШ № 7/ }).textContent())?.replace(/\s+/g, ' ')).toContain('1367 %67 %3,67');
      await expect.poll(() => results.getByRole('row', { name: /СОШ № 53/ }).count()).toBe(1);
      await expect.poll(() => page.getByTestId('school-subjects').getByRole('row', { name: /Алгебра/ }).textContent()).toContain('67 % / 67 % / 3,67');
      // Aggregates only: no pupil of the second school is named.
      expect(await page.getByText('Алексеев').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      const pdf = await download(page, 'Отчёты по школам (PDF)');
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
      expect(text).toMatch(/МАОУ СОШ № 7\s+1\s+3\s+67 %\s+67 %\s+3,67/);
      expect(text).toContain('МАОУ СОШ № 53');
      const xlsx = await download(page, 'Отчёты по школам (XLSX)');
      expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    });
  });
});

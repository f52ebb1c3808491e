/**
 * Paper progress reports in a real Chromium (issue 12 item 4; clause 3.13, R-52): the class teacher
 * records a parent's written application by keyboard, the fortnightly job renders the class's
 * report, the overdue report shows on the menu's badge and in the list, and marking the pupil's
 * report «вручён» clears it; the parent's second application withdraws the first. The screen is axe-clean.
 *
 * The job runs on Monday 07.12.2026 (fortnight 23.11-06.12); the browser stands on Friday 11.12,
 * the day after its 3 working days to hand it over.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as paperReportsJob } from '../../functions/jobs/render-paper-reports';
import { setClock } from '../../functions/http/clock';
import { keys } from '../../shared/db/keys';
import { listStudentsOfClass } from '../../shared/repos/school';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';

const SCH = 'sch53';
const SCREEN = `/paper-reports?school=${SCH}&class=5a`;
const msk = (date: string) => new Date(`${date}T06:00:00Z`);
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;
let pupil = '';

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => msk('2026-12-11'));
  restore = await keepPartitions([keys.paperApplicationsPartition(SCH), keys.paperReportsPartition(SCH, '2026'), keys.auditPartition(SCH, '2026-12')]);
  const first = (await listStudentsOfClass(SCH, '5a')).sort((a, c) => `${a.lastName} ${a.firstName}`.localeCompare(`${c.lastName} ${c.firstName}`, 'ru'))[0]!;
  pupil = [first.lastName, first.firstName, first.middleName].filter(Boolean).join(' ');
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

async function typeDate(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Tab');
}

describe('paper progress reports', () => {
  it('should let the class teacher record an application, see the fortnight report overdue and mark it handed over', async () => {
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'classteacher', SCREEN);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Бумажные отчёты об успеваемости');

      // The application, by keyboard: the pupil, the parent, the number and the dates.
      await page.getByLabel('Обучающийся', { exact: true }).selectOption({ label: pupil });
      await page.getByLabel('ФИО родителя (законного представителя)').fill('Иванова Мария Петровна');
      await page.getByLabel('Номер заявления').fill('42/вх');
      await typeDate(page, 'Дата заявления', '20.11.2026');
      await typeDate(page, 'Выдавать отчёты с', '20.11.2026');
      await page.getByRole('button', { name: 'Записать', exact: true }).press('Enter');
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Заявление записано.');
      await expect.poll(() => page.getByRole('table', { name: 'Заявления родителей' }).textContent()).toContain('№ 42/вх от 20.11.2026');

      // Monday's run: the report of 23.11-06.12, not handed over by Thursday, so overdue today.
      expect((await paperReportsJob('krd', msk('2026-12-07'))).changed).toBe(1);
      await page.reload();
      const report = page.getByTestId('paper-report');
      await expect.poll(() => report.textContent()).toContain('23.11.2026 – 06.12.2026');
      expect(await report.textContent()).toContain('Просрочено: 1');
      await expect.poll(() => page.getByTestId('paper-overdue').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);

      const download = page.waitForEvent('download');
      await report.getByRole('button', { name: 'Скачать PDF за 23.11.2026 – 06.12.2026' }).press('Enter');
      expect((await download).suggestedFilename()).toBe('otchet-5a-2026-f07.pdf');

      await report.getByRole('button', { name: `Отметить «вручён»: ${pupil}` }).press('Enter');
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`Отчёт отмечен как вручённый: ${pupil}.`);
      await expect.poll(() => report.textContent()).toContain('11.12.2026');
      expect(await report.textContent()).not.toContain('Просрочено');
      await expect.poll(() => page.getByTestId('paper-overdue').count()).toBe(0);

      // The parent's second application ends the reports.
      await page.getByRole('button', { name: `Отозвать заявление: ${pupil}` }).press('Enter');
      await page.getByLabel('Номер заявления об отказе').fill('43/вх');
      await page.getByRole('button', { name: 'Записать отказ' }).press('Enter');
      await expect.poll(() => page.getByRole('table', { name: 'Заявления родителей' }).textContent()).toContain('отозвано 11.12.2026 (№ 43/вх)');
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'paper-reports-1366.png'), fullPage: true });
    });
  });
});

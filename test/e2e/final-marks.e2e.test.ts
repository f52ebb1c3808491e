/**
 * The class teacher's table of period marks in a real Chromium (issue 10, item 8): a mark typed
 * into the class x subjects table with the keyboard, the reason asked when the mark has nothing to
 * agree with, the saved mark with its reason after a reload; the deputy reads the same table
 * without a single input. The server stands on the period's last school day (Moscow noon).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { ApiClient } from '../support/api';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { FIXTURE_PARTITIONS, journalFixture, mskNoon, Q2, SCH, type JournalFixture } from '../integration/journal-fixture';

let b: BrowserStack;
let fx: JournalFixture;
let restore: (() => Promise<void>) | undefined;
let path = '';

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => mskNoon('2026-11-30'));
  restore = await keepPartitions([...FIXTURE_PARTITIONS]);
  fx = await journalFixture(mskNoon('2026-11-30'));
  const client = new ApiClient(b.url);
  expect((await client.signIn('classteacher')).status).toBe(200);
  const table = await client.get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/period-marks`);
  expect(table.status).toBe(200);
  // Period marks open on the last school day.
  setClock(() => mskNoon(table.body.window.dueBy));
  path = `/final-marks/5a/${Q2}?school=${SCH}`;
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

const studentName = () => {
  const s = fx.fiveA.slice().sort((a, c) => `${a.lastName} ${a.firstName}`.localeCompare(`${c.lastName} ${c.firstName}`, 'ru'))[0]!;
  return `${s.lastName} ${s.firstName}`;
};

describe('the class x subjects table of period marks', () => {
  it('should let the class teacher type a mark and give its reason with the keyboard only', async () => {
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'classteacher', path);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Отметки за период: 5А, 2 четверть');
      const cell = page.getByLabel(`Математика (проверка), ${studentName()}`);
      await cell.focus();
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      // No current marks: the server asks why (clause 6.1) and the screen asks the teacher.
      const reason = page.getByLabel('Причина отметки');
      await reason.waitFor();
      await reason.focus();
      await page.keyboard.type('по итогам устных ответов и проектной работы');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Сохранено');
      await page.reload();
      const saved = page.getByLabel(`Математика (проверка), ${studentName()}`);
      await expect.poll(() => saved.inputValue()).toBe('5');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  it('should show the deputy the same table read-only', async () => {
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'deputy', path);
      await expect.poll(() => page.getByText('Только просмотр').count()).toBe(1);
      expect(await page.locator('input.cell').count()).toBe(0);
      await expect.poll(() => page.getByRole('cell', { name: '5', exact: true }).count()).toBeGreaterThan(0);
      // The justification of one subject: the average with a decimal comma, its mark, the minimum.
      await page.getByLabel('Обоснование по предмету').selectOption({ label: 'Математика (проверка)' });
      const row = page.getByRole('row', { name: new RegExp(studentName()) }).last();
      await expect.poll(() => row.textContent()).toMatch(/нет отметок|\d,\d\d → «\d»/);
      await expect.poll(() => row.textContent()).toMatch(/\d+ \/ \d+ — (не )?выполнен/);
    });
  });
});

/**
 * The class tables of marks and the early warnings in a real Chromium (issue 10, item 8; R-63): a
 * period mark typed into the class x subjects table with the keyboard, the reason asked when the
 * mark has nothing to agree with, the saved mark with its reason after a reload; the deputy reads
 * the same table without a single input. The class teacher sets a year mark in the year's table;
 * the deputy reaches a class's warnings from the menu in two clicks and the school's from there.
 * The server stands on the period's last school day (Moscow noon), the year's on its own.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { ApiClient } from '../support/api';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { keys } from '../../shared/db/keys';
import { materialiseRosters } from '../../shared/services/journal-rosters';
import { FIXTURE_PARTITIONS, journalFixture, mskNoon, Q2, SCH, YEAR, type JournalFixture } from '../integration/journal-fixture';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
/** The year's marks of 5А and the change log of its last quarter, where a year mark is logged. */
const YEAR_PARTITIONS = [keys.classYearPartition(SCH, '5a', YEAR), keys.journalPartition(SCH, '5a', '2026-q4')];

let b: BrowserStack;
let fx: JournalFixture;
let restore: (() => Promise<void>) | undefined;
let path = '';

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => mskNoon('2026-11-30'));
  restore = await keepPartitions([...FIXTURE_PARTITIONS, ...YEAR_PARTITIONS]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  fx = await journalFixture(mskNoon('2026-11-30'));
  const client = new ApiClient(b.url);
  expect((await client.signIn('classteacher')).status).toBe(200);
  const table = await client.get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/period-marks`);
  expect(table.status).toBe(200);
  const year = await client.get(`/api/schools/${SCH}/classes/5a/year-marks`);
  expect(year.status).toBe(200);
  yearOpens = year.body.kinds.find((k: { kind: string }) => k.kind === 'year').window.opensOn;
  // Period marks open on the last school day.
  setClock(() => mskNoon(table.body.window.dueBy));
  path = `/final-marks/5a/${Q2}?school=${SCH}`;
});

let yearOpens = '';

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

const studentName = () => {
  const s = fx.fiveA.slice().sort((a, c) => `${a.lastName} ${a.firstName}`.localeCompare(`${c.lastName} ${c.firstName}`, 'ru'))[0]!;
  return `${s.lastName} ${s.firstName}`;
};

/** Types a mark into the first student's cell of a subject, then the reason the screen asks for, with the keyboard only. */
async function typeMarkWithReason(page: Page, subject: string, mark: string, why: string) {
  await page.getByLabel(`${subject}, ${studentName()}`).focus();
  await page.keyboard.type(mark);
  await page.keyboard.press('Enter');
  const reason = page.getByLabel('Причина отметки');
  await reason.waitFor();
  await reason.focus();
  await page.keyboard.type(why);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Сохранено');
}

describe('the class x subjects table of period marks', () => {
  it('should let the class teacher type a mark and give its reason with the keyboard only', async () => {
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'classteacher', path);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Отметки за период: 5А, 2 четверть');
      // No current marks: the server asks why (clause 6.1) and the screen asks the teacher.
      await typeMarkWithReason(page, 'Математика (проверка)', '5', 'по итогам устных ответов и проектной работы');
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

describe('the year and final marks table', () => {
  it('should let the class teacher set a year mark with its reason from the keyboard, the page axe-clean', async () => {
    setClock(() => mskNoon(yearOpens));
    try {
      await b.inBrowser(async (page: Page) => {
        await b.signIn(page, 'classteacher', `/final-marks/5a/year?school=${SCH}`);
        await page.getByRole('heading', { level: 1, name: 'Годовые и итоговые отметки: 5А' }).waitFor();
        // Grade 5: the year's table only (exam and final marks are for grades 9 and 11).
        expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Годовая отметка']);
        // No period marks to agree with: the reason is asked (clause 6.1).
        await typeMarkWithReason(page, 'Английский язык (проверка)', '4', 'по итогам 2 четверти и устных ответов');
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, 'final-marks-year-1366x768.png'), fullPage: true });
      });
    } finally {
      setClock(() => mskNoon('2026-12-01'));
    }
  });
});

describe('the early warnings', () => {
  it('should take the deputy from the menu to a class\'s warnings in two clicks, the reasons in words, axe-clean', async () => {
    setClock(() => mskNoon('2026-12-01'));
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'deputy');
      await page.getByRole('link', { name: 'Итоговые отметки' }).first().click();
      await page.getByRole('link', { name: 'Предупреждения: 5А' }).click();
      await page.getByRole('heading', { level: 1, name: 'Раннее предупреждение: 5А, 2 четверть' }).waitFor();
      // A student with too few marks for the lessons left: the reason in words and the days left.
      // The subject teacher's view: the list narrowed to one subject.
      await page.getByLabel('Предмет', { exact: true }).selectOption({ label: 'Математика (проверка)' });
      await expect.poll(() => page.getByRole('row').filter({ hasText: 'Изобразительное искусство' }).count()).toBe(0);
      const row = page.getByRole('row').filter({ hasText: 'Математика (проверка)' }).first();
      await expect.poll(() => row.textContent()).toMatch(/грозит «н\/а».*не хватает.*28 дней/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, 'final-marks-warnings-class-1366x768.png') });
    });
  });

  it('should list every class for the deputy and open the whole school\'s warnings from the keyboard, each axe-clean', async () => {
    setClock(() => mskNoon('2026-12-01'));
    // The school's list only reads: 5А's journal has its rosters as soon as anybody opened it.
    await materialiseRosters(SCH, '5a', Q2, mskNoon('2026-12-01'));
    await b.inBrowser(async (page: Page) => {
      await b.signIn(page, 'deputy', `/final-marks?school=${SCH}`);
      // The menu's «Итоговые отметки»: every class with its three tables' links.
      await page.getByRole('link', { name: 'Годовые и итоговые: 11А' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Раннее предупреждение по всей школе' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Раннее предупреждение по школе' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '5А, 2 четверть' }).waitFor();
      // The classes whose journals nobody opened yet are named, not passed over in silence.
      await page.getByRole('heading', { level: 2, name: 'Не проверены' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, 'final-marks-warnings-school-1366x768.png') });
      // A class's list opens from the keyboard: its rows with the reasons in words.
      const five = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '5А, 2 четверть' }) });
      await expect.poll(() => five.textContent()).toMatch(/учеников: \d+ · грозит «н\/а»: \d+/);
      await five.getByText('Список с причинами').focus();
      await page.keyboard.press('Enter');
      await five.getByRole('row').filter({ hasText: 'Математика (проверка)' }).first().waitFor();
    });
  });
});

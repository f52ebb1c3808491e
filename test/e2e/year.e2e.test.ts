/**
 * The academic year screen in a real Chromium against the whole local stack (R-10, clause 1.4): the
 * deputy director sees the year's period sets and holidays with dates as DD.MM.YYYY, gets the list
 * of problems before saving, saves, starts the next year; a stale save is reported; a parent is
 * refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepDuringTest } from '../support/partitions';

let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
});

afterAll(async () => {
  await b?.stop();
});

// Every test starts from the demo's year (the school's partition holds its years): the other
// screens' tests count lessons and holidays in it.
beforeEach(() => keepDuringTest([keys.year('sch53', '2026').pk]));

/** A fresh browser context per person, signed in and on `path`. */
function asPerson(login: string, work: (page: Page) => Promise<void>, path = '/year'): Promise<void> {
  return b.inBrowser(async (page) => {
    await b.signIn(page, login, path);
    await work(page);
  });
}

const saveButton = (page: Page) => page.getByRole('button', { name: 'Сохранить учебный год' });
const check = (page: Page) => page.getByTestId('year-check');

describe('year screen', () => {
  it("should show the deputy the year's periods and holidays, list problems before saving, and save", async () => {
    await asPerson('deputy', async (page) => {
      await page.getByRole('heading', { name: 'Учебный год 2026/2027' }).waitFor();
      expect(await page.getByLabel('Начало учебного года').inputValue()).toBe('01.09.2026');
      expect(await page.getByTestId('set-0').locator('legend').textContent()).toBe('Четверти — классы 1–9');
      expect(await page.getByTestId('set-1').locator('legend').textContent()).toBe('Полугодия — классы 10, 11');
      expect(await page.getByLabel('1 четверть: Окончание').inputValue()).toBe('24.10.2026');
      expect(await page.getByLabel('2 полугодие: Начало').inputValue()).toBe('12.01.2027');
      expect(await page.getByLabel('«Дополнительные каникулы для 1 классов»: Только для классов').inputValue()).toBe('1');
      expect(await check(page).textContent()).toContain('Ошибок не найдено');

      // Spring holidays one day early take the last day of the 3rd quarter: listed, and not sent.
      const springStart = page.getByLabel('«Весенние каникулы»: Начало');
      await springStart.fill('20.03.2027');
      expect(await check(page).textContent()).toContain('захватывает последний день периода «3 четверть»');
      expect(await springStart.getAttribute('aria-invalid')).toBe('true');
      await saveButton(page).click();
      expect(await page.getByRole('status').count()).toBe(0);

      // A grade in no set is listed too.
      await page.getByTestId('set-1').getByLabel('10', { exact: true }).uncheck();
      expect(await check(page).textContent()).toContain('10 класс не входит ни в один набор периодов.');
      await page.getByTestId('set-1').getByLabel('10', { exact: true }).check();

      await springStart.fill('21.03.2027');
      await page.getByRole('button', { name: 'Добавить каникулы' }).click();
      await page.getByLabel('Название 9').fill('День учителя');
      await page.getByLabel('«День учителя»: Начало').fill('05.10.2026');
      await page.getByLabel('«День учителя»: Окончание').fill('05.10.2026');
      expect(await check(page).textContent()).toContain('Ошибок не найдено');
      await saveButton(page).click();
      await page.getByRole('status').filter({ hasText: 'Учебный год сохранён.' }).waitFor();

      await page.reload();
      expect(await page.getByLabel('«День учителя»: Начало').inputValue()).toBe('05.10.2026');
    });
  });

  it('should start the next year from the last one, and save it', async () => {
    await asPerson('deputy', async (page) => {
      await page.getByRole('link', { name: 'Новый учебный год 2027/2028' }).click();
      await page.getByRole('heading', { name: /Новый учебный год 2027\/2028/ }).waitFor();
      expect(await page.getByLabel('Начало учебного года').inputValue()).toBe('01.09.2027');
      expect(await page.getByLabel('1 четверть: Начало').inputValue()).toBe('01.09.2027');
      expect(await check(page).textContent()).toContain('Ошибок не найдено');
      await saveButton(page).click();
      await page.getByRole('status').filter({ hasText: 'Учебный год сохранён.' }).waitFor();
      await page.getByRole('navigation', { name: 'Учебные годы' }).getByRole('link', { name: '2027/2028' }).waitFor();
      expect(new URL(page.url()).search).toBe('?year=2027');
    });
  });

  it('should tell the director that the deputy saved first, and show the current year', async () => {
    await asPerson('director', async (director) => {
      await director.getByRole('heading', { name: 'Учебный год 2026/2027' }).waitFor();
      await asPerson(
        'deputy',
        async (deputy) => {
          await deputy.getByLabel('Окончание учебного года').fill('30.05.2027');
          await saveButton(deputy).click();
          await deputy.getByRole('status').filter({ hasText: 'Учебный год сохранён.' }).waitFor();
        },
        '/year?year=2026',
      );
      await director.getByLabel('«Весенние каникулы»: Окончание').fill('28.03.2027');
      await saveButton(director).click();
      const alert = director.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Учебный год уже изменил другой пользователь.');
      expect(await director.getByLabel('Окончание учебного года').inputValue()).toBe('30.05.2027');
    }, '/year?year=2026');
  });

  it('should refuse a parent', async () => {
    await asPerson('parent', async (page) => {
      await page.getByRole('heading', { name: 'Нет доступа' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toBe('Учебный год задают заместитель директора и директор школы.');
      expect(await saveButton(page).count()).toBe(0);
    });
  });
});

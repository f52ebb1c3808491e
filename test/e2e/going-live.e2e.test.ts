/**
 * Going live in the browser (issue 9): the department specialist opens a school and appoints its
 * administrator from «Школы управления», and gives an inspector read-only access; the school
 * administrator's temporary-access form names classes and areas. Each screen by keyboard-usable
 * form controls and with no serious axe-core violation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { seriousViolations } from '../support/axe';
import { DEMO_PASSWORD, startBrowserStack, type BrowserStack } from '../support/browser';
import { keepDuringTest } from '../support/partitions';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(`${stack.url}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL(`${stack.url}/`);
}

describe('the department brings a school into service', () => {
  it('should open a school and give its administrator a code, then offer the inspector form', async () => {
    // The new school joins the department's partition: put it back for the other files.
    await keepDuringTest([keys.department('krd').pk]);
    await stack.inBrowser(async (page) => {
      await signIn(page, 'uo');
      await page.goto(`${stack.url}/schools`);
      await page.getByRole('link', { name: 'Новая школа и её администратор' }).click();
      await page.getByRole('heading', { level: 1, name: 'Новая школа' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Полное название').fill('МБОУ «Центр образования № 2»');
      await page.getByLabel('Краткое название').fill('ЦО № 2');
      await page.getByLabel('Населённый пункт').fill('Краснодар');
      await page.getByLabel('Часовой пояс').selectOption('Europe/Samara');
      await page.getByRole('button', { name: 'Завести школу' }).click();
      await page.getByRole('status').filter({ hasText: 'Школа «МБОУ «Центр образования № 2»» заведена' }).waitFor();
      expect(await page.getByLabel('Школа', { exact: true }).inputValue()).toMatch(/^sch-/);
      await page.getByLabel('Фамилия').fill('Зайцев');
      await page.getByLabel('Имя', { exact: true }).fill('Олег');
      await page.getByLabel('Отчество').fill('Ильич');
      await page.getByLabel('Отчество').press('Enter');
      const issued = page.getByRole('status').filter({ hasText: 'код активации' });
      await issued.waitFor();
      expect(await issued.textContent()).toMatch(/Логин zaytsev\S*, код активации [A-Z0-9]{4}-/);
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${stack.url}/schools/inspectors`);
      await page.getByRole('heading', { level: 1, name: 'Инспектор управления' }).waitFor();
      await page.getByLabel('все школы управления').uncheck();
      await page.getByRole('checkbox', { name: 'МАОУ СОШ № 53' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  it('should give the school administrator a temporary-access form with classes and areas', async () => {
    await stack.inBrowser(async (page) => {
      await signIn(page, 'admin');
      await page.goto(`${stack.url}/people/sch53/staff`);
      await page.getByRole('heading', { name: 'Временный доступ по письменному заявлению' }).waitFor();
      const form = page.locator('form').filter({ hasText: 'Временный доступ по письменному заявлению' });
      await form.getByLabel('журнал').waitFor();
      await form.getByLabel('все классы').uncheck();
      await form.getByRole('checkbox', { name: '5А' }).check();
      // The staff's code sheet is the shared one (only those not yet activated, unless unticked), with
      // the way to one person's new code beside it.
      const sheet = page.getByRole('region', { name: 'Коды активации: лист для печати (PDF)' });
      expect(await sheet.getByRole('checkbox', { name: /ещё не активировал/ }).isChecked()).toBe(true);
      await sheet.getByRole('button', { name: 'Выдать коды и скачать PDF' }).waitFor();
      expect(await page.getByRole('link', { name: 'Новый код одному человеку' }).getAttribute('href')).toBe('/people/sch53/codes');
      expect(await seriousViolations(page, 'main')).toEqual([]);
    });
  });
});

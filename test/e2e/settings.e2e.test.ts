/**
 * The settings screen in a real Chromium against the whole local stack:
 * the department specialist sets the lock numbers and how early period marks open; the director
 * and deputy set their school's stricter locks beside the department's limits and see the server's
 * Russian errors; the director adds a dated version of the weights and thresholds, confirming the
 * open periods it changes, by keyboard; axe finds nothing serious; a parent is refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { addDays, dateInZone, ruDate } from '../../shared/domain/calendar';
import { DEMO_DEPARTMENT_ID } from '../../shared/demo/index';
import { getDepartmentSettings } from '../../shared/repos/settings';
import { ApiClient } from '../support/api';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepDuringTest } from '../support/partitions';

let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
});

afterAll(async () => {
  await b?.stop();
});

// Every test starts from the demo's settings: the department's and the school's live in the
// department's partition, and the other screens' tests read them.
beforeEach(() => keepDuringTest([keys.department(DEMO_DEPARTMENT_ID).pk]));

/** A fresh browser context per person, signed in and on the settings screen. */
function asPerson(login: string, work: (page: Page) => Promise<void>): Promise<void> {
  return b.inBrowser(async (page) => {
    await b.signIn(page, login, '/settings');
    await work(page);
  });
}

/** The department's specialist saves another final-marks term through the API (the first test does it on screen). */
async function departmentFinalMarks(days: number): Promise<void> {
  const current = (await getDepartmentSettings(DEMO_DEPARTMENT_ID))!;
  const uo = new ApiClient(b.url);
  expect((await uo.signIn('uo')).status).toBe(200);
  const res = await uo.send('PUT', `/api/departments/${DEMO_DEPARTMENT_ID}/settings`, {
    version: current.version,
    lockDays: { ...current.lockDays, finalMarks: days },
    marksInAdvanceAllowed: current.marksInAdvanceAllowed,
  });
  expect(res.status).toBe(200);
}

const save = (page: Page) => page.getByRole('button', { name: 'Сохранить', exact: true }).click();

describe('settings screen', () => {
  it('should let the department specialist change a lock term, and show the server refusing a bad one', async () => {
    await asPerson('uo', async (page) => {
      await page.getByRole('heading', { name: 'Сроки блокировки управления образования' }).waitFor();
      const finalMarks = page.getByLabel('Блокировка итоговых отметок');
      expect(await finalMarks.inputValue()).toBe('5');
      expect(await page.getByLabel('Блокировка текущих отметок, посещаемости, тем и видов работ').inputValue()).toBe('10');
      expect(await page.getByLabel('Разрешить выставлять отметки заранее').isChecked()).toBe(false);

      await finalMarks.fill('0');
      await save(page);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('«Блокировка итоговых отметок»: число дней должно быть от 1 до 30.');
      expect(await finalMarks.getAttribute('aria-invalid')).toBe('true');

      await finalMarks.fill('4');
      await page.getByLabel('За сколько дней до конца периода можно выставлять отметки за период').fill('2');
      await save(page);
      await page.getByRole('status').filter({ hasText: 'Настройки сохранены.' }).waitFor();
      await page.reload();
      expect(await page.getByLabel('Блокировка итоговых отметок').inputValue()).toBe('4');
      expect(await page.getByLabel('За сколько дней до конца периода можно выставлять отметки за период').inputValue()).toBe('2');
      // The department specialist has no school form.
      expect(await page.getByRole('heading', { name: /^Настройки школы/ }).count()).toBe(0);
    });
  });

  it("should show the director the department's limit beside each field and refuse a looser term with the server's message", async () => {
    await departmentFinalMarks(4);
    await asPerson('director', async (page) => {
      await page.getByRole('heading', { name: 'Настройки школы: МАОУ СОШ № 53' }).waitFor();
      expect(await page.getByTestId('limit-finalMarks').textContent()).toMatch(/предел управления: 4 дня\s*действует: 4 дня/);
      expect(await page.getByTestId('limit-currentMarks').textContent()).toContain('предел управления: 10 дней');
      // Forbidden by the department: shown, and not for the school to change.
      expect(await page.getByLabel('Запретить выставлять отметки заранее').isDisabled()).toBe(true);

      await page.getByLabel('Блокировка итоговых отметок').fill('6');
      await save(page);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        '«Блокировка итоговых отметок»: 6 дней — мягче, чем установило управление образования (не более 4 дней). Школа может только сократить этот срок.',
      );

      // The department opens period marks on the last day only: the school cannot open them earlier.
      expect(await page.getByTestId('limit-openDays').textContent()).toContain('предел управления: 0 дней');
      await page.getByLabel('За сколько дней до конца периода можно выставлять отметки за период').fill('1');
      await save(page);
      await alert.filter({ hasText: 'мягче, чем установило управление образования (не более 0 дней)' }).waitFor();
      await page.getByLabel('За сколько дней до конца периода можно выставлять отметки за период').fill('');

      await page.getByLabel('Блокировка итоговых отметок').fill('3');
      await page.getByLabel('Не больше в неделю на класс').fill('2');
      await save(page);
      await page.getByRole('status').filter({ hasText: 'Настройки сохранены.' }).waitFor();
      expect(await page.getByTestId('limit-finalMarks').textContent()).toContain('действует: 3 дня');

      await page.reload();
      expect(await page.getByLabel('Блокировка итоговых отметок').inputValue()).toBe('3');
      expect(await page.getByLabel('Не больше в неделю на класс').inputValue()).toBe('2');
      // An empty field follows the department.
      expect(await page.getByLabel('Блокировка отметок за сочинения (10–11 классы)').inputValue()).toBe('');
    });
  });

  it('should show the deputy that the director saved first, and the current values', async () => {
    await asPerson('deputy', async (deputy) => {
      await deputy.getByRole('heading', { name: 'Настройки школы: МАОУ СОШ № 53' }).waitFor();
      await asPerson('director', async (director) => {
        await director.getByLabel('Не больше в неделю на класс').fill('2');
        await save(director);
        await director.getByRole('status').filter({ hasText: 'Настройки сохранены.' }).waitFor();
      });
      await deputy.getByLabel('Не больше в неделю на класс').fill('4');
      await save(deputy);
      const alert = deputy.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Настройки уже изменил другой пользователь.');
      expect(await deputy.getByLabel('Не больше в неделю на класс').inputValue()).toBe('2');
    });
  });

  it('should keep the school form on the version the thresholds form saved, so saving both in turn is no conflict', async () => {
    await asPerson('director', async (page) => {
      await page.getByRole('heading', { name: 'Настройки школы: МАОУ СОШ № 53' }).waitFor();
      await page.getByLabel('Уроков, заполненных с опозданием, не более').fill('3');
      await page.getByRole('button', { name: 'Сохранить пороги' }).click();
      await page.getByRole('status').filter({ hasText: 'Настройки сохранены.' }).waitFor();
      await page.getByLabel('Не больше в неделю на класс').fill('3');
      await save(page);
      await page.getByRole('status').filter({ hasText: 'Настройки сохранены.' }).nth(1).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.reload();
      expect(await page.getByLabel('Уроков, заполненных с опозданием, не более').inputValue()).toBe('3');
      expect(await page.getByLabel('Не больше в неделю на класс').inputValue()).toBe('3');
    });
  });

  it('should let the director add a version of the weights and thresholds, confirm the open periods it changes by keyboard, and list it', async () => {
    // The browser and the server stand on the real date; the version takes effect three days on.
    const from = addDays(dateInZone(new Date(), 'Europe/Moscow'), 3);
    await asPerson('director', async (page) => {
      const rules = page.getByRole('region', { name: 'Веса, пороги и минимум отметок (версии)' });
      await rules.waitFor();
      const versions = rules.getByTestId('rules-versions');
      expect(await versions.innerText()).toContain('исходные правила школы');
      expect(await versions.innerText()).toContain('действуют сегодня');

      await rules.getByLabel('Действуют с (ДД.ММ.ГГГГ)').fill(ruDate(from));
      await rules.getByLabel('Контрольная работа', { exact: true }).fill('5');
      await rules.getByLabel('Отметка «5» — от').fill('4.6');
      await rules.getByRole('button', { name: 'Сохранить версию' }).click();

      // The periods it changes, in words, before anything is stored; the focus is on them.
      const confirm = rules.getByTestId('rules-confirm');
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain('Новые правила изменят расчёт отметок открытых периодов:');
      const items = await confirm.getByRole('listitem').allInnerTexts();
      expect(items.length).toBeGreaterThan(0);
      for (const text of items) expect(text).toMatch(/^«.+» \(\d\d\.\d\d\.\d{4}–\d\d\.\d\d\.\d{4}\): вес «Контрольная работа»: 3 → 5; порог отметки «5»: 4,5 → 4,6\.$/);
      expect(await seriousViolations(page)).toEqual([]);

      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Сохранить и изменить эти периоды');
      await page.keyboard.press('Enter');
      await rules.getByRole('status').filter({ hasText: `Правила сохранены: действуют с ${ruDate(from)}.` }).waitFor();
      expect(await rules.getByTestId('rules-confirm').count()).toBe(0);
      const row = versions.getByRole('row').filter({ hasText: ruDate(from) });
      expect(await row.innerText()).toContain('вес «Контрольная работа»: 3 → 5; порог отметки «5»: 4,5 → 4,6');

      // The school form took the new settings version: saving it is no conflict.
      await save(page);
      await page.getByRole('status').filter({ hasText: 'Настройки сохранены.' }).waitFor();
    });
  });

  it('should refuse a parent', async () => {
    await asPerson('parent', async (page) => {
      await page.getByRole('heading', { name: 'Нет доступа' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toBe(
        'Настройки задают специалисты управления образования, директор и заместитель директора школы.',
      );
      expect(await page.getByRole('button', { name: 'Сохранить', exact: true }).count()).toBe(0);
    });
  });
});

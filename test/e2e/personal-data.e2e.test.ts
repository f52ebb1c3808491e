/**
 * Personal data in the browser: the administrator opens a pupil's personal card, then the
 * log «Доступ к персональным данным» from the home screen shows that view with the time
 * (ДД.ММ.ГГГГ ЧЧ:ММ) and names; the dates are typed and sent from the keyboard, a pupil's name
 * narrows the log to them. The monthly check lists a card changed since the last check and
 * «Проверка проведена» records it. The administrator records a withdrawn consent on the card. Axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transact } from '../../shared/db/transact';
import { keys } from '../../shared/db/keys';
import { auditPut } from '../../shared/repos/audit';
import { getAccounts } from '../../shared/repos/accounts';
import { listClassRoster } from '../../shared/repos/people';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepDuringTest } from '../support/partitions';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('the access log', () => {
  it('should show the administrator their own view of a card, by keyboard, and narrow it to the pupil', async () => {
    await keepDuringTest([keys.personalDataAccessPartition('sch53')]);
    const [pupil] = (await listClassRoster('sch53', '5a')).sort((a, b) => a.studentId.localeCompare(b.studentId));
    const name = [pupil!.lastName, pupil!.firstName, pupil!.middleName].filter(Boolean).join(' ');
    await stack.inBrowser(async (page) => {
      await stack.signIn(page, 'admin');
      await page.goto(stack.at(`/people/sch53/students/${pupil!.studentId}`));
      await page.getByRole('heading', { level: 1 }).waitFor();

      await page.goto(stack.at('/'));
      await page.getByRole('link', { name: 'Доступ к персональным данным' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Журнал доступа к персональным данным' }).waitFor();
      const table = page.getByTestId('access-log');
      const row = table.getByRole('row').filter({ hasText: name }).first();
      await row.waitFor();
      expect(await row.textContent()).toMatch(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}.*просмотр карточки.*личная карточка \(5А\)/);
      expect(await seriousViolations(page, 'main')).toEqual([]);

      // The period typed from the keyboard and sent with Enter: a day long past has no entries.
      await page.getByLabel('С', { exact: true }).focus();
      await page.keyboard.type('01.09.2020');
      await page.keyboard.press('Tab');
      await page.keyboard.type('02.09.2020');
      await page.keyboard.press('Enter');
      await page.getByText('За выбранный период записей нет.').waitFor();
      expect(page.url()).toContain('from=2020-09-01');

      await page.goBack();
      await table.getByRole('link', { name }).first().click();
      await page.getByText(`Только записи об обучающемся ${name}`).waitFor();
      const names = await table.locator('tbody td:nth-child(5)').allTextContents();
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((cell) => cell.includes(name))).toBe(true);
      expect(await seriousViolations(page, 'main')).toEqual([]);
    });
  });
});

describe('the monthly check', () => {
  it('should list the card changed since the last check and record the check from the keyboard', async () => {
    const now = new Date();
    const month = now.toISOString().slice(0, 7);
    // The check is recorded on the school's partition, the change in the month's audit partition.
    await keepDuringTest([keys.auditPartition('sch53', month), keys.personalDataCheck('sch53').pk]);
    const [, pupil] = (await listClassRoster('sch53', '5a')).sort((a, b) => a.studentId.localeCompare(b.studentId));
    // A change of the card as the card's own transaction records it (the secretary's edit).
    await transact([auditPut({ schoolId: 'sch53', actor: { userId: 'u-sec', displayName: 'Секретарь Тестовая' }, action: 'student.update', entity: `STU#${pupil!.studentId}`, at: now })]);
    await stack.inBrowser(async (page) => {
      await stack.signIn(page, 'admin');
      await page.getByRole('link', { name: 'Проверка персональных данных' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Проверка персональных данных' }).waitFor();
      const row = page.getByTestId('changed-cards').getByRole('row').filter({ hasText: pupil!.lastName });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/изменены данные.*\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}.*Секретарь Тестовая/);
      expect(await seriousViolations(page, 'main')).toEqual([]);
      const button = page.getByRole('button', { name: 'Проверка проведена' });
      await button.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Проверка записана.' }).waitFor();
      await page.getByText('После прошлой проверки личные карточки не менялись.').waitFor();
      expect(await page.getByText(/Прошлая проверка: .*карточек к проверке было \d+/).count()).toBe(1);
      expect(await seriousViolations(page, 'main')).toEqual([]);
    });
  });
});

describe('consent withdrawn', () => {
  it('should let the administrator record the withdrawal on the card, which then shows it', async () => {
    const roster = (await listClassRoster('sch53', '5a')).filter((s) => s.consentRecordedAt).sort((a, b) => b.studentId.localeCompare(a.studentId));
    // A pupil whose family signs in to no other test: their accounts are closed here, then put back.
    let pupil = roster[0]!;
    for (const s of roster) {
      const parents = await getAccounts(s.parentIds);
      if (parents.every((p) => !p.login.startsWith('parent'))) {
        pupil = s;
        break;
      }
    }
    const userId = pupil.userId ?? `u-${pupil.studentId}`;
    await keepDuringTest([
      keys.studentCard('sch53', pupil.studentId).pk,
      keys.account(userId).pk,
      ...pupil.parentIds.map((id) => keys.account(id).pk),
      keys.auditPartition('sch53', new Date().toISOString().slice(0, 7)),
      keys.personalDataAccessPartition('sch53'),
    ]);
    await stack.inBrowser(async (page) => {
      await stack.signIn(page, 'admin');
      await page.goto(stack.at(`/people/sch53/students/${pupil.studentId}`));
      await page.getByRole('heading', { level: 2, name: 'Отзыв согласия' }).waitFor();
      await page.getByLabel('Дата отзыва').fill('02.09.2026');
      await page.getByLabel('Документ об отзыве (номер, дата, кем подписан)').fill('Заявление отца от 02.09.2026 № 7');
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Записать отзыв согласия' }).press('Enter');
      await page.getByTestId('consent-withdrawn').filter({ hasText: 'Согласие отозвано 02.09.2026' }).waitFor();
      expect(await page.getByTestId('consent-withdrawn').textContent()).toContain('Заявление отца от 02.09.2026 № 7');
      expect(await seriousViolations(page, 'main')).toEqual([]);
    });
  });
});

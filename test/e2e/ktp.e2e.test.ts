/**
 * The KTP and the assessment schedule in a real Chromium: the teacher imports a KTP
 * from a CSV file, sees a malformed file's row errors first, and then the hours check; the deputy
 * sees the schedule's warning of a week over the limit; parents and students are refused.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepDuringTest } from '../support/partitions';

let b: BrowserStack;
const Q = '?school=sch53&year=2026';

beforeAll(async () => {
  b = await startBrowserStack();
});

afterAll(async () => {
  await b?.stop();
});

/** The year's plan (KTPs, the assessment schedule) is put back after each test that saves into it. */
const keepYearPlan = () => keepDuringTest([keys.yearPlan('sch53', '2026')]);

const inBrowser = (work: (page: Page) => Promise<void>) => b.inBrowser(work);
const at = (path: string) => b.at(path);
const signIn = (page: Page, login: string) => b.signIn(page, login);

/** 33 topics of 5 hours and one of 3 in two sections: 168 hours, 2 short of 5 h x 34 weeks. */
const CSV =
  '\ufeff№;Тема урока;Кол-во часов;Раздел\r\n' +
  Array.from({ length: 34 }, (_, i) => `${i + 1};${i < 17 ? 'Делимость натуральных чисел' : 'Обыкновенные дроби'}, урок ${i + 1};${i === 33 ? 3 : 5};${i < 17 ? 'Натуральные числа' : 'Дроби'}`).join('\r\n') +
  '\r\n';

describe('KTP: the teacher', () => {
  it('should import a KTP from a CSV file after a malformed one was refused row by row, and see the hours check', async () => {
    await keepYearPlan();
    // The plan the teacher imports starts empty.
    await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: keys.ktp('sch53', '2026', '6a', 'math', 'all') }));
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      await page.goto(at(`/ktp${Q}`));
      await page.getByRole('heading', { name: 'Мои КТП на 2026/2027 учебный год' }).waitFor();
      const row = page.locator('[data-ktp="6a/math/all"]');
      expect(await row.getByTestId('ktp-check').innerText()).toMatch(/^В КТП 0 ч, по учебному плану 170 ч \(не хватает 170 ч\)/);
      expect(await row.innerText()).toContain('не составлен');
      await row.getByRole('link', { name: 'Математика' }).click();
      await page.getByRole('heading', { name: 'КТП: Математика, 6А' }).waitFor();

      // A malformed file: errors per row, nothing can be applied.
      await page.getByLabel('Файл КТП').setInputFiles({ name: 'ktp-bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Тема урока;Кол-во часов\nДроби;1,5\n;2\n', 'utf8') });
      await page.getByRole('button', { name: 'Проверить файл' }).click();
      const errors = page.getByTestId('import-errors');
      await errors.waitFor();
      expect(await errors.innerText()).toContain('Строка 2: количество часов «1,5» должно быть целым числом.');
      expect(await errors.innerText()).toContain('Строка 3: не указана тема урока.');
      expect(await page.getByRole('button', { name: 'Заменить КТП содержимым файла' }).isDisabled()).toBe(true);

      // The good file: preview with its hours check, then applied.
      await page.getByLabel('Файл КТП').setInputFiles({ name: 'ktp-6a.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
      await page.getByRole('button', { name: 'Проверить файл' }).click();
      await page.getByText('Предпросмотр файла «ktp-6a.csv»').waitFor();
      // «по расписанию N уроков» joins the line once the demo has a timetable for 6А.
      expect(await page.getByTestId('import-check').innerText()).toMatch(/^В КТП 168 ч, по учебному плану 170 ч \(не хватает 2 ч\)(, по расписанию \d+ урок\S*)?$/);
      expect(await page.getByTestId('import-errors').count()).toBe(0);
      await page.getByRole('button', { name: 'Заменить КТП содержимым файла' }).click();
      await page.getByText('КТП загружен из файла.').waitFor();
      const check = page.getByTestId('hours-check');
      expect(await check.innerText()).toMatch(/В КТП 168 ч, по учебному плану 170 ч \(не хватает 2 ч\)/);
      expect(await check.innerText()).toContain('В КТП на 2 ч меньше, чем по учебному плану (170 ч): добавьте темы или часы.');
      expect(await page.getByTestId('ktp-rows').locator('tbody tr').count()).toBe(36);

      // Fixing the last topic by hand updates the check as the teacher types, then saves.
      const hours = page.getByLabel('Строка 36: Часы');
      await hours.fill('5');
      expect(await check.innerText()).toMatch(/В КТП 170 ч, по учебному плану 170 ч(,|\n|$)/);
      await page.getByRole('button', { name: 'Сохранить КТП' }).click();
      await page.getByText('КТП сохранён.').waitFor();

      await page.getByRole('navigation', { name: 'Вы здесь' }).getByRole('link', { name: 'КТП', exact: true }).click();
      await page.locator('[data-ktp="6a/math/all"]').waitFor();
      expect(await page.locator('[data-ktp="6a/math/all"]').innerText()).toMatch(/черновик, 34 темы/);
      expect(await page.locator('[data-ktp="6a/math/all"]').getByTestId('ktp-check').innerText()).toMatch(/^В КТП 170 ч, по учебному плану 170 ч/);
      // The demo's own plan for 5Б is 2 hours short.
      expect(await page.locator('[data-ktp="5b/math/all"]').getByTestId('ktp-check').innerText()).toMatch(/^В КТП 168 ч, по учебному плану 170 ч \(не хватает 2 ч\)/);
    });
  });
});

describe('assessment schedule: the deputy', () => {
  it('should show the week of 5А over the limit, in the class view and in the whole school', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'deputy');
      await page.goto(at(`/assessments${Q}&half=h1&class=5a`));
      await page.getByRole('heading', { name: 'График оценочных процедур' }).waitFor();
      const warnings = page.getByTestId('assessment-warnings');
      expect(await warnings.innerText()).toContain('5А: неделя 14.12.2026–20.12.2026 — 4 оценочные процедуры (по правилам школы не более 3 в неделю).');
      const week = page.locator('tr[data-week="2026-12-14"]');
      expect(await week.getAttribute('class')).toContain('over');
      expect(await week.innerText()).toMatch(/Русский язык: АКР/);
      expect(await page.locator('tr[data-week="2026-10-26"]').innerText()).toContain('Осенние каникулы');

      await page.getByLabel('Класс').selectOption('');
      await page.getByRole('button', { name: 'Показать' }).click();
      await page.getByTestId('schedule-overview').waitFor();
      expect(await page.getByTestId('assessment-warnings').innerText()).toContain('5А: неделя 14.12.2026–20.12.2026');
    });
  });

  it('should add a procedure and show the warning it causes, without refusing it', async () => {
    await keepYearPlan();
    await inBrowser(async (page) => {
      await signIn(page, 'deputy');
      await page.goto(at(`/assessments${Q}&half=h1&class=5a`));
      await page.getByLabel('Предмет').selectOption({ label: 'Математика' });
      await page.getByLabel('Дата').fill('2026-12-15');
      await page.getByLabel('Вид').selectOption('diagnostic');
      await page.getByRole('button', { name: 'Добавить' }).click();
      const status = page.getByRole('status');
      await status.waitFor();
      expect(await status.innerText()).toContain('Добавлено в график.');
      expect(await status.innerText()).toMatch(/5А: неделя 14\.12\.2026–20\.12\.2026 — 5 оценочных процедур/);
      // A holiday is refused with the reason.
      await page.getByLabel('Дата').fill('2026-10-27');
      await page.getByRole('button', { name: 'Добавить' }).click();
      await page.getByText('27.10.2026 — «Осенние каникулы»: в каникулы и праздники оценочные процедуры не проводятся.').waitFor();
    });
  });
});

describe('refused roles', () => {
  it('should not open the KTP or the schedule for a parent or a student', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'parent');
      await page.goto(at(`/ktp${Q}`));
      await page.getByText('КТП ведут сотрудники школы.').waitFor();
      await page.goto(at(`/ktp/6a/math/all${Q}`));
      await page.getByText('КТП ведут сотрудники школы.').waitFor();
    });
    await inBrowser(async (page) => {
      await signIn(page, 'student');
      await page.goto(at(`/assessments${Q}`));
      await page.getByText('График оценочных процедур доступен сотрудникам школы.').waitFor();
    });
  });

  it('should show another teacher\'s KTP as refused', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'classteacher');
      await page.goto(at(`/ktp/6a/math/all${Q}`));
      await page.getByText(/КТП этого класса и предмета доступен учителю, который его ведёт/).waitFor();
    });
  });
});

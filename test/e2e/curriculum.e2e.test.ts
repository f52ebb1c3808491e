/**
 * The curriculum screens in a real Chromium: the class teacher makes the
 * subgroups of their class with a select per student and sees who is left out; the deputy assigns
 * a substitute; a plain teacher reads the subgroups but cannot change them; a parent is refused;
 * the deputy marks a 9th-grade subject with an exam (no exam offered in grade 5).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { getLoad, getSubgroups, listSubstitutes } from '../../shared/repos/curriculum';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepDuringTest } from '../support/partitions';

const Q = '?school=sch53&year=2026';

let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
});

afterAll(async () => {
  await b?.stop();
});

/** The class's journal partition of the period (subgroups, substitutes) is put back after the test. */
const keepClassPeriod = (classId: string, periodId: string) => keepDuringTest([keys.journalPartition('sch53', classId, periodId)]);

const inBrowser = (work: (page: Page) => Promise<void>) => b.inBrowser(work);
const at = (path: string) => b.at(path);
const signIn = (page: Page, login: string) => b.signIn(page, login);

/** The period of the demo year that holds today, for grades 5-9 (the browser stands on the real date). */
function currentQuarter(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return today < '2026-11-05' ? '2026-q1' : today < '2027-01-12' ? '2026-q2' : today < '2027-03-30' ? '2026-q3' : '2026-q4';
}

describe('subgroups', () => {
  it('should let the class teacher move a student to the other group and leave one out, and see it listed', async () => {
    const periodId = currentQuarter();
    await keepClassPeriod('5a', periodId);
    const before = (await getSubgroups('sch53', '5a', periodId, 'english'))!;
    await inBrowser(async (page) => {
      await signIn(page, 'classteacher');
      await page.goto(at(`/curriculum/subgroups${Q}&class=5a&period=${periodId}`));
      await page.getByRole('heading', { name: /^Подгруппы класса 5А: / }).waitFor();
      const english = page.getByRole('region', { name: 'Английский язык', exact: true });
      expect(await english.getByTestId('unassigned-english').innerText()).toBe('Все обучающиеся распределены.');
      const selects = english.locator('select');
      await selects.nth(0).selectOption({ label: '2 группа' });
      await selects.nth(1).selectOption({ label: '— не распределён —' });
      expect(await english.getByTestId('unassigned-english').innerText()).toBe('Не распределены по подгруппам: 1.');
      await english.getByRole('button', { name: 'Сохранить состав: Английский язык' }).click();
      await english.getByText('Состав подгрупп сохранён. Не распределены по подгруппам: 1.').waitFor();
    });
    const after = (await getSubgroups('sch53', '5a', periodId, 'english'))!;
    expect(after.version).toBe(before.version + 1);
    expect(after.groups[0]!.studentIds.length + after.groups[1]!.studentIds.length).toBe(before.groups[0]!.studentIds.length + before.groups[1]!.studentIds.length - 1);
  });

  it('should show a plain teacher the groups read-only', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      await page.goto(at(`/curriculum/subgroups${Q}&class=5a`));
      await page.getByText('Состав подгрупп меняют заместитель директора и классный руководитель.').waitFor();
      expect(await page.getByRole('button', { name: /Сохранить состав/ }).count()).toBe(0);
      expect(await page.locator('select[id^="english-"]').first().isDisabled()).toBe(true);
    });
  });

  it('should refuse a parent', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'parent');
      await page.goto(at(`/curriculum/subgroups${Q}&class=5a`));
      await page.getByRole('heading', { name: 'Нет доступа' }).waitFor();
      expect(await page.getByRole('alert').innerText()).toBe('Подгруппы этого класса вам недоступны.');
    });
  });
});

describe('substitutes', () => {
  it('should let the deputy assign the class teacher to a colleague lessons for a range', async () => {
    const periodId = currentQuarter();
    const period = { '2026-q1': ['2026-09-01', '2026-10-24'], '2026-q2': ['2026-11-05', '2026-12-29'], '2026-q3': ['2027-01-12', '2027-03-20'], '2026-q4': ['2027-03-30', '2027-05-26'] }[periodId]!;
    await keepClassPeriod('6a', periodId);
    const before = (await listSubstitutes('sch53', '6a', periodId)).length;
    await inBrowser(async (page) => {
      await signIn(page, 'deputy');
      await page.goto(at(`/curriculum/substitutes${Q}&class=6a&period=${periodId}`));
      await page.getByRole('heading', { name: /^Замены учителей: 6А, / }).waitFor();
      await page.getByLabel('Предмет').selectOption({ label: 'История' });
      await page.getByLabel('Замещающий учитель').selectOption({ index: 1 });
      await page.getByLabel('С', { exact: true }).fill(period[0]!);
      await page.getByLabel('По', { exact: true }).fill(period[0]!);
      await page.getByLabel('Основание').fill('Больничный лист учителя истории');
      await page.getByRole('button', { name: 'Назначить замену' }).click();
      await page.getByText('Замена назначена.').waitFor();
      expect(await page.getByTestId('substitutes').innerText()).toContain('Больничный лист учителя истории');
    });
    expect(await listSubstitutes('sch53', '6a', periodId)).toHaveLength(before + 1);
  });
});

describe('marking flags of a curriculum line', () => {
  it('should let the deputy mark a subject of 9А with an exam by keyboard, shown in the grid, and offer no exam in 5А', async () => {
    await keepDuringTest([keys.yearPlan('sch53', '2026')]);
    await inBrowser(async (page) => {
      await signIn(page, 'deputy');
      await page.goto(at(`/curriculum${Q}`));
      await page.getByRole('button', { name: '«Русский язык» в 5А' }).click();
      await page.getByRole('group', { name: 'Отметки по предмету' }).waitFor();
      expect(await page.getByRole('checkbox', { name: /^Зачёт\/незачёт/ }).count()).toBe(1);
      expect(await page.getByRole('checkbox', { name: /^Экзамен/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'Закрыть' }).click();

      await page.getByRole('button', { name: '«Русский язык» в 9А' }).click();
      const exam = page.getByRole('checkbox', { name: /^Экзамен/ });
      await exam.focus();
      await page.keyboard.press('Space');
      expect(await exam.isChecked()).toBe(true);
      // The line's editor; the shell test checks the whole curriculum screen.
      expect(await seriousViolations(page, 'section[aria-labelledby="line-title"]')).toEqual([]);
      await page.getByRole('button', { name: 'Сохранить', exact: true }).press('Enter');
      await page.getByText('Учебный план сохранён.').waitFor();
      expect(await page.getByRole('button', { name: '«Русский язык» в 9А' }).innerText()).toMatch(/^\d+ э$/);
    });
    expect(await getLoad('sch53', '2026', '9a', 'russian')).toMatchObject({ exam: true });
  });
});

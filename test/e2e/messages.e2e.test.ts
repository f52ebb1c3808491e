/**
 * Messages and surveys in a real Chromium on a 390x844 phone (issue 12, items 2-3): a parent of
 * 5А writes to the class teacher from the menu (the link in the text is a safe link) and answers the
 * class's survey; the class teacher sees the message unread in the menu's badge and the inbox,
 * opens it (the badge goes), replies and reads the survey's results. Every screen axe-clean. One sign-in per role.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { buildDemoModel } from '../../shared/demo/index';
import { numberQuestions } from '../../shared/domain/surveys';
import { createSurvey } from '../../shared/repos/surveys';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';

const SCH = 'sch53';
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const run = randomBytes(3).toString('hex');
const SUBJECT = `Экскурсия ${run}`;
const SURVEY = `Поездка в театр ${run}`;
const model = buildDemoModel({ now: new Date() });
const ct = model.staff.find((s) => s.fixed === 'classteacher')!;
const parent = model.parents.find((p) => p.fixed === 'parent')!;
const ctName = `${ct.lastName} ${ct.firstName}`;

let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;

beforeAll(async () => {
  b = await startBrowserStack();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const surveyId = `se2e${run}`;
  // The two inboxes and the survey are put back as they were; the thread's own partition is new and read by nobody else.
  restore = await keepPartitions([keys.inboxCounter(SCH, ct.userId).pk, keys.inboxCounter(SCH, parent.userId).pk, keys.surveyPartition(SCH, surveyId)]);
  const now = new Date();
  await createSurvey(
    {
      schoolId: SCH, surveyId, classId: '5a', className: '5А', title: SURVEY, anonymous: false, closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      questions: numberQuestions([{ kind: 'single', text: 'Поедет ли ребёнок?', options: ['Да', 'Нет'] }, { kind: 'multiple', text: 'Удобные дни', options: ['Суббота', 'Воскресенье'] }]),
      authorId: ct.userId, authorName: ctName, createdAt: now.toISOString(), answerCount: 0,
    },
    { userId: ct.userId, displayName: ctName },
    now,
  );
});

afterAll(async () => {
  await restore?.();
  await b?.stop();
});

const menuLink = async (page: Page, name: RegExp) => {
  await page.getByRole('button', { name: 'Меню' }).click();
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name }).click();
};

describe('messages and surveys on a phone', () => {
  it('should let a parent write to the class teacher and answer the class\'s survey', async () => {
    await b.inBrowser(
      async (page) => {
        await b.signIn(page, 'parent');
        await menuLink(page, /^Сообщения/);
        await page.getByRole('link', { name: 'Написать сообщение' }).click();
        const to = page.getByLabel('Кому');
        const value = await to.locator('option', { hasText: ctName }).first().getAttribute('value');
        await to.selectOption(value!);
        await page.getByLabel('Тема').fill(SUBJECT);
        await page.getByLabel('Текст сообщения').fill('Здравствуйте! Программа: https://example.ru/trip. <img src=x onerror=alert(1)>');
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Отправить' }).click();
        await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
        const link = page.getByRole('link', { name: 'https://example.ru/trip' });
        expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
        // What looked like HTML is shown as text, never run.
        expect(await page.locator('main img').count()).toBe(0);
        await expect.poll(() => page.locator('main').textContent()).toContain('<img src=x onerror=alert(1)>');
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, 'message-parent-390x844.png'), fullPage: true });

        await menuLink(page, /^Опросы/);
        await page.getByRole('link', { name: SURVEY }).click();
        await page.getByRole('radio', { name: 'Да' }).check();
        await page.getByRole('checkbox', { name: 'Суббота' }).check();
        await page.getByRole('button', { name: 'Отправить ответ' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Ответ сохранён');
        expect(await page.getByRole('button', { name: 'Сохранить изменённый ответ' }).count()).toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, 'survey-parent-390x844.png'), fullPage: true });
      },
      { viewport: PHONE },
    );
  });

  it('should show the class teacher the message unread and let them reply', async () => {
    await b.inBrowser(
      async (page) => {
        await b.signIn(page, 'classteacher');
        await page.getByRole('button', { name: 'Меню' }).click();
        const nav = page.getByRole('navigation', { name: 'Разделы' });
        const messages = nav.getByRole('link', { name: /^Сообщения/ });
        await expect.poll(() => messages.textContent()).toMatch(/непрочитанных сообщений: [1-9]/);
        await messages.click();
        const thread = page.getByRole('link', { name: new RegExp(SUBJECT) });
        expect(await thread.textContent()).toContain('непрочитанных: 1');
        expect(await seriousViolations(page)).toEqual([]);
        // The announcement form offers the class teacher her own class only (not sent here: it would reach every parent of 5А).
        await page.getByRole('link', { name: 'Объявление родителям' }).click();
        await page.getByRole('heading', { level: 1, name: 'Объявление родителям' }).waitFor();
        expect(await page.getByLabel('Кому объявление').locator('option').allTextContents()).toEqual(['родителям 5А']);
        expect(await seriousViolations(page)).toEqual([]);
        await page.goBack();
        await thread.click();
        await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
        await page.getByLabel('Ваш ответ').fill('Спасибо, всё получила.');
        await page.getByRole('button', { name: 'Ответить' }).click();
        await expect.poll(() => page.locator('main ol').textContent()).toContain('Спасибо, всё получила.');
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, 'message-classteacher-390x844.png'), fullPage: true });
        // Read: the badge is gone (the count went to 0 unless other threads wait).
        await page.getByRole('button', { name: 'Меню' }).click();
        await expect.poll(() => messages.textContent()).not.toContain(`непрочитанных сообщений: 1`);

        // The survey's results: bars for the eye, the same figures in a table, who answered what.
        await nav.getByRole('link', { name: /^Опросы/ }).click();
        await page.getByRole('link', { name: SURVEY }).click();
        const q1 = page.getByRole('table', { name: /Поедет ли ребёнок/ });
        await expect.poll(() => q1.getByRole('row', { name: /Да/ }).textContent()).toContain('100 %');
        expect(await page.getByRole('table', { name: 'Ответы родителей' }).textContent()).toContain(parent.lastName);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, 'survey-results-390x844.png'), fullPage: true });
      },
      { viewport: PHONE },
    );
  });
});

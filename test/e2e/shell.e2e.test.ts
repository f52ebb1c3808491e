/**
 * The app shell in a real Chromium against the whole local stack (issue 8, items 1, 6, 7): for every
 * demo role, each link of the menu opens its screen without an error page or a script error, and
 * axe-core finds no serious or critical WCAG 2 A/AA violation there; on a 390x844 phone the menu
 * folds under a button; the deputy reaches a class's journal from the menu in two clicks. The home
 * of every role is photographed at 1366x768 and 390x844 into test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { schoolDayNear } from '../support/school-day';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** The error page's headings (web/src/routes/+error.svelte). */
const ERROR_TITLES = ['Ошибка', 'Нет доступа', 'Страница не найдена'];
const LOGINS = ['director', 'deputy', 'secretary', 'admin', 'uo', 'teacher', 'classteacher', 'parent', 'student'];

let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
  // A school day, so the homes of those who teach show the day's lessons (on a weekend they have none).
  const { at } = schoolDayNear(new Date());
  setClock(() => at);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  setClock(null);
  await b?.stop();
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'Разделы' });

/** Screens whose own browser test runs axe-core on them, with more on the screen than the menu
 * opens: the walk opens them for every role and does not scan them again. */
const SCANNED_IN_OWN_TEST: Record<string, string> = {
  '/final-marks': 'final-marks: every class for the deputy',
  '/diary': 'diary: a parent\'s week',
  '/marks': 'what-if: a parent\'s «Отметки за период» with a what-if open',
  '/settings': 'settings: the director\'s settings with a new version',
  '/messages': 'messages: the class teacher\'s inbox',
  '/schools': 'going-live: the department\'s schools',
  '/people/sch53/staff': 'going-live: the staff screen\'s main part',
  '/people/sch53/personal-data': 'personal-data: the access log\'s main part',
};

/** Screens (by path) axe-core has already checked: most screens are on several roles' menus, and
 * each is built from the same components whoever opens it, so one scan per screen is enough. */
const scanned = new Set<string>(Object.keys(SCANNED_IN_OWN_TEST));

/** The screen's heading once its data has loaded; fails on the error page. */
async function screenTitle(page: Page): Promise<string> {
  const h1 = page.locator('main h1').first();
  await h1.waitFor();
  const title = (await h1.textContent())?.trim() ?? '';
  expect(ERROR_TITLES, `${page.url()}: ${await page.locator('main').textContent()}`).not.toContain(title);
  return title;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
}

describe('app shell', () => {
  it('should have the accessibility check name a missing label and a missing text alternative', async () => {
    await b.inBrowser(async (page) => {
      await page.setContent('<!doctype html><html lang="ru"><title>Проверка</title><main><h1>Проверка</h1><img src="a.png"><input></main></html>');
      const found = await seriousViolations(page);
      expect(found.some((v) => v.startsWith('critical image-alt'))).toBe(true);
      expect(found.some((v) => v.startsWith('critical label'))).toBe(true);
    });
  });

  for (const login of LOGINS) {
    it(`should open every menu link of «${login}» without an error and with no serious accessibility violation`, async () => {
      await b.inBrowser(
        async (page) => {
          await b.signIn(page, login);
          await screenTitle(page);
          await expectAccessible(page, `${login}: главная`);
          await page.screenshot({ path: join(SCREENSHOTS, `home-${login}-1366x768.png`), fullPage: true });

          // A phone, on the home already open: the menu folds under «Меню» and opens over the content.
          await page.setViewportSize(PHONE);
          const toggle = page.getByRole('button', { name: 'Меню' });
          await toggle.waitFor();
          expect(await toggle.getAttribute('aria-expanded')).toBe('false');
          expect(await menu(page).isVisible()).toBe(false);
          await page.screenshot({ path: join(SCREENSHOTS, `home-${login}-390x844.png`), fullPage: true });
          await toggle.click();
          await menu(page).waitFor();
          expect(await toggle.getAttribute('aria-expanded')).toBe('true');
          // The folded menu is one component whoever opens it: checked once, with the first role.
          if (!scanned.has('phone menu')) {
            scanned.add('phone menu');
            await expectAccessible(page, `${login}: меню на телефоне`);
          }
          await page.screenshot({ path: join(SCREENSHOTS, `menu-${login}-390x844.png`) });
          await toggle.click();
          expect(await toggle.getAttribute('aria-expanded')).toBe('false');
          await page.setViewportSize(DESKTOP);

          const hrefs = await menu(page)
            .getByRole('link')
            .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
          const screens = hrefs.filter((h) => h !== '/');
          // Every role has screens beyond its home: parents and students their diary and messages.
          expect(screens.length, login).toBeGreaterThan(0);
          for (const href of screens) {
            await menu(page).locator(`a[href="${href}"]`).click();
            await page.waitForURL(b.at(href));
            await menu(page).locator(`a[href="${href}"][aria-current="page"]`).waitFor();
            const title = await screenTitle(page);
            const screen = new URL(href, 'http://x').pathname;
            if (scanned.has(screen)) continue;
            scanned.add(screen);
            await expectAccessible(page, `${login}: ${title} (${href})`);
          }
        },
        { viewport: DESKTOP },
      );
      // A dozen screens, each with an axe-core run: on a shared 2-core machine a minute is not enough.
    }, 240_000);
  }

  it('should take the deputy from the menu to a class journal in two clicks, read-only, and back by the breadcrumbs', async () => {
    await b.inBrowser(
      async (page) => {
        await b.signIn(page, 'deputy');
        await menu(page).getByRole('link', { name: 'Журналы всех классов' }).click();
        const classes = page.getByRole('region', { name: 'Журналы классов' });
        const subject = classes.locator('ul.subjects a').first();
        await subject.waitFor();
        const name = (await subject.textContent())?.trim() ?? '';
        await subject.click();
        await page.waitForURL(/\/journal\/[^/]+\/[^/]+\/[^/?]+\?school=/);
        expect(await screenTitle(page)).toContain(name);
        // Read-only for the deputy: no cell of the grid takes typing.
        expect(await page.locator('td.cell input:not([readonly])').count()).toBe(0);
        await expectAccessible(page, 'deputy: журнал класса');
        const crumbs = page.getByRole('navigation', { name: 'Вы здесь' });
        expect(await crumbs.getByRole('link').allTextContents()).toEqual(['Главная', 'Журналы всех классов']);
        await crumbs.getByRole('link', { name: 'Журналы всех классов' }).click();
        await classes.waitFor();
      },
      { viewport: DESKTOP },
    );
  });
});

describe('forms: one date input, messages beside their cause', () => {
  const Q = '?school=sch53&year=2026';
  const inViewport = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    }, selector).then((r) => (r.top >= 0 && r.bottom <= r.height ? true : r));

  it('should take and show ДД.ММ.ГГГГ in the assessment form, name a wrong date beside it, and put the refusal under the form, focused', async () => {
    await b.inBrowser(
      async (page) => {
        await b.signIn(page, 'deputy');
        await page.goto(b.at(`/assessments${Q}&half=h1&class=5a`));
        const date = page.getByLabel('Дата', { exact: true });
        await date.waitFor();
        expect(await date.getAttribute('type')).toBe('text');
        expect(await date.getAttribute('placeholder')).toBe('ДД.ММ.ГГГГ');
        // «Дата» stands beside «Предмет» at 1366x768, not over it.
        const subject = (await page.getByLabel('Предмет').boundingBox())!;
        const box = (await date.boundingBox())!;
        expect(subject.x + subject.width <= box.x || box.y >= subject.y + subject.height).toBe(true);

        await date.fill('30.02.2026');
        await page.getByRole('button', { name: 'Добавить' }).click();
        await page.getByText('Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026.').waitFor();
        expect(await date.getAttribute('aria-invalid')).toBe('true');

        // A holiday: the server refuses; the message stands under the form and has the focus.
        await date.fill('27.10.2026');
        await page.getByRole('button', { name: 'Добавить' }).click();
        const alert = page.getByRole('alert').filter({ hasText: '27.10.2026 — «Осенние каникулы»' });
        await alert.waitFor();
        expect(await alert.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await page.evaluate(() => document.querySelector('[role="alert"]')!.compareDocumentPosition(document.getElementById('date')!) & Node.DOCUMENT_POSITION_PRECEDING)).toBeTruthy();
        expect(await inViewport(page, '[role="alert"]')).toBe(true);
      },
      { viewport: DESKTOP },
    );
  });

  it('should bring the curriculum cell editor into view with its first field focused', async () => {
    await b.inBrowser(
      async (page) => {
        await b.signIn(page, 'deputy');
        await page.goto(b.at(`/curriculum${Q}`));
        await page.getByRole('button', { name: '«Английский язык» в 5А' }).click();
        await page.getByRole('heading', { name: '«Английский язык» в 5А' }).waitFor();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('hours');
        expect(await inViewport(page, '#hours')).toBe(true);
      },
      { viewport: DESKTOP },
    );
  });
});

/**
 * Browser tests' common ground: the run's one Chromium (Debian's, driven by playwright-core, never a
 * downloaded browser) and the run's one local stack behind it (test/support/e2e-setup.ts), a fresh
 * context per person, and sign-in as a demo login.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { openLocalStack } from './stack';

export const DEMO_PASSWORD = 'Demo-2026!';

export interface BrowserStack {
  url: string;
  browser: Browser;
  at(path: string): string;
  /** Runs `work` in a fresh context (no cookies); uncaught page errors fail the test. */
  inBrowser(work: (page: Page) => Promise<void>, options?: BrowserContextOptions): Promise<void>;
  /** Signs `login` in through the sign-in page and waits for `next` (home by default). */
  signIn(page: Page, login: string, next?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startBrowserStack(): Promise<BrowserStack> {
  const stack = await openLocalStack();
  const browser = await chromium.connect(inject('e2e').browserWsEndpoint);
  const at = (path: string) => stack.url + path;
  return {
    url: stack.url,
    browser,
    at,
    async inBrowser(work, options = {}) {
      const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', ...options });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      try {
        await work(page);
      } finally {
        await context.close();
      }
      expect(pageErrors).toEqual([]);
    },
    async signIn(page, login, next = '/') {
      await page.goto(next === '/' ? at('/login') : at(`/login?next=${encodeURIComponent(next)}`));
      await page.getByLabel('Логин').fill(login);
      await page.getByLabel('Пароль', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL(at(next));
    },
    async stop() {
      await browser.close();
      await stack.stop();
    },
  };
}

/**
 * Browser tests' common ground: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), the whole local stack behind it, a fresh context per person, and sign-in as a demo login.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startLocalStack } from './stack';

export const DEMO_PASSWORD = 'Demo-2026!';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

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
  const stack = await startLocalStack({ web: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
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

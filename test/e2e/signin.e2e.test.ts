/**
 * Sign-in, activation and the home screen per role, in a real Chromium against the whole local
 * stack (DynamoDB Local in memory, the S3 server, the API and the built web app on one origin,
 * the demo school loaded). `npm test` builds the web app before this runs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { ApiClient } from '../support/api';
import { DEMO_PASSWORD as PASSWORD, startBrowserStack, type BrowserStack } from '../support/browser';
import { keepDuringTest } from '../support/partitions';

let stack: BrowserStack;

beforeAll(async () => {
  stack = await startBrowserStack();
});

afterAll(async () => {
  await stack?.stop();
});

const inBrowser = (work: (page: Page) => Promise<void>) => stack.inBrowser(work);
const at = (path: string) => stack.url + path;
const pathOf = (page: Page) => new URL(page.url()).pathname;

async function fillSignIn(page: Page, login: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

async function signIn(page: Page, login: string, password = PASSWORD): Promise<void> {
  await page.goto(at('/login'));
  await fillSignIn(page, login, password);
  await page.waitForURL(at('/'));
  await page.getByTestId('me-login').filter({ hasText: login }).waitFor();
}

/** The home screen's cards as text: role title, scope, and the sections. */
async function cards(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const card of await page.locator('section.card').all()) {
    const title = (await card.getByRole('heading').textContent())?.trim() ?? '';
    out[title] = (await card.innerText()).replace(/\s+/g, ' ').trim();
  }
  return out;
}

async function meOf(login: string, password = PASSWORD) {
  const client = new ApiClient(stack.url);
  const res = await client.signIn(login, password);
  expect(res.status).toBe(200);
  return res.body as { userId: string; displayName: string; children: Array<{ displayName: string; className: string }> };
}

describe('sign-in screen', () => {
  it('should send a visitor who is not signed in from the home screen to the sign-in screen', async () => {
    await inBrowser(async (page) => {
      await page.goto(at('/'));
      await page.waitForURL(at('/login'));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Вход в электронный журнал');
      expect(await page.getByRole('link', { name: 'У меня есть код активации' }).getAttribute('href')).toBe('/activate');
    });
  });

  it('should show the Russian error for a wrong password and stay on the sign-in screen', async () => {
    await inBrowser(async (page) => {
      await page.goto(at('/login'));
      await fillSignIn(page, 'teacher', 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Неверный логин или пароль.');
      expect(pathOf(page)).toBe('/login');
      expect(await page.getByLabel('Пароль', { exact: true }).inputValue()).toBe('');
    });
  });

  it('should ask for the login before sending anything', async () => {
    await inBrowser(async (page) => {
      await page.goto(at('/login'));
      await page.getByRole('button', { name: 'Войти' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('Укажите логин.');
      expect(await page.getByLabel('Логин').getAttribute('aria-invalid')).toBe('true');
    });
  });

  // parent2: no other test signs in as them, and the lock lasts the throttle window.
  it('should show the throttle message after repeated failures', async () => {
    await inBrowser(async (page) => {
      await page.goto(at('/login'));
      for (let i = 0; i < 6; i++) {
        await fillSignIn(page, 'parent2', `wrong-${i}`);
        await page.getByRole('button', { name: 'Войти' }).waitFor();
      }
      expect(await page.getByRole('alert').textContent()).toContain('Слишком много неудачных попыток входа');
    });
  });

  it('should bring a person back to the screen they asked for after signing in', async () => {
    await inBrowser(async (page) => {
      await page.goto(at('/schools/sch53/logins'));
      await page.waitForURL(/\/login\?next=/);
      await fillSignIn(page, 'admin');
      await page.waitForURL(at('/schools/sch53/logins'));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Реестр выданных логинов');
    });
  });
});

describe('home screen per role', () => {
  it('should show a subject teacher who they are and the journal to come, and nothing of the administrator', async () => {
    const me = await meOf('teacher');
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(me.displayName);
      const c = await cards(page);
      expect(Object.keys(c)).toEqual(['Учитель']);
      expect(c['Учитель']).toContain('МАОУ СОШ № 53');
      expect(c['Учитель']).toContain('Классный журнал');
      expect(c['Учитель']).not.toContain('Классный журнал — скоро');
      expect(await page.getByRole('main').getByRole('link', { name: 'Классный журнал' }).getAttribute('href')).toBe('/journal?school=sch53');
      expect(await page.getByText('Реестр выданных логинов').count()).toBe(0);
    });
  });

  it('should show a parent each child by name and class with the diary to come', async () => {
    const me = await meOf('parent');
    expect(me.children.map((ch) => ch.className).sort()).toEqual(['5А', '8Б']);
    await inBrowser(async (page) => {
      await signIn(page, 'parent');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(me.displayName);
      const c = await cards(page);
      expect(Object.keys(c)).toEqual(['Родитель']);
      for (const child of me.children) expect(c['Родитель']).toContain(`${child.displayName}, ${child.className}: Дневник — скоро`);
      // The younger child's class first.
      expect(c['Родитель']!.indexOf('5А')).toBeLessThan(c['Родитель']!.indexOf('8Б'));
    });
  });

  it('should show a class teacher their class, and open its roster', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'classteacher');
      const c = await cards(page);
      expect(Object.keys(c)).toEqual(['Классный руководитель', 'Учитель']);
      expect(c['Классный руководитель']).toContain('Класс 5А');
      expect(c['Классный руководитель']).toContain('Коды активации для учеников и родителей');
      await page.getByRole('main').getByRole('link', { name: 'Мой класс' }).click();
      await page.waitForURL(at('/people/sch53/classes/5a'));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/5А/);
    });
  });

  it('should show the department specialist the lock settings', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'uo');
      expect(Object.keys(await cards(page))).toEqual(['Специалист управления образования']);
      await page.getByRole('main').getByRole('link', { name: 'Настройки блокировок' }).click();
      await page.waitForURL(/\/settings$/);
      expect(await page.getByLabel('Блокировка итоговых отметок').inputValue()).toBe('5');
    });
  });
});

describe('sign-out', () => {
  it('should end the session: the home screen then asks to sign in again', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'student');
      expect(Object.keys(await cards(page))).toEqual(['Обучающийся']);
      await page.getByRole('button', { name: 'Выйти' }).click();
      await page.waitForURL(at('/login'));
      await page.goto(at('/'));
      await page.waitForURL(at('/login'));
      expect(await page.getByRole('button', { name: 'Выйти' }).count()).toBe(0);
    });
  });
});

describe('activation', () => {
  it('should let the administrator issue a staff code that sets a password once, and list it in the register', async () => {
    const inspector = await meOf('inspector');
    // The account gets a new password and the register a row: both put back for a re-run.
    await keepDuringTest([keys.account(inspector.userId).pk, keys.loginRegisterPartition('sch53')]);
    let code = '';
    await inBrowser(async (page) => {
      await signIn(page, 'admin');
      await page.getByRole('main').getByRole('link', { name: 'Коды активации сотрудникам' }).click();
      await page.getByLabel('Идентификатор учётной записи').fill(inspector.userId);
      await page.getByRole('button', { name: 'Выдать код' }).click();
      code = (await page.getByTestId('issued-code').textContent())?.trim() ?? '';
      expect(code).not.toBe('');
      expect(await page.getByRole('status').textContent()).toMatch(/Действует до \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    });

    await inBrowser(async (page) => {
      await page.goto(at('/activate'));
      await page.getByLabel('Код активации').fill(code);
      await page.getByLabel('Новый пароль').fill('Сирень-и-мел-2026');
      await page.getByLabel('Повторите пароль').fill('Сирень-и-мел-2025');
      await page.getByRole('button', { name: 'Активировать и войти' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('Пароли не совпадают.');

      // A common password passes the length check here; the server refuses it in Russian.
      await page.getByLabel('Новый пароль').fill('12345678');
      await page.getByLabel('Повторите пароль').fill('12345678');
      await page.getByRole('button', { name: 'Активировать и войти' }).click();
      await page.getByRole('alert').filter({ hasText: 'слишком распространён' }).waitFor();

      await page.getByLabel('Новый пароль').fill('Сирень-и-мел-2026');
      await page.getByLabel('Повторите пароль').fill('Сирень-и-мел-2026');
      await page.getByRole('button', { name: 'Активировать и войти' }).click();
      await page.waitForURL(at('/'));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(inspector.displayName);
    });

    // The code worked once; the new password works from now on.
    const again = await new ApiClient(stack.url).post('/api/auth/activate', { code, password: 'Другой-пароль-2026' });
    expect(again.status).toBe(400);
    await meOf('inspector', 'Сирень-и-мел-2026');

    await inBrowser(async (page) => {
      await signIn(page, 'admin');
      await page.getByRole('main').getByRole('link', { name: 'Реестр выданных логинов' }).click();
      const row = page.getByRole('row').filter({ hasText: inspector.displayName });
      await row.waitFor();
      expect(await row.textContent()).toContain('Сотрудник');
      expect(await row.locator('td').last().textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    });
  });
});

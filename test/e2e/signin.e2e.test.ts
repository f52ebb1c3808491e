/**
 * Sign-in, activation and the home screen per role, in a real Chromium against the whole local
 * stack (DynamoDB Local in memory, the S3 server, the API and the built web app on one origin,
 * the demo school loaded). `npm test` builds the web app before this runs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { keys } from '../../shared/db/keys';
import { displayName, listAccountsOfSchool } from '../../shared/repos/accounts';
import { ApiClient } from '../support/api';
import { DEMO_PASSWORD as PASSWORD, startBrowserStack, type BrowserStack } from '../support/browser';
import { seriousViolations } from '../support/axe';
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

/** A staff member of the school who has not activated yet (a code for them resets nothing). */
async function pendingStaffOf(schoolId: string) {
  const accounts = await listAccountsOfSchool(schoolId);
  const a = accounts.findLast((x) => x.kind === 'staff' && x.status === 'pending')!;
  return { userId: a.userId, displayName: displayName(a) };
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

  it('should show a parent each child by name and class with their diary, and the marks for the period', async () => {
    const me = await meOf('parent');
    expect(me.children.map((ch) => ch.className).sort()).toEqual(['5А', '8Б']);
    await inBrowser(async (page) => {
      await signIn(page, 'parent');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(me.displayName);
      const c = await cards(page);
      expect(Object.keys(c)).toEqual(['Родитель']);
      for (const child of me.children) expect(c['Родитель']).toContain(`${child.displayName}, ${child.className} (Дневник)`);
      expect(c['Родитель']).toContain('Отметки за период');
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
      await page.getByRole('button', { name: 'Выйти', exact: true }).click();
      await page.waitForURL(at('/login'));
      await page.goto(at('/'));
      await page.waitForURL(at('/login'));
      expect(await page.getByRole('button', { name: 'Выйти', exact: true }).count()).toBe(0);
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
      // Home → the working code sheets: the PDF form first, then one code per person.
      await page.getByRole('main').getByRole('link', { name: 'Коды активации сотрудникам' }).click();
      await page.waitForURL(at('/people/sch53/codes'));
      await page.getByRole('button', { name: 'Выдать коды и скачать PDF' }).waitFor();
      // The inspector has a password: the new code is a reset, asked first.
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: `Сбросить пароль: новый код: ${inspector.displayName}` }).click();
      const issued = page.getByTestId('issued-code');
      code = ((await issued.textContent()) ?? '').replace('Код:', '').trim();
      expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
      // (axe-core checks this screen in the shell test, from the administrator's menu.)
      expect(await page.getByRole('row').filter({ has: issued }).textContent()).toMatch(/действует до \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    });

    expect((await new ApiClient(stack.url).signIn('inspector')).status).toBe(401);

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

describe('forgot password', () => {
  it('should explain who issues a new code, from the sign-in page, by keyboard', async () => {
    await inBrowser(async (page) => {
      await page.goto(at('/login'));
      const link = page.getByRole('link', { name: 'Забыли пароль?' });
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(at('/forgot'));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Забыли пароль?');
      const text = await page.getByRole('main').innerText();
      expect(text).toContain('классный руководитель');
      expect(text).toContain('администратор электронного журнала');
      expect(text).toContain('«У меня есть код активации»');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Вернуться ко входу' }).click();
      await page.waitForURL(at('/login'));
    });
  });
});

describe('shared computers', () => {
  it('should warn a minute before the idle end, go on with «Продолжить», then sign out when idle', async () => {
    await inBrowser(async (page) => {
      await page.clock.install();
      await signIn(page, 'deputy');
      // Every answer of the server counts as activity: the home's badges (requests, messages) must
      // have answered before the clock jumps, or a late one restarts the idle time after the jump.
      await page.waitForLoadState('networkidle');
      const warning = page.getByRole('dialog', { name: 'Сеанс скоро завершится' });
      await page.clock.fastForward('13:50');
      expect(await warning.isVisible()).toBe(false);
      await page.clock.fastForward('00:20');
      await warning.waitFor();
      expect(await warning.textContent()).toMatch(/Выход через \d+ с/);
      expect(await seriousViolations(page)).toEqual([]);
      // The button has the focus: Enter goes on working. It pings the server, whose answer counts as
      // activity too: let it land before the clock jumps, or it would restart the idle time after the jump.
      const pings: Array<Promise<unknown>> = [];
      page.on('request', (r) => void (r.url().endsWith('/api/auth/session') && pings.push(r.response())));
      await page.keyboard.press('Enter');
      await warning.waitFor({ state: 'hidden' });
      await expect.poll(() => pings.length).toBeGreaterThan(0);
      await Promise.all(pings);
      expect(pathOf(page)).toBe('/');

      await page.clock.fastForward('14:10');
      await warning.waitFor();
      await page.clock.fastForward('01:00');
      await page.waitForURL(at('/login?reason=idle'));
      expect(await page.getByRole('status').textContent()).toContain('долго не было действий');
      await page.goto(at('/'));
      await page.waitForURL(at('/login'));
    });
  });

  it('should ask for the password again before issuing a code 5 minutes after sign-in, then issue it', async () => {
    const target = await pendingStaffOf('sch53');
    await keepDuringTest([keys.account(target.userId).pk, keys.loginRegisterPartition('sch53')]);
    await inBrowser(async (page) => {
      await signIn(page, 'admin');
      await page.goto(at('/people/sch53/codes'));
      setClock(() => new Date(Date.now() + 6 * 60_000));
      try {
        await page.getByRole('button', { name: `Выдать код: ${target.displayName}` }).click();
        const dialog = page.getByRole('dialog', { name: 'Подтвердите пароль' });
        await dialog.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.type('not-my-password');
        await page.keyboard.press('Enter');
        await dialog.getByRole('alert').filter({ hasText: 'Неверный пароль.' }).waitFor();
        await dialog.getByLabel('Пароль').fill(PASSWORD);
        await page.keyboard.press('Enter');
        await dialog.waitFor({ state: 'hidden' });
        expect(await page.getByTestId('issued-code').textContent()).toMatch(/^Код: [A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
      } finally {
        setClock(null);
      }
    });
  });

  it('should end every session of the person on «Выйти на всех устройствах»', async () => {
    const secretary = await meOf('secretary');
    await keepDuringTest([keys.account(secretary.userId).pk]);
    await inBrowser(async (other) => {
      await signIn(other, 'secretary');
      await inBrowser(async (page) => {
        await signIn(page, 'secretary');
        page.once('dialog', (d) => void d.accept());
        await page.getByRole('button', { name: 'Выйти на всех устройствах' }).click();
        await page.waitForURL(at('/login?reason=everywhere'));
        expect(await page.getByRole('status').textContent()).toContain('Все ваши сеансы завершены');
      });
      // The other computer's session is refused at its next renewal (reads) or write, at once.
      setClock(() => new Date(Date.now() + 11 * 60_000));
      try {
        await other.goto(at('/'));
        await other.waitForURL(at('/login'));
      } finally {
        setClock(null);
      }
    });
  });
});

/**
 * The people screens in a real Chromium against the whole local stack: the
 * secretary loads a class list (preview with the rejected rows and their reasons, then apply) and
 * records a transfer on a student's card; the class teacher downloads the class's code sheet; a
 * parent is refused all of it. `npm test` builds the web app before this runs.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInZone } from '../../shared/domain/calendar';
import { ApiClient } from '../support/api';
import { startBrowserStack, type BrowserStack } from '../support/browser';


let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
});

afterAll(async () => {
  await b?.stop();
});

// Downloads on: the class teacher saves the activation-code sheet.
const inBrowser = (work: (page: Page) => Promise<void>) => b.inBrowser(work, { acceptDownloads: true });
const at = (path: string) => b.at(path);

async function signIn(page: Page, login: string): Promise<void> {
  await b.signIn(page, login);
  await page.getByTestId('me-login').filter({ hasText: login }).waitFor();
}

/**
 * The files share one school, so this run's pupils get a surname of their own (a re-run, or another
 * test reading 5Б, meets no pupil twice); they leave 5Б for 6Б, a class no other test reads.
 */
const RUN = Array.from({ length: 6 }, () => 'бвгдклмнпрстфхцчшщ'[randomInt(18)]).join('');
const family = (base: string) => `${base}-${RUN[0]!.toUpperCase()}${RUN.slice(1)}`;
const HEAD = 'Фамилия;Имя;Отчество;Дата рождения;Пол;Класс;Фамилия родителя;Имя родителя;Отчество родителя';
const CSV = [
  HEAD,
  `${family('Тестова')};Алиса;Игоревна;14.02.2015;ж;5Б;${family('Тестова')};Ирина;Олеговна`,
  `${family('Тестов')};Борис;Игоревич;30.02.2015;м;5Б;;;`,
  `${family('Тестов')};Глеб;Игоревич;11.11.2014;м;5Ж;;;`,
  `${family('Тестов')};Демид;Игоревич;01.03.2015;м;5Б;${family('Тестова')};Ирина;Олеговна`,
].join('\r\n');

/** A pupil of 5Б of this test's own, loaded through the API the import screen uses; its card's id. */
async function ownPupil(secretary: ApiClient, firstName: string): Promise<string> {
  const file = `\ufeff${HEAD}\r\n${family('Тестова')};${firstName};Игоревна;14.02.2015;ж;5Б;;;`;
  const pre = await secretary.post('/api/schools/sch53/imports', { fileName: 'e2e.csv', contentBase64: Buffer.from(file).toString('base64') });
  expect(pre.body.counts).toMatchObject({ accepted: 1, rejected: 0 });
  expect((await secretary.post(`/api/schools/sch53/imports/${pre.body.importId}/apply`, { version: 1 })).status).toBe(200);
  const fifthB = await secretary.get('/api/schools/sch53/classes/5b');
  return fifthB.body.students.find((s: { displayName: string }) => s.displayName === `${family('Тестова')} ${firstName} Игоревна`).studentId;
}

describe('the secretary', () => {
  it('should check a class list, see every rejected row with its reason, and apply the accepted ones', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'secretary');
      await page.goto(at('/people/sch53/import'));
      await page.getByRole('heading', { name: 'Загрузка списков классов' }).waitFor();
      await page.getByLabel('Файл списка').setInputFiles({ name: '5б.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${CSV}`) });
      await page.getByRole('button', { name: 'Проверить файл' }).click();
      const rejected = page.getByTestId('rejected');
      await rejected.waitFor();
      const rejectedText = (await rejected.innerText()).replace(/\s+/g, ' ');
      expect(rejectedText).toContain('Дата рождения «30.02.2015» не существует.');
      expect(rejectedText).toContain('Класса «5Ж» нет в школе: сначала создайте его.');
      expect(await page.getByTestId('accepted').locator('tbody tr').count()).toBe(2);
      const apply = page.getByRole('button', { name: 'Записать в журнал' });
      expect(await apply.isDisabled()).toBe(true);
      await page.getByLabel('Записать принятые строки, пропустив отклонённые (2)').check();
      await apply.click();
      await expect.poll(async () => (await page.getByTestId('import-result').textContent())?.trim()).toBe('Записано обучающихся: 2, родителей: 1.');
      // The new pupils are on the class page.
      await page.goto(at('/people/sch53/classes/5b'));
      const roster = await page.getByTestId('roster').innerText();
      expect(roster).toContain(`${family('Тестова')} Алиса Игоревна`);
      expect(roster).toContain(`${family('Тестов')} Демид Игоревич`);
    });
  });

  it('should record a transfer with the order on the student’s card and see it in the history', async () => {
    const today = dateInZone(new Date(), 'Europe/Moscow').split('-').reverse().join('.');
    const admin = new ApiClient(b.url);
    await admin.signIn('secretary');
    const studentId = await ownPupil(admin, 'Вера');
    await inBrowser(async (page) => {
      await signIn(page, 'secretary');
      await page.goto(at(`/people/sch53/students/${studentId}`));
      await page.getByRole('heading', { name: `${family('Тестова')} Вера Игоревна` }).waitFor();
      await page.getByLabel('Вид движения').selectOption('transfer');
      await page.getByLabel('Дата приказа').fill(today);
      await page.getByLabel('Номер приказа').fill('77-у');
      await page.getByLabel('В класс').selectOption({ label: '6Б' });
      await page.getByRole('button', { name: 'Записать', exact: true }).click();
      await page.getByText('Перевод в другой класс: записано.').waitFor();
      const history = (await page.getByTestId('history').innerText()).replace(/\s+/g, ' ');
      expect(history).toContain(today);
      expect(history).toContain('№ 77-у');
      expect(history).toContain('5Б → 6Б');
      // A date in the future is refused with the server's Russian reason, and nothing changes.
      await page.getByLabel('Дата приказа').fill('01.01.2099');
      await page.getByLabel('Номер приказа').fill('78-у');
      await page.getByLabel('В класс').selectOption({ label: '5Б' });
      await page.getByRole('button', { name: 'Записать', exact: true }).click();
      await page.getByText('Дата движения не может быть позже сегодняшнего дня', { exact: false }).waitFor();
    });
    expect((await admin.get(`/api/schools/sch53/students/${studentId}/card`)).body.card.classId).toBe('6b');
  });
});

describe('the class teacher', () => {
  it('should download the activation-code sheet of their class as a PDF', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'classteacher');
      await page.goto(at('/people/sch53/classes/5a'));
      await page.getByRole('heading', { name: 'Коды активации: лист для печати (PDF)' }).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Выдать коды и скачать PDF' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('kody-5a.pdf');
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
      await page.getByText(/Выдано кодов: \d+/).waitFor();
    });
  });
});

describe('a parent', () => {
  it('should be refused the import, the class page, a student card and the movement list', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'parent');
      for (const path of ['/people/sch53/import', '/people/sch53/classes/5a', '/people/sch53/movements', '/people/sch53/staff']) {
        await page.goto(at(path));
        await page.getByRole('heading', { name: 'Нет доступа' }).waitFor();
        expect(await page.getByRole('alert').innerText()).toBe('Этот раздел вам недоступен.');
      }
      const parent = new ApiClient(b.url);
      const me = (await parent.signIn('parent')).body;
      await page.goto(at(`/people/sch53/students/${me.children[0].studentId}`));
      await page.getByRole('heading', { name: 'Страница не найдена' }).waitFor();
      const move = await parent.post(`/api/schools/sch53/students/${me.children[0].studentId}/movements`, { version: 0, kind: 'leave', date: '2026-09-01', orderNo: '1' });
      expect(move.status).toBe(403);
    });
  });
});

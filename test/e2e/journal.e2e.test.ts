/**
 * The journal screen in a real Chromium against the whole local stack (issue 4, "done when"):
 * a teacher fills a lesson by keyboard only, a locked lesson refuses edits with the reason, grade 1
 * refuses marks, a concurrent change shows as a conflict, and a parent and a student of the class
 * do not reach the journal. The server stands on 30.11.2026 (Moscow noon) through its clock.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { ApiClient } from '../support/api';
import { DEMO_PASSWORD, startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { FIXTURE_PARTITIONS, journalFixture, MATH, mskNoon, Q2, SCH, type JournalFixture } from '../integration/journal-fixture';

const NOW = mskNoon('2026-11-30');

let b: BrowserStack;
let fx: JournalFixture;
let restore: (() => Promise<void>) | undefined;

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => NOW);
  // The fixture (its subjects, curriculum lines and journals with what the tests save in them) goes
  // when the file is done: the other screens' tests do not meet it, and a re-run starts afresh.
  restore = await keepPartitions([...FIXTURE_PARTITIONS]);
  fx = await journalFixture(NOW);
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

const inBrowser = (work: (page: Page) => Promise<void>) => b.inBrowser(work);
const at = (path: string) => b.at(path);
const journalOf = (cls: string, subject = MATH, period = Q2) => at(`/journal/${cls}/${subject}/${period}?school=${SCH}`);

/** Signs in with the keyboard only. */
async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(at('/login'));
  await page.getByLabel('Логин').focus();
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(at('/'));
}

async function api(login: string): Promise<ApiClient> {
  const client = new ApiClient(b.url);
  expect((await client.signIn(login)).status).toBe(200);
  return client;
}

const pagePath = (cls: string) => `/api/schools/${SCH}/classes/${cls}/periods/${Q2}/subjects/${MATH}/journal`;
const message = (page: Page) => page.getByTestId('journal-message');
const allSaved = (page: Page) => page.getByText('Все изменения сохранены').waitFor();

describe('the journal screen', () => {
  it('should let a teacher fill a lesson by keyboard only: topic, marks, an absence, and moving like a spreadsheet', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      await page.goto(journalOf('5a'));
      await page.getByRole('heading', { level: 1, name: /5А · Математика \(проверка\)/ }).waitFor();
      const col = MATH_COL('2026-11-30');
      // Into the grid, then F2 opens the lesson's panel with the topic field focused.
      await page.locator(`#c-0-${col}`).focus();
      await page.keyboard.press('F2');
      await page.getByRole('heading', { name: 'Урок 30.11.2026, 8-й' }).waitFor();
      await page.keyboard.type('Умножение десятичных дробей');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Правило умножения, примеры');
      await page.keyboard.press('Control+Enter');
      await page.getByText('Урок сохранён').waitFor();
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`h-${col}`);

      // Marks down the column: type, Enter moves down; «н» is an absence; arrows move too.
      await page.locator(`#c-0-${col}`).focus();
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      await page.keyboard.type('4 3');
      await page.keyboard.press('Enter');
      await page.keyboard.type('н');
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`c-1-${col}`);
      await page.keyboard.press('ArrowLeft');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`c-1-${col - 1}`);
      await allSaved(page);
      await page.locator(`#c-0-${col}[data-state="saved"]`).waitFor();

      const body = (await (await api('teacher')).get(pagePath('5a'))).body;
      const lessonId = '2026-11-30.8.all';
      const [s0, s1, s2] = body.students.slice(0, 3).map((s: { studentId: string }) => s.studentId);
      const marksOf = (id: string) => body.marks.filter((m: { studentId: string; lessonId: string }) => m.studentId === id && m.lessonId === lessonId).map((m: { value: number }) => m.value).sort();
      expect(marksOf(s0)).toEqual([5]);
      expect(marksOf(s1)).toEqual([3, 4]);
      expect(body.attendance).toContainEqual(expect.objectContaining({ studentId: s2, lessonId, kind: 'absent' }));
      expect(body.lessons.find((l: { lessonId: string }) => l.lessonId === lessonId)).toMatchObject({ topic: 'Умножение десятичных дробей', studied: 'Правило умножения, примеры' });
      // The row's weighted average follows (5 for the first student, who has no other mark).
      const avg = await page.locator('tbody tr').first().locator('td.avg').textContent();
      expect(avg?.trim()).toBe('5.00');
    });
  });

  it('should refuse edits of a locked lesson and say why and since when', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      await page.goto(journalOf('5a'));
      const col = MATH_COL('2026-11-16');
      await page.locator(`#c-0-${col}`).focus();
      await page.keyboard.type('5');
      await message(page).filter({ hasText: 'Изменения закрыты с 27.11.2026' }).waitFor();
      expect(await page.locator(`#c-0-${col}`).inputValue()).toBe('');
      await page.keyboard.press('F2');
      const alert = page.locator('section.lesson').getByRole('status').first();
      expect(await alert.textContent()).toContain('по прошествии 10 дней');
      expect(await page.locator('#topic').getAttribute('readonly')).not.toBeNull();
      // And tomorrow's lesson: nothing in advance.
      await page.keyboard.press('Escape');
      await page.locator(`#c-0-${MATH_COL('2026-12-02')}`).focus();
      await page.keyboard.type('4');
      await message(page).filter({ hasText: 'ещё не проведён' }).waitFor();
    });
    const body = (await (await api('teacher')).get(pagePath('5a'))).body;
    expect(body.marks.filter((m: { lessonId: string }) => m.lessonId.startsWith('2026-11-16') || m.lessonId.startsWith('2026-12-02'))).toEqual([]);
  });

  it('should refuse marks in grade 1 with the clause, and take attendance there', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      await page.goto(journalOf('1a'));
      await page.getByText('В 1 классе отметки не ставятся').first().waitFor();
      await page.locator('#c-0-0').focus();
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      await message(page).filter({ hasText: 'В 1 классе отметки не выставляются' }).waitFor();
      await page.locator('#c-0-0[data-state="locked"]').waitFor();
      expect(await page.locator('#c-0-0').inputValue()).toBe('');
      await page.locator('#c-1-0').focus();
      await page.keyboard.type('б');
      await page.keyboard.press('Enter');
      await allSaved(page);
      await page.locator('#c-1-0[data-state="saved"]').waitFor();
    });
    const body = (await (await api('teacher')).get(pagePath('1a'))).body;
    expect(body.marks).toEqual([]);
    expect(body.attendance).toHaveLength(1);
  });

  it('should show a cell that another teacher changed meanwhile as a conflict with the current value', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      await page.goto(journalOf('5a'));
      const col = MATH_COL('2026-11-27');
      const student = (await (await api('teacher')).get(pagePath('5a'))).body.students[5].studentId;
      // Meanwhile, in another tab:
      const other = await api('teacher');
      const res = await other.send('PUT', `/api/schools/${SCH}/classes/5a/periods/${Q2}/subjects/${MATH}/marks`, {
        lessonId: '2026-11-27.8.all', studentId: student, workType: 'lessonAnswer', value: 2, version: 0, requestId: 'e2e-conflict-1',
      });
      expect(res.status).toBe(200);
      await page.locator(`#c-5-${col}`).focus();
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      await page.locator(`#c-5-${col}[data-state="conflict"]`).waitFor();
      expect(await page.locator(`#c-5-${col}`).inputValue()).toBe('2');
      expect(await message(page).textContent()).toContain('Изменено другим пользователем: сейчас «2»');
    });
  });

  it('should keep a parent and a student of the class away from the journal', async () => {
    for (const login of ['parent', 'student']) {
      await inBrowser(async (page) => {
        await signIn(page, login);
        await page.goto(journalOf('5a'));
        await page.getByRole('heading', { level: 1, name: 'Нет доступа' }).waitFor();
        expect(await page.getByRole('alert').textContent()).toMatch(/только учителям и администрации/);
        expect(await page.locator('table.grid').count()).toBe(0);
        await page.goto(at(`/journal?school=${SCH}`));
        await page.getByRole('heading', { level: 1, name: 'Нет доступа' }).waitFor();
      });
    }
    // Nor through the API.
    for (const login of ['parent', 'student']) expect((await (await api(login)).get(pagePath('5a'))).status).toBe(403);
  });

  it('should list the teacher\'s classes and subjects with the current period', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      await page.goto(at(`/journal?school=${SCH}`));
      await page.getByRole('heading', { name: 'Мои классы и предметы' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: '5А' }).filter({ hasText: 'Математика (проверка)' });
      const link = row.getByRole('link', { name: 'Математика (проверка)' });
      expect(await link.getAttribute('href')).toBe(`/journal/5a/${MATH}/${Q2}?school=${SCH}`);
      expect(await row.getByRole('link', { name: '2 четверть' }).getAttribute('aria-current')).toBe('page');
    });
    expect(fx.fiveA.length).toBeGreaterThan(0);
  });
});

/** The column of a lesson day in 5А's test mathematics (lessons sorted by date). */
function MATH_COL(date: string): number {
  const days = ['2026-11-16', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02'];
  return days.indexOf(date);
}

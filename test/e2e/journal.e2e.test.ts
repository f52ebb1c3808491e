/**
 * The journal screen in a real Chromium against the whole local stack (issue 4, "done when"):
 * a teacher fills a lesson by keyboard only, a locked lesson refuses edits with the reason, grade 1
 * refuses marks, a concurrent change shows as a conflict, and a parent and a student of the class
 * do not reach the journal. The server stands on 30.11.2026 (Moscow noon) through its clock.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setClock } from '../../functions/http/clock';
import { addDays } from '../../shared/domain/calendar';
import { batchWriteAll } from '../../infra/local/seed';
import { ktpItem } from '../../shared/repos/ktp';
import { seriousViolations } from '../support/axe';
import { ApiClient } from '../support/api';
import { DEMO_PASSWORD, startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { FIXTURE_PARTITIONS, journalFixture, MATH, mskNoon, Q2, SCH, type JournalFixture } from '../integration/journal-fixture';

const NOW = mskNoon('2026-11-30');
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

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
  mkdirSync(SCREENSHOTS, { recursive: true });
  // An approved KTP of 5А's test mathematics (its year partition is one of the fixture's, put back after):
  // lessons 1-6 of the year take the first topic, 7 and 8 the second.
  await batchWriteAll([
    ktpItem({
      schoolId: SCH, yearId: '2026', classId: '5a', subjectId: MATH, groupId: 'all', status: 'approved', totalHours: 8, topicCount: 2, version: 2,
      rows: [{ kind: 'section', title: 'Десятичные дроби' }, { kind: 'topic', title: 'Сложение десятичных дробей', hours: 6 }, { kind: 'topic', title: 'Умножение десятичных дробей', hours: 2 }],
      approvedBy: fx.teacher2Id, approvedByName: 'Завуч', approvedAt: '2026-09-01T09:00:00.000Z', updatedBy: fx.teacherId, updatedByName: 'Учитель', updatedAt: '2026-08-31T09:00:00.000Z',
    }),
  ]);
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

const inBrowser = (work: (page: Page) => Promise<void>, options?: { viewport: { width: number; height: number } }) => b.inBrowser(work, options);
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
  it('should let a teacher fill a lesson by keyboard only: topic from the KTP, homework, marks of two chosen work types, a refused entry kept until corrected', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      await page.goto(journalOf('5a'));
      await page.getByRole('heading', { level: 1, name: /5А · Математика \(проверка\)/ }).waitFor();
      const col = MATH_COL('2026-11-30');
      // Opened at today: its column stands between the names and the period columns, in view.
      const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
      const [today, names, right] = [await box(`#h-${col}`), await box('thead th.name'), await box('thead th.r3')];
      expect(today.x).toBeGreaterThanOrEqual(names.x + names.width - 1);
      expect(today.x + today.width).toBeLessThanOrEqual(right.x + 1);
      expect(await page.getByTestId('period-window').textContent()).toMatch(/выставляются с \d\d\.\d\d\.2026: заранее не ставятся/);

      // F2 opens the lesson with the topic focused; Alt+К takes the approved KTP's topic of lesson 7.
      await page.locator(`#c-0-${col}`).focus();
      await page.keyboard.press('F2');
      await page.getByRole('heading', { name: 'Урок 30.11.2026, 8-й' }).waitFor();
      await page.getByRole('button', { name: /Тема из КТП \(Alt\+К\): 2\. Умножение десятичных дробей/ }).waitFor();
      await page.keyboard.press('Alt+KeyK');
      expect(await page.locator('#topic').inputValue()).toBe('Умножение десятичных дробей');
      // The homework is two Tabs away (past the KTP button).
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('homework');
      await page.keyboard.type('№ 245, 247');
      // Individual homework: the pupil is found by typing, not by 14 Tabs.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ih-text-0');
      await page.keyboard.type('Карточка 3');
      await page.keyboard.press('Tab');
      const second = fx.fiveA.map((c) => `${c.lastName} ${c.firstName}`).sort((x, y) => x.localeCompare(y, 'ru'))[1]!;
      await page.keyboard.type(second.split(' ')[0]!);
      await page.keyboard.press('Enter');
      // Work types: one Tab stop, arrows and Space; «Ответ на уроке» and «Домашняя работа».
      await page.locator('#wt-0').focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await page.keyboard.press('Control+Enter');
      await page.getByText('Урок сохранён').waitFor();
      // Esc: back in the cell where F2 was pressed, ready to type the marks.
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`c-0-${col}`);

      // Marks: «5» takes the shown type (Alt+1 «Отв»), Alt+2 picks «ДЗ» for the next; «н» is an absence.
      await page.locator(`#c-0-${col}`).focus();
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Alt+Digit2');
      await page.getByRole('radio', { name: /ДЗ — Домашняя работа/ }).and(page.locator(':checked')).waitFor();
      await page.keyboard.type('4');
      await page.keyboard.press('Enter');
      await page.keyboard.type('н');
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`c-1-${col}`);
      await allSaved(page);

      // «4 3» with «ДЗ» chosen would give the cell a second homework mark: refused, and it stays.
      await page.keyboard.type('4 3');
      await page.keyboard.press('Enter');
      const cell = page.locator(`#c-1-${col}`);
      await page.locator(`#c-1-${col}[aria-invalid="true"]`).waitFor();
      expect(await cell.inputValue()).toBe('4 3');
      expect(await message(page).textContent()).toContain('В клетке уже есть отметка «Домашняя работа»');
      await page.getByText('Не сохранено клеток: 1').waitFor();
      expect(await page.getByText('Все изменения сохранены').count()).toBe(0);
      // A nonsense entry elsewhere stays too, until Esc.
      await page.keyboard.type('6');
      await page.keyboard.press('ArrowUp');
      await page.locator(`#c-2-${col}[aria-invalid="true"]`).waitFor();
      await page.getByText('Не сохранено клеток: 2').waitFor();
      // Corrected: «]» steps to the next work type (after «ДЗ», «Отв» again): the new «3» is an answer in class.
      await page.keyboard.press('BracketRight');
      await page.getByRole('radio', { name: /Отв — Ответ на уроке/ }).and(page.locator(':checked')).waitFor();
      await page.keyboard.type('4 3');
      await page.keyboard.press('Enter');
      await page.locator(`#c-1-${col}[data-state="saved"]`).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`c-2-${col}`);
      await page.keyboard.press('Escape');
      expect(await page.locator(`#c-2-${col}`).inputValue()).toBe('н');
      await allSaved(page);
      expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);

      // A mark's work type and weight on hover and focus (the lesson's work types order the marks); the average with a comma.
      expect(await cell.inputValue()).toBe('3 4');
      expect(await cell.getAttribute('title')).toBe('3 — Отв (Ответ на уроке), вес 1\n4 — ДЗ (Домашняя работа), вес 1');
      expect((await page.locator('tbody tr').first().locator('td.avg').textContent())?.trim()).toBe('5,00');
      expect((await page.locator('tbody tr').nth(1).locator('td.avg').textContent())?.trim()).toBe('3,50');

      // «?» lists every key, F2 included; Esc closes it and the focus comes back.
      await cell.focus();
      await page.keyboard.press('?');
      const keys = page.getByRole('dialog', { name: 'Клавиши журнала' });
      await keys.waitFor();
      expect(await keys.textContent()).toContain('F2, Alt+Enter');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await keys.waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`c-1-${col}`);

      // Before the period's last day its mark is not yet open, and says so.
      await page.locator('#p-0').focus();
      await page.keyboard.type('5');
      await message(page).filter({ hasText: 'не раньше' }).waitFor();

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, 'journal-grid-1366x768.png') });
      await page.setViewportSize(PHONE);
      // Resized (a phone), the grid scrolls to today again: its column in view beside the period columns.
      await page.waitForFunction((id) => {
        const h = document.getElementById(id)!.getBoundingClientRect();
        return h.right <= document.querySelector('thead th.r3')!.getBoundingClientRect().left + 1 && h.left >= document.querySelector('thead th.name')!.getBoundingClientRect().right - 1;
      }, `h-${col}`);
      await page.locator('table.grid').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'journal-grid-390x844.png') });
      expect(await seriousViolations(page)).toEqual([]);
    }, { viewport: DESKTOP });

    const body = (await (await api('teacher')).get(pagePath('5a'))).body;
    const lessonId = '2026-11-30.8.all';
    const [s0, s1, s2] = body.students.slice(0, 3).map((s: { studentId: string }) => s.studentId);
    const marksOf = (id: string) =>
      body.marks.filter((m: { studentId: string; lessonId: string }) => m.studentId === id && m.lessonId === lessonId).map((m: { value: number; workType: string }) => `${m.value} ${m.workType}`).sort();
    expect(marksOf(s0)).toEqual(['5 lessonAnswer']);
    expect(marksOf(s1)).toEqual(['3 lessonAnswer', '4 homework']);
    expect(body.attendance).toContainEqual(expect.objectContaining({ studentId: s2, lessonId, kind: 'absent' }));
    expect(body.lessons.find((l: { lessonId: string }) => l.lessonId === lessonId)).toMatchObject({
      topic: 'Умножение десятичных дробей',
      homework: '№ 245, 247',
      workTypes: ['lessonAnswer', 'homework'],
      individualHomework: [{ studentIds: [s1], text: 'Карточка 3' }],
    });
  });

  it('should set the period mark from the grid after its due day, asking the reason the server demands and flagging it late', async () => {
    const teacher = await api('teacher');
    // The first student's one mark (the first test types it; alone, this test writes it).
    const before = (await teacher.get(pagePath('5a'))).body;
    const s0 = before.students[0].studentId as string;
    if (!before.marks.some((m: { studentId: string }) => m.studentId === s0)) {
      const put = await teacher.send('PUT', `/api/schools/${SCH}/classes/5a/periods/${Q2}/subjects/${MATH}/marks`, {
        lessonId: '2026-11-30.8.all', studentId: s0, workType: 'lessonAnswer', value: 5, version: 0, requestId: 'e2e-period-mark-1',
      });
      expect(put.status).toBe(200);
    }
    const table = await teacher.get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/period-marks?subject=${MATH}`);
    const due = table.body.window.dueBy as string;
    // A day late: still open (the period closes when the next one starts), flagged «с опозданием».
    setClock(() => mskNoon(addDays(due, 1)));
    try {
      await inBrowser(async (page) => {
        await signIn(page, 'teacher');
        await page.goto(journalOf('5a'));
        await page.getByTestId('period-window').filter({ hasText: 'открыты' }).waitFor();
        // One mark where five are the minimum: even «5» needs a reason.
        await page.locator('#p-0').focus();
        await page.keyboard.type('5');
        await page.keyboard.press('Enter');
        const form = page.getByRole('form', { name: /Причина отметки «5» за период/ });
        await form.waitFor();
        expect(await form.textContent()).toContain('За период 1 отметка при минимуме 5');
        expect(await form.textContent()).toContain('будет помечена «с опозданием»');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('period-reason');
        // Sent without one, the server refuses, and says why.
        await page.keyboard.press('Enter');
        await form.getByRole('alert').filter({ hasText: 'укажите причину' }).waitFor();
        await page.keyboard.type('отметки за устные ответы на консультациях');
        await page.keyboard.press('Enter');
        await form.waitFor({ state: 'hidden' });
        expect(await page.locator('#p-0').inputValue()).toBe('5');
        await page.locator('tbody tr').first().locator('td.period').getByText('с опозд.').waitFor();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-0');
        expect(await page.locator('#p-0').getAttribute('aria-invalid')).toBeNull();
        // The implied mark beside it, from an average of 5,00.
        expect((await page.locator('tbody tr').first().locator('td.implied').textContent())?.trim()).toBe('5');
        // «н/а», with a reason from the offered list.
        await page.keyboard.press('ArrowDown');
        await page.keyboard.type('н/а');
        await page.keyboard.press('Enter');
        await page.getByRole('form', { name: /Причина отметки «н\/а» за период/ }).waitFor();
        await page.keyboard.type('недостаточно отметок для аттестации');
        await page.keyboard.press('Enter');
        await page.getByRole('form').waitFor({ state: 'hidden' });
        expect(await page.locator('#p-1').inputValue()).toBe('н/а');
        expect(await seriousViolations(page)).toEqual([]);
      });
    } finally {
      setClock(() => NOW);
    }
    const after = await teacher.get(`/api/schools/${SCH}/classes/5a/periods/${Q2}/period-marks?subject=${MATH}`);
    expect(after.body.marks).toContainEqual(expect.objectContaining({ subjectId: MATH, code: '5', reason: 'отметки за устные ответы на консультациях', late: true }));
    expect(after.body.marks).toContainEqual(expect.objectContaining({ subjectId: MATH, code: 'na', reason: 'недостаточно отметок для аттестации', late: true }));
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
      // The refused entry stays, marked, until Esc takes it back.
      await page.locator('#c-0-0[data-state="locked"][aria-invalid="true"]').waitFor();
      expect(await page.locator('#c-0-0').inputValue()).toBe('5');
      await page.locator('#c-0-0').focus();
      await page.keyboard.press('Escape');
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

/**
 * The family's diary in a real Chromium on a 390x844 phone (issue 12, Done-when): a parent of two
 * children opens a child's diary from home, sees today highlighted, goes back a week in one tap,
 * reads the lesson's topic, homework, the child's own individual homework and marks with work type
 * and weight, switches to the other child, and opens the subject with its explained average; a
 * student does the same for themself. A school event shows on its day and among the coming ones; the
 * deputy publishes one from home. Axe-clean, nothing wider than the phone, and the week still
 * fits at 200 % zoom (a 195 px wide viewport).
 *
 * The child's marks in the test mathematics on 25.11.2026: 5 as a lesson answer (weight 1) and 4
 * for a verification work (weight 2): 13 / 3 = 4,33 → «4».
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { buildDemoModel } from '../../shared/demo/index';
import type { JournalMark } from '../../shared/domain/journal-model';
import { eventItem } from '../../shared/repos/diary-events';
import { markItem } from '../../shared/repos/journal';
import { lessonItem } from '../../shared/repos/lessons';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { FIXTURE_PARTITIONS, journalFixture, MATH, mskNoon, Q2, SCH, YEAR } from '../integration/journal-fixture';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const SUBJECT = 'Математика (проверка)';
const DAY = '2026-11-25';
const PHONE = { width: 390, height: 844 };

let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;
const kids = { a: { studentId: '', name: '' }, b: { studentId: '', name: '' } };

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => mskNoon('2026-12-01'));
  restore = await keepPartitions([...FIXTURE_PARTITIONS, keys.diaryEventsPartition(SCH)]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const fx = await journalFixture(mskNoon('2026-12-01'));
  const model = buildDemoModel({ now: mskNoon('2026-11-30') });
  const children = model.parents.find((p) => p.fixed === 'parent')!.childIds.map((id) => model.students.find((s) => s.studentId === id)!);
  const [a, c] = [children.find((s) => s.classId === '5a')!, children.find((s) => s.classId === '8b')!];
  kids.a = { studentId: a.studentId, name: `${a.lastName} ${a.firstName}` };
  kids.b = { studentId: c.studentId, name: `${c.lastName} ${c.firstName}` };
  const student = model.students.find((s) => s.fixed === 'student')!.studentId;
  const mark = (studentId: string, workType: JournalMark['workType'], value: number): JournalMark => ({
    date: DAY, lessonNo: 8, groupId: 'all', studentId, workType, value, weight: workType === 'verification' ? 2 : 1, version: 1, setBy: fx.teacherId, setAt: `${DAY}T08:00:00.000Z`,
  });
  const place = { schoolId: SCH, classId: '5a', periodId: Q2, subjectId: MATH };
  await batchWriteAll([
    {
      ...lessonItem(SCH, YEAR, { classId: '5a', periodId: Q2, subjectId: MATH, groupId: 'all', date: DAY, lessonNo: 8, teacherId: fx.teacherId, status: 'planned' }, '2026-08-31T09:00:00.000Z'),
      topic: 'Сложение дробей',
      homework: '№ 241, 243',
      individualHomework: [{ studentIds: [a.studentId], text: 'Карточка № 7' }],
      version: 2,
    },
    eventItem({ schoolId: SCH, eventId: '2026-12-03.e2e001', date: '2026-12-03', time: '18:00', title: 'Родительское собрание', place: 'Актовый зал', audience: { kind: 'school' }, audienceTitle: '', publishedBy: fx.teacherId, publishedByName: 'Завуч', publishedAt: '2026-11-30T09:00:00.000Z', version: 1 }),
    ...[mark(a.studentId, 'lessonAnswer', 5), mark(a.studentId, 'verification', 4), mark(student, 'lessonAnswer', 4)].map((m) => markItem(place, m)),
  ]);
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

/** Nothing but a table's own scroll box may stick out sideways. */
const overflowing = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('body *')).filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => `${e.tagName}.${e.className}`));

const dayOf = (page: Page, heading: RegExp) => page.getByRole('region', { name: heading });

describe('the diary on a phone', () => {
  it('should let a parent of two children read the week, go back a week, switch child and open a subject\'s explained average', async () => {
    await b.inBrowser(
      async (page: Page) => {
        await b.signIn(page, 'parent');
        await page.getByRole('link', { name: new RegExp(`${kids.a.name}, 5А`) }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Дневник' }).waitFor();
        // This week, today highlighted.
        const today = dayOf(page, /Вторник, 01\.12\.2026/);
        expect(await today.getAttribute('aria-current')).toBe('date');
        expect(await today.textContent()).toContain('сегодня');
        // The school's event on its day, and in the list of what is coming.
        expect(await dayOf(page, /Четверг, 03\.12\.2026/).textContent()).toContain('Родительское собрание 18:00, Актовый зал; для кого: вся школа');
        const upcoming = (await page.getByRole('region', { name: 'Ближайшие мероприятия и каникулы' }).textContent()) ?? '';
        expect(upcoming).toContain('03.12.2026 — Родительское собрание');
        expect(upcoming).toContain('30.12.2026 — 11.01.2027: Зимние каникулы');
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflowing(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, 'diary-parent-390x844.png'), fullPage: true });

        // The previous week in one tap.
        await page.getByRole('navigation', { name: 'Недели' }).getByRole('link', { name: 'Предыдущая неделя' }).click();
        await page.getByRole('heading', { name: 'Неделя 23.11.2026 — 29.11.2026' }).waitFor();
        const wednesday = dayOf(page, /Среда, 25\.11\.2026/);
        const text = (await wednesday.textContent()) ?? '';
        expect(text).toContain('Сложение дробей');
        expect(text).toContain('№ 241, 243');
        expect(text).toContain('Карточка № 7');
        expect(text).toContain('5 — Ответ на уроке, вес 1');
        expect(text).toContain('4 — Проверочная работа, вес 2');
        expect(await seriousViolations(page)).toEqual([]);

        // 200 % zoom: the same page in half the width still reads without sideways scrolling.
        await page.setViewportSize({ width: PHONE.width / 2, height: PHONE.height / 2 });
        expect(await overflowing(page)).toEqual([]);
        await page.setViewportSize(PHONE);

        // The other child, the same week.
        await page.getByRole('navigation', { name: 'Чей дневник' }).getByRole('link', { name: new RegExp(kids.b.name) }).click();
        await page.waitForURL(new RegExp(`student=${kids.b.studentId}`));
        await expect.poll(() => page.locator('main > p').first().textContent()).toContain(`${kids.b.name}, 8Б`);
        expect(await dayOf(page, /Среда, 25\.11\.2026/).textContent()).not.toContain('Сложение дробей');
        await page.getByRole('navigation', { name: 'Чей дневник' }).getByRole('link', { name: new RegExp(kids.a.name) }).click();

        // The subject with its explained average.
        await dayOf(page, /Среда, 25\.11\.2026/).getByRole('link', { name: SUBJECT }).click();
        await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
        const main = page.locator('main');
        await expect.poll(() => main.textContent()).toContain('(5 × 1 + 4 × 2) / (1 + 2) = 13 / 3 = 4,33');
        expect(await main.textContent()).toContain('Средний балл 4,33 → «4»');
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflowing(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, 'diary-subject-parent-390x844.png'), fullPage: true });
      },
      { viewport: PHONE, isMobile: true, hasTouch: true },
    );
  });

  it('should let a student read their own week without anybody else\'s homework, and their subject', async () => {
    await b.inBrowser(
      async (page: Page) => {
        await b.signIn(page, 'student');
        await page.getByRole('link', { name: 'Мой дневник' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Дневник' }).waitFor();
        await page.getByRole('link', { name: 'Предыдущая неделя' }).click();
        const wednesday = dayOf(page, /Среда, 25\.11\.2026/);
        await wednesday.waitFor();
        const text = (await wednesday.textContent()) ?? '';
        expect(text).toContain('Сложение дробей');
        expect(text).toContain('4 — Ответ на уроке, вес 1');
        expect(text).not.toContain('Карточка № 7');
        expect(await seriousViolations(page)).toEqual([]);
        await wednesday.getByRole('link', { name: SUBJECT }).click();
        await expect.poll(() => page.locator('main').textContent()).toContain('Средний балл 4,00 → «4»');
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflowing(page)).toEqual([]);
      },
      { viewport: PHONE, isMobile: true, hasTouch: true },
    );
  });

  it('should let the deputy publish a school event from home, axe-clean on the phone', async () => {
    await b.inBrowser(
      async (page: Page) => {
        await b.signIn(page, 'deputy');
        await page.getByRole('link', { name: 'Мероприятия' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Мероприятия' }).waitFor();
        await page.getByLabel('Дата', { exact: true }).fill('04.12.2026');
        await page.getByLabel('Время (ЧЧ:ММ, если есть)').fill('15:00');
        await page.getByLabel('Название').fill('Новогодняя ярмарка');
        await page.getByLabel('Место').fill('Спортзал');
        await page.getByRole('button', { name: 'Опубликовать мероприятие' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Мероприятие опубликовано.');
        expect(await page.getByRole('row', { name: /Новогодняя ярмарка/ }).textContent()).toContain('04.12.2026 15:00');
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflowing(page)).toEqual([]);
      },
      { viewport: PHONE, isMobile: true, hasTouch: true },
    );
  });
});

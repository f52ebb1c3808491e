/**
 * The everyday screens in a real Chromium (issue 8, items 2-4): the teacher opens today's lesson
 * from the home screen, lands in its journal column ready to type, and by keyboard only writes its
 * topic, homework and marks of two work types, read back from the server; the department specialist opens a school's
 * settings from the menu (read-only); the deputy reads the change log filtered by a student, in
 * words and by name. axe-core finds no serious or critical violation on these screens; the
 * teacher's day and the change log are photographed at 1366x768 and 390x844.
 *
 * The stack holds the demo's timetable but no journal lessons (test/support/e2e-setup.ts): this
 * file writes today's lessons of the demo teacher, as «Сформировать уроки» would, and a few marks
 * through the API, in partitions it puts back when done.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { buildDemoModel } from '../../shared/demo/index';
import { DEMO_SCHOOL_ID as SCH, DEMO_YEAR_ID as YEAR } from '../../shared/demo/model';
import { ruDate, weekdayOf } from '../../shared/domain/calendar';
import { lessonIdOf } from '../../shared/domain/journal-model';
import { periodsForGrade } from '../../shared/domain/year';
import { lessonItem } from '../../shared/repos/lessons';
import { listClasses, listStudentsOfClass } from '../../shared/repos/school';
import { listSlotsOfTeacher } from '../../shared/repos/timetable';
import { getYear } from '../../shared/repos/year';
import { seriousViolations } from '../support/axe';
import { ApiClient } from '../support/api';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { schoolDayNear } from '../support/school-day';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const DAY = schoolDayNear(new Date());

let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;
/** The first lesson of the teacher's day, where the marks of the change log are. */
let first: { classId: string; subjectId: string; periodId: string; groupId: string; lessonNo: number; lessonId: string };
let pupil: { studentId: string; name: string };
let teacher: ApiClient;

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => DAY.at);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const teacherId = buildDemoModel({ now: new Date() }).staff.find((s) => s.fixed === 'teacher')!.userId;
  const [slots, year, classes] = await Promise.all([listSlotsOfTeacher(SCH, YEAR, teacherId), getYear(SCH, YEAR), listClasses(SCH)]);
  const lessons = slots
    .filter((s) => s.weekday === weekdayOf(DAY.date))
    .flatMap((s) => {
      const grade = classes.find((c) => c.classId === s.classId)?.grade ?? 0;
      const period = periodsForGrade(year!, grade).find((p) => p.startDate <= DAY.date && DAY.date <= p.endDate);
      return period ? [{ classId: s.classId, periodId: period.periodId, subjectId: s.subjectId, groupId: s.groupId, date: DAY.date, lessonNo: s.lessonNo, teacherId, status: 'planned' as const }] : [];
    })
    .sort((a, c) => a.lessonNo - c.lessonNo);
  expect(lessons.length, `the demo teacher has lessons on ${DAY.date}`).toBeGreaterThan(0);
  restore = await keepPartitions([...new Set(lessons.map((l) => keys.journalPartition(SCH, l.classId, l.periodId)))]);
  await batchWriteAll(lessons.map((l) => lessonItem(SCH, YEAR, l, DAY.at.toISOString())));
  first = { ...lessons[0]!, lessonId: lessonIdOf(lessons[0]!) };

  // Two marks and a correction through the API, as the teacher: the change log's records.
  const students = await listStudentsOfClass(SCH, first.classId);
  const [a, c] = students.sort((x, y) => `${x.lastName} ${x.firstName}`.localeCompare(`${y.lastName} ${y.firstName}`, 'ru'));
  pupil = { studentId: a!.studentId, name: `${a!.lastName} ${a!.firstName}` };
  teacher = new ApiClient(b.url);
  expect((await teacher.signIn('teacher')).status).toBe(200);
  const path = `/api/schools/${SCH}/classes/${first.classId}/periods/${first.periodId}/subjects/${first.subjectId}/marks`;
  let n = 0;
  const mark = (studentId: string, value: number, version: number) =>
    teacher.send('PUT', path, { lessonId: first.lessonId, studentId, workType: 'lessonAnswer', value, version, requestId: `everyday-${Date.now()}-${n++}` });
  const set = await mark(a!.studentId, 3, 0);
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  expect((await mark(a!.studentId, 4, set.body.version)).status).toBe(200);
  expect((await mark(c!.studentId, 5, 0)).status).toBe(200);
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

const TOPIC = 'Повторение: сложение дробей';
const HOMEWORK = '№ 12, 14';
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const menu = (page: Page) => page.getByRole('navigation', { name: 'Разделы' });

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
}

describe('the everyday screens', () => {
  it('should open today\'s lesson from the teacher\'s home on its journal column', async () => {
    await b.inBrowser(
      async (page) => {
        await b.signIn(page, 'teacher');
        const day = page.getByTestId('teacher-day');
        await day.getByRole('link').first().waitFor();
        expect(await day.getByRole('heading').textContent()).toContain(DAY.date.split('-').reverse().join('.'));
        // The first lesson has the marks written above; the others are not filled yet.
        expect(await day.locator('li').first().textContent()).toContain('2 отметки');
        await expectAccessible(page, 'teacher: главная с уроками дня');
        await page.screenshot({ path: join(SCREENSHOTS, 'teacher-day-1366x768.png'), fullPage: true });
        await page.setViewportSize(PHONE);
        await page.screenshot({ path: join(SCREENSHOTS, 'teacher-day-390x844.png'), fullPage: true });
        await page.setViewportSize(DESKTOP);

        await day.getByRole('link').first().click();
        await page.waitForURL(/\/journal\/[^/]+\/[^/]+\/[^/?]+\?/);
        const url = new URL(page.url());
        expect(url.pathname).toBe(`/journal/${first.classId}/${first.subjectId}/${first.periodId}`);
        expect(url.searchParams.get('lesson')).toBe(first.lessonId);
        await page.locator('main h1').first().waitFor();
        expect(await page.locator('main h1').first().textContent()).not.toMatch(/Ошибка|Нет доступа/);

        // Ready to type: the focus is in the lesson's first pupil's cell, its column in view.
        await page.waitForFunction(() => /^c-\d+-\d+$/.test(document.activeElement?.id ?? ''));
        const [r0, col] = (await focusedId(page)).split('-').slice(1).map(Number) as [number, number];
        expect(await page.locator(`#h-${col}`).getAttribute('aria-label')).toMatch(new RegExp(`^Урок ${ruDate(DAY.date)}, ${first.lessonNo}-й`));
        const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
        const [head, names, right] = [await box(`#h-${col}`), await box('thead th.name'), await box('thead th.r3')];
        expect(head.x).toBeGreaterThanOrEqual(names.x + names.width - 1);
        expect(head.x + head.width).toBeLessThanOrEqual(right.x + 1);

        // By keyboard only: F2, the topic, the homework, two work types, Ctrl+Enter, Esc back to the cell.
        await page.keyboard.press('F2');
        expect(await focusedId(page)).toBe('topic');
        await page.keyboard.type(TOPIC);
        // The homework is one Tab away, two when the approved KTP offers the lesson's topic.
        for (let i = 0; i < 2 && (await focusedId(page)) !== 'homework'; i++) await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('homework');
        await page.keyboard.type(HOMEWORK);
        // Past «individual homework» and «what was studied» to the work types, one Tab stop.
        for (let i = 0; i < 4 && !(await focusedId(page)).startsWith('wt-'); i++) await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('wt-0');
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Space');
        await page.keyboard.press('Control+Enter');
        await page.getByText('Урок сохранён').waitFor();
        expect(await seriousViolations(page), 'teacher: панель урока').toEqual([]);
        await page.keyboard.press('Escape');
        expect(await focusedId(page)).toBe(`c-${r0}-${col}`);

        // The first two pupils have the marks of the change log: the marks go two rows below.
        // «5» takes the lesson's first work type (answer in class); Alt+2 picks homework for «4».
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.type('5');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Alt+Digit2');
        await page.getByRole('radio', { name: /ДЗ — Домашняя работа/ }).and(page.locator(':checked')).waitFor();
        await page.keyboard.type('4');
        await page.keyboard.press('Enter');
        await page.getByText('Все изменения сохранены').waitFor();
        expect(await seriousViolations(page), 'teacher: журнал на уроке дня').toEqual([]);

        // Saved on the server: the lesson's content and the two marks with their work types.
        const query = first.groupId === 'all' ? '' : `?group=${first.groupId}`;
        const body = (await teacher.get(`/api/schools/${SCH}/classes/${first.classId}/periods/${first.periodId}/subjects/${first.subjectId}/journal${query}`)).body;
        expect(body.lessons.find((l: { lessonId: string }) => l.lessonId === first.lessonId)).toMatchObject({ topic: TOPIC, homework: HOMEWORK, workTypes: ['lessonAnswer', 'homework'] });
        const marksOf = (row: number) =>
          body.marks.filter((m: { studentId: string; lessonId: string }) => m.studentId === body.students[row].studentId && m.lessonId === first.lessonId).map((m: { value: number; workType: string }) => `${m.value} ${m.workType}`);
        expect([marksOf(r0 + 2), marksOf(r0 + 3)]).toEqual([['5 lessonAnswer'], ['4 homework']]);
      },
      { viewport: DESKTOP },
    );
  });

  it('should take the department specialist from the menu to a school\'s settings, read-only', async () => {
    await b.inBrowser(
      async (page) => {
        await b.signIn(page, 'uo');
        await menu(page).getByRole('link', { name: 'Школы управления' }).click();
        const list = page.getByTestId('schools');
        await list.waitFor();
        await expectAccessible(page, 'uo: школы управления');
        await list.getByRole('link', { name: /^Настройки школы: / }).first().click();
        await page.waitForURL(/\/settings\?school=/);
        await page.getByTestId('settings-read-only').waitFor();
        expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain('Настройки школы');
        // Nothing to change: every field and the save button are disabled.
        expect(await page.locator('main input:not([type=hidden]):not(:disabled), main button[type=submit]:not(:disabled)').count()).toBe(0);
        await expectAccessible(page, 'uo: настройки школы');
      },
      { viewport: DESKTOP },
    );
  });

  it('should show the deputy the change log in words, filtered by a student', async () => {
    await b.inBrowser(
      async (page) => {
        await b.signIn(page, 'deputy');
        await page.goto(b.at(`/journal/log/${first.classId}/${first.periodId}?school=${SCH}`));
        const table = page.getByTestId('change-log');
        await table.waitFor();
        await page.getByLabel('Обучающийся').selectOption({ label: pupil.name });
        await page.getByRole('button', { name: 'Показать' }).click();
        await page.waitForURL(/student=/);
        await page.getByTestId('log-count').filter({ hasText: 'из 2' }).waitFor();
        const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')));
        expect(rows.map((r) => r[4])).toEqual([pupil.name, pupil.name]);
        expect(rows.map((r) => r[5])).toEqual(['отметка 3 → 4, ответ на уроке', 'отметка 3, ответ на уроке']);
        expect(rows[0]![0]).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
        expect(rows[0]![3]).toMatch(/^\d\d\.\d\d\.\d{4}, \d урок$/);
        // No ids, codes or English anywhere in the table.
        expect(await table.textContent()).not.toMatch(/[A-Za-z]/);
        await expectAccessible(page, 'deputy: журнал изменений');
        await page.screenshot({ path: join(SCREENSHOTS, 'change-log-1366x768.png'), fullPage: true });
        await page.setViewportSize(PHONE);
        await page.screenshot({ path: join(SCREENSHOTS, 'change-log-390x844.png'), fullPage: true });
      },
      { viewport: DESKTOP },
    );
  });
});

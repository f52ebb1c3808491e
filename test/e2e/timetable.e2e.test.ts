/**
 * The timetable screens in a real Chromium: the deputy places a lesson, sees the clash
 * message when the teacher is busy elsewhere, and places it at a free time, and reads a group
 * teacher's week with the subgroups by name; a teacher sees the
 * week read-only and their own timetable and load; a parent and a student are refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { listSlots } from '../../shared/repos/timetable';
import { ApiClient } from '../support/api';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';

const Q = '?school=sch53&year=2026';

let b: BrowserStack;
let teacherId = '';
let restore: (() => Promise<void>) | undefined;

/** A test subject in the demo's plan: taught by the teacher in 5А and 5Б, placed in 5А. */
async function preparePlan(): Promise<void> {
  const deputy = new ApiClient(b.url);
  expect((await deputy.signIn('deputy')).status).toBe(200);
  const teacher = new ApiClient(b.url);
  teacherId = (await teacher.signIn('teacher')).body.userId;
  expect((await deputy.post('/api/schools/sch53/subjects', { subjectId: 'e2e-chess', name: 'Шахматы', shortName: 'Шахм.', splittable: false })).status).toBe(201);
  for (const c of ['5a', '5b']) {
    expect((await deputy.send('PUT', `/api/schools/sch53/years/2026/curriculum/${c}/e2e-chess`, { hoursPerWeek: 1, teacherId })).status).toBe(200);
  }
  // The teacher gives chess in 5А on Monday, 8th lesson (the demo leaves lesson 8 free).
  expect((await deputy.post('/api/schools/sch53/years/2026/timetable/slots', { classId: '5a', weekday: 1, lessonNo: 8, subjectId: 'e2e-chess', groupId: 'all', room: '214' })).status).toBe(201);
}

beforeAll(async () => {
  b = await startBrowserStack();
  // The subject lives in the school's partition, its lines and slots in the year's plan: both are
  // put back afterwards, for the other screens' tests and for a re-run.
  restore = await keepPartitions([keys.subject('sch53', 'e2e-chess').pk, keys.yearPlan('sch53', '2026')]);
  await preparePlan();
});

afterAll(async () => {
  await restore?.();
  await b?.stop();
});

const inBrowser = (work: (page: Page) => Promise<void>) => b.inBrowser(work);
const at = (path: string) => b.at(path);
const signIn = (page: Page, login: string) => b.signIn(page, login);

describe('the timetable of a class: the deputy', () => {
  it('should show the clash when the teacher is busy, then place the lesson at a free time', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'deputy');
      await page.goto(at(`/timetable${Q}&class=5b`));
      await page.getByRole('heading', { name: 'Расписание уроков: 5Б' }).waitFor();
      expect(await page.getByTestId('timetable-grid').locator('tbody tr').count()).toBe(8);

      await page.getByRole('button', { name: 'Поставить урок: Понедельник, 8-й урок' }).click();
      await page.getByRole('heading', { name: 'Новый урок: Понедельник, 8-й урок' }).waitFor();
      await page.getByLabel('Предмет').selectOption({ label: 'Шахматы' });
      await page.getByRole('button', { name: 'Сохранить урок' }).click();
      const problem = page.getByTestId('timetable-problem');
      await problem.waitFor();
      expect(await problem.innerText()).toMatch(/^Конфликт в расписании\. Учитель .+ в понедельник на 8-м уроке уже ведёт «Шахматы» в 5А\.$/);
      expect((await listSlots('sch53', '2026', '5b')).some((s) => s.subjectId === 'e2e-chess')).toBe(false);

      // The same lesson on Tuesday: the teacher is free then.
      await page.getByLabel('День недели').selectOption({ label: 'Вторник' });
      await page.getByRole('button', { name: 'Сохранить урок' }).click();
      await page.getByText('Урок поставлен в расписание.').waitFor();
      const cell = page.locator('[data-cell="2-8"]');
      expect(await cell.innerText()).toContain('Шахм.');
      expect((await listSlots('sch53', '2026', '5b')).find((s) => s.subjectId === 'e2e-chess')).toMatchObject({ weekday: 2, lessonNo: 8, teacherId });

      // The summary shows the hours of the curriculum against the week.
      expect(await page.getByRole('row', { name: /Шахматы 1 1 \d+/ }).count()).toBe(1);
    });
  });

  it('should show the curriculum grid and open a line for editing', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'deputy');
      await page.goto(at(`/curriculum${Q}`));
      await page.getByRole('heading', { name: 'Учебный план и нагрузка' }).waitFor();
      await page.getByRole('button', { name: '«Английский язык» в 5А' }).click();
      await page.getByRole('heading', { name: '«Английский язык» в 5А' }).waitFor();
      expect(await page.getByLabel('Деление на подгруппы').isChecked()).toBe(true);
      const groupTeacher = await page.getByLabel('1 группа: Учитель подгруппы').inputValue();
      expect(groupTeacher).not.toBe('');
      // That teacher's week names the subgroup as the curriculum does, never by its id.
      await page.goto(at(`/timetable/teacher${Q}&teacher=${groupTeacher}`));
      const week = page.getByTestId('teacher-timetable');
      await week.getByText('(1 группа', { exact: false }).first().waitFor();
      expect(await week.innerText()).not.toMatch(/\(g\d+\)/);
      expect(await week.getByRole('link', { name: /Английский язык, 1 группа/ }).count()).toBeGreaterThan(0);
    });
  });
});

describe('the timetable: other roles', () => {
  it('should show a teacher the week read-only, and their own timetable with their load', async () => {
    await inBrowser(async (page) => {
      await signIn(page, 'teacher');
      await page.goto(at(`/timetable${Q}&class=5a`));
      await page.getByRole('heading', { name: 'Расписание уроков: 5А' }).waitFor();
      expect(await page.getByRole('button', { name: /Поставить урок/ }).count()).toBe(0);
      expect(await page.locator('[data-cell="1-8"]').innerText()).toContain('Шахм.');
      await page.goto(at(`/timetable/teacher${Q}`));
      await page.getByRole('heading', { name: /^Расписание учителя: / }).waitFor();
      expect(await page.getByTestId('teacher-load').innerText()).toContain('Шахматы');
    });
  });

  it.each(['parent', 'student'])('should refuse a %s', async (login) => {
    await inBrowser(async (page) => {
      await signIn(page, login);
      await page.goto(at(`/timetable${Q}&class=5a`));
      await page.getByRole('heading', { name: 'Нет доступа' }).waitFor();
      expect(await page.getByRole('alert').innerText()).toBe('Расписание доступно сотрудникам школы.');
      await page.goto(at(`/curriculum${Q}`));
      await page.getByRole('heading', { name: 'Нет доступа' }).waitFor();
    });
  });
});

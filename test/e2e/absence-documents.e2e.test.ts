/**
 * Absence reasons from a document in a real Chromium (issue 11 item 4; clause 3.7): the pupil of 5А
 * was absent from the test mathematics on 24 and 25.11 (marked by the teacher before the lock);
 * on Friday 04.12 the class teacher opens «Справки об отсутствии» (her class preselected), enters
 * a medical certificate of 03.12 for 23–27.11 with the keyboard, sees that it set the reason of the
 * two absences and sees it in the class's list; the same form with a certificate of 27.11 (its 2
 * working days over) answers with the way to a correction request. axe-core on the screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { keys } from '../../shared/db/keys';
import { ApiClient } from '../support/api';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { base, FIXTURE_PARTITIONS, journalFixture, MATH, mskNoon, Q2, SCH, YEAR } from '../integration/journal-fixture';

let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;
let clock = mskNoon('2026-11-27');
let pupil = '';

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => clock);
  // The fixture's journal and the class's documents are put back afterwards.
  restore = await keepPartitions([...FIXTURE_PARTITIONS, keys.absenceDocument(SCH, '5a', YEAR, '2026-12-03', 'x').pk]);
  const fx = await journalFixture(clock);
  pupil = fx.groups.g1[0]!;
  const teacher = new ApiClient(b.url);
  expect((await teacher.signIn('teacher')).status).toBe(200);
  for (const d of ['2026-11-24', '2026-11-25']) {
    const res = await teacher.send('PUT', `${base('5a', Q2, MATH)}/attendance`, { lessonId: `${d}.8.all`, studentId: pupil, kind: 'absent', version: 0, requestId: `abs-e2e-${d}` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  clock = mskNoon('2026-12-04');
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

async function fill(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

describe('the class teacher enters an absence document', () => {
  it('should set the reason of the pupil\'s absences in its range, list it, and send a late one to a correction request', async () => {
    await b.inBrowser(async (page) => {
      await b.signIn(page, 'classteacher', `/absence-documents?school=${SCH}`);
      await page.getByRole('heading', { name: 'Справки об отсутствии', level: 1 }).waitFor();
      // Her own class is the one the form enters into.
      await page.getByRole('heading', { name: 'Внести документ · 5А' }).waitFor();
      await page.getByLabel('Обучающийся').selectOption(pupil);
      await page.getByLabel('Причина').selectOption('illness');
      await fill(page, 'Вид документа', 'Медицинская справка');
      await fill(page, 'Номер', '095/у-77');
      await fill(page, 'Дата документа', '03.12.2026');
      await fill(page, 'Отсутствовал с', '23.11.2026');
      await fill(page, 'по', '27.11.2026');
      await page.keyboard.press('Enter');
      const entered = page.getByTestId('absence-entered');
      await entered.waitFor();
      expect(await entered.textContent()).toContain('причина поставлена: пропусков — 2');
      const row = page.getByTestId('absence-document');
      await row.waitFor();
      expect(await row.textContent()).toContain('Медицинская справка № 095/у-77 от 03.12.2026');
      expect(await row.textContent()).toContain('23.11.2026 – 27.11.2026');
      expect(await seriousViolations(page, 'main')).toEqual([]);

      // Friday 27.11: its 2 working days ended on Tuesday 01.12.
      await page.getByLabel('Обучающийся').selectOption(pupil);
      await fill(page, 'Вид документа', 'Заявление родителя');
      await fill(page, 'Номер', '5');
      await fill(page, 'Дата документа', '27.11.2026');
      await fill(page, 'Отсутствовал с', '24.11.2026');
      await fill(page, 'по', '24.11.2026');
      await page.getByRole('button', { name: 'Внести', exact: true }).click();
      const problem = page.getByTestId('absence-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('по заявке на корректировку');
      expect(await problem.getByRole('link', { name: 'Подать заявку на корректировку' }).getAttribute('href')).toContain('/corrections/new');
      expect(await seriousViolations(page, 'main')).toEqual([]);
    });
  });
});

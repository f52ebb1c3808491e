/**
 * A correction after a lock, end to end in a real Chromium (issue 11; clauses 7.1-7.4): the class
 * teacher of 5А, who teaches its test mathematics lesson of 17.11, types a 5 into that locked lesson
 * on 01.12; the lock message offers «Подать заявку на корректировку», whose form comes with the cell
 * filled in (the form's picker adds and removes another); the server's problems show beside their
 * fields; the filed request goes to the director, whose menu counts it, who approves it; the deputy
 * designated for journal control enters it; the teacher sees the 5 in the grid and «по заявке № N» in the change log. A second request the
 * director sends to the department, whose specialist records its decision with the document.
 * axe-core on the form, the request and the register. One sign-in per role.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { buildDemoModel } from '../../shared/demo/index';
import { lessonItem } from '../../shared/repos/lessons';
import { ApiClient } from '../support/api';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { FIXTURE_PARTITIONS, journalFixture, MATH, mskNoon, Q2, SCH, YEAR } from '../integration/journal-fixture';

const NOW = mskNoon('2026-12-01');
const LESSON = '2026-11-17.8.all';
const LOCK = 'Исправление — только по заявке на корректировку.';
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;
let pupil = '';
let second = '';

beforeAll(async () => {
  b = await startBrowserStack();
  mkdirSync(SCREENSHOTS, { recursive: true });
  setClock(() => NOW);
  const model = buildDemoModel({ now: NOW });
  const staff = (f: string) => model.staff.find((s) => s.fixed === f)!.userId;
  // The fixture, the register and the school's settings (the deputy designated below) are put back afterwards.
  restore = await keepPartitions([...FIXTURE_PARTITIONS, keys.correctionRegister(SCH, YEAR), keys.school(model.department.departmentId, SCH).pk]);
  const fx = await journalFixture(NOW);
  const first = [...fx.fiveA].sort((a, c) => `${a.lastName} ${a.firstName}`.localeCompare(`${c.lastName} ${c.firstName}`, 'ru'))[0]!;
  pupil = `${first.lastName} ${first.firstName}`;
  second = fx.fiveA.find((s) => s.studentId !== first.studentId)!.studentId;
  // The class teacher teaches this one lesson, so she may write its column and read the class's change log.
  await batchWriteAll([lessonItem(SCH, YEAR, { classId: '5a', periodId: Q2, subjectId: MATH, groupId: 'all', date: '2026-11-17', lessonNo: 8, teacherId: staff('classteacher'), status: 'planned' }, '2026-08-31T09:00:00.000Z')]);
  // Clause 3.11: the director designates the deputy responsible for journal control (corr-entry's settings route).
  const director = new ApiClient(b.url);
  expect((await director.signIn('director')).status).toBe(200);
  const settings = await director.get(`/api/schools/${SCH}/settings`);
  const put = await director.send('PUT', `/api/schools/${SCH}/settings/corrections`, { version: settings.body.version, correctionEntryWindowDays: 3, journalControlDeputyIds: [staff('deputy')] });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

async function axeClean(page: Page) {
  expect(await seriousViolations(page, 'main')).toEqual([]);
}

const grid = `/journal/5a/${MATH}/${Q2}?school=${SCH}&lesson=${LESSON}`;

describe('a correction request from a locked cell to the entry', () => {
  it('should file from the locked cell, be approved by the director, entered by the deputy and seen by the teacher', async () => {
    await b.inBrowser(async (teacher) => {
      // 1. The locked cell: the lock's message and, beside it, the request with the cell filled in.
      await b.signIn(teacher, 'classteacher', grid);
      const cell = teacher.locator('table.grid input:focus');
      await cell.waitFor();
      await teacher.keyboard.type('5');
      await teacher.getByTestId('journal-message').filter({ hasText: LOCK }).waitFor();
      const file = teacher.getByRole('button', { name: 'Подать заявку на корректировку' });
      await file.focus();
      await teacher.keyboard.press('Enter');
      await teacher.getByRole('heading', { level: 1, name: 'Заявка на корректировку журнала' }).waitFor();
      const scope = teacher.getByTestId('form-scope');
      await expect.poll(() => scope.textContent()).toContain(pupil);
      const row = await scope.locator('tbody tr').first().textContent();
      expect(row).toContain('17.11.2026, 8-й урок');
      expect(row).toContain('Математика (проверка)');
      expect(row).toContain('Ответ на урокепусто5');
      expect(await teacher.getByLabel('Класс', { exact: true }).inputValue()).toBe('5a');
      await axeClean(teacher);
      // The form's own picker adds a cell from the journal page, with the value the page holds now; «Убрать» takes it back.
      await teacher.getByLabel('Предмет', { exact: true }).selectOption(MATH);
      await teacher.getByRole('button', { name: 'Показать уроки' }).click();
      await teacher.getByLabel('Урок', { exact: true }).selectOption('2026-11-16.8.all');
      await teacher.getByLabel('Обучающийся', { exact: true }).selectOption({ label: pupil });
      expect(await teacher.getByTestId('pick-now').textContent()).toBe('пусто');
      await teacher.getByLabel('Новое значение').fill('4');
      await teacher.getByRole('button', { name: 'Добавить ячейку' }).click();
      await expect.poll(() => scope.locator('tbody tr').count()).toBe(2);
      expect(await scope.locator('tbody tr').nth(1).textContent()).toContain('16.11.2026, 8-й урок');
      await scope.getByRole('button', { name: /Убрать: 16\.11\.2026/ }).click();
      await expect.poll(() => scope.locator('tbody tr').count()).toBe(1);
      // On a 390px phone the form fits without sideways scrolling (the scope table scrolls in its own box).
      await teacher.setViewportSize({ width: 390, height: 844 });
      expect(await teacher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await teacher.screenshot({ path: join(SCREENSHOTS, 'correction-form-390x844.png'), fullPage: true });
      await teacher.setViewportSize({ width: 1366, height: 768 });

      // 2. The server's problems beside their fields: a document from the future, no explanation.
      await teacher.getByLabel('Основание (п. 7.1 Положения)').selectOption('retake');
      await teacher.getByLabel('Вид документа').fill('Протокол пересдачи');
      await teacher.getByLabel('Номер', { exact: true }).fill('7');
      await teacher.getByLabel('Дата', { exact: true }).fill('05.12.2026');
      await teacher.getByRole('button', { name: 'Подать заявку', exact: true }).click();
      await teacher.locator('#form-doc-date-problems').filter({ hasText: 'ещё не наступила' }).waitFor();
      expect(await teacher.locator('#form-explanation-problems').textContent()).toContain('Опишите');
      await teacher.getByLabel('Дата', { exact: true }).fill('27.11.2026');
      await teacher.getByLabel(/Пояснение/).fill('Пересдача контрольной работы после болезни.');
      await teacher.getByRole('button', { name: 'Подать заявку', exact: true }).click();
      await teacher.waitForURL(/\/corrections\/2026\/\d+\?school=/);
      const num = Number(/\/corrections\/2026\/(\d+)/.exec(teacher.url())![1]);
      expect(await teacher.getByTestId('correction-state').textContent()).toBe('Подана, ждёт решения директора');
      await axeClean(teacher);
      await teacher.screenshot({ path: join(SCREENSHOTS, 'correction-request-1366x768.png'), fullPage: true });

      // A second request, filed through the API, goes to the department (clause 7.5).
      const filer = new ApiClient(b.url);
      expect((await filer.signIn('classteacher')).status).toBe(200);
      const disputed = await filer.send('POST', `/api/schools/${SCH}/classes/5a/corrections`, {
        periodId: Q2, reason: 'assessmentMakeUp', document: { kind: 'Справка', number: '12', date: '2026-11-20' }, explanation: 'Отработка контрольной.',
        cells: [{ kind: 'mark', subjectId: MATH, date: '2026-11-16', lessonNo: 8, groupId: 'all', studentId: second, workType: 'lessonAnswer', from: null, to: '4' }],
      });
      expect(disputed.status, JSON.stringify(disputed.body)).toBe(201);
      const other = disputed.body.correction.number as number;

      // 3. The director: the menu counts both requests; the register; the decisions.
      await b.inBrowser(async (director) => {
        await b.signIn(director, 'director');
        const item = director.locator('#app-menu').getByRole('link', { name: /Заявки на корректировку/ });
        await expect.poll(() => item.getByTestId('corrections-badge').textContent()).toContain('2');
        await item.click();
        await director.getByTestId('corrections-register').waitFor();
        expect(await director.getByTestId(`state-${num}`).textContent()).toBe('Подана, ждёт решения директора');
        await axeClean(director);
        // The register as a PDF (corr-integrity's function): a plain link with the session cookie.
        const pdf = await director.request.get(b.at((await director.getByTestId('register-pdf').getAttribute('href'))!));
        expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
        await director.getByRole('link', { name: `Заявка № ${num}` }).click();
        await director.getByLabel('Комментарий к решению').fill('Разрешаю: протокол пересдачи приложен.');
        await director.getByRole('button', { name: 'Разрешить', exact: true }).click();
        await director.getByTestId('correction-state').filter({ hasText: 'Разрешена, ждёт внесения' }).waitFor();
        expect(await director.getByTestId('correction-window').textContent()).toContain('03.12.2026');
        await director.goto(b.at(`/corrections/2026/${other}?school=${SCH}`));
        await director.getByRole('button', { name: 'Направить в управление образования' }).click();
        await director.getByTestId('correction-state').filter({ hasText: 'Направлена в управление образования' }).waitFor();
      });

      // The department's specialist records the department's decision with its document.
      await b.inBrowser(async (uo) => {
        await b.signIn(uo, 'uo', `/corrections/2026/${other}?school=${SCH}`);
        await uo.getByLabel('Вид документа').fill('Письмо управления образования');
        await uo.getByLabel('Номер', { exact: true }).fill('01-12/345');
        await uo.getByLabel('Дата', { exact: true }).fill('01.12.2026');
        await uo.getByRole('button', { name: 'Записать разрешение' }).click();
        await uo.getByTestId('correction-state').filter({ hasText: 'Разрешена, ждёт внесения' }).waitFor();
        expect(await uo.getByTestId('correction-history').textContent()).toContain('Письмо управления образования № 01-12/345 от 01.12.2026');
      });

      // 4. The deputy of journal control enters exactly the request's cells, in one action.
      await b.inBrowser(async (deputy) => {
        await b.signIn(deputy, 'deputy', `/corrections/2026/${num}?school=${SCH}`);
        expect(await deputy.getByTestId('correction-scope').locator('tbody tr').count()).toBe(1);
        await deputy.getByRole('button', { name: 'Внести исправление' }).click();
        await deputy.getByTestId('correction-state').filter({ hasText: 'Исправление внесено' }).waitFor();
        expect(await deputy.getByTestId('correction-history').textContent()).toContain('внёс(ла) исправление в журнал');
      });

      // 5. The teacher sees the 5 in the grid and the change under the request's number in the log.
      await teacher.goto(b.at(grid));
      await expect.poll(() => teacher.locator('table.grid input:focus').inputValue()).toBe('5');
      await teacher.goto(b.at(`/journal/log/5a/${Q2}?school=${SCH}&subject=${MATH}`));
      await expect.poll(() => teacher.getByTestId('change-log').textContent()).toContain(`по заявке № ${num}`);
    });
  });
});

/**
 * Journal control in a real Chromium (issue 11, items 5 and 6): the deputy, on the change-log
 * screen, asks «Проверить журнал по журналу изменений» and reads the one mark that was changed in
 * the table behind the log's back (the value by the log, the value in the table); then opens the
 * change table of the class and period and finds the change entered under an approved request,
 * with its request, reason, document and the PDF link. axe-core finds nothing serious on either.
 *
 * The stack has no journal: this file writes a few marks with their change-log records (and one
 * mark without its record) and one approved request, in partitions it puts back when done.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { DEMO_SCHOOL_ID as SCH, DEMO_YEAR_ID as YEAR } from '../../shared/demo/model';
import { chainNext, type ChangeBody, type ChangeRecord } from '../../shared/domain/journal-log';
import { periodsForGrade } from '../../shared/domain/year';
import { changeHeadItem, changeRecordItem } from '../../shared/repos/change-log';
import { tryFileCorrection } from '../../shared/repos/corrections';
import { markItem } from '../../shared/repos/journal';
import { getClass, listStudentsOfClass } from '../../shared/repos/school';
import { getYear } from '../../shared/repos/year';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { schoolDayNear } from '../support/school-day';

const DAY = schoolDayNear(new Date());
const CLASS = '5a';
const SUBJECT = 'math';

let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;
let periodId: string;
let number: number;
let pupil: string;

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => DAY.at);
  const [cls, year, students] = await Promise.all([getClass(SCH, CLASS), getYear(SCH, YEAR), listStudentsOfClass(SCH, CLASS)]);
  periodId = periodsForGrade(year!, cls!.grade).find((p) => p.startDate <= DAY.date && DAY.date <= p.endDate)!.periodId;
  const month = DAY.at.toISOString().slice(0, 7);
  restore = await keepPartitions([keys.journalPartition(SCH, CLASS, periodId), keys.correctionRegister(SCH, YEAR), keys.auditPartition(SCH, month)]);
  const [a, c] = students;
  pupil = `${a!.lastName} ${a!.firstName}`;

  const at = DAY.at.toISOString();
  const filed = await tryFileCorrection(
    {
      schoolId: SCH, yearId: YEAR, classId: CLASS, periodId, reason: 'retake',
      document: { kind: 'Протокол пересдачи', number: '12', date: DAY.date },
      explanation: 'Пересдача контрольной работы.',
      cells: [{ kind: 'mark', subjectId: SUBJECT, date: DAY.date, lessonNo: 1, groupId: 'all', studentId: c!.studentId, workType: 'test', from: null, to: '5' }],
      state: 'approved', filedBy: 'e2e', filedByName: 'Учитель Проверки', filedAt: at,
      decisions: [{ action: 'approve', by: 'e2e-director', byName: 'Директор Проверки', at }], version: 2,
    },
    0,
    { userId: 'e2e', displayName: 'Учитель Проверки' },
    DAY.at,
  );
  number = filed!.number;

  // The teacher's mark 4, the mark 5 entered under the request, then the table edited behind the log: 4 -> 2.
  const place = { schoolId: SCH, classId: CLASS, periodId, subjectId: SUBJECT };
  const lesson = { date: DAY.date, lessonNo: 1, groupId: 'all' };
  const body = (studentId: string, workType: string, value: number, extra: Partial<ChangeBody> = {}): ChangeBody => ({
    partition: keys.journalPartition(SCH, CLASS, periodId), subjectId: SUBJECT, at, actorId: 'e2e', actorName: 'Учитель Проверки',
    action: 'create', entity: 'mark', target: { lessonId: `${DAY.date}.1.all`, studentId, workType }, old: null, new: { value }, ...extra,
  });
  const records: ChangeRecord[] = [];
  for (const r of [body(a!.studentId, 'lessonAnswer', 4), body(c!.studentId, 'test', 5, { actorName: 'Заместитель Проверки', reason: `по заявке № ${number}`, correctionNo: number })]) {
    records.push(chainNext(r, records.at(-1) ?? null));
  }
  const mark = (studentId: string, workType: 'lessonAnswer' | 'test', value: number) => markItem(place, { ...lesson, studentId, workType, value, weight: 1, version: 1, setBy: 'e2e', setAt: at });
  await batchWriteAll([...records.map((r) => changeRecordItem(place, r)), changeHeadItem(place, records.at(-1)!), mark(a!.studentId, 'lessonAnswer', 2), mark(c!.studentId, 'test', 5)]);
});

afterAll(async () => {
  await restore?.();
  setClock(null);
  await b?.stop();
});

async function axeClean(page: Page, screen: string) {
  expect(await seriousViolations(page), screen).toEqual([]);
}

describe('journal control', () => {
  it('should show the deputy the cell changed behind the log, and the change table with its request and PDF', async () => {
    await b.inBrowser(async (page) => {
      await b.signIn(page, 'deputy');
      await page.goto(b.at(`/journal/log/${CLASS}/${periodId}?school=${SCH}`));
      await page.getByRole('button', { name: 'Проверить журнал по журналу изменений' }).click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Найдено 1 расхождение' }).count()).toBe(1);
      const row = page.getByTestId('integrity-differences').locator('tbody tr');
      await expect.poll(() => row.count()).toBe(1);
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[0]).toContain(pupil);
      expect(cells[0]).toContain('текущая отметка (ответ на уроке)');
      expect(cells.slice(1)).toEqual(['4', '2']);
      await axeClean(page, 'deputy: журнал изменений с проверкой');

      await page.goto(b.at(`/corrections/changes?school=${SCH}&classId=${CLASS}&periodId=${periodId}`));
      const table = page.getByTestId('change-table');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      const text = await table.innerText();
      for (const words of [`№ ${number}`, 'Заместитель Проверки', 'отметка 5', 'Пересдача по уважительной причине', 'Протокол пересдачи № 12', 'Разрешено директором: Директор Проверки']) expect(text).toContain(words);
      expect(await page.getByTestId('change-table-pdf').getAttribute('href')).toBe(`/api/schools/${SCH}/classes/${CLASS}/periods/${periodId}/correction-changes/pdf`);
      await axeClean(page, 'deputy: таблица изменений по заявкам');
    });
  });
});

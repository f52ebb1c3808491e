/**
 * The period close in a real Chromium (R-40; issue 14): the deputy opens «Закрытие периодов» from
 * the home, sees the year's periods with their state, and the closed period class by class: the
 * state, what was not filled in, the check against the change log, the documents stored. Axe-clean.
 * Lean: one sign-in; the close's items are written straight into its partition (the job itself is
 * tested in test/integration/period-close.int.test.ts) and put back afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { batchWriteAll } from '../../infra/local/seed';
import { keys } from '../../shared/db/keys';
import { classFindings, subjectFindings } from '../../shared/domain/period-close';
import { CLOSE_TYPES, type StoredClassClose, type StoredClose } from '../../shared/repos/period-close';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { mskNoon, SCH, YEAR } from '../integration/journal-fixture';

const Q1 = '2026-q1';
let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => mskNoon('2026-11-30'));
  restore = await keepPartitions([keys.periodCloses(SCH)]);
  const run: StoredClose = { schoolId: SCH, periodId: Q1, periodName: '1 четверть', yearId: YEAR, closeId: `${SCH}:${Q1}`, state: 'running', closedOn: '2026-10-25', startedAt: '2026-10-24T21:20:00.000Z', classIds: ['5a', '5b'] };
  const findings = classFindings([
    subjectFindings(
      { subjectId: 'math', subjectName: 'Математика', roster: { students: [{ studentId: 's1', name: 'Иванов Иван' }] }, lessons: [{ date: '2026-10-20', lessonNo: 1, groupId: 'all', status: 'planned' }], earlierLessons: [], marked: new Set(), ktps: [] },
      { endDate: '2026-10-24' },
      5,
    ),
  ]);
  const done: StoredClassClose = {
    schoolId: SCH, periodId: Q1, classId: '5a', className: '5А', state: 'done', lockedAt: run.startedAt, subjects: 1, doneAt: '2026-10-24T21:21:00.000Z', findings,
    integrity: { ok: true, records: 12, cells: 12, differences: 0, chainProblems: 0, examples: [] },
    documents: [{ kind: 'summary-marks', title: 'Сводная ведомость', fileName: 'summary-marks-5a-2026-q1.pdf', key: 'summary-sheets/x.pdf', sha256: 'a'.repeat(64), bytes: 1000, retention: 'summarySheets' }],
  };
  await batchWriteAll([
    { ...keys.periodClose(SCH, Q1), type: CLOSE_TYPES.run, ...run },
    { ...keys.periodCloseClass(SCH, Q1, '5a'), type: CLOSE_TYPES.cls, ...done },
  ]);
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

describe('the period close screen', () => {
  it('should show the deputy the periods and the close class by class, with what was missing', async () => {
    await b.inBrowser(async (page) => {
      await b.signIn(page, 'deputy');
      await page.getByRole('link', { name: 'Закрытие периодов' }).first().click();
      const close = page.getByTestId('period-close');
      await expect.poll(() => close.getByRole('heading').textContent()).toBe('Закрытие: 1 четверть');
      expect(await page.getByRole('row', { name: /2 четверть/ }).textContent()).toContain('Период идёт');
      const fiveA = close.getByRole('row', { name: /5А/ });
      expect(await fiveA.textContent()).toContain('Не заполнено 1 урок (нет темы).');
      expect(await fiveA.textContent()).toContain('Без отметки за период: 1 обучающийся');
      expect(await fiveA.textContent()).toContain('Журнал совпадает с журналом изменений');
      expect(await fiveA.textContent()).toContain('Сохранено: 1');
      expect(await close.getByRole('row', { name: /5Б/ }).textContent()).toContain('Ожидает');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});
